// Several counters on one order book, as the shopkeeper meets it in the built renderer (real Chromium, the browser
// bridge into a real core): this counter named in Settings, each order's counter in the list and its detail, the
// list narrowed to one counter's orders (and the CSV with it), the payments waiting to be written to the shared
// book, and the page reading the book again when the core says it was resynced. The other counter is enrolled in
// the core's own book, and its orders are rows of that book, as another PayDesk on a shared book writes them. On a
// real PostgreSQL book (skipped where there is none): two cores, each with its own key store, and a core whose way
// to the server goes through a TCP proxy the test closes and opens again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { canonicalTransactionId } from '../../electron/core/values/transaction-id';
import { createLink, openInLanguage, showTab } from '../support/app-screens';
import { bookSql } from '../support/book-sql';
import type { BridgedCore } from '../support/browser-bridge';
import { call } from '../support/core';
import { decideOnCheckout } from '../support/customer-browser';
import { serveApp, type TestContext } from '../support/e2e-app';
import { freshDatabase } from '../support/postgres';
import { startTcpProxy } from '../support/tcp-proxy';
import { tempDir } from '../support/temp-dir';
import { untilInPage } from '../support/waiting';

const app = serveApp();
const VIEWPORT = { width: 1280, height: 820 };

/** Another PayDesk on the same book, as it enrolls itself on its first start. */
async function otherCounter(core: BridgedCore, name: string) {
  return core.book.counters.enroll(randomUUID(), [name], new Date().toISOString());
}

/** An order made at `counterId` (null: before counters were recorded), written into the book as that counter would. */
async function madeAt(core: BridgedCore, ref: string, counterId: string | null) {
  await bookSql(core).run('UPDATE orders SET counter_id = ? WHERE ref = ?', counterId, ref);
}

const open = (t: TestContext, core: BridgedCore): Promise<Page> => app.openHome(t, core, { viewport: VIEWPORT });
const row = (page: Page, ref: string) => page.locator(`[role="row"][data-ref="${ref}"]`);
const listedRefs = (page: Page) =>
  page.locator('.grid-rows [role="row"][data-ref]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-ref')));

test('the shopkeeper names this counter in Settings: a refused name is said at the field, and its orders show the new one', async (t) => {
  const core = await app.startCore(t);
  const before = (await call(core, 'getStatus', {})).counter;
  await otherCounter(core, 'Front desk');
  const order = await call(core, 'createPaymentLink', { amount: '50' });
  const page = await open(t, core);
  await showTab(page, 'settings');

  const card = page.locator('section.this-counter-card');
  await card.getByText('Each computer that works on the shop’s order book is a counter').waitFor();
  const field = page.locator('#counter-name');
  assert.equal(await field.inputValue(), before.name);
  const rename = card.getByRole('button', { name: 'Rename' });

  await field.fill('   ');
  await rename.click();
  await page.locator('#counter-name-error').getByText('Give this counter a name').waitFor();
  assert.equal(await field.getAttribute('aria-invalid'), 'true');

  await field.fill('FRONT DESK');
  await rename.click();
  await page.locator('#counter-name-error').getByText('Another counter is already called').waitFor();

  await field.fill('x'.repeat(41));
  await rename.click();
  await page.locator('#counter-name-error').getByText('at most 40 characters').waitFor();

  await field.fill('Till by the door');
  await rename.click();
  await card.locator('.saved-inline').getByText('Saved').waitFor();
  assert.equal(await page.locator('#counter-name-error').count(), 0);
  assert.deepEqual((await call(core, 'getStatus', {})).counter, { ...before, name: 'Till by the door' });

  await showTab(page, 'orders');
  await row(page, order.ref).locator('.cell-counter').getByText('Till by the door').waitFor();
  await row(page, order.ref).click();
  await page.locator('aside.order-detail .detail-fields').getByText('Till by the door').waitFor();
});

