import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ListOrdersQuery } from '../../shared/contract';
import { call, startTestCore } from '../support/core';
import { seededFolder } from '../support/seeded-folder';

type Row = {
  id: number;
  ref: string;
  doc: string;
  status: string;
  amount_minor: number;
  created_at: string;
};

test('a search matching one, a few hundred or thousands of orders pages and totals as reading every order would', async (t) => {
  const { dataDir, file } = await seededFolder(t, 12_000);
  const core = await startTestCore(t, { dataDir });
  // What the search index holds for each order, read straight from the seeded rows.
  const rows = file
    .prepare(
      `SELECT id, ref, concat_ws(' ', ref, customer_name, customer_email, transaction_id, note) AS doc, status, amount_minor,
         created_at FROM orders`,
    )
    .all() as Row[];
  const transactionId = file.prepare('SELECT transaction_id FROM orders WHERE id = 6001').pluck().get() as string | null;
  assert.ok(transactionId, 'order 6001 was paid');

  const expect = (query: Partial<ListOrdersQuery> & { search: string }) => {
    const needle = query.search.toLowerCase();
    const matching = rows.filter((r) => r.doc.toLowerCase().includes(needle) && (!query.status || r.status === query.status));
    const sign = query.direction === 'asc' ? 1 : -1;
    const key = (r: Row) => (query.sort === 'amount' ? r.amount_minor : r.created_at);
    matching.sort((a, b) => (key(a) === key(b) ? sign * (a.id - b.id) : key(a) < key(b) ? -sign : sign));
    const paid = matching.filter((r) => r.status === 'paid');
    const offset = query.offset ?? 0;
    return {
      refs: matching.slice(offset, offset + (query.limit ?? 200)).map((r) => r.ref),
      total: matching.length,
      paidCount: paid.length,
      paidSumMinor: paid.reduce((n, r) => n + r.amount_minor, 0),
    };
  };

  const queries: Array<Partial<ListOrdersQuery> & { search: string }> = [
    { search: transactionId },
    { search: 'Nusrat' },
    { search: 'নুসরাত', status: 'paid', sort: 'amount', direction: 'asc' },
    { search: 'PD-0' },
    { search: 'PD-0', status: 'failed', offset: 40, limit: 30 },
    { search: '.com', sort: 'amount', direction: 'desc', offset: 100, limit: 50 },
  ];
  for (const query of queries) {
    const page = await call(core, 'listOrders', query);
    const expected = expect(query);
    assert.ok(expected.total > 0, `${JSON.stringify(query)} matches something`);
    assert.deepEqual(
      { refs: page.orders.map((o) => o.ref), total: page.total, paidCount: page.paidCount, paidSumMinor: page.paidSumMinor },
      expected,
      JSON.stringify(query),
    );
  }
  assert.ok(expect({ search: 'PD-0' }).total > 5000, 'one search has thousands of matches');
});

test('an amount typed as a shopkeeper writes it finds the orders of exactly that amount, beside any text it matches', async (t) => {
  const { dataDir, file } = await seededFolder(t, 12_000);
  const core = await startTestCore(t, { dataDir });
  const rows = file
    .prepare(`SELECT ref, amount_minor, concat_ws(' ', ref, customer_name, customer_email, transaction_id, note) AS doc FROM orders`)
    .all() as Array<{ ref: string; amount_minor: number; doc: string }>;
  const expected = (minor: number, text: string) =>
    new Set(rows.filter((r) => r.amount_minor === minor || r.doc.toLowerCase().includes(text.toLowerCase())).map((r) => r.ref));
  const found = async (search: string) => new Set((await call(core, 'listOrders', { search, limit: 1000 })).orders.map((o) => o.ref));

  const fifty = rows.find((r) => r.amount_minor % 100 === 50)!.amount_minor;
  const decimal = `${Math.trunc(fifty / 100)}.50`;
  const bengali = decimal.replace(/\d/g, (d) => String.fromCharCode(0x09e6 + Number(d)));
  for (const search of [decimal, `৳${decimal}`, bengali, `Tk ${decimal}`]) {
    assert.deepEqual(await found(search), expected(fifty, search), search);
  }
  const whole = rows.find((r) => r.amount_minor % 100 === 0 && r.amount_minor >= 100_000)!.amount_minor;
  const taka = String(whole / 100);
  const grouped = Number(taka).toLocaleString('en');
  assert.ok(grouped.includes(','), `${grouped} is grouped`);
  assert.deepEqual(await found(taka), expected(whole, taka), `${taka} matches ৳${taka}.00 and the text ${taka}`);
  assert.deepEqual(await found(grouped), expected(whole, grouped), grouped);
  assert.ok(
    [...(await found(taka))].some((ref) => rows.find((r) => r.ref === ref)!.amount_minor === whole),
    'the amount itself is found',
  );

  const page = await call(core, 'listOrders', { search: decimal });
  const amounts = rows.filter((r) => r.amount_minor === fifty || r.doc.toLowerCase().includes(decimal));
  assert.equal(page.total, amounts.length, 'the totals count the same orders');
});

