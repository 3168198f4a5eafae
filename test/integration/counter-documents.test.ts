// Several counters, one order book: every order names the counter (till) that made it, and the list, the detail, the
// CSV, the receipts, the closing report and the CLI show it and filter by it. Two counters besides this one make
// orders on a fixed day in Dhaka time; one older order records no counter, as a book from before counters would.
process.env.TZ = 'Asia/Dhaka';

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { hashToken, newReturnToken } from '../../electron/core/orders/return-tokens';
import type { StoredCounter } from '../../electron/core/storage/counters-repo';
import { canonicalTransactionId } from '../../electron/core/values/transaction-id';
import { bookSql } from '../support/book-sql';
import { paydesk } from '../support/cli';
import { APP_SENDER, call, startTestCore, type TestCore } from '../support/core';
import { tempDir } from '../support/temp-dir';

const DAY = '2026-03-14';
/** A local time on DAY. */
const on = (hour: number, minute: number) => new Date(2026, 2, 14, hour, minute);
const tk = (taka: number) => taka * 100;
const takings = (count: number, taka: number) => ({ count, sumMinor: tk(taka) });
const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });

type Seed = { name: string; taka: number; hour: number; pay?: string };
const FRONT: Seed[] = [
  { name: 'Rahim Front', taka: 500, hour: 9, pay: 'TRXF1' },
  { name: 'Karim Front', taka: 300, hour: 10, pay: 'TRXF2' },
  { name: 'Salma Front', taka: 100, hour: 11 },
];
const BACK: Seed[] = [
  { name: 'Rahim Back', taka: 700, hour: 12, pay: 'TRXB1' },
  { name: 'Nasrin Back', taka: 50, hour: 13 },
];
const OLD: Seed = { name: 'Jamal Old', taka: 40, hour: 8, pay: 'TRXN1' };

type Shop = { core: TestCore; front: StoredCounter; back: StoredCounter; refs: Map<string, string> };

/** Orders made at each counter through the book's repository, paid by their own returns a minute after. */
async function seedCounters(t: { after(fn: () => unknown): void }): Promise<Shop> {
  const core = await startTestCore(t);
  const at = on(7, 0).toISOString();
  const front = await core.book.counters.enroll('counter-front-desk', ['Front desk'], at);
  const back = await core.book.counters.enroll('counter-back-office', ['Back office'], at);
  const profileId = (await core.profiles.active())!.id;
  const refs = new Map<string, string>();
  const make = async (counterId: string, seed: Seed) => {
    const token = newReturnToken();
    const made = on(seed.hour, 0);
    const order = await core.book.orders.createPending(
      {
        profileId,
        counterId,
        amountMinor: tk(seed.taka),
        customerName: seed.name,
        returnTokenHash: hashToken(token),
        cancelTokenHash: hashToken(newReturnToken()),
        expiresAt: new Date(made.getTime() + 24 * 3600_000).toISOString(),
      },
      made.toISOString(),
    );
    if (seed.pay) await core.book.orders.recordReturn(hashToken(token), canonicalTransactionId(seed.pay)!, on(seed.hour, 1).toISOString());
    refs.set(seed.name, order.ref);
  };
  for (const seed of FRONT) await make(front.id, seed);
  for (const seed of BACK) await make(back.id, seed);
  await make(front.id, OLD);
  await bookSql(core).run(`UPDATE orders SET counter_id = NULL WHERE ref = ?`, refs.get(OLD.name));
  return { core, front, back, refs };
}

test('each order lists and opens with the name of the counter that made it, and the counter filter gives only its orders and totals', async (t) => {
  const { core, front, back, refs } = await seedCounters(t);

  const all = await call(core, 'listOrders', {});
  assert.deepEqual(Object.fromEntries(all.orders.map((order) => [order.customerName, order.counterName])), {
    'Rahim Front': 'Front desk',
    'Karim Front': 'Front desk',
    'Salma Front': 'Front desk',
    'Rahim Back': 'Back office',
    'Nasrin Back': 'Back office',
    'Jamal Old': null,
  });
  const detail = await call(core, 'getOrder', { ref: refs.get('Karim Front')! });
  assert.equal(detail.order.counterName, 'Front desk');

  const atFront = await call(core, 'listOrders', { counter: front.id });
  assert.deepEqual(
    atFront.orders.map((order) => order.customerName),
    ['Salma Front', 'Karim Front', 'Rahim Front'],
  );
  assert.deepEqual([atFront.total, atFront.paidCount, atFront.paidSumMinor], [3, 2, tk(800)]);
  assert.deepEqual(await call(core, 'countOrders', { counter: back.id }), { total: 2, paidCount: 1, paidSumMinor: tk(700) });
  assert.deepEqual(await call(core, 'countOrders', { counter: front.id, status: 'pending', from: DAY, to: DAY }), {
    total: 1,
    paidCount: 0,
    paidSumMinor: 0,
  });
  const searched = await call(core, 'listOrders', { counter: back.id, search: 'Rahim' });
  assert.deepEqual(
    searched.orders.map((order) => order.ref),
    [refs.get('Rahim Back')],
  );
  assert.deepEqual([searched.total, searched.paidCount, searched.paidSumMinor], [1, 1, tk(700)]);
  assert.deepEqual(await call(core, 'countOrders', {}), { total: 6, paidCount: 4, paidSumMinor: tk(1540) }, 'unfiltered, every counter');
  assert.deepEqual((await call(core, 'listOrders', { counter: 'no-such-counter' })).orders, []);
  const cancelled = await call(core, 'cancelOrder', { ref: refs.get('Nasrin Back')! });
  assert.deepEqual(
    [cancelled.status, cancelled.counterName],
    ['cancelled', 'Back office'],
    'an order read back as written names its counter',
  );
});

