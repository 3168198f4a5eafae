import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { toDecimalString } from '../../shared/money';
import { render } from '../../shared/messages/say';
import { APP_SENDER, call, startTestCore } from '../support/core';
import { tempDir } from '../support/temp-dir';
import { seedOrdersAt } from '../support/seed-orders';

const PNG_1X1 = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63f8cfc0f01f000500020' +
    '1c7d3cb6d0000000049454e44ae426082',
  'hex',
);

const seed = seedOrdersAt;

const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
const pdfPages = (file: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);

test('a receipt PDF, A4 and 80 mm roll, carries the shop, the ref, the amount, the transaction id and a Bengali name', async (t) => {
  const core = await startTestCore(t);
  const dir = tempDir(t);
  await call(core, 'saveShopDetails', { name: 'রহমান স্টোর', address: 'House 12, Road 5, Dhaka', phone: '+880 1711-000000' });
  core.platform.choices.logo = PNG_1X1;
  await call(core, 'chooseShopLogo', {});
  const [order] = await seed(core, [
    { amountMinor: 15050, name: 'আলম রহিম উদ্দিন', email: 'alam@shop.test', note: 'দুটি শার্ট', pay: 'CJH1D2Y4W1' },
  ]);

  for (const layout of ['a4', 'roll80'] as const) {
    const file = join(dir, `receipt-${layout}.pdf`);
    core.platform.choices.saveFile = file;
    assert.deepEqual(await call(core, 'saveReceiptPdf', { ref: order!.ref, layout }), {
      saved: true,
      count: 1,
      fileName: `receipt-${layout}.pdf`,
      cancelled: false,
    });
    assert.equal(core.platform.saveDialogs.at(-1)!.defaultName, `receipt-${order!.ref}.pdf`);
    assert.equal(readFileSync(file).subarray(0, 5).toString(), '%PDF-');
    const text = pdfText(file);
    for (const expected of [order!.ref, '৳150.50', 'CJH1D2Y4W1', 'আলম রহিম উদ্দিন', 'রহমান স্টোর', 'Paid']) {
      assert.ok(text.includes(expected), `${layout} receipt shows ${expected}\n${text}`);
    }
    execFileSync('pdftoppm', ['-png', '-r', '72', '-singlefile', file, join(dir, layout)]);
    assert.ok(statSync(join(dir, `${layout}.png`)).size > 2000, `${layout} renders to a page image`);
  }
  const size = (layout: string) =>
    /Page size:\s+([\d.]+) x ([\d.]+)/.exec(execFileSync('pdfinfo', [join(dir, `receipt-${layout}.pdf`)], { encoding: 'utf8' }))!;
  assert.equal(Math.round(Number(size('a4')[1])), 595, 'A4 is 210 mm wide');
  assert.equal(Math.round((Number(size('roll80')[1]) / 72) * 25.4), 80, 'the roll is 80 mm wide');
});

