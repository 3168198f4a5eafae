import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { StatementMapping, type AppError, type Reply } from '../../shared/contract';
import { formatsFor } from '../../shared/messages/formats';
import { inEnglish, render, say } from '../../shared/messages/say';
import { startCore } from '../../electron/core/paydesk-core';
import { APP_SENDER, call, startTestCore, type TestCore } from '../support/core';
import { bookSql } from '../support/book-sql';
import { paydesk } from '../support/cli';
import { bengaliDigits, csvBytes, dayFirst, paidAt, seedOrders, wallClock, xlsxBytes, yearFirst } from '../support/statements';
import { tempDir } from '../support/temp-dir';
import { folderBook } from '../support/test-engine';
import { inLanguage, setAside, wrongWords } from '../support/wrong-script';

/** A local time `days` ago, at `hour`:`minute`. */
const daysAgo = (days: number, hour = 12, minute = 0) => {
  const d = new Date();
  d.setDate(d.getDate() - days);
  d.setHours(hour, minute, 0, 0);
  return d;
};

async function importStatement(core: TestCore, name: string, bytes: Uint8Array, mapping?: StatementMapping) {
  core.platform.choices.statement = { name, bytes };
  const preview = await call(core, 'chooseStatement', {});
  assert.ok(preview);
  const report = await call(core, 'importStatement', {
    token: preview.token,
    mapping: mapping ?? StatementMapping.parse(preview.suggested),
  });
  return { preview, report };
}

const order = async (core: TestCore, ref: string) => call(core, 'getOrder', { ref });
const eventCount = (core: TestCore) => bookSql(core).value<number>('SELECT count(*) FROM order_events');

/** What a refused reply said, as a message; null for a reply that was not refused. */
const refusal = (reply: Reply<unknown>): Pick<AppError, 'code' | 'params'> | null =>
  reply.ok ? null : { code: reply.error.code, params: reply.error.params };

/** Three paid orders two days ago, an hour apart, and what a statement says of them. */
async function threePaidOrders(core: TestCore) {
  const [a, b, c] = await seedOrders(core, [
    { amountMinor: 150_050, at: daysAgo(2, 10), transactionId: 'TRXA1001' },
    { amountMinor: 20_000, at: daysAgo(2, 11), transactionId: 'trxB2002' },
    { amountMinor: 99_900, at: daysAgo(2, 12), transactionId: 'TRXC3003' },
  ]);
  return [a!, b!, c!] as const;
}