test('the CSV has a counter column, and receipts, one and in bulk, name the counter', async (t) => {
  const { core, front, back, refs } = await seedCounters(t);
  const dir = tempDir(t);

  core.platform.choices.saveFile = join(dir, 'all.csv');
  assert.equal((await call(core, 'exportOrdersCsv', { filter: {} })).count, 6);
  const bytes = readFileSync(join(dir, 'all.csv'));
  assert.match(bytes.toString('utf8'), /^\uFEFFref,created_at,.*,verification,counter\r\n/);
  const rows = parse(bytes, { bom: true, columns: true }) as Array<Record<string, string>>;
  assert.deepEqual(Object.fromEntries(rows.map((row) => [row.customer_name, row.counter])), {
    'Jamal Old': '',
    'Rahim Front': 'Front desk',
    'Karim Front': 'Front desk',
    'Salma Front': 'Front desk',
    'Rahim Back': 'Back office',
    'Nasrin Back': 'Back office',
  });
  core.platform.choices.saveFile = join(dir, 'front.csv');
  assert.equal((await call(core, 'exportOrdersCsv', { filter: { counter: front.id, status: 'paid' } })).count, 2);
  const frontRows = parse(readFileSync(join(dir, 'front.csv')), { bom: true, columns: true }) as Array<Record<string, string>>;
  assert.deepEqual(
    frontRows.map((row) => [row.customer_name, row.counter]),
    [
      ['Rahim Front', 'Front desk'],
      ['Karim Front', 'Front desk'],
    ],
  );

  const receipt = join(dir, 'receipt.pdf');
  core.platform.choices.saveFile = receipt;
  await call(core, 'saveReceiptPdf', { ref: refs.get('Karim Front')!, layout: 'roll80' });
  assert.match(pdfText(receipt), /Counter\s+Front desk/);
  const bulk = join(dir, 'back.pdf');
  core.platform.choices.saveFile = bulk;
  assert.equal((await call(core, 'exportReceipts', { filter: { counter: back.id }, layout: 'a4', mode: 'combined' })).count, 1);
  const text = pdfText(bulk);
  assert.match(text, /Counter\s+Back office/);
  assert.ok(text.includes(refs.get('Rahim Back')!) && !text.includes('Front desk'), text);
  const old = join(dir, 'old.pdf');
  core.platform.choices.saveFile = old;
  await call(core, 'saveReceiptPdf', { ref: refs.get('Jamal Old')!, layout: 'a4' });
  assert.doesNotMatch(pdfText(old), /Counter/, 'an order from before counters names none');

  // A counter's name is typed by the shop: in the CSV it is quoted and kept from running as a formula, as other typed text.
  await core.book.counters.rename(back.id, '=Till, "2"');
  core.platform.choices.saveFile = join(dir, 'renamed.csv');
  await call(core, 'exportOrdersCsv', { filter: { counter: back.id } });
  const renamed = readFileSync(join(dir, 'renamed.csv'), 'utf8').split('\r\n');
  assert.equal(renamed.filter((line) => line.endsWith(`,"'=Till, ""2"""`)).length, 2, renamed.join('\n'));
});

