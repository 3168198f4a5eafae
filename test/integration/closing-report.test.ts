// Closing the day over a real order book: orders of every kind across three days in Dhaka time (returns, counter
// claims, payments by hand, a statement line attached, a statement that verifies, questions and misses some,
// links pending, cancelled, expired and failed), read back as the report, as PDFs in both languages and both
// papers, and as `paydesk report` text and --json.
process.env.TZ = 'Asia/Dhaka';

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { ClosingReport } from '../../shared/contract';
import { render } from '../../shared/messages/say';
import { APP_SENDER, call, startTestCore, type TestCore } from '../support/core';
import { bookSql } from '../support/book-sql';
import { paydesk } from '../support/cli';
import { seedOrdersAt, type OrderSeed } from '../support/seed-orders';
import { csvBytes, yearFirst } from '../support/statements';
import { tempDir } from '../support/temp-dir';

const DAY = '2026-03-14';
/** A local time on the day (days = -1 the day before, 1 the day after), in Dhaka (+06:00, no summer time). */
const on = (hour: number, minute: number, second = 0, days = 0) => new Date(2026, 2, 14 + days, hour, minute, second);
const minutesAfter = (at: Date, minutes: number) => new Date(at.getTime() + minutes * 60_000);
/** Long enough that a link stays pending until the test runs, whenever that is. */
const STAYS_PENDING = 24 * 365 * 50;

const tk = (taka: number) => taka * 100;

/**
 * The book: each order's kind in its name. The statement shows RET1 at its amount and RET2 at another, and covers
 * 09:01 to 13:00, so the return at 11:01 and the counter claim at 09:40 are missing from it; the late return and
 * the one just after midnight stay unverified; a line for 75 is attached to the pending order of 12:30.
 */
function shopDays(): OrderSeed[] {
  return [
    { name: 'day before', amountMinor: tk(1000), at: on(12, 0, 0, -1), pay: 'TRXBEFORE' },
    { name: 'made before midnight, paid after', amountMinor: tk(40), at: on(23, 58, 0, -1), pay: 'TRXMID', settledAt: on(0, 0, 30) },
    { name: 'return, verified', amountMinor: tk(500), at: on(9, 0), pay: 'TRXRET1' },
    { name: 'return, amount differs', amountMinor: tk(250), at: on(10, 0), pay: 'TRXRET2' },
    { name: 'return, missing', amountMinor: tk(120), at: on(11, 0), pay: 'TRXRET3' },
    { name: 'counter, missing', amountMinor: tk(300), at: on(9, 30), pay: 'TRXCTR1', by: 'counter', settledAt: on(9, 40) },
    { name: 'by hand', amountMinor: tk(80), at: on(12, 0), by: 'hand', settledAt: on(12, 5) },
    { name: 'attached from the statement', amountMinor: tk(75), at: on(12, 30), expiresInHours: STAYS_PENDING },
    { name: 'pending', amountMinor: tk(33), at: on(14, 0), expiresInHours: STAYS_PENDING },
    { name: 'cancelled', amountMinor: tk(44), at: on(15, 0), by: 'cancel', settledAt: on(15, 10) },
    { name: 'expired', amountMinor: tk(55), at: on(16, 0), expiresInHours: 1 },
    { name: 'failed', amountMinor: tk(66), at: on(17, 0), expiresInHours: STAYS_PENDING },
    { name: 'return at the last minute', amountMinor: tk(99), at: on(23, 50), pay: 'TRXLATE', settledAt: on(23, 59, 59) },
    {
      name: 'made at the last minute, paid after midnight',
      amountMinor: tk(60),
      at: on(23, 59),
      pay: 'TRXNEXT',
      settledAt: on(0, 0, 10, 1),
    },
    { name: 'day after', amountMinor: tk(700), at: on(10, 0, 0, 1), by: 'hand', settledAt: on(10, 5, 0, 1) },
  ];
}