test('a CSV statement verifies paid orders by transaction id in any case, shows a mismatch with both amounts, and lists unclaimed payments', async (t) => {
  const core = await startTestCore(t);
  const [a, b, c] = await threePaidOrders(core);
  const { preview, report } = await importStatement(
    core,
    'bkash-merchant.csv',
    csvBytes(
      [
        'Date,Trx ID,Sender,Amount,Reference',
        `${dayFirst(paidAt(daysAgo(2, 10)))}, trxa1001 ,01711000001,"৳1,500.50",${a.ref}`,
        `${dayFirst(paidAt(daysAgo(2, 11)))},TRXB2002,01711000002,Tk 250.00,`,
        `${dayFirst(paidAt(daysAgo(2, 12)))},TRXC3003,01711000003,999,`,
        `${dayFirst(daysAgo(2, 13))},UNKNOWN9,01811000009,"1,200.00",walk-in`,
      ],
      { bom: true },
    ),
  );
  assert.deepEqual(preview.headers, ['Date', 'Trx ID', 'Sender', 'Amount', 'Reference'], 'the BOM is not part of the first header');
  assert.deepEqual(preview.suggested, {
    transactionId: 'Trx ID',
    amount: 'Amount',
    time: 'Date',
    sender: 'Sender',
    reference: 'Reference',
  });
  assert.equal(preview.totalRows, 4);
  assert.equal(preview.rows[0]![3], '৳1,500.50');

  assert.deepEqual(
    { ...report, rejected: report.rejected.length },
    {
      lines: 4,
      imported: 4,
      alreadyKnown: 0,
      rejected: 0,
      rejectedCount: 0,
      verified: 2,
      amountMismatch: 1,
      missing: 0,
      unclaimed: 1,
      coversFrom: yearFirst(daysAgo(2)).slice(0, 10),
      coversTo: yearFirst(daysAgo(2)).slice(0, 10),
    },
  );
  assert.equal((await order(core, a.ref)).order.verification, 'verified');
  assert.equal((await order(core, c.ref)).order.verification, 'verified');
  const mismatch = await order(core, b.ref);
  assert.equal(mismatch.order.verification, 'amount_mismatch');
  assert.equal(mismatch.order.amountMinor, 20_000);
  assert.equal(mismatch.order.statementAmountMinor, 25_000);
  const event = mismatch.timeline.find((e) => e.kind === 'amount_mismatch')!;
  assert.equal(event.detail.statementAmountMinor, 25_000);
  assert.equal(event.detail.orderAmountMinor, 20_000);
  assert.equal(event.detail.statement, 'bkash-merchant.csv');
  assert.ok((await order(core, a.ref)).timeline.some((e) => e.kind === 'verified'));

  const { lines } = await call(core, 'listUnclaimed', {});
  assert.deepEqual(
    lines.map((l) => [l.transactionId, l.amountMinor, l.sender, l.reference, l.orderRef]),
    [['UNKNOWN9', 120_000, '01811000009', 'walk-in', null]],
  );
  const dashboard = await call(core, 'getDashboard', {});
  assert.deepEqual(
    dashboard.paidUnverified,
    { count: 1, sumMinor: 20_000, byVerification: { unverified: 0, missing: 0, amount_mismatch: 1 } },
    'the mismatch is not yet proven',
  );
  const [raw] = await bookSql(core).all<{ raw: string }>(`SELECT raw FROM statement_lines WHERE transaction_key = 'UNKNOWN9'`);
  assert.equal(raw!.raw, `${dayFirst(daysAgo(2, 13))},UNKNOWN9,01811000009,"1,200.00",walk-in`, 'the raw line is kept');
});

test('statements in several shapes import the same payments exactly: semicolons, quoted commas, tabs, Bengali digits and headers, XLSX', async (t) => {
  const when = [paidAt(daysAgo(3, 9)), paidAt(daysAgo(3, 15))];
  const shapes: Array<[string, () => Promise<Uint8Array>]> = [
    [
      'semicolons.csv',
      async () =>
        csvBytes([
          'Transaction ID;Amount (BDT);Date & Time;Sender',
          `SHAPE1;1234.00;${yearFirst(when[0]!)};"Rahim; shop"`,
          `SHAPE2;12,345.67;${yearFirst(when[1]!)};`,
        ]),
    ],
    [
      'quoted.csv',
      async () =>
        csvBytes(
          [
            '"TrxID","Amount","Date","Sender"',
            `"SHAPE1","1,234.00","${dayFirst(when[0]!)}","Rahim, Karim & Co."`,
            `"SHAPE2","BDT 12,345.67","${dayFirst(when[1]!)}","He said ""paid"""`,
          ],
          { bom: true },
        ),
    ],
    [
      'tabs.txt',
      async () =>
        csvBytes(
          ['TxnID\tAmount\tTransaction Time', `SHAPE1\t1234\t${when[0]!.toISOString()}`, `SHAPE2\t12345.67 Tk\t${when[1]!.toISOString()}`],
          { eol: '\n' },
        ),
    ],
    [
      'bengali.csv',
      async () =>
        csvBytes([
          'লেনদেন আইডি,পরিমাণ (টাকা),তারিখ,প্রেরক',
          `SHAPE1,"${bengaliDigits('১,২৩৪.০০')}",${bengaliDigits(dayFirst(when[0]!))},রহিম`,
          `SHAPE2,"${bengaliDigits('12,345.67')} টাকা",${bengaliDigits(dayFirst(when[1]!))},করিম`,
        ]),
    ],
    [
      'lakh.csv',
      async () =>
        csvBytes(['ট্রানজেকশন আইডি,টাকা,সময়', `SHAPE1,৳1234.00,${dayFirst(when[0]!)}`, `SHAPE2,"৳12,345.67",${dayFirst(when[1]!)}`]),
    ],
    [
      'statement.xlsx',
      () =>
        xlsxBytes([
          ['Merchant statement', null, null],
          ['Trx ID', 'Amount', 'Date'],
          ['SHAPE1', 1234, wallClock(when[0]!)],
          ['SHAPE2', 12345.67, wallClock(when[1]!)],
        ]),
    ],
  ];
  for (const [name, make] of shapes) {
    await t.test(name, async (st) => {
      const core = await startTestCore(st);
      const [one, two] = await seedOrders(core, [
        { amountMinor: 123_400, at: daysAgo(3, 9), transactionId: 'SHAPE1' },
        { amountMinor: 1_234_567, at: daysAgo(3, 15), transactionId: 'SHAPE2' },
      ]);
      const { report } = await importStatement(core, name, await make());
      assert.deepEqual(report.rejected, [], name);
      assert.equal(report.verified, 2, `${name}: both amounts parse to the poisha`);
      assert.equal(report.imported, 2);
      const stored = await bookSql(core).all(`SELECT transaction_id, amount_minor, occurred_at FROM statement_lines ORDER BY id`);
      assert.deepEqual(
        stored,
        [
          {
            transaction_id: 'SHAPE1',
            amount_minor: 123_400,
            occurred_at: new Date(Math.floor(when[0]!.getTime() / 60_000) * 60_000).toISOString(),
          },
          {
            transaction_id: 'SHAPE2',
            amount_minor: 1_234_567,
            occurred_at: new Date(Math.floor(when[1]!.getTime() / 60_000) * 60_000).toISOString(),
          },
        ],
        `${name}: the local times are read as local times`,
      );
      assert.equal((await order(core, one!.ref)).order.verification, 'verified');
      assert.equal((await order(core, two!.ref)).order.verification, 'verified');
    });
  }
});

