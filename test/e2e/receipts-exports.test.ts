// Receipts and exports end to end: the built renderer in real Chromium, `window.paydesk` bridged into the
// router the main process uses, the real core behind it, PDFs from real Chromium. The desktop's dialogs
// answer with what the test put in `core.platform.choices`; print and preview land in lists.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import type { PdfRenderer } from '../../electron/core/exports/pdf-renderer';
import type { BridgedCore } from '../support/browser-bridge';
import { call } from '../support/core';
import { serveApp, type TestContext } from '../support/e2e-app';
import { tempDir } from '../support/temp-dir';
import { eventually, untilInPage } from '../support/waiting';
import { seedOrdersAt } from '../support/seed-orders';

const SCREENSHOTS = { receipt: '/tmp/paydesk-receipt-ui.png', export: '/tmp/paydesk-export.png' };

const app = serveApp();

async function openOrders(t: TestContext, core: BridgedCore): Promise<Page> {
  const page = await app.openHome(t, core, { viewport: { width: 1280, height: 820 } });
  await page.getByRole('tab', { name: 'Orders' }).click();
  return page;
}

const seed = seedOrdersAt;

const paidOrders = (count: number, name = 'Customer') =>
  Array.from({ length: count }, (_, i) => ({
    amountMinor: 10_000 + i * 50,
    name: `${name} ${i + 1}`,
    pay: `TRX${String(i + 1).padStart(5, '0')}`,
  }));

/** A door the test opens when it is ready: what waits on it goes on only then. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

/** The real Chromium renderer, held before its `held`-th document (1 is the first) until `door` opens. */
function holdRendering(real: PdfRenderer, held: number, door: Promise<void>): PdfRenderer {
  let calls = 0;
  return {
    async pdf(html) {
      calls += 1;
      if (calls === held) await door;
      return real.pdf(html);
    },
  };
}

type BarState = { now: string | null; max: string | null };

/**
 * Every state of the export progress bar the page draws, recorded in the page as it happens. Page script as
 * text, because tsx compiles named functions with a `__name` helper the page does not have.
 */
async function recordProgress(page: Page): Promise<() => Promise<BarState[]>> {
  await page.evaluate(`(() => {
    const seen = [];
    globalThis.__progress = seen;
    new MutationObserver(() => {
      const bar = document.querySelector('[role="progressbar"]');
      if (!bar) return;
      const state = { now: bar.getAttribute('aria-valuenow'), max: bar.getAttribute('aria-valuemax') };
      const last = seen.at(-1);
      if (!last || last.now !== state.now || last.max !== state.max) seen.push(state);
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  })()`);
  return () => page.evaluate('globalThis.__progress') as Promise<BarState[]>;
}

const orderRow = (page: Page, ref: string) => page.locator(`[role="row"][data-ref="${ref}"]`);
const detailPanel = (page: Page, ref: string) => page.getByRole('complementary', { name: `Order ${ref}` });
const totalsLine = (page: Page) => page.locator('.orders-totals');
const exportOutcome = (page: Page) => page.locator('.export-outcome[role="status"]');
const progressBar = (page: Page) => page.getByRole('progressbar', { name: 'Making receipts' });

