import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startCore } from '../../electron/core/paydesk-core';
import { StatementMapping } from '../../shared/contract';
import { inEnglish, render } from '../../shared/messages/say';
import { APP_SENDER, call, startTestCore, type TestCore } from '../support/core';
import { bookSql } from '../support/book-sql';
import { paydesk } from '../support/cli';
import {
  csvBytes,
  dayFirst,
  deflatedPart,
  paidAt,
  seedOrders,
  sheetXml,
  STATEMENT_BOMBS,
  workbookParts,
  zipBytes,
} from '../support/statements';
import { tempDir } from '../support/temp-dir';
import { folderBook } from '../support/test-engine';

const yesterday = (hour: number) => {
  const d = new Date();
  d.setDate(d.getDate() - 1);
  d.setHours(hour, 0, 0, 0);
  return d;
};

const recorded = async (core: TestCore) =>
  (
    await bookSql(core).all(
      `SELECT (SELECT count(*) FROM statements) AS statements, (SELECT count(*) FROM statement_lines) AS lines,
              (SELECT count(*) FROM statement_rejects) AS rejects`,
    )
  )[0];

test('every hostile statement is refused with a message naming the cap it breaks and its limit, records nothing, and a real statement imports after them', async (t) => {
  const core = await startTestCore(t);
  const [order] = await seedOrders(core, [{ amountMinor: 10_000, at: yesterday(10), transactionId: 'REAL1' }]);
  for (const bomb of STATEMENT_BOMBS) {
    await t.test(bomb.what, async () => {
      core.platform.choices.statement = { name: bomb.name, bytes: bomb.make() };
      const reply = await core.router.handle('chooseStatement', {}, APP_SENDER);
      assert.equal(reply.ok, false);
      assert.ok(!reply.ok);
      assert.equal(reply.error.kind, 'invalid_input');
      assert.deepEqual({ code: reply.error.code, params: reply.error.params }, bomb.refusal);
      assert.equal(reply.error.message, inEnglish(bomb.refusal));
    });
  }
  assert.deepEqual(await recorded(core), { statements: 0, lines: 0, rejects: 0 }, 'nothing of any bomb is on record');

  core.platform.choices.statement = {
    name: 'real.csv',
    bytes: csvBytes(['TrxID,Amount,Date', `REAL1,100,${dayFirst(paidAt(yesterday(10)))}`]),
  };
  const preview = await call(core, 'chooseStatement', {});
  assert.ok(preview);
  const report = await call(core, 'importStatement', { token: preview.token, mapping: StatementMapping.parse(preview.suggested) });
  assert.equal(report.verified, 1);
  assert.equal((await core.service.findOrder(order!.ref))!.transactionId, 'REAL1');
});

test('a workbook whose directory gives its sizes the ZIP64 way is read like any other', async (t) => {
  const core = await startTestCore(t);
  const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
  const sheet = sheetXml(
    `<row r="1">${cell('A1', 'Trx ID')}${cell('B1', 'Amount')}${cell('C1', 'Date')}</row>` +
      `<row r="2">${cell('A2', 'Z64TRX1')}<c r="B2"><v>150.5</v></c>${cell('C2', dayFirst(yesterday(11)))}</row>`,
  );
  core.platform.choices.statement = {
    name: 'zip64.xlsx',
    bytes: zipBytes(workbookParts(deflatedPart('xl/worksheets/sheet1.xml', sheet)), { zip64: true }),
  };
  const preview = await call(core, 'chooseStatement', {});
  assert.ok(preview);
  assert.deepEqual([preview.headers, preview.rows], [['Trx ID', 'Amount', 'Date'], [['Z64TRX1', '150.5', dayFirst(yesterday(11))]]]);
  const report = await call(core, 'importStatement', { token: preview.token, mapping: StatementMapping.parse(preview.suggested) });
  assert.deepEqual([report.imported, report.rejectedCount], [1, 0]);
});

test('paydesk reconcile refuses a hostile statement with the same sentence and exits 2', async (t) => {
  const dataDir = tempDir(t);
  const book = (await folderBook(dataDir, t))?.book;
  await (await startCore({ dataDir, book, keys: { env: {} }, listener: 'elsewhere', startSandbox: false, useSandbox: true })).close();
  const bomb = STATEMENT_BOMBS.find((b) => b.name === 'lines.csv')!;
  const file = join(tempDir(t), bomb.name);
  writeFileSync(file, bomb.make());
  const run = await paydesk(['--data-dir', dataDir, 'reconcile', file]);
  assert.equal(run.code, 2, run.stderr);
  assert.ok(run.stderr.includes(inEnglish(bomb.refusal)), run.stderr);
});

test('the mapping screen gets at most 20 rows with each cell cut to 200 characters, and the report lists the first 200 rejected lines and counts them all', async (t) => {
  const core = await startTestCore(t);
  const note = 'n'.repeat(900);
  const at = dayFirst(yesterday(9));
  const bytes = csvBytes([
    'TrxID,Amount,Date,Note',
    ...Array.from({ length: 250 }, (_, i) => `BAD${i},abc,${at},${note}`),
    `GOOD1,10,${at},ok`,
  ]);
  core.platform.choices.statement = { name: 'long.csv', bytes };
  const preview = await call(core, 'chooseStatement', {});
  assert.ok(preview);
  assert.equal(preview.totalRows, 251);
  assert.equal(preview.rows.length, 20);
  assert.equal(preview.rows[0]![3], `${'n'.repeat(199)}…`);

  const report = await call(core, 'importStatement', { token: preview.token, mapping: StatementMapping.parse(preview.suggested) });
  assert.equal(report.imported, 1);
  assert.equal(report.rejectedCount, 250);
  assert.equal(report.rejected.length, 200);
  assert.deepEqual([report.rejected[0]!.line, report.rejected.at(-1)!.line], [2, 201], 'the first lines, in order');
  assert.deepEqual(await recorded(core), { statements: 1, lines: 1, rejects: 250 }, 'every rejected line is kept for review');
});

test('a cap a statement breaks reads in Bengali with its limits and line in Bengali digits, and only the file name in Latin letters', () => {
  const caps = {
    'lines.csv': 'lines.csv ফাইলে ২,০০,০০০টির বেশি লাইন আছে',
    'columns.csv': 'columns.csv ফাইলের ২ নম্বর লাইনে ১০০টির বেশি কলাম আছে',
    'cell.csv': 'cell.csv ফাইলের ২ নম্বর লাইনে একটি ঘরে ১,০০০টির বেশি অক্ষর আছে',
    'bomb.xlsx': 'bomb.xlsx ফাইলের একটি অংশ খুললে ১০০ মেগাবাইটের বেশি হবে',
  };
  for (const [name, opening] of Object.entries(caps)) {
    const bomb = STATEMENT_BOMBS.find((b) => b.name === name)!;
    const bengali = render(bomb.refusal, 'bn');
    assert.ok(bengali.startsWith(opening), bengali);
    assert.doesNotMatch(bengali.replace(name, '').replace('PayDesk', ''), /[A-Za-z0-9]/, bengali);
  }
});