test('re-importing the same or an overlapping statement changes nothing twice', async (t) => {
  const core = await startTestCore(t);
  const [a, b, c] = await threePaidOrders(core);
  const header = 'TrxID,Amount,Date';
  const line = (trx: string, amount: string, at: Date) => `${trx},${amount},${dayFirst(at)}`;
  const first = csvBytes([header, line('TRXA1001', '1500.50', paidAt(daysAgo(2, 10))), line('TRXB2002', '200', paidAt(daysAgo(2, 11)))]);
  const overlap = csvBytes([
    header,
    line('trxb2002', '200.00', paidAt(daysAgo(2, 11))),
    line('TRXC3003', '999', paidAt(daysAgo(2, 12))),
    line('EXTRA01', '50', daysAgo(2, 13)),
  ]);

  const one = (await importStatement(core, 'first.csv', first)).report;
  assert.equal(one.verified, 2);
  const afterFirst = await eventCount(core);
  const again = (await importStatement(core, 'first.csv', first)).report;
  assert.deepEqual([again.imported, again.alreadyKnown, again.verified, again.missing, again.unclaimed], [0, 2, 0, 0, 0]);
  assert.equal(await eventCount(core), afterFirst, 'the same file again writes nothing to the timeline');

  const two = (await importStatement(core, 'overlap.csv', overlap)).report;
  assert.deepEqual([two.imported, two.alreadyKnown, two.verified, two.unclaimed], [2, 1, 1, 1]);
  const afterOverlap = await eventCount(core);
  const twice = (await importStatement(core, 'overlap.csv', overlap)).report;
  assert.deepEqual([twice.imported, twice.alreadyKnown, twice.verified, twice.unclaimed], [0, 3, 0, 0]);
  assert.equal(await eventCount(core), afterOverlap);
  for (const o of [a, b, c]) {
    const detail = await order(core, o.ref);
    assert.equal(detail.order.verification, 'verified');
    assert.equal(detail.timeline.filter((e) => e.kind === 'verified').length, 1, `${o.ref} is verified once`);
  }
  assert.equal(await bookSql(core).value('SELECT count(*) FROM statement_lines'), 4, 'lines are kept once each');
  assert.equal(await bookSql(core).value('SELECT count(*) FROM statements'), 4, 'every import is on record');

  const conflicting = (await importStatement(core, 'edited.csv', csvBytes([header, line('TRXC3003', '1000', paidAt(daysAgo(2, 12)))])))
    .report;
  assert.equal(conflicting.imported, 0);
  assert.deepEqual(
    conflicting.rejected[0]!.reason,
    say('line_imported_before_other_amount', { transactionId: 'TRXC3003', amountMinor: 99_900 }),
  );
  assert.match(inEnglish(conflicting.rejected[0]!.reason), /^transaction TRXC3003 was imported before with another amount \(৳999\.00\)$/);
  assert.equal((await order(core, c.ref)).order.verification, 'verified', 'a contradicting line changes nothing');
});