test('a receipt in Bengali, one marked paid by hand, and receipts only for paid orders', async (t) => {
  const core = await startTestCore(t);
  const dir = tempDir(t);
  await call(core, 'savePreferences', { language: 'bn', linkExpiryHours: 24 });
  const [pending] = await seed(core, [{ amountMinor: 99900, name: 'Karim' }]);
  const refused = await core.router.handle('saveReceiptPdf', { ref: pending!.ref, layout: 'a4' }, APP_SENDER);
  assert.equal(refused.ok, false);
  if (!refused.ok) {
    assert.deepEqual([refused.error.code, refused.error.params], ['receipt_not_paid', { ref: pending!.ref, status: 'pending' }]);
    assert.equal(render(refused.error, 'bn'), `অর্ডার ${pending!.ref} এখন অপেক্ষমাণ; রসিদ শুধু পরিশোধিত অর্ডারের হয়।`);
    assert.equal(render(refused.error, 'en'), `Order ${pending!.ref} is pending; receipts are for paid orders.`);
  }

  await call(core, 'markPaidManually', { ref: pending!.ref, reason: 'Cash at the counter' });
  const file = join(dir, 'manual.pdf');
  core.platform.choices.saveFile = file;
  await call(core, 'saveReceiptPdf', { ref: pending!.ref, layout: 'roll80' });
  const text = pdfText(file);
  assert.ok(text.includes('৳৯৯৯.০০'), `amount in Bengali digits, ৳ first\n${text}`);
  assert.ok(text.includes('পরিশোধিত — হাতে লিপিবদ্ধ'), 'marked as recorded by hand');

  core.platform.choices.saveFile = null;
  assert.deepEqual(await call(core, 'saveReceiptPdf', { ref: pending!.ref, layout: 'a4' }), {
    saved: false,
    count: 0,
    fileName: null,
    cancelled: false,
  });
  await call(core, 'printReceipt', { ref: pending!.ref, layout: 'roll80' });
  await call(core, 'previewReceipt', { ref: pending!.ref, layout: 'a4' });
  assert.equal(core.platform.printed.length, 1);
  assert.ok(!/<script/i.test(core.platform.previewed[0]!), 'a receipt carries no script');
  assert.ok(!/(src|href)="https?:/i.test(core.platform.previewed[0]!), 'and loads nothing from the network');
});

test('a Bengali receipt writes its date, time and amount as a Bengali reader does: no AM/PM, lakh grouping', async (t) => {
  const core = await startTestCore(t);
  const dir = tempDir(t);
  await call(core, 'savePreferences', { ...(await call(core, 'getPreferences', {})), language: 'bn' });
  // Made at 17:56 local time, paid a minute later: late afternoon, বিকাল.
  const [order] = await seed(core, [{ amountMinor: 15_000_000, name: 'রহিম', at: new Date(2026, 10, 25, 17, 56), pay: 'TRX7Q9' }]);
  const file = join(dir, 'bn.pdf');
  core.platform.choices.saveFile = file;
  await call(core, 'saveReceiptPdf', { ref: order!.ref, layout: 'a4' });
  const text = pdfText(file);
  // pdftotext puts spaces inside some shaped Bengali clusters ("নম্ব র"), so words are compared without spaces.
  const squeezed = (words: string) => words.replace(/\s+/g, '');
  for (const expected of ['পেমেন্টের রসিদ', '৳১,৫০,০০০.০০', '২৫ নভেম্বর, ২০২৬, বিকাল ৫:৫৭', 'লেনদেন নম্বর']) {
    assert.ok(squeezed(text).includes(squeezed(expected)), `the receipt reads ${expected}\n${text}`);
  }
  assert.doesNotMatch(text, /\b[AP]\.?M\b/i, 'no AM/PM in a Bengali receipt');
  // The counter's name is the shop's own words, as it named the counter.
  const words = text.replace(order!.ref, '').replace('TRX7Q9', '').replace(order!.counterName!, '');
  assert.doesNotMatch(words, /[A-Za-z0-9]/, `nothing but the ref, the transaction id and the counter in Latin letters or digits\n${words}`);

  await call(core, 'savePreferences', { ...(await call(core, 'getPreferences', {})), language: 'en', clock: '24h' });
  await call(core, 'saveReceiptPdf', { ref: order!.ref, layout: 'a4' });
  const english = pdfText(file);
  for (const expected of ['Payment receipt', '৳1,50,000.00', '17:57', 'Transaction ID']) {
    assert.ok(english.includes(expected), `the English receipt reads ${expected}\n${english}`);
  }
});

test('the CSV export parses back to exactly the orders, with formula cells neutralised', async (t) => {
  const core = await startTestCore(t);
  const dir = tempDir(t);
  const hostile = [
    '=SUM(A1:A9)',
    '+8801711',
    '-2+3',
    '@cmd',
    '\tTabbed',
    '\rReturn',
    'He said "hi", then left\nsecond line',
    'রহিম, উদ্দিন',
  ];
  const orders = await seed(
    core,
    hostile.map((name, i) => ({
      amountMinor: 100 * (i + 1) + 5,
      name,
      note: i % 2 ? `note, ${i}` : null!,
      ...(i % 3 ? { pay: `TRX${i}` } : {}),
    })),
  );
  const file = join(dir, 'orders.csv');
  core.platform.choices.saveFile = file;
  assert.deepEqual(await call(core, 'exportOrdersCsv', { filter: {} }), {
    saved: true,
    count: hostile.length,
    fileName: 'orders.csv',
    cancelled: false,
  });

  const bytes = readFileSync(file);
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 with a BOM');
  const rows = parse(bytes, { bom: true, columns: true, relax_quotes: false }) as Array<Record<string, string>>;
  assert.equal(rows.length, orders.length);
  for (const order of orders) {
    const row = rows.find((r) => r.ref === order.ref)!;
    const neutral = (v: string | null) => (v === null ? '' : /^[=+\-@\t\r]/.test(v) ? `'${v}` : v);
    assert.equal(row.customer_name, neutral(order.customerName));
    assert.equal(row.note, neutral(order.note));
    assert.equal(row.amount, toDecimalString(order.amountMinor));
    assert.equal(row.status, order.status);
    assert.equal(row.transaction_id, order.transactionId ?? '');
    assert.match(row.created_at!, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
    assert.equal(Date.parse(row.created_at!), Math.floor(Date.parse(order.createdAt) / 1000) * 1000);
  }
  for (const row of rows) {
    for (const cell of Object.values(row)) assert.doesNotMatch(cell, /^[=+\-@\t\r]/, 'no cell starts a formula');
  }

  core.platform.choices.saveFile = join(dir, 'paid.csv');
  const paid = await call(core, 'exportOrdersCsv', { filter: { status: 'paid', search: 'Return' } });
  assert.equal(paid.count, 1);
});

test('bulk receipts: one combined PDF, one PDF per order, and Cancel leaves nothing behind', async (t) => {
  const core = await startTestCore(t);
  const dir = tempDir(t);
  const orders = await seed(
    core,
    Array.from({ length: 30 }, (_, i) => ({ amountMinor: 1000 + i, name: `Customer ${i}`, pay: `BULK${i}` })),
  );
  await seed(core, [{ amountMinor: 5 }]); // pending: no receipt

  const combined = join(dir, 'all.pdf');
  core.platform.choices.saveFile = combined;
  const progress: number[] = [];
  const off = core.events.on('exportProgress', (p) => progress.push(p.done));
  assert.deepEqual(await call(core, 'exportReceipts', { filter: {}, layout: 'a4', mode: 'combined' }), {
    saved: true,
    count: 30,
    fileName: 'all.pdf',
    cancelled: false,
  });
  off();
  assert.equal(pdfPages(combined), 30);
  assert.deepEqual(progress, [25, 30]);

  const folder = join(dir, 'receipts');
  mkdirSync(folder);
  core.platform.choices.folder = folder;
  await call(core, 'exportReceipts', { filter: { search: 'Customer 1' }, layout: 'roll80', mode: 'per-order' });
  const expected = orders.filter((o) => o.customerName!.startsWith('Customer 1')).map((o) => `receipt-${o.ref}.pdf`);
  assert.deepEqual(readdirSync(folder).sort(), expected.sort());

  const cancelled = join(dir, 'cancelled');
  mkdirSync(cancelled);
  core.platform.choices.folder = cancelled;
  const stop = core.events.on('exportProgress', () => void core.router.handle('cancelExport', {}, APP_SENDER));
  const reply = await call(core, 'exportReceipts', { filter: {}, layout: 'a4', mode: 'per-order' });
  stop();
  assert.deepEqual(reply, { saved: false, count: 0, fileName: null, cancelled: true });
  assert.deepEqual(readdirSync(cancelled), [], 'no receipt and no hidden work folder is left');
  assert.ok(!readdirSync(dir).some((name) => name.startsWith('.paydesk')));
});

test('paydesk export csv and paydesk receipt write their files from the command line', async (t) => {
  const core = await startTestCore(t);
  const [order] = await seed(core, [{ amountMinor: 4200, name: 'সাকিব', pay: 'CLI1' }]);
  await core.close();
  const dir = tempDir(t);
  const bin = new URL('../../bin/paydesk.js', import.meta.url).pathname;
  // The core's book, whichever engine keeps it.
  const env = { ...process.env, ...(core.databaseUrl && { PAYDESK_DATABASE_URL: core.databaseUrl }) };
  const run = (...args: string[]) => execFileSync(process.execPath, [bin, '--data-dir', core.dataDir, ...args], { encoding: 'utf8', env });

  run('export', 'csv', '--out', join(dir, 'o.csv'), '--status', 'paid');
  const rows = parse(readFileSync(join(dir, 'o.csv')), { bom: true, columns: true }) as Array<Record<string, string>>;
  assert.deepEqual(
    rows.map((r) => [r.ref, r.customer_name, r.amount]),
    [[order!.ref, 'সাকিব', '42.00']],
  );

  run('receipt', order!.ref, '--out', join(dir, 'r.html'));
  const html = readFileSync(join(dir, 'r.html'), 'utf8');
  assert.ok(html.includes(order!.ref) && html.includes('সাকিব') && html.includes('CLI1'));
  assert.throws(
    () => run('receipt', 'PD-999999', '--out', join(dir, 'x.html')),
    (e: { status: number }) => e.status === 2,
  );
  assert.ok(!existsSync(join(dir, 'x.html')));
});

test('a Cancel pressed while the export dialog is still open is kept: nothing is written', async (t) => {
  const core = await startTestCore(t);
  await seed(core, [{ amountMinor: 700, pay: 'EARLY1' }]);
  const file = join(tempDir(t), 'never.csv');
  core.platform.chooseSaveFile = async () => {
    // The shopkeeper presses Cancel on PayDesk's progress line while the save dialog is up.
    await core.router.handle('cancelExport', {}, APP_SENDER);
    return file;
  };
  assert.deepEqual(await call(core, 'exportOrdersCsv', { filter: {} }), { saved: false, count: 0, fileName: null, cancelled: true });
  assert.ok(!existsSync(file));
  const busy = await Promise.all([
    core.router.handle('exportOrdersCsv', { filter: {} }, APP_SENDER),
    core.router.handle('exportOrdersCsv', { filter: {} }, APP_SENDER),
  ]);
  assert.equal(busy.filter((r) => !r.ok).length, 1, 'one export at a time');
});
