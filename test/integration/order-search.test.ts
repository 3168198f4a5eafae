import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ListOrdersQuery } from '../../shared/contract';
import { seedOrders } from '../bench/seed-orders';
import { call, startTestCore } from '../support/core';
import { tempDir } from '../support/temp-dir';

type Row = {
  id: number;
  ref: string;
  doc: string;
  status: string;
  amount_minor: number;
  created_at: string;
};

test('a search matching one, a few hundred or thousands of orders pages and totals as reading every order would', async (t) => {
  const dataDir = tempDir(t);
  seedOrders(dataDir, 12_000);
  const core = await startTestCore(t, { dataDir });
  // What the trigram index holds for each order, read straight from the table.
  const rows = core.db
    .prepare(
      `SELECT id, ref, concat_ws(' ', ref, customer_name, customer_email, transaction_id, note) AS doc, status, amount_minor,
         created_at FROM orders`,
    )
    .all() as Row[];
  const transactionId = core.db.prepare('SELECT transaction_id FROM orders WHERE id = 6001').pluck().get() as string | null;
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