test('a paid order is missing only when a statement covers its time, and a later statement with its line verifies it', async (t) => {
  const core = await startTestCore(t);
  const [inside, outside, later] = await seedOrders(core, [
    { amountMinor: 10_000, at: daysAgo(5, 12), transactionId: 'INSIDE1' },
    { amountMinor: 20_000, at: daysAgo(9, 12), transactionId: 'OUTSIDE1' },
    { amountMinor: 30_000, at: daysAgo(5, 14), transactionId: 'LATER1' },
  ]);
  const [manual] = await seedOrders(core, [{ amountMinor: 5_000, at: daysAgo(5, 13) }]);
  await call(core, 'markPaidManually', { ref: manual!.ref, reason: 'paid in cash at the counter' });
  const { report } = await importStatement(
    core,
    'week.csv',
    csvBytes(['TrxID,Amount,Date', `OTHER1,10,${dayFirst(daysAgo(6, 9))}`, `OTHER2,10,${dayFirst(daysAgo(4, 9))}`]),
  );
  assert.equal(report.missing, 2);
  assert.equal(report.unclaimed, 2);
  assert.equal((await order(core, inside!.ref)).order.verification, 'missing');
  assert.ok((await order(core, inside!.ref)).timeline.some((e) => e.kind === 'missing_from_statement'));
  assert.equal((await order(core, later!.ref)).order.verification, 'missing');
  assert.equal((await order(core, outside!.ref)).order.verification, 'unverified', 'outside the statement’s dates it is not missing');
  assert.equal(
    (await order(core, manual!.ref)).order.verification,
    'reconciled_by_hand',
    'a payment recorded by hand is the shopkeeper’s word',
  );

  const missingList = await call(core, 'listOrders', { verification: 'missing' });
  assert.deepEqual(missingList.orders.map((o) => o.ref).sort(), [inside!.ref, later!.ref].sort());
  assert.deepEqual([missingList.total, missingList.paidCount, missingList.paidSumMinor], [2, 2, 40_000]);
  assert.deepEqual((await call(core, 'getDashboard', {})).paidUnverified, {
    count: 3,
    sumMinor: 60_000,
    byVerification: { unverified: 1, missing: 2, amount_mismatch: 0 },
  });

  const next = (await importStatement(core, 'late.csv', csvBytes(['TrxID,Amount,Date', `LATER1,300,${dayFirst(paidAt(daysAgo(5, 14)))}`])))
    .report;
  assert.equal(next.verified, 1);
  assert.equal((await order(core, later!.ref)).order.verification, 'verified');
  assert.deepEqual((await call(core, 'getDashboard', {})).paidUnverified, {
    count: 2,
    sumMinor: 30_000,
    byVerification: { unverified: 1, missing: 1, amount_mismatch: 0 },
  });
});

