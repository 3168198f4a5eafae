import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_STATEMENT_BYTES, readStatementFile, sniffDelimiter } from '../../electron/core/reconciliation/statement-file';
import { detectMapping } from '../../electron/core/reconciliation/statement-headers';
import { parseStatementAmount, parseStatementTime } from '../../electron/core/reconciliation/statement-values';
import type { Message } from '../../shared/contract';
import { say } from '../../shared/messages/say';

/** The message a read refused with, else null. */
const refusal = (read: { ok: true } | { ok: false; message: Message }) => (read.ok ? null : read.message);

const local = (...parts: [number, number, number, number?, number?, number?]) => {
  const [y, m, d, h = 0, mi = 0, s = 0] = parts;
  return new Date(y, m - 1, d, h, mi, s).toISOString();
};

test('statement amounts parse to exact poisha whatever their currency mark, grouping or digits', () => {
  const cases: Array<[string, number]> = [
    ['1500.50', 150_050],
    ['৳1,500.50', 150_050],
    ['1,500.50৳', 150_050],
    ['Tk. 1,500', 150_000],
    ['BDT 15,00,000.05', 150_000_005],
    ['১,৫০০.৫০ টাকা', 150_050],
    ['  200 ', 20_000],
    ['+75.5', 7_550],
    ['0.01', 1],
  ];
  for (const [text, minor] of cases) assert.deepEqual(parseStatementAmount(text), { ok: true, value: minor }, text);
  const refused: Array<[string, Message]> = [
    ['-10', say('line_amount_negative', { amount: '-10' })],
    [' (10.00) ', say('line_amount_negative', { amount: '(10.00)' })],
    ['0.00', say('line_amount_zero')],
    ['0.000', say('line_amount_zero')],
    ['', say('line_amount_empty')],
    ['৳ +', say('line_amount_empty')],
    ['1,50', say('line_amount_unreadable', { amount: '1,50', refusal: 'amount_commas' })],
    ['12.345', say('line_amount_unreadable', { amount: '12.345', refusal: 'amount_decimals' })],
    ['ten', say('line_amount_unreadable', { amount: 'ten', refusal: 'amount_not_number' })],
    ['1'.repeat(20), say('line_amount_unreadable', { amount: '1'.repeat(20), refusal: 'amount_too_large' })],
  ];
  for (const [text, reason] of refused) assert.deepEqual(parseStatementAmount(text), { ok: false, reason }, text);
});

test('statement times are read in the shapes portals write, as local time unless they carry a zone', () => {
  const cases: Array<[string, string]> = [
    ['20/11/2026 14:30', local(2026, 11, 20, 14, 30)],
    ['20-11-2026 02:30:15 PM', local(2026, 11, 20, 14, 30, 15)],
    ['20.11.2026', local(2026, 11, 20)],
    ['20-Nov-2026 12:05 am', local(2026, 11, 20, 0, 5)],
    ['20 November 2026, 9:00', local(2026, 11, 20, 9)],
    ['2026-11-20 14:30:00', local(2026, 11, 20, 14, 30)],
    ['2026-11-20T14:30:00.250', new Date(2026, 10, 20, 14, 30, 0, 250).toISOString()],
    ['2026/11/20', local(2026, 11, 20)],
    ['২০/১১/২০২৬ ১৪:৩০', local(2026, 11, 20, 14, 30)],
    ['2026-11-20T08:30:00Z', '2026-11-20T08:30:00.000Z'],
    ['2026-11-20T14:30:00+06:00', '2026-11-20T08:30:00.000Z'],
  ];
  for (const [text, iso] of cases) assert.deepEqual(parseStatementTime(text), { ok: true, value: iso }, text);
  for (const text of ['31/02/2026', '2026-13-01', '20/11/2026 25:00', '13:00 PM 20/11/2026', 'yesterday', '20/11/26']) {
    assert.deepEqual(parseStatementTime(text), { ok: false, reason: say('line_date_unreadable', { date: text }) }, text);
  }
  assert.deepEqual(parseStatementTime(' '), { ok: false, reason: say('line_date_empty') });
});