async function seedShop(core: TestCore): Promise<void> {
  const orders = await seedOrdersAt(core, shopDays());
  const named = (name: string) => orders.find((order) => order.customerName === name)!;
  const repo = core.book.orders;
  await repo.failLink(
    (await repo.findByRef(named('failed').ref))!.id,
    { kind: 'network', message: { code: 'internal_error', params: {} } },
    on(17, 0, 5).toISOString(),
  );
  await core.service.expireDue();
  const statement = [
    'Transaction ID,Amount,Date',
    `TRXRET1,500.00,${yearFirst(minutesAfter(on(9, 0), 1))}`,
    `TRXRET2,200.00,${yearFirst(minutesAfter(on(10, 0), 1))}`,
    `UNCL75,75.00,${yearFirst(on(13, 0))}`,
  ];
  const imported = await core.reconciliation.importFile(
    { name: 'statement.csv', bytes: csvBytes(statement) },
    { transactionId: 'Transaction ID', amount: 'Amount', time: 'Date' },
  );
  assert.ok(imported.ok && imported.value.verified === 1 && imported.value.amountMismatch === 1 && imported.value.missing === 2);
  const { lines } = await call(core, 'listUnclaimed', {});
  await call(core, 'attachStatementLine', { lineId: lines[0]!.id, ref: named('attached from the statement').ref });
}

const takings = (count: number, taka: number) => ({ count, sumMinor: tk(taka) });

test('a day’s close counts what was paid on that local day by how and by verification, and the links made on it', async (t) => {
  const core = await startTestCore(t);
  await seedShop(core);
  const report = await call(core, 'getClosingReport', { day: DAY });
  const [thisCounter] = await core.book.counters.list();
  const { at, ...figures } = report;
  assert.ok(Math.abs(Date.parse(at) - Date.now()) < 60_000, 'the figures say when they were read');
  assert.deepEqual(figures, {
    day: DAY,
    profileName: 'sandbox',
    sandbox: true,
    paid: takings(8, 1464),
    paidBy: { return: takings(5, 1009), counter: takings(1, 300), statement: takings(1, 75), by_hand: takings(1, 80) },
    byVerification: {
      verified: takings(1, 500),
      amount_mismatch: takings(1, 250),
      missing: takings(2, 420),
      unverified: takings(2, 139),
      reconciled_by_hand: takings(2, 155),
    },
    notYetVerified: takings(5, 809),
    made: takings(12, 1682),
    madeByStatus: {
      paid: takings(8, 1484),
      pending: takings(1, 33),
      cancelled: takings(1, 44),
      expired: takings(1, 55),
      failed: takings(1, 66),
    },
    counterName: null,
    byCounter: [{ counterName: thisCounter!.name, paid: takings(8, 1464) }],
  } satisfies Omit<ClosingReport, 'at'>);

  // Local midnight is 18:00 UTC: the payment 30 seconds after it belongs to the 14th, the one 10 seconds after the
  // next midnight to the 15th, whose own figures the dashboard's paid-per-day agrees with.
  const before = await call(core, 'getClosingReport', { day: '2026-03-13' });
  assert.deepEqual([before.paid, before.made], [takings(1, 1000), takings(2, 1040)]);
  const after = await call(core, 'getClosingReport', { day: '2026-03-15' });
  assert.deepEqual(
    [after.paid, after.paidBy.by_hand, after.paidBy.return, after.made],
    [takings(2, 760), takings(1, 700), takings(1, 60), takings(1, 700)],
  );
  const paidDays = await bookSql(core).all(`SELECT day, orders AS count, amount_minor AS "sumMinor" FROM paid_days ORDER BY day`);
  assert.deepEqual(paidDays, [
    { day: '2026-03-13', ...before.paid },
    { day: DAY, ...report.paid },
    { day: '2026-03-15', ...after.paid },
  ]);

  const empty = await call(core, 'getClosingReport', { day: '2026-03-20' });
  assert.deepEqual([empty.paid, empty.made], [takings(0, 0), takings(0, 0)]);
  const today = await call(core, 'getClosingReport', {});
  assert.equal(today.day, new Date().toLocaleDateString('en-CA'), 'with no day named, the close is of today, in local time');

  const refused = await core.router.handle('getClosingReport', { day: '2026-02-30' }, APP_SENDER);
  assert.ok(!refused.ok && refused.error.code === 'day_format' && refused.error.field === 'day', 'a day not on the calendar is refused');
});

const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
const pageWidthMm = (file: string) =>
  Math.round((Number(/Page size:\s+([\d.]+) x/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]) / 72) * 25.4);