test('a line that does not parse is reported with its line number and reason, and every other line is imported', async (t) => {
  const core = await startTestCore(t);
  const at = dayFirst(daysAgo(1, 10));
  const { report } = await importStatement(
    core,
    'messy.csv',
    csvBytes(
      [
        'Merchant: Rahim Store',
        '',
        'TrxID,Amount,Date',
        `GOOD1,100,${at}`,
        `BAD1,abc,${at}`,
        `BAD2,-50.00,${at}`,
        `BAD3,0,${at}`,
        `BAD4,10.005,${at}`,
        `BAD5,100,31/02/2026 10:00`,
        `,100,${at}`,
        `GOOD2,"1,00,000.00",${at}`,
        `GOOD1,100,${at}`,
        `GOOD2,5,${at}`,
        `Total,"1,00,100.00",`,
      ],
      { eol: '\n' },
    ),
  );
  assert.equal(report.lines, 11, 'the title line above the header is not a data line');
  assert.equal(report.imported, 2);
  assert.equal(report.alreadyKnown, 1, 'a repeated line of the same file is known');
  assert.deepEqual(
    report.rejected.map((r) => [r.line, r.text.split(',')[0], r.reason]),
    [
      [5, 'BAD1', say('line_amount_unreadable', { amount: 'abc', refusal: 'amount_not_number' })],
      [6, 'BAD2', say('line_amount_negative', { amount: '-50.00' })],
      [7, 'BAD3', say('line_amount_zero')],
      [8, 'BAD4', say('line_amount_unreadable', { amount: '10.005', refusal: 'amount_decimals' })],
      [9, 'BAD5', say('line_date_unreadable', { date: '31/02/2026 10:00' })],
      [10, '', say('line_no_transaction_id')],
      [13, 'GOOD2', say('line_repeated_other_amount', { transactionId: 'GOOD2', line: 11 })],
      [14, 'Total', say('line_date_empty')],
    ],
  );
  const kept = await bookSql(core).all<{ line_no: number; reason: string }>(
    'SELECT line_no, CAST(reason AS TEXT) AS reason FROM statement_rejects ORDER BY line_no',
  );
  assert.deepEqual(
    kept.map((k) => [k.line_no, JSON.parse(k.reason)]),
    report.rejected.map((r) => [r.line, r.reason]),
    'the rejected lines are kept for review, each with its reason as a message',
  );
  const amounts = await bookSql(core).all('SELECT transaction_id, amount_minor FROM statement_lines ORDER BY id');
  assert.deepEqual(amounts, [
    { transaction_id: 'GOOD1', amount_minor: 10_000 },
    { transaction_id: 'GOOD2', amount_minor: 10_000_000 },
  ]);
});

test('why each line was not imported reads in Bengali with no Latin letters but the line’s own words, and in plain English', async (t) => {
  const core = await startTestCore(t);
  const at = dayFirst(daysAgo(1, 10));
  await importStatement(core, 'earlier.csv', csvBytes(['TrxID,Amount,Date', `KNOWN1,100,${at}`]));
  const { report } = await importStatement(
    core,
    'নভেম্বর.csv',
    csvBytes([
      'TrxID,Amount,Date',
      `,100,${at}`,
      `${'T'.repeat(101)},100,${at}`,
      `=SUM(A1),100,${at}`,
      `EMPTY1,,${at}`,
      `NEG1,-50.00,${at}`,
      `ZERO1,0,${at}`,
      `WORDS1,abc,${at}`,
      `COMMA1,"1,50",${at}`,
      `DECIMAL1,10.005,${at}`,
      `HUGE1,${'9'.repeat(13)},${at}`,
      `NODATE1,100,`,
      `BADDATE1,100,kal bikel`,
      `TWICE1,100,${at}`,
      `TWICE1,200,${at}`,
      `KNOWN1,150,${at}`,
    ]),
  );
  const english: Array<[number, string]> = [
    [2, 'there is no transaction ID'],
    [3, 'the transaction ID is longer than 100 characters'],
    [4, 'the transaction ID “=SUM(A1)” has characters a transaction ID never has (only letters A–Z, digits and . _ - are)'],
    [5, 'the amount is empty'],
    [6, 'the amount “-50.00” is negative: a refund or a charge, not a payment received'],
    [7, 'the amount is zero'],
    [8, 'the amount “abc” is not a taka amount (it is not written as a number of taka, for example 150.50)'],
    [9, 'the amount “1,50” is not a taka amount (its commas are not where thousands go, for example 1,500.50)'],
    [10, 'the amount “10.005” is not a taka amount (taka amounts have at most two decimals (poisha), for example 150.50)'],
    [11, 'the amount “9999999999999” is not a taka amount (it is too large)'],
    [12, 'the date is empty'],
    [13, 'the date “kal bikel” is not a date PayDesk can read (for example 20/11/2026 14:30 or 2026-11-20 14:30:00)'],
    [15, 'transaction TWICE1 already appears on line 14 with another amount'],
    [16, `transaction KNOWN1 was imported before with another amount (${formatsFor('en').money(10_000)})`],
  ];
  assert.deepEqual(
    report.rejected.map((r) => [r.line, inEnglish(r.reason)]),
    english,
  );
  for (const { line, reason } of report.rejected) {
    // The line's own words (its transaction ID, its cell as written) are data; PayDesk's own are in the language on show.
    const data = Object.values(reason.params).filter((value): value is string => typeof value === 'string' && !value.startsWith('amount_'));
    const bengali = render(reason, 'bn');
    assert.deepEqual(wrongWords(setAside(bengali, data), 'bn'), [], `line ${line}: ${bengali}`);
    assert.ok(inLanguage(bengali, 'bn'), `line ${line}: ${bengali}`);
    assert.deepEqual(wrongWords(setAside(inEnglish(reason), data), 'en'), [], `line ${line} in English`);
  }
  const bengali = new Map(report.rejected.map((r) => [r.line, render(r.reason, 'bn')]));
  assert.equal(bengali.get(3), 'লেনদেন নম্বরটি ১০০ অক্ষরের চেয়ে লম্বা', 'the cap in Bengali digits');
  assert.equal(bengali.get(15), 'লেনদেন TWICE1 আগেই ১৪ নম্বর লাইনে অন্য অঙ্কে আছে', 'the line number in Bengali digits');
  const taka = formatsFor('bn').money(10_000);
  assert.match(taka, /১০০/);
  assert.equal(bengali.get(16), `লেনদেন KNOWN1 আগে অন্য অঙ্কে (${taka}) ইমপোর্ট হয়েছে`, 'the amount as Bengali taka');
});

