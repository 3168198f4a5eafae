// The packaged shell itself, driven through Playwright's Electron support. It needs the Electron binary and
// the Electron build of better-sqlite3 (both made by `npm start`); where they are missing it says so and skips.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron } from 'playwright-core';
import { CHANNELS } from '../../shared/contract';
import { electronSqliteBindingPath } from '../../scripts/electron-sqlite-path.js';

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
if (skipReason) console.log(`Skipping the Electron app test: ${skipReason}.`);

test(
  'the app opens one PayDesk window whose page has the contract bridge and no Node',
  { skip: skipReason ?? false, timeout: 90_000 },
  async () => {
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
    try {
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
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
);