test('headers are recognised in English and Bengali, whichever way য় is composed', () => {
  assert.deepEqual(detectMapping(['SL', 'Trx. ID', 'Amount (৳)', 'Transaction Date', 'Sender No', 'Ref']), {
    transactionId: 'Trx. ID',
    amount: 'Amount (৳)',
    time: 'Transaction Date',
    sender: 'Sender No',
    reference: 'Ref',
  });
  for (const time of ['সময়', 'সময\u09bc']) {
    assert.deepEqual(detectMapping(['ট্রানজেকশন আইডি', 'টাকার পরিমাণ', time, 'প্রেরকের নম্বর', 'রেফারেন্স']), {
      transactionId: 'ট্রানজেকশন আইডি',
      amount: 'টাকার পরিমাণ',
      time,
      sender: 'প্রেরকের নম্বর',
      reference: 'রেফারেন্স',
    });
  }
  assert.deepEqual(detectMapping(['Customer TrxID', 'Paid amount BDT', 'Payment date']), {
    transactionId: 'Customer TrxID',
    amount: 'Paid amount BDT',
    time: 'Payment date',
  });
});

test('the delimiter is sniffed from the first lines, quoted text aside', () => {
  assert.equal(sniffDelimiter('a;b;c\n"1,5";2;3\n'), ';');
  assert.equal(sniffDelimiter('Statement, November\na\tb\tc\n1\t2\t3\n'), '\t');
  assert.equal(sniffDelimiter('a,b,c\n"x;y",2,3\n'), ',');
});

test('UTF-16 text is read, and old Excel files, fake workbooks, oversized and empty files are refused with a message naming the file', async () => {
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('TrxID\tAmount\tDate\r\nA1\t10\t20/11/2026\r\n', 'utf16le')]);
  const read = await readStatementFile('export.txt', utf16);
  assert.deepEqual(read.ok && read.table, {
    headers: ['TrxID', 'Amount', 'Date'],
    rows: [{ line: 2, cells: ['A1', '10', '20/11/2026'], raw: 'A1\t10\t20/11/2026' }],
  });
  assert.deepEqual(
    refusal(await readStatementFile('old.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]))),
    say('statement_old_xls', { file: 'old.xls' }),
  );
  assert.deepEqual(
    refusal(await readStatementFile('fake.xlsx', new TextEncoder().encode('TrxID,Amount\n'))),
    say('statement_not_xlsx', { file: 'fake.xlsx' }),
  );
  assert.deepEqual(
    refusal(await readStatementFile('huge.csv', new Uint8Array(MAX_STATEMENT_BYTES + 1))),
    say('statement_too_large', { file: 'huge.csv', maxBytes: 20 * 1024 * 1024 }),
  );
  assert.deepEqual(refusal(await readStatementFile('empty.csv', new Uint8Array())), say('statement_empty', { file: 'empty.csv' }));
});

test('CSV lines keep the line an editor shows and their own text across quoted breaks, blank lines and stray quotes', async () => {
  const text = [
    'TrxID|Amount|Note',
    '',
    'A1|10|"two',
    'lines"',
    'A2|20|he said "hi"',
    '"A3" x|30|"a ""quoted"" | word"',
    '',
    '',
    'A4|40|',
    'A5|50',
  ].join('\r\n');
  const read = await readStatementFile('s.csv', new TextEncoder().encode(`${text}\r\n`));
  assert.deepEqual(read.ok && read.table, {
    headers: ['TrxID', 'Amount', 'Note'],
    rows: [
      { line: 3, cells: ['A1', '10', 'two\r\nlines'], raw: 'A1|10|"two\r\nlines"' },
      { line: 5, cells: ['A2', '20', 'he said "hi"'], raw: 'A2|20|he said "hi"' },
      { line: 6, cells: ['"A3" x', '30', 'a "quoted" | word'], raw: '"A3" x|30|"a ""quoted"" | word"' },
      { line: 9, cells: ['A4', '40', ''], raw: 'A4|40|' },
      { line: 10, cells: ['A5', '50'], raw: 'A5|50' },
    ],
  });
  const lone = await readStatementFile('mac.csv', new TextEncoder().encode('TrxID,Amount\rA1,10\r\rA2,20\n'));
  assert.deepEqual(lone.ok && lone.table.rows.map((row) => row.line), [2, 4], 'a lone \\r ends a line too');
  const unclosed = await readStatementFile('open.csv', new TextEncoder().encode('TrxID,Amount\nA1,10\nA2,"20\nA3,30\n'));
  assert.deepEqual(refusal(unclosed), say('statement_quote_unclosed', { file: 'open.csv', line: 3 }));
});