test('with two counters on the book, the list names each order’s counter and narrows to one, and so does its CSV', async (t) => {
  const core = await app.startCore(t);
  const here = (await call(core, 'getStatus', {})).counter;
  const dir = tempDir(t);
  const page = await open(t, core);
  await showTab(page, 'orders');
  // One counter alone: nothing to tell apart, so no column and no choice.
  assert.equal(await page.locator('.orders-grid .cell-counter').count(), 0);
  assert.equal(await page.locator('#orders-counter').count(), 0);

  const front = await otherCounter(core, 'Front desk by the long window, left side');
  const mine = await call(core, 'createPaymentLink', { amount: '120', customerName: 'Karim Ahmed' });
  const theirs = await call(core, 'createPaymentLink', { amount: '80', customerName: 'রহিম উদ্দিন' });
  const older = await call(core, 'createPaymentLink', { amount: '30' });
  await madeAt(core, theirs.ref, front.id);
  await madeAt(core, older.ref, null);

  // Shown again, the list asks which counters there are.
  await showTab(page, 'home');
  await showTab(page, 'orders');
  await page.locator('.orders-grid [role="columnheader"].cell-counter').getByText('Counter').waitFor();
  await row(page, mine.ref).locator('.cell-counter').getByText(here.name).waitFor();
  const theirCell = row(page, theirs.ref).locator('.cell-counter');
  await theirCell.getByText(front.name).waitFor();
  assert.equal(await theirCell.locator('[title]').getAttribute('title'), front.name);
  assert.equal((await row(page, older.ref).locator('.cell-counter').textContent())?.trim(), '—');

  const choice = page.locator('#orders-counter');
  const options = await choice.locator('option').allTextContents();
  assert.equal(options[0], 'All counters');
  assert.deepEqual(options.slice(1).sort(), [`${here.name} (this computer)`, front.name].sort());
  assert.equal(await choice.inputValue(), '');

  await choice.selectOption(front.id);
  await untilInPage(page, `document.querySelectorAll('.grid-rows [role="row"][data-ref]').length === 1`);
  assert.deepEqual(await listedRefs(page), [theirs.ref]);
  await page.locator('.orders-totals').getByText('1 order').waitFor();

  core.platform.choices.saveFile = join(dir, 'front-desk.csv');
  await page.locator('.orders-exports button', { hasText: 'CSV' }).click();
  await untilInPage(page, `document.querySelector('.export-outcome')?.textContent.trim()`);
  const csv = readFileSync(join(dir, 'front-desk.csv'), 'utf8');
  assert.ok(csv.includes(theirs.ref) && !csv.includes(mine.ref) && !csv.includes(older.ref), csv);

  await choice.selectOption(here.id);
  await untilInPage(page, `document.querySelectorAll('.grid-rows [role="row"][data-ref]').length === 1`);
  assert.deepEqual(await listedRefs(page), [mine.ref]);

  await row(page, mine.ref).click();
  const detail = page.locator('aside.order-detail .detail-fields');
  await detail.getByText(here.name).waitFor();

  await page.getByRole('button', { name: 'Clear filters' }).click();
  await untilInPage(page, `document.querySelectorAll('.grid-rows [role="row"][data-ref]').length === 3`);
  assert.equal(await choice.inputValue(), '');
});

test('payments waiting to be written to the shared order book are said calmly in the header, and the line goes at 0', async (t) => {
  const core = await app.startCore(t);
  for (const language of ['en', 'bn'] as const) {
    const page = await openInLanguage(app, t, core, language, { viewport: VIEWPORT });
    const notice = page.locator('.app-header .waiting-returns');
    // The header has read the status (its count, the journal's real 0) before the count is told to change: told
    // earlier, the change would be overtaken by the status's own reading.
    await page.locator('.app-header .return-url').waitFor();
    assert.equal(await notice.count(), 0);

    core.events.emit('waitingReturnsChanged', { waiting: 3 });
    await notice.waitFor();
    assert.equal(await notice.getAttribute('role'), 'status');
    const three =
      language === 'en'
        ? '3 payments waiting to be written to the shared order book.'
        : '৩টি পেমেন্ট দোকানের সবার অর্ডারের খাতায় লেখার অপেক্ষায় আছে।';
    await notice.getByText(three).waitFor();
    await notice.getByText(language === 'en' ? 'They are safe on this computer' : 'এগুলো এই কম্পিউটারে নিরাপদে আছে').waitFor();

    core.events.emit('waitingReturnsChanged', { waiting: 1 });
    await notice.getByText(language === 'en' ? '1 payment waiting' : '১টি পেমেন্ট').waitFor();

    core.events.emit('waitingReturnsChanged', { waiting: 0 });
    await notice.waitFor({ state: 'detached' });
    await page.close();
  }
});