test('an unclaimed payment attaches to a pending order of the same amount, audited and reconciled by hand; another amount is refused', async (t) => {
  const core = await startTestCore(t);
  const [pending, other] = await seedOrders(core, [
    { amountMinor: 45_000, at: daysAgo(1, 9) },
    { amountMinor: 44_000, at: daysAgo(1, 9) },
  ]);
  const paidTime = daysAgo(1, 9, 5);
  await importStatement(core, 's.csv', csvBytes(['TrxID,Amount,Date', `NOBACK77,450,${dayFirst(paidTime)}`]));
  const [line] = (await call(core, 'listUnclaimed', {})).lines;

  const refused = await core.router.handle('attachStatementLine', { lineId: line!.id, ref: other!.ref }, APP_SENDER);
  assert.deepEqual(refusal(refused), {
    code: 'unclaimed_amount_differs',
    params: { transactionId: 'NOBACK77', lineAmountMinor: 45_000, ref: other!.ref, orderAmountMinor: 44_000 },
  });
  assert.match(!refused.ok ? refused.error.message : '', /NOBACK77 brought ৳450\.00 but order PD-\d+ is for ৳440\.00/);

  const before = (await call(core, 'getDashboard', {})).today;
  const attached = await call(core, 'attachStatementLine', { lineId: line!.id, ref: pending!.ref });
  assert.equal(attached.status, 'paid');
  assert.equal(attached.transactionId, 'NOBACK77');
  assert.equal(attached.verification, 'reconciled_by_hand');
  assert.equal(attached.paidManually, false);
  assert.equal(attached.paidAt, paidTime.toISOString(), 'paid when the money moved');
  assert.ok(
    core.changes.some((o) => o.ref === pending!.ref && o.status === 'paid'),
    'the change is announced',
  );
  const { timeline } = await order(core, pending!.ref);
  const event = timeline.find((e) => e.kind === 'attached_statement_line')!;
  assert.deepEqual([event.detail.transactionId, event.detail.from, event.detail.statement], ['NOBACK77', 'pending', 's.csv']);
  assert.deepEqual((await call(core, 'listUnclaimed', {})).lines, []);
  const dashboard = await call(core, 'getDashboard', {});
  assert.deepEqual(
    dashboard.daily.find((d) => d.day === yearFirst(paidTime).slice(0, 10)),
    { day: yearFirst(paidTime).slice(0, 10), count: 1, sumMinor: 45_000 },
  );
  assert.deepEqual(dashboard.today, before);

  const again = await core.router.handle('attachStatementLine', { lineId: line!.id, ref: other!.ref }, APP_SENDER);
  assert.deepEqual(refusal(again), { code: 'unclaimed_line_settled', params: { transactionId: 'NOBACK77', ref: pending!.ref } });
  const reimport = (await importStatement(core, 's.csv', csvBytes(['TrxID,Amount,Date', `NOBACK77,450,${dayFirst(paidTime)}`]))).report;
  assert.deepEqual([reimport.imported, reimport.alreadyKnown, reimport.unclaimed], [0, 1, 0]);
});