test('a paid order’s receipt is saved as a PDF, printed and previewed on the chosen paper; a pending order has none', async (t) => {
  const core = await app.startCore(t);
  const dir = tempDir(t);
  await call(core, 'saveShopDetails', { name: 'রহমান স্টোর', address: 'House 12, Road 5, Dhaka', phone: '+880 1711-000000' });
  const [paid, pending, other] = await seed(core, [
    { amountMinor: 15050, name: 'আলম রহিম উদ্দিন', note: 'দুটি শার্ট', pay: 'CJH1D2Y4W1' },
    { amountMinor: 9900, name: 'Karim Ahmed' },
    { amountMinor: 4200, name: 'Fatema Begum', pay: 'TRXOTHER1' },
  ]);
  const page = await openOrders(t, core);

  await orderRow(page, paid!.ref).click();
  const detail = detailPanel(page, paid!.ref);
  const receipt = detail.getByRole('region', { name: 'Receipt' });
  await receipt.waitFor();
  assert.equal(await receipt.getByLabel('A4').isChecked(), true, 'A4 unless chosen otherwise');
  await receipt.getByLabel('80 mm roll').check();
  assert.equal(await receipt.getByLabel('80 mm roll').isChecked(), true);

  const file = join(dir, 'chosen-name.pdf');
  core.platform.choices.saveFile = file;
  await receipt.getByRole('button', { name: 'Save as PDF' }).click();
  const confirmation = receipt.getByRole('status');
  await confirmation.getByText(`Saved the receipt for ${paid!.ref} as a PDF.`).waitFor();
  assert.equal(readFileSync(file).subarray(0, 4).toString(), '%PDF');
  assert.equal(core.platform.saveDialogs.at(-1)!.defaultName, `receipt-${paid!.ref}.pdf`, 'the dialog offers a sensible name');
  const width = Number(/Page size:\s+([\d.]+) x/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
  assert.equal(Math.round((width / 72) * 25.4), 80, 'laid out for the 80 mm roll that was chosen');
  await page.screenshot({ path: SCREENSHOTS.receipt });

  // The shopkeeper closes the save dialog: nothing was saved, so nothing is said.
  core.platform.choices.saveFile = null;
  await receipt.getByRole('button', { name: 'Save as PDF' }).click();
  await eventually(() => core.platform.saveDialogs.length === 2);
  await untilInPage(page, "[...document.querySelectorAll('.detail-receipt button')].every((button) => !button.disabled)");
  assert.equal(await confirmation.innerText(), '');

  await receipt.getByRole('button', { name: 'Print' }).click();
  await eventually(() => core.platform.printed.length === 1);
  assert.ok(core.platform.printed[0]!.includes(paid!.ref) && core.platform.printed[0]!.includes('CJH1D2Y4W1'));
  await receipt.getByRole('button', { name: 'Preview' }).click();
  await eventually(() => core.platform.previewed.length === 1);
  assert.ok(core.platform.previewed[0]!.includes('আলম রহিম উদ্দিন'));

  // The paper stays chosen for the next order.
  await orderRow(page, other!.ref).click();
  const otherReceipt = detailPanel(page, other!.ref).getByRole('region', { name: 'Receipt' });
  await otherReceipt.waitFor();
  assert.equal(await otherReceipt.getByLabel('80 mm roll').isChecked(), true);

  await orderRow(page, pending!.ref).click();
  const pendingDetail = detailPanel(page, pending!.ref);
  await pendingDetail.getByRole('button', { name: 'Cancel link' }).waitFor();
  assert.equal(await pendingDetail.getByRole('region', { name: 'Receipt' }).count(), 0, 'no receipt for an unpaid order');
});

test('Export CSV writes exactly the orders of the status filter chosen in the list', async (t) => {
  const core = await app.startCore(t);
  const dir = tempDir(t);
  const orders = await seed(core, [
    ...paidOrders(5),
    { amountMinor: 700, name: 'Waiting 1' },
    { amountMinor: 800, name: 'Waiting 2' },
    { amountMinor: 900, name: 'জামাল হোসেন', note: 'বাকি, পরে দেবেন' },
  ]);
  const page = await openOrders(t, core);
  await totalsLine(page)
    .getByText(/^8 orders/)
    .waitFor();
  await page.getByLabel('Status').selectOption('pending');
  await totalsLine(page)
    .getByText(/^3 orders · 0 paid/)
    .waitFor();

  const file = join(dir, 'orders.csv');
  core.platform.choices.saveFile = file;
  await page.getByRole('button', { name: 'Export CSV' }).click();
  await exportOutcome(page).getByText('Exported 3 orders').waitFor();

  const rows = parse(readFileSync(file), { bom: true, columns: true }) as Array<Record<string, string>>;
  const pending = orders.filter((order) => order.status === 'pending');
  assert.deepEqual(rows.map((row) => row.ref).sort(), pending.map((order) => order.ref).sort());
  assert.ok(rows.every((row) => row.status === 'pending'));
  assert.equal(rows.find((row) => row.customer_name === 'জামাল হোসেন')?.note, 'বাকি, পরে দেবেন');
});

test('bulk receipts, one PDF per order, fill the chosen folder with a progress bar that runs to its end', async (t) => {
  const core = await app.startCore(t);
  const folder = tempDir(t);
  const orders = await seed(core, [...paidOrders(60), { amountMinor: 500, name: 'Not paid yet' }]);
  core.platform.choices.folder = folder;
  // The second batch of receipts waits until the screenshot of the export under way is taken.
  const screenshotTaken = gate();
  core.platform.pdf = holdRendering(core.platform.pdf, 2, screenshotTaken.opened);
  const page = await openOrders(t, core);
  await totalsLine(page)
    .getByText(/^61 orders · 60 paid/)
    .waitFor();
  const drawn = await recordProgress(page);

  await page.getByRole('button', { name: 'Receipts…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Receipts for this list' });
  await dialog.getByText('60 paid orders match the list’s search and filters: one receipt each.').waitFor();
  await dialog.getByLabel('One PDF per order, into a folder').check();
  await dialog.getByRole('button', { name: 'Save receipts…' }).click();
  await dialog.waitFor({ state: 'detached' });

  const bar = progressBar(page);
  await page.locator('[role="progressbar"][aria-valuenow="25"][aria-valuemax="60"]').waitFor();
  await page.getByText('25 of 60 receipts').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Receipts…' }).isDisabled(), true, 'one export at a time');
  assert.equal(await page.getByRole('button', { name: 'Export CSV' }).isDisabled(), true);
  await page.screenshot({ path: SCREENSHOTS.export });
  screenshotTaken.open();

  await exportOutcome(page).getByText('Saved 60 receipts').waitFor();
  await bar.waitFor({ state: 'detached' });
  const states = await drawn();
  assert.deepEqual(states.at(-1), { now: '60', max: '60' }, `the bar reached its end: ${JSON.stringify(states)}`);
  const measured = states.filter((state) => state.now !== null).map((state) => Number(state.now));
  assert.deepEqual(
    measured,
    [...measured].sort((a, b) => a - b),
    'and only ever moved forward',
  );

  const expected = orders.filter((order) => order.status === 'paid').map((order) => `receipt-${order.ref}.pdf`);
  assert.deepEqual(readdirSync(folder).sort(), expected.sort(), 'one PDF per paid order and nothing else');
  for (const name of expected.slice(0, 3)) assert.equal(readFileSync(join(folder, name)).subarray(0, 4).toString(), '%PDF');
  await page.getByRole('button', { name: 'Export CSV' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Export CSV' }).isEnabled(), true);
});

test('Cancel pressed while the folder dialog is still open stops the bulk export, and leaves the folder empty', async (t) => {
  const core = await app.startCore(t);
  const folder = tempDir(t);
  await seed(core, paidOrders(200));
  // The folder dialog stays open until the test has pressed Cancel: the core keeps a Cancel that arrives then.
  const cancelPressed = gate();
  const answer = core.platform.chooseFolder;
  core.platform.chooseFolder = async (title) => {
    await cancelPressed.opened;
    return answer(title);
  };
  core.platform.choices.folder = folder;
  const progress: number[] = [];
  t.after(core.events.on('exportProgress', ({ done }) => progress.push(done)));
  const page = await openOrders(t, core);
  await totalsLine(page)
    .getByText(/^200 orders · 200 paid/)
    .waitFor();

  await page.getByRole('button', { name: 'Receipts…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Receipts for this list' });
  await dialog.getByLabel('One PDF per order, into a folder').check();
  await dialog.getByRole('button', { name: 'Save receipts…' }).click();
  await progressBar(page).waitFor();
  await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  await page.getByText('Cancelling…').waitFor();
  cancelPressed.open();

  await exportOutcome(page).getByText('Cancelled — nothing was saved').waitFor();
  await progressBar(page).waitFor({ state: 'detached' });
  assert.deepEqual(readdirSync(folder), [], 'no receipt and no hidden .paydesk-receipts-* folder');
  assert.deepEqual(progress, [], 'the core kept the Cancel and never began');
  assert.equal(await page.getByRole('button', { name: 'Receipts…' }).isEnabled(), true, 'another export can start');
});