const pages = (file: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);

test('the close prints on the 80 mm roll and on A4, in English and in Bengali, as a PDF with every figure', async (t) => {
  const core = await startTestCore(t);
  await seedShop(core);
  await call(core, 'saveShopDetails', { name: 'রহমান স্টোর', address: 'House 12, Road 5, Dhaka', phone: '+880 1711-000000' });
  const dir = tempDir(t);
  const expected = {
    en: [
      'Closing report',
      'Saturday, 14 March 2026',
      'Paid on this day',
      'Gateway return',
      'Claimed at the counter',
      'From a statement',
      'Paid by hand',
      'Total paid',
      '৳1,464.00',
      '৳1,009.00',
      'Verified',
      'Not yet verified',
      '৳809.00',
      'amount differs',
      'Reconciled by hand',
      'Links made on this day',
      'Still waiting for payment',
      'Expired',
      'Failed (no link)',
      '৳1,682.00',
      'SANDBOX',
    ],
    bn: [
      'দিন শেষের হিসাব',
      'শনিবার, ১৪ মার্চ, ২০২৬',
      'এই দিনে পরিশোধিত',
      'গেটওয়ে থেকে ফেরা',
      'কাউন্টারে দাবি',
      'স্টেটমেন্ট থেকে',
      'হাতে পরিশোধিত',
      'মোট পরিশোধিত',
      '৳১,৪৬৪.০০',
      '৳১,০০৯.০০',
      'যাচাই হয়েছে',
      'এখনও যাচাই হয়নি',
      '৳৮০৯.০০',
      'হাতে মেলানো',
      'এই দিনে তৈরি পেমেন্ট লিংক',
      'মেয়াদোত্তীর্ণ',
      '৳১,৬৮২.০০',
      'পরীক্ষা',
    ],
  };
  for (const language of ['en', 'bn'] as const) {
    await call(core, 'savePreferences', { language, linkExpiryHours: 24 });
    for (const layout of ['roll80', 'a4'] as const) {
      const file = join(dir, `close-${language}-${layout}.pdf`);
      core.platform.choices.saveFile = file;
      const saved = await call(core, 'outputClosingReport', { day: DAY, layout, to: 'pdf' });
      assert.deepEqual(saved, { saved: true, count: 1, fileName: `close-${language}-${layout}.pdf`, cancelled: false });
      const dialog = core.platform.saveDialogs.at(-1)!;
      assert.equal(dialog.defaultName, `paydesk-close-${DAY}.pdf`);
      assert.equal(dialog.title, render({ code: 'dialog_save_closing_pdf', params: {} }, language));
      // pdftotext keeps each glyph but may space shaped Bengali differently: compare without spaces.
      const text = pdfText(file).replace(/\s+/g, '');
      for (const words of [...expected[language], 'রহমান স্টোর']) {
        assert.ok(text.includes(words.replace(/\s+/g, '')), `${language} ${layout} shows “${words}”\n${pdfText(file)}`);
      }
      assert.equal(pageWidthMm(file), layout === 'a4' ? 210 : 80);
      assert.equal(pages(file), 1, `${language} ${layout} is one page`);
    }
  }

  core.platform.choices.saveFile = null;
  assert.deepEqual(await call(core, 'outputClosingReport', { day: DAY, to: 'pdf' }), {
    saved: false,
    count: 0,
    fileName: null,
    cancelled: false,
  });
  await call(core, 'outputClosingReport', { day: DAY, layout: 'roll80', to: 'print' });
  await call(core, 'outputClosingReport', { day: DAY, to: 'preview' });
  assert.equal(core.platform.printed.length, 1);
  assert.match(core.platform.printed[0]!, /@page\{size:80mm \d+mm/);
  assert.match(core.platform.previewed[0]!, /@page\{size:A4/);
  assert.doesNotMatch(core.platform.previewed[0]!, /<script|https?:\/\//, 'the document is self-contained and runs nothing');
});

test('paydesk report prints the day’s close in English or Bengali, and the same JSON in both', async (t) => {
  const core = await startTestCore(t);
  await seedShop(core);
  const env = { TZ: 'Asia/Dhaka' };
  const base = ['--data-dir', core.dataDir, 'report', '--day', DAY];

  const english = await paydesk(base, env);
  assert.equal(english.code, 0, english.stderr);
  const lines = english.stdout.split('\n');
  assert.equal(lines[0], 'Closing report, Saturday, 14 March 2026');
  for (const [label, count, amount] of [
    ['Gateway return', '5', '৳1,009.00'],
    ['Claimed at the counter', '1', '৳300.00'],
    ['From a statement', '1', '৳75.00'],
    ['Paid by hand', '1', '৳80.00'],
    ['Total paid', '8', '৳1,464.00'],
    ['Not yet verified', '5', '৳809.00'],
    ['missing from a statement', '2', '৳420.00'],
    ['Still waiting for payment', '1', '৳33.00'],
    ['All links made', '12', '৳1,682.00'],
  ] as Array<[string, string, string]>) {
    assert.ok(
      lines.some((line) => new RegExp(`^\\s+${label}\\s+${count}\\s+${amount.replace(/[.$]/g, '\\$&')}$`).test(line)),
      `a line "${label} ${count} ${amount}"\n${english.stdout}`,
    );
  }

  const bengali = await paydesk(['--lang', 'bn', ...base], env);
  assert.equal(bengali.code, 0, bengali.stderr);
  assert.ok(bengali.stdout.startsWith('দিন শেষের হিসাব, শনিবার, ১৪ মার্চ, ২০২৬\n'), bengali.stdout);
  assert.match(bengali.stdout, /মোট পরিশোধিত\s+৮\s+৳১,৪৬৪\.০০/);
  assert.match(bengali.stdout, /কাউন্টারে দাবি\s+১\s+৳৩০০\.০০/);
  assert.doesNotMatch(bengali.stdout, /[A-Za-z0-9]/, 'no Latin letters or digits in the Bengali close');

  const json = await paydesk([...base, '--json'], env);
  const jsonBn = await paydesk(['--lang', 'bn', ...base, '--json'], env);
  assert.equal(json.code, 0, json.stderr);
  const parsed = JSON.parse(json.stdout);
  const withoutTime = ({ at: _at, ...rest }: Record<string, unknown>) => rest;
  assert.deepEqual(withoutTime(JSON.parse(jsonBn.stdout)), withoutTime(parsed), 'JSON does not change with the language');
  assert.deepEqual(withoutTime(parsed), {
    day: DAY,
    profile: 'sandbox',
    sandbox: true,
    currency: 'BDT',
    paid: { count: 8, amount: '1464.00' },
    paid_by: {
      return: { count: 5, amount: '1009.00' },
      counter: { count: 1, amount: '300.00' },
      statement: { count: 1, amount: '75.00' },
      by_hand: { count: 1, amount: '80.00' },
    },
    verification: {
      unverified: { count: 2, amount: '139.00' },
      verified: { count: 1, amount: '500.00' },
      amount_mismatch: { count: 1, amount: '250.00' },
      missing: { count: 2, amount: '420.00' },
      reconciled_by_hand: { count: 2, amount: '155.00' },
    },
    not_yet_verified: { count: 5, amount: '809.00' },
    links_made: { count: 12, amount: '1682.00' },
    links_made_by_status: {
      paid: { count: 8, amount: '1484.00' },
      pending: { count: 1, amount: '33.00' },
      cancelled: { count: 1, amount: '44.00' },
      expired: { count: 1, amount: '55.00' },
      failed: { count: 1, amount: '66.00' },
    },
    counter: null,
    paid_by_counter: (await core.book.counters.list()).map(({ name }) => ({ counter: name, count: 8, amount: '1464.00' })),
  });

  for (const [args, code] of [
    [['--day', '14/03/2026'], 'cli_report_day'],
    [['--day', '2026-02-30'], 'cli_report_day'],
    [['yesterday'], 'cli_report_unexpected'],
  ] as const) {
    const refused = await paydesk(['--data-dir', core.dataDir, 'report', ...args], env);
    assert.equal(refused.code, 2, `${args.join(' ')} is bad usage`);
    const words = render({ code, params: { word: 'yesterday' } }, 'en');
    assert.equal(refused.stderr.trim(), `paydesk: ${words}`);
  }
});