test('a search matching most of the book pages in time order exactly, also where times and ids disagree', async (t) => {
  const { dataDir, file } = await seededFolder(t, 12_000, (db) => {
    // A clock set back: some newer orders carry older times, and some older ones newer times.
    db.exec(`UPDATE orders SET created_at = strftime('%Y-%m-%dT%H:%M:%fZ', created_at, '-400 days') WHERE id % 97 = 0 AND id > 6000`);
    db.exec(`UPDATE orders SET created_at = strftime('%Y-%m-%dT%H:%M:%fZ', created_at, '+30 days') WHERE id % 89 = 0 AND id < 3000`);
  });
  const core = await startTestCore(t, { dataDir });
  const all = file
    .prepare(`SELECT id, ref, created_at, concat_ws(' ', ref, customer_name, customer_email, transaction_id, note) AS doc FROM orders`)
    .all() as Row[];
  for (const direction of ['desc', 'asc'] as const) {
    for (const search of ['PD-0', '.com', 'P']) {
      const sign = direction === 'asc' ? 1 : -1;
      const matching = all
        // Every ref starts with P, so the one-letter search matches every order.
        .filter((r) => search === 'P' || r.doc.toLowerCase().includes(search.toLowerCase()))
        .sort((a, b) => (a.created_at === b.created_at ? sign * (a.id - b.id) : a.created_at < b.created_at ? -sign : sign));
      for (const offset of [0, 300]) {
        const page = await call(core, 'listOrders', { search, direction, offset, limit: 100 });
        assert.deepEqual(
          page.orders.map((o) => o.ref),
          matching.slice(offset, offset + 100).map((r) => r.ref),
          `${search} ${direction} @${offset}`,
        );
      }
    }
  }
});

test('countOrders gives the totals listOrders gives, and a page asked without them is the same page, telling whether more follow', async (t) => {
  const { dataDir, file } = await seededFolder(t, 12_000);
  const core = await startTestCore(t, { dataDir });
  const fifty = file.prepare('SELECT amount_minor FROM orders WHERE amount_minor % 100 = 50 LIMIT 1').pluck().get() as number;
  const filters: Array<Omit<Partial<ListOrdersQuery>, 'sort' | 'direction' | 'offset' | 'limit' | 'totals'>> = [
    {},
    { status: 'paid' },
    { search: 'Nusrat' },
    { search: 'PD-0', status: 'pending' },
    { search: '.com' },
    { search: 'P' },
    { search: `${Math.trunc(fifty / 100)}.50` },
    { search: 'gmail', allProfiles: true },
    { search: 'zzzz-nothing' },
  ];
  for (const filter of filters) {
    const listed = await call(core, 'listOrders', { ...filter, limit: 50 });
    const counted = await call(core, 'countOrders', filter);
    const label = JSON.stringify(filter);
    assert.deepEqual(counted, { total: listed.total, paidCount: listed.paidCount, paidSumMinor: listed.paidSumMinor }, label);
    const page = await call(core, 'listOrders', { ...filter, limit: 50, totals: false });
    assert.deepEqual(page.orders, listed.orders, label);
    assert.deepEqual([page.total, page.paidCount, page.paidSumMinor], [null, null, null], label);
    assert.equal(page.hasMore, counted.total > 50, label);
  }
});