test('an unclaimed payment recorded as a new order is paid, audited and reconciled by hand', async (t) => {
  const core = await startTestCore(t);
  const at = daysAgo(1, 16, 20);
  await importStatement(core, 's.csv', csvBytes(['TrxID,Amount,Date,Sender', `WALKIN5,"2,500.00",${dayFirst(at)},01711222333`]));
  const [line] = (await call(core, 'listUnclaimed', {})).lines;
  const recorded = await call(core, 'recordStatementLine', { lineId: line!.id, customerName: ' Nasrin ' });
  assert.deepEqual(
    [
      recorded.status,
      recorded.amountMinor,
      recorded.transactionId,
      recorded.verification,
      recorded.customerName,
      recorded.createdAt,
      recorded.paidAt,
    ],
    ['paid', 250_000, 'WALKIN5', 'reconciled_by_hand', 'Nasrin', at.toISOString(), at.toISOString()],
  );
  const { timeline } = await order(core, recorded.ref);
  assert.deepEqual(
    timeline.map((e) => e.kind),
    ['created', 'recorded_from_statement'],
  );
  assert.equal((await call(core, 'listOrders', { verification: 'reconciled_by_hand' })).orders[0]!.ref, recorded.ref);
  assert.equal((await call(core, 'listOrders', { search: 'WALKIN5' })).total, 1, 'its transaction id is searchable');
  const twice = await core.router.handle('recordStatementLine', { lineId: line!.id }, APP_SENDER);
  assert.deepEqual(refusal(twice), { code: 'unclaimed_line_settled', params: { transactionId: 'WALKIN5', ref: recorded.ref } });
});

test('the mapping is remembered per profile, and a mapping naming a column the file lacks is refused with the columns found', async (t) => {
  const core = await startTestCore(t);
  const bytes = csvBytes(['Col A,Col B,Col C', `X1,100,${dayFirst(daysAgo(1))}`]);
  core.platform.choices.statement = { name: 'odd.csv', bytes };
  const first = await call(core, 'chooseStatement', {});
  assert.ok(first);
  assert.equal(first.suggested, null, 'nothing in these headers says what they hold');
  const wrong = await core.router.handle(
    'importStatement',
    { token: first.token, mapping: { transactionId: 'Trx', amount: 'Col B', time: 'Col C' } },
    APP_SENDER,
  );
  assert.deepEqual(refusal(wrong), {
    code: 'statement_columns_absent',
    params: { columns: ['Trx'], fields: ['transactionId'], headers: ['Col A', 'Col B', 'Col C'] },
  });
  assert.equal(!wrong.ok && wrong.error.field, 'mapping');
  assert.match(!wrong.ok ? wrong.error.message : '', /no column “Trx” \(transaction ID\); its columns are: Col A, Col B, Col C/);
  await call(core, 'importStatement', { token: first.token, mapping: { transactionId: 'Col A', amount: 'Col B', time: 'Col C' } });
  const stale = await core.router.handle(
    'importStatement',
    { token: first.token, mapping: { transactionId: 'Col A', amount: 'Col B', time: 'Col C' } },
    APP_SENDER,
  );
  assert.equal(refusal(stale)?.code, 'statement_closed', 'a token is used once');
  const second = await call(core, 'chooseStatement', {});
  assert.deepEqual(second?.suggested, { transactionId: 'Col A', amount: 'Col B', time: 'Col C' });
  core.platform.choices.statement = null;
  assert.equal(await call(core, 'chooseStatement', {}), null, 'Cancel in the dialog');
});

test('the CSV export and the receipt carry the verification', async (t) => {
  const core = await startTestCore(t);
  const [a, b] = await threePaidOrders(core);
  await importStatement(core, 's.csv', csvBytes(['TrxID,Amount,Date', `TRXA1001,1500.50,${dayFirst(paidAt(daysAgo(2, 10)))}`]));
  const file = join(tempDir(t), 'orders.csv');
  core.platform.choices.saveFile = file;
  await call(core, 'exportOrdersCsv', { filter: {} });
  const rows = parse(readFileSync(file), { bom: true, columns: true }) as Array<Record<string, string>>;
  assert.equal(rows.find((r) => r.ref === a.ref)!.verification, 'verified');
  assert.equal(rows.find((r) => r.ref === b.ref)!.verification, 'unverified', 'paid after the statement’s last line');
  await call(core, 'previewReceipt', { ref: a.ref });
  const verified = inEnglish(say('receipt_verified'));
  assert.ok(core.platform.previewed.at(-1)!.includes(verified));
  await call(core, 'previewReceipt', { ref: b.ref });
  assert.ok(!core.platform.previewed.at(-1)!.includes(verified));
});

