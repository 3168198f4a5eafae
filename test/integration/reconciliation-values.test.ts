import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_STATEMENT_BYTES, readStatementFile, sniffDelimiter } from '../../electron/core/reconciliation/statement-file';
import { detectMapping } from '../../electron/core/reconciliation/statement-headers';
import { parseStatementAmount, parseStatementTime } from '../../electron/core/reconciliation/statement-values';

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
  for (const [text, reason] of [
    ['-10', /negative/],
    ['(10.00)', /negative/],
    ['0.00', /zero/],
    ['', /empty/],
    ['1,50', /not a taka amount/],
    ['12.345', /two decimals/],
    ['ten', /not a taka amount/],
  ] as const) {
    const parsed = parseStatementAmount(text);
    assert.equal(parsed.ok, false, text);
    assert.match(!parsed.ok ? parsed.reason : '', reason, text);
  }
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
    assert.equal(parseStatementTime(text).ok, false, text);
  }
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

test('UTF-16 text is read, and old Excel files, fake workbooks and oversized files are refused with a sentence', async () => {
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('TrxID\tAmount\tDate\r\nA1\t10\t20/11/2026\r\n', 'utf16le')]);
  const read = await readStatementFile('export.txt', utf16);
  assert.deepEqual(read.ok && read.table, {
    headers: ['TrxID', 'Amount', 'Date'],
    rows: [{ line: 2, cells: ['A1', '10', '20/11/2026'], raw: 'A1\t10\t20/11/2026' }],
  });
  const xls = await readStatementFile('old.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]));
  assert.match(!xls.ok ? xls.message : '', /old Excel \(\.xls\) file/);
  const fake = await readStatementFile('fake.xlsx', new TextEncoder().encode('TrxID,Amount\n'));
  assert.match(!fake.ok ? fake.message : '', /not an Excel \(\.xlsx\) workbook/);
  const huge = await readStatementFile('huge.csv', new Uint8Array(MAX_STATEMENT_BYTES + 1));
  assert.match(!huge.ok ? huge.message : '', /larger than 20 MB/);
  const empty = await readStatementFile('empty.csv', new Uint8Array());
  assert.match(!empty.ok ? empty.message : '', /is empty/);
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
  assert.match(!unclosed.ok ? unclosed.message : '', /open\.csv has a quote \("\) on line 3 that is never closed/);
});
