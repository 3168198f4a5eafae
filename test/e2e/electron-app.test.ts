// The packaged shell itself, driven through Playwright's Electron support. It needs the Electron binary and
// the Electron build of better-sqlite3 (both made by `npm start`); where they are missing it says so and skips.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { CHANNELS, type Order } from '../../shared/contract';
import { electronSqliteBindingPath } from '../../scripts/electron-sqlite-path.js';
import { decideOnCheckout } from '../support/customer-browser';

const root = join(import.meta.dirname, '..', '..');
const electronDir = join(root, 'node_modules', 'electron');
const electronVersion: string = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version;

function electronExecutable(): string | null {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const executable = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(executable) ? executable : null;
}

const executable = electronExecutable();

/** The page's global object as the test sees it (the test's tsconfig has no DOM types). */
type PageGlobal = {
  paydesk?: Record<string, ((request?: unknown) => Promise<unknown>) | undefined>;
  location: { href: string };
  require?: unknown;
  process?: unknown;
  module?: unknown;
};

function whyNotRunnable(): string | null {
  if (!executable) return 'the Electron binary is not installed here (run `npm start` once on a machine with internet)';
  if (!existsSync(electronSqliteBindingPath(root, electronVersion, process.platform, process.arch))) {
    return 'there is no Electron build of better-sqlite3 here (run `npm start` once on a machine with internet)';
  }
  if (!existsSync(join(root, 'out', 'main', 'index.js'))) return 'the app is not built (run `npm run build`)';
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return 'there is no display to open a window on (run under xvfb-run)';
  }
  return null;
}

const skipReason = whyNotRunnable();
if (skipReason) console.log(`Skipping the Electron app tests: ${skipReason}.`);

/** PayDesk as the shop starts it, on an order book of its own in a temp folder (removed by `t.after`). */
async function launchPaydesk(t: { after(fn: () => unknown): void }): Promise<{ app: ElectronApplication; dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'paydesk-electron-'));
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) if (value !== undefined) env[name] = value;
  delete env.ELECTRON_RUN_AS_NODE;
  delete env.ELECTRON_RENDERER_URL;
  env.PAYDESK_DATA_DIR = dataDir;
  const app = await _electron.launch({
    executablePath: executable!,
    // Chromium refuses to run its process sandbox as root (CI containers); the page stays sandbox: true.
    args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), root],
    cwd: root,
    env,
  });
  t.after(async () => {
    // Nothing is pending by a test's end, so PayDesk quits without asking; one that failed midway may have left a
    // link pending, and the question would wait forever, so after a while the process is ended.
    const closed = app.close().then(
      () => true,
      () => false,
    );
    const timedOut = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 10_000).unref());
    if (!(await Promise.race([closed, timedOut]))) app.process().kill();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return { app, dataDir };
}

/** The shopkeeper's window on a fresh order book, past the welcome (trying the sandbox), on Payments. */
async function openPayments(app: ElectronApplication): Promise<Page> {
  const page = await app.firstWindow();
  page.setDefaultTimeout(10_000);
  await page.locator('section.welcome button.primary').click();
  await page.locator('#tab-payments').click();
  await page.locator('#panel-payments:not([hidden])').waitFor();
  return page;
}

/** Makes a link on the Payments screen, as the shopkeeper does; the order as the core has it. */
async function makeLink(page: Page, amount: string): Promise<Order> {
  await page.locator('#amount').fill(amount);
  await page.locator('#panel-payments form button[type="submit"]').click();
  await page.getByLabel('Link for the customer').waitFor();
  const listed = (await page.evaluate(() => (globalThis as unknown as PageGlobal).paydesk?.listOrders?.({ limit: 1 }))) as {
    ok: boolean;
    value: { orders: Order[] };
  };
  assert.equal(listed.ok, true);
  return listed.value.orders[0]!;
}