test('paydesk reconcile prints the count of each outcome, speaks JSON, and exits 2 naming the headers when a column cannot be found', async (t) => {
  const dataDir = tempDir(t);
  const book = (await folderBook(dataDir, t))?.book;
  const core = await startCore({ dataDir, book, keys: { env: {} }, listener: 'elsewhere', startSandbox: false, useSandbox: true });
  try {
    await seedOrders({ ...core, service: core.service } as unknown as TestCore, [
      { amountMinor: 10_000, at: daysAgo(2, 10), transactionId: 'CLI1' },
      { amountMinor: 20_000, at: daysAgo(2, 11), transactionId: 'CLI2' },
    ]);
  } finally {
    await core.close();
  }
  const dir = tempDir(t);
  const statement = join(dir, 'statement.csv');
  writeFileSync(
    statement,
    csvBytes([
      'When;Payment;Money;From',
      `${dayFirst(paidAt(daysAgo(2, 10)))};CLI1;100;0171`,
      `${dayFirst(paidAt(daysAgo(2, 11)))};CLI2;250;0172`,
      `${dayFirst(daysAgo(2, 12))};CLI3;75;0173`,
      `${dayFirst(daysAgo(2, 12))};CLI4;oops;0174`,
    ]),
  );

  const guess = await paydesk(['--data-dir', dataDir, 'reconcile', statement]);
  assert.equal(guess.code, 2, guess.stderr);
  assert.match(guess.stderr, /transaction ID and the amount.*columns found are: When, Payment, Money, From/);

  const bad = await paydesk(['--data-dir', dataDir, 'reconcile', statement, '--map', 'trx=Payment,amount']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--map takes trx=COLUMN/);
  const missingFile = await paydesk(['--data-dir', dataDir, 'reconcile', join(dir, 'nope.csv')]);
  assert.equal(missingFile.code, 2);

  const text = await paydesk(['--data-dir', dataDir, 'reconcile', statement, '--map', 'trx=Payment,amount=Money,time=1']);
  assert.equal(text.code, 0, text.stderr);
  assert.match(text.stdout, /verified\s+1\b/);
  assert.match(text.stdout, /amount mismatch\s+1\b/);
  assert.match(text.stdout, /unclaimed\s+1\b/);
  assert.match(text.stdout, /rejected\s+1\b/);
  assert.match(text.stdout, /line 5: the amount “oops” is not a taka amount/);

  // The mapping is remembered: the same file again needs no --map, and changes nothing.
  const json = await paydesk(['--data-dir', dataDir, 'reconcile', statement, '--json']);
  assert.equal(json.code, 0, json.stderr);
  const report = JSON.parse(json.stdout);
  assert.deepEqual(
    { ...report, rejected: report.rejected.map((r: { line: number }) => r.line) },
    {
      lines: 4,
      imported: 0,
      already_known: 3,
      verified: 0,
      amount_mismatch: 0,
      missing: 0,
      unclaimed: 0,
      rejected: [5],
      rejected_count: 1,
      covers_from: yearFirst(daysAgo(2)).slice(0, 10),
      covers_to: yearFirst(daysAgo(2)).slice(0, 10),
    },
  );
  const orders = JSON.parse((await paydesk(['--data-dir', dataDir, 'orders', '--json'])).stdout) as Array<{
    transaction_id: string;
    verification: string;
  }>;
  assert.deepEqual(orders.map((o) => [o.transaction_id, o.verification]).sort(), [
    ['CLI1', 'verified'],
    ['CLI2', 'amount_mismatch'],
  ]);
  const mismatched = JSON.parse(
    (await paydesk(['--data-dir', dataDir, 'orders', '--verification', 'amount_mismatch', '--json'])).stdout,
  ) as Array<{ transaction_id: string }>;
  assert.deepEqual(
    mismatched.map((o) => o.transaction_id),
    ['CLI2'],
  );
});
