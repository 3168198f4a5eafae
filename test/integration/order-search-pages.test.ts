import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ListOrdersQuery } from '../../shared/contract';
import { localDay, localDayStart, addDays } from '../../electron/core/storage/local-days';
import { searchOf, unionOf } from '../../electron/core/storage/sqlite/order-search';
import { formatRef } from '../../electron/core/storage/orders-repo';
import { call, startTestCore } from '../support/core';
import { seededFolder } from '../support/seeded-folder';
import { onPostgres } from '../support/test-engine';

/** Names and e-mails whose letters the trigram index folds by Unicode: Turkish, Cyrillic, accented, the Kelvin sign. */
const NAMES = ['ÇAĞRI Öztürk', 'çağrı öztürk', 'ДМИТРИЙ Иванов', 'дмитрий иванов', 'José ÁLVAREZ', 'İSMAİL Şahin', '\u212Aarim ſarkar'];
const EMAILS = ['cagri@\u212Aaſh.bd', 'dima@KASH.bd', 'jose@bkash.com', 'ismail@mail.com', null];
const NOTES = ['ÇAY 5 kg', 'чай', 'café au lait', 'নুসরাতের জন্য', null];

test('every search page, whatever its text, order, filters and offset, is the page of every match ranked', async (t) => {
  let first = 0;
  let last = 0;
  let profileId = 0;
  const { dataDir, file: db } = await seededFolder(t, 12_000, (db) => {
    profileId = db.prepare('SELECT profile_id FROM orders LIMIT 1').pluck().get() as number;
    const span = db.prepare('SELECT min(created_at) AS first, max(created_at) AS last FROM orders').get() as {
      first: string;
      last: string;
    };
    [first, last] = [Date.parse(span.first), Date.parse(span.last)];
    // Six thousand more orders, made at times all over the book's (so ids and times disagree), named in letters
    // lower() does not fold: "kash" alone matches more than a few thousand of them, only through the index's folding.
    const insert = db.prepare(
      `INSERT INTO orders (id, ref, profile_id, amount_minor, currency, customer_name, customer_email, note, status,
       return_token_hash, cancel_token_hash, created_at, updated_at)
     VALUES (@id, @ref, @profileId, @amount, 'BDT', @name, @email, @note, @status, @id || 'r', @id || 'c', @at, @at)`,
    );
    db.transaction(() => {
      for (let id = 12_001; id <= 18_000; id++) {
        const at = new Date(first + (((id * 7919) % 6000) / 6000) * (last - first)).toISOString();
        const pick = <T>(list: T[]) => list[(id * 31) % list.length]!;
        insert.run({
          id,
          ref: formatRef(id),
          profileId,
          amount: ((id * 37) % 400) * 100 + 1000 + (id % 3 === 0 ? 50 : 0),
          name: pick(NAMES),
          email: id % 5 === 0 ? pick(EMAILS) : `${['cagri', 'dima', 'jose'][id % 3]}@\u212Aaſh.bd`,
          note: pick(NOTES),
          status: ['pending', 'cancelled', 'failed', 'expired'][id % 4],
          at,
        });
      }
    })();
    // A clock set back: some seeded orders carry times far from their ids'.
    db.exec(`UPDATE orders SET created_at = strftime('%Y-%m-%dT%H:%M:%fZ', created_at, '-300 days') WHERE id % 53 = 0 AND id > 8000`);
    assert.ok(
      (db.prepare('SELECT count(*) FROM orders_out_of_order').pluck().get() as number) > 6000,
      'the book knows its orders out of order',
    );
  });
  const core = await startTestCore(t, { dataDir });

  const middle = localDay(new Date((first + last) / 2));
  type Filter = Pick<ListOrdersQuery, 'status' | 'verification' | 'from' | 'to'>;
  const filters: Filter[] = [
    {},
    { status: 'paid' },
    { status: 'cancelled' },
    { verification: 'unverified' },
    { from: middle, to: addDays(middle, 200) },
  ];
  const texts = [
    'P',
    'a',
    'k',
    '7',
    'K7',
    'PD-0',
    'PD-01',
    'gmail',
    '.com',
    'Rahman',
    'karim',
    'kash',
    'KASH',
    '\u212Aash',
    'çağrı',
    'ÇAĞ',
  ];
  texts.push('дмитрий', 'josé', 'নুসরাত', '150', '150.50', 'zzzz');
  // SQLite's trigram folding leaves the dotted capital İ matching no spelling but itself; PostgreSQL's lower() makes it
  // an i, so there "İsmail" finds İSMAİL as a shopkeeper means it to: the engines differ here, by design of each.
  if (!onPostgres) texts.push('İsmail');

  // Every match read, then ranked: the reference each page must equal.
  const reference = (text: string, filter: Filter, sort: 'time' | 'amount', direction: 'asc' | 'desc', offset: number, limit: number) => {
    const search = searchOf(text)!;
    const clauses = ['o.profile_id = @profileId'];
    if (filter.status) clauses.push('o.status = @status');
    if (filter.verification) clauses.push('o.verification = @verification');
    if (filter.from) clauses.push('o.created_at >= @fromAt');
    if (filter.to) clauses.push('o.created_at < @toAt');
    const key = sort === 'amount' ? 'o.amount_minor' : 'o.created_at';
    return db
      .prepare(
        `SELECT o.ref FROM (${unionOf(search)}) AS m JOIN orders o ON o.id = m.id WHERE ${clauses.join(' AND ')}
         ORDER BY ${key} ${direction}, o.id ${direction} LIMIT @limit OFFSET @offset`,
      )
      .pluck()
      .all({
        ...search.params,
        profileId,
        status: filter.status,
        verification: filter.verification,
        fromAt: filter.from && localDayStart(filter.from),
        toAt: filter.to && localDayStart(addDays(filter.to, 1)),
        limit,
        offset,
      }) as string[];
  };

  let broad = 0;
  for (const text of texts) {
    for (const filter of filters) {
      for (const sort of ['time', 'amount'] as const) {
        for (const direction of ['desc', 'asc'] as const) {
          for (const offset of [0, 200]) {
            const label = JSON.stringify({ text, ...filter, sort, direction, offset });
            const page = await call(core, 'listOrders', { search: text, ...filter, sort, direction, offset, limit: 100, totals: false });
            const expected = reference(text, filter, sort, direction, offset, 101);
            assert.deepEqual(
              page.orders.map((o) => o.ref),
              expected.slice(0, 100),
              label,
            );
            assert.equal(page.hasMore, expected.length > 100, label);
          }
        }
      }
    }
    if (reference(text, {}, 'time', 'desc', 0, 1_000_000).length > 5000) broad++;
  }
  assert.ok(broad >= 5, `several texts match more than a few thousand orders (${broad})`);
  assert.ok(reference('kash', {}, 'time', 'desc', 0, 1_000_000).length > 5000, '"kash" matches thousands through folding');
});