test('when the core says the book was read afresh, the list, its totals, an open order and Home read it again', async (t) => {
  const core = await app.startCore(t);
  const first = await call(core, 'createPaymentLink', { amount: '250', customerName: 'Karim Ahmed' });
  const second = await call(core, 'createPaymentLink', { amount: '40' });
  /** Another counter's payment that reached this one only as "read the book again", with no event for the order. */
  const paidElsewhere = async (ref: string, transactionId: string) => {
    const stored = await core.book.orders.findByRef(ref);
    await core.book.orders.claimAtCounter(stored!.id, canonicalTransactionId(transactionId)!, new Date().toISOString());
    core.events.emit('ordersResynced', {});
  };
  const page = await open(t, core);

  await showTab(page, 'orders');
  await row(page, first.ref).getByText('Pending', { exact: true }).waitFor();
  await row(page, first.ref).click();
  const detail = page.locator('aside.order-detail');
  await detail.locator('.detail-summary').getByText('Pending', { exact: true }).waitFor();
  await page.locator('.orders-totals').getByText('0 paid').waitFor();

  await paidElsewhere(first.ref, 'TRXRESYNC1');
  await row(page, first.ref).getByText('Paid', { exact: true }).waitFor();
  await row(page, first.ref).getByText('TRXRESYNC1').waitFor();
  await page.locator('.orders-totals').getByText('1 paid').waitFor();
  await detail.locator('.detail-summary').getByText('Paid', { exact: true }).waitFor();

  await showTab(page, 'home');
  const today = page.locator('.stat-card.is-today .stat-amount');
  await today.getByText('৳250.00').waitFor();
  await paidElsewhere(second.ref, 'TRXRESYNC2');
  await today.getByText('৳290.00').waitFor();
});

test('on a shared book, a counter with no key of its own is told that each computer enters the key once, and then that it keeps its own', async (t) => {
  const database = await freshDatabase(t);
  if (!database) return;
  const book = { engine: 'postgres', connection: database.connection } as const;
  const first = await app.startCore(t, { book });
  const second = await app.startCore(t, { book });
  const firstName = (await call(first, 'getStatus', {})).counter.name;
  await call(first, 'saveProfile', { profile: { name: 'Gulshan', baseUrl: 'https://pay.gulshan.example' } });
  await call(first, 'setApiKey', { profileName: 'Gulshan', apiKey: 'live-key-0123456789' });

  const page = await open(t, second);
  await showTab(page, 'settings');
  await page.locator('.profile-list li', { hasText: 'Gulshan' }).getByRole('button', { name: 'Edit' }).click();
  const note = page.locator('#api-key-per-computer');
  await note.getByText(`This profile’s API key is saved at “${firstName}”, not on this computer.`).waitFor();
  await note.getByText('encrypted by its own key store, which no other computer can read: enter the key once here').waitFor();
  assert.match((await page.locator('#api-key').getAttribute('aria-describedby')) ?? '', /api-key-per-computer/);

  await page.locator('#api-key').fill('live-key-0123456789');
  await page.locator('form.profile-form button[type="submit"]').click();
  await note.getByText('Kept by this computer only').waitFor();
});

test('with the shared book out of reach, making a link says so in the payment panel, a customer’s payment waits on screen, and the line goes once the book answers', async (t) => {
  const database = await freshDatabase(t);
  if (!database) return;
  const proxy = await startTcpProxy(database.connection);
  t.after(() => t.after(() => proxy.close()));
  const core = await app.startCore(t, {
    book: { engine: 'postgres', connection: { ...database.connection, host: proxy.host, port: proxy.port } },
  });
  const page = await open(t, core);
  await showTab(page, 'payments');
  await createLink(page, '120');
  const paymentUrl = await page.locator('#payment-url').inputValue();
  const { ref } = (await core.service.listOrders({ limit: 1 })).orders[0]!;

  proxy.refuse();
  await createLink(page, '75');
  const alert = page.locator('#panel-payments .alert');
  await alert.getByText('The shared order book cannot be reached').waitFor();
  await alert.getByText('Nothing was saved and nothing was sent to the gateway.').waitFor();

  await decideOnCheckout(paymentUrl, 'Pay');
  const notice = page.locator('.app-header .waiting-returns');
  await notice.getByText('1 payment waiting to be written to the shared order book.').waitFor();

  proxy.mend();
  await notice.waitFor({ state: 'detached', timeout: 60_000 });
  await showTab(page, 'orders');
  await row(page, ref).getByText('Paid', { exact: true }).waitFor();
});