test('the closing report gives each counter’s takings, and of one counter only its orders', async (t) => {
  const { core, front } = await seedCounters(t);
  const counters = await core.book.counters.list();
  const paidAt: Record<string, ReturnType<typeof takings>> = { 'Front desk': takings(2, 800), 'Back office': takings(1, 700) };

  const report = await call(core, 'getClosingReport', { day: DAY });
  assert.equal(report.counterName, null);
  assert.deepEqual(report.paid, takings(4, 1540));
  assert.deepEqual(report.made, takings(6, 1690));
  assert.deepEqual(report.byCounter, [
    ...counters.map((counter) => ({ counterName: counter.name, paid: paidAt[counter.name] ?? takings(0, 0) })),
    { counterName: null, paid: takings(1, 40) },
  ]);

  const atFront = await call(core, 'getClosingReport', { day: DAY, counter: front.id });
  assert.equal(atFront.counterName, 'Front desk');
  assert.deepEqual([atFront.paid, atFront.paidBy.return, atFront.notYetVerified], [takings(2, 800), takings(2, 800), takings(2, 800)]);
  assert.deepEqual(
    [atFront.made, atFront.madeByStatus.paid, atFront.madeByStatus.pending],
    [takings(3, 900), takings(2, 800), takings(1, 100)],
  );
  assert.deepEqual(atFront.byCounter, [{ counterName: 'Front desk', paid: takings(2, 800) }]);
  const elsewhere = await call(core, 'getClosingReport', { day: '2026-03-15', counter: front.id });
  assert.deepEqual([elsewhere.paid, elsewhere.made], [takings(0, 0), takings(0, 0)]);

  const unknown = await core.router.handle('getClosingReport', { day: DAY, counter: 'no-such-counter' }, APP_SENDER);
  assert.ok(!unknown.ok && unknown.error.code === 'closing_counter_unknown', 'a counter the book does not know is refused');

  const dir = tempDir(t);
  const whole = join(dir, 'close.pdf');
  core.platform.choices.saveFile = whole;
  await call(core, 'outputClosingReport', { day: DAY, layout: 'roll80', to: 'pdf' });
  const text = pdfText(whole);
  for (const line of [
    /Paid, by the counter that made the link/,
    /Front desk\s+2\s+৳800\.00/,
    /Back office\s+1\s+৳700\.00/,
    /No counter recorded\s+1\s+৳40\.00/,
  ]) {
    assert.match(text, line);
  }
  const one = join(dir, 'close-front.pdf');
  core.platform.choices.saveFile = one;
  await call(core, 'outputClosingReport', { day: DAY, counter: front.id, layout: 'a4', to: 'pdf' });
  const ofFront = pdfText(one);
  assert.match(ofFront, /Counter: Front desk/);
  assert.match(ofFront, /Total paid\s+2\s+৳800\.00/);
  assert.doesNotMatch(ofFront, /Back office|by the counter/);
});

test('paydesk orders, export csv and report take --counter NAME', async (t) => {
  const { core } = await seedCounters(t);
  await core.close();
  const dir = tempDir(t);
  const env = { TZ: 'Asia/Dhaka' };
  const cli = (...args: string[]) => paydesk(['--data-dir', core.dataDir, ...args], env);

  const listed = await cli('orders', '--counter', 'front desk', '--json');
  assert.equal(listed.code, 0, listed.stderr);
  assert.deepEqual(
    (JSON.parse(listed.stdout) as Array<{ customer_name: string; counter: string }>).map((o) => [o.customer_name, o.counter]),
    [
      ['Salma Front', 'Front desk'],
      ['Karim Front', 'Front desk'],
      ['Rahim Front', 'Front desk'],
    ],
  );
  const table = await cli('orders', '--counter', 'Back office');
  assert.match(table.stdout, /COUNTER/);
  assert.match(table.stdout, /Back office\s+Rahim Back/);

  const exported = await cli('export', 'csv', '--out', join(dir, 'back.csv'), '--counter', 'Back office');
  assert.equal(exported.code, 0, exported.stderr);
  const rows = parse(readFileSync(join(dir, 'back.csv')), { bom: true, columns: true }) as Array<Record<string, string>>;
  assert.deepEqual(
    rows.map((row) => row.customer_name),
    ['Rahim Back', 'Nasrin Back'],
  );

  const report = await cli('report', '--day', DAY, '--counter', 'Back office', '--json');
  assert.equal(report.code, 0, report.stderr);
  const close = JSON.parse(report.stdout);
  assert.equal(close.counter, 'Back office');
  assert.deepEqual(close.paid, { count: 1, amount: '700.00' });
  assert.deepEqual(close.paid_by_counter, [{ counter: 'Back office', count: 1, amount: '700.00' }]);
  const text = await cli('report', '--day', DAY);
  assert.match(text.stdout, /Front desk\s+2\s+৳800\.00/);

  const nobody = await cli('orders', '--counter', 'Nobody');
  assert.equal(nobody.code, 2);
  assert.match(nobody.stderr, /no counter of this order book is called “Nobody”/);
});