/** Whether each of PayDesk's windows is on the screen. */
const windowsShown = (app: ElectronApplication) =>
  app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((window) => window.isVisible()));

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) assert.fail(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

test(
  'the app opens one PayDesk window whose page has the contract bridge and no Node',
  { skip: skipReason ?? false, timeout: 90_000 },
  async (t) => {
    const { app, dataDir } = await launchPaydesk(t);
    const page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');

    assert.equal(await page.title(), 'PayDesk');
    const windowTitle = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle());
    assert.equal(windowTitle, 'PayDesk');
    const userData = await app.evaluate(({ app: electronApp }) => electronApp.getPath('userData'));
    assert.equal(userData, dataDir);

    const bridge = await page.evaluate(() => {
      const page = globalThis as unknown as PageGlobal;
      const api = page.paydesk;
      return {
        methods: api
          ? Object.keys(api)
              .filter((key) => typeof api[key] === 'function')
              .sort()
          : [],
        require: typeof page.require,
        process: typeof page.process,
        module: typeof page.module,
      };
    });
    assert.deepEqual(bridge.methods, [...CHANNELS, 'on'].sort());
    assert.deepEqual(
      { require: bridge.require, process: bridge.process, module: bridge.module },
      { require: 'undefined', process: 'undefined', module: 'undefined' },
    );

    // A real round trip: preload -> ipcMain -> router -> contract validation, and back.
    const rejected = (await page.evaluate(() =>
      (globalThis as unknown as PageGlobal).paydesk?.createPaymentLink?.({ amount: 'not money' }),
    )) as { ok: boolean; error?: { kind: string } };
    assert.equal(rejected.ok, false);
    assert.equal(rejected.error?.kind, 'invalid_input');

    // A foreign navigation is refused: the page stays the app's own.
    const before = page.url();
    await page.evaluate(() => {
      (globalThis as unknown as PageGlobal).location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    assert.equal(page.url(), before);
  },
);

test(
  'closing the window keeps PayDesk running: a customer who pays meanwhile comes back, and the window reopens on Paid',
  { skip: skipReason ?? false, timeout: 120_000 },
  async (t) => {
    const { app } = await launchPaydesk(t);
    const page = await openPayments(app);
    const order = await makeLink(page, '150.50');
    assert.equal(order.status, 'pending');

    // The shopkeeper closes the window (its close button, as Alt+F4 or Cmd+W do): it hides, PayDesk runs on.
    // The first time says why in a desktop notification, which never holds anything up.
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close());
    await until(async () => (await windowsShown(app)).every((shown) => !shown), 'the window is hidden');
    assert.deepEqual(await windowsShown(app), [false], 'hidden, not closed');

    // The customer pays on the sandbox's checkout and their browser comes back to PayDesk's return address.
    const landing = await decideOnCheckout(order.paymentUrl!, 'Pay');
    assert.equal(landing.status, 200, 'the return address answered');
    assert.match(landing.body, /Payment received/);

    // Reopened as the tray's icon and Open PayDesk and the Dock do (they share one handler): Paid is already there.
    await app.evaluate(({ app: electronApp }) => electronApp.emit('activate'));
    await until(async () => (await windowsShown(app))[0] === true, 'the window is back');
    await page.locator('.paid-state').getByText('PAID').waitFor();
  },
);

test(
  'quitting with a link pending asks how many customers may still come back; Keep running keeps PayDesk, Quit anyway quits',
  { skip: skipReason ?? false, timeout: 120_000 },
  async (t) => {
    const { app } = await launchPaydesk(t);
    const page = await openPayments(app);
    await makeLink(page, '80');

    // The question is Electron's own message box, which no test can click: it is answered here, and what it asked kept.
    await app.evaluate(({ dialog }) => {
      const asked: unknown[] = [];
      Object.assign(globalThis, { paydeskAsked: asked, paydeskAnswer: 0 });
      dialog.showMessageBox = (async (...args: unknown[]) => {
        asked.push(args.at(-1));
        return { response: (globalThis as unknown as { paydeskAnswer: number }).paydeskAnswer, checkboxChecked: false };
      }) as typeof dialog.showMessageBox;
    });
    type Asked = { message: string; buttons: string[] };
    const asked = () => app.evaluate(() => (globalThis as unknown as { paydeskAsked: Asked[] }).paydeskAsked);

    await app.evaluate(({ app: electronApp }) => electronApp.quit());
    await until(async () => (await asked()).length === 1, 'PayDesk asks');
    const [question] = await asked();
    assert.equal(question!.message, '1 customer may still come back to pay.');
    assert.deepEqual(question!.buttons, ['Keep running', 'Quit anyway']);
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.deepEqual(await windowsShown(app), [true], 'Keep running (the default) keeps PayDesk and its window');

    const exited = new Promise((resolve) => app.process().once('exit', resolve));
    await app.evaluate(({ app: electronApp }) => {
      Object.assign(globalThis, { paydeskAnswer: 1 });
      electronApp.quit();
    });
    await exited;
  },
);
