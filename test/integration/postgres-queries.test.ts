// The PostgreSQL engine's read side on a real server: pages, search, totals, the dashboard, the close and the CSV
// export, each against what a plain reading of every order says, and against the SQLite engine given the same book.
process.env.TZ = 'Asia/Dhaka';

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAmount } from '../../shared/money';
import type { OrderStatus } from '../../shared/contract';
import { localDay } from '../../electron/core/storage/local-days';
import type { OrderFilter, OrderQueries, PageQuery, Totals } from '../../electron/core/storage/order-queries';
import type { OrdersRepo } from '../../electron/core/storage/orders-repo';
import type { ClosingQueries } from '../../electron/core/storage/closing-queries';
import { createExecutor, openPool, type Executor } from '../../electron/core/storage/postgres/connection';
import { migrate } from '../../electron/core/storage/postgres/migrate';
import { createOrdersRepo } from '../../electron/core/storage/postgres/orders-repo';
import { createOrderQueries } from '../../electron/core/storage/postgres/order-queries';
import { createClosingQueries } from '../../electron/core/storage/postgres/closing-queries';
import { canonicalTransactionId } from '../../electron/core/values/transaction-id';
import { freshDatabase } from '../support/postgres';
import { shopSqliteBook } from '../support/sqlite-book';

const ZONE = 'Asia/Dhaka';
type TestContext = Parameters<typeof freshDatabase>[0];
type Listed = Awaited<ReturnType<OrderQueries['list']>>;
type Csv = { bytes: Buffer; rows: number[] };
type Reads = { orders: OrdersRepo; queries: OrderQueries; closing: ClosingQueries; profileId: number };
/** The counter that made the seeded orders, in both books. */
const COUNTER = 'counter-a';

async function postgresBook(t: TestContext): Promise<(Reads & { db: Executor }) | null> {
  const fresh = await freshDatabase(t);
  if (!fresh) return null;
  const pool = openPool({ connectionString: fresh.url, timeZone: ZONE, max: 4 });
  t.after(() => pool.end());
  const db = createExecutor(pool);
  await migrate(db, { timeZone: ZONE });
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO profiles (name, mode, base_url, listen_host, listen_port, created_at)
     VALUES ('Shop', 'sandbox', 'https://sandbox.example', '127.0.0.1', 0, now()) RETURNING id`,
  );
  await db.query(`INSERT INTO counters (id, name, created_at) VALUES ($1, 'Counter 1', now())`, [COUNTER]);
  return { db, orders: createOrdersRepo(db), queries: createOrderQueries(db), closing: createClosingQueries(db), profileId: rows[0]!.id };
}

async function sqliteBook(t: TestContext): Promise<Reads> {
  const { book, profileId } = await shopSqliteBook(t, COUNTER);
  return { orders: book.orders, queries: book.queries, closing: book.closing, profileId };
}

const NAMES = [
  'Rahim Uddin',
  'রহিম উদ্দিন',
  'Nusrat Chowdhury',
  '=SUM(A1)',
  'O"Brien, Jr.',
  'line\nbreak',
  'tab\there',
  'back\\slash',
  '😀 emoji',
  '+8801711',
  '-minus',
  '@at',
  'Ünïcode ÇA',
  null,
];
const EMAILS = ['rahim.uddin@gmail.com', null, 'x_y@yahoo.com', 'nusrat%c@mail.com.bd'];
const NOTES = ['চা পাতা ৫ কেজি', 'two, blue; "shirts"', '\r\ncr first', null, '50% off_sale', 'a\\b\\\\c', '\ttabbed', null];

/** The book's first order: 09:00 UTC, 15:00 in Dhaka; the orders run 37 minutes apart over six days. */
const START = Date.UTC(2024, 2, 10, 9, 0);
const created = (i: number) => new Date(START + i * 37 * 60_000);
const ORDERS = 240;

/** The same orders, written the same way, into a book of either engine. */
async function seed(book: Reads): Promise<void> {
  for (let i = 0; i < ORDERS; i++) {
    const at = created(i);
    const order = await book.orders.createPending(
      {
        profileId: book.profileId,
        counterId: COUNTER,
        amountMinor: i % 9 === 0 ? 15050 : i % 11 === 0 ? 15000 : ((i * 1373) % 50_000) * 100 + 100 + (i % 5 === 0 ? 50 : 0),
        customerName: NAMES[i % NAMES.length] ?? undefined,
        customerEmail: EMAILS[i % EMAILS.length] ?? undefined,
        note: NOTES[i % NOTES.length] ?? undefined,
        returnTokenHash: `return-${i}`,
        cancelTokenHash: `cancel-${i}`,
        expiresAt: new Date(at.getTime() + 24 * 3600_000).toISOString(),
      },
      at.toISOString(),
    );
    // Settled 0, 400 or 800 minutes later: across the local midnight for many.
    const settled = new Date(at.getTime() + (i % 3) * 400 * 60_000 + 60_000).toISOString();
    const id = canonicalTransactionId(`${i % 4 === 0 ? 'K7' : 'TX'}${(i * 7919).toString(36).toUpperCase().padStart(6, '0')}Q`)!;
    const fate = i % 10;
    if (fate < 6) await book.orders.recordReturn(`return-${i}`, id, settled);
    else if (fate === 6) await book.orders.cancelByShopkeeper(order.id, settled);
    else if (fate === 7) await book.orders.markPaidManually(order.id, 'cash at the counter', settled);
    else if (fate === 8) await book.orders.claimAtCounter(order.id, id, settled);
  }
}

type Row = {
  id: number;
  ref: string;
  status: OrderStatus;
  verification: string | null;
  amount_minor: number;
  customer_name: string | null;
  customer_email: string | null;
  note: string | null;
  transaction_id: string | null;
  created_at: string;
};

/** Whether a row matches the search text, as the search box means it, read plainly. */
function matches(row: Row, text: string): boolean {
  const typed = text.trim();
  const amount = parseAmount(typed);
  if (amount.ok && row.amount_minor === amount.minor) return true;
  if ([...typed].length < 3) {
    const prefix = typed.toUpperCase();
    return row.ref.toUpperCase().startsWith(prefix) || (row.transaction_id?.toUpperCase().startsWith(prefix) ?? false);
  }
  const folded = typed.toLowerCase();
  const doc = [row.ref, row.customer_name, row.customer_email, row.note].filter((part) => part !== null).join(' ');
  return doc.toLowerCase().includes(folded) || (row.transaction_id?.toLowerCase().includes(folded) ?? false);
}

function plainlyMatching(rows: Row[], filter: OrderFilter): Row[] {
  return rows.filter(
    (row) =>
      (!filter.status || row.status === filter.status) &&
      (!filter.verification || row.verification === filter.verification) &&
      (!filter.from || localDay(new Date(row.created_at)) >= filter.from) &&
      (!filter.to || localDay(new Date(row.created_at)) <= filter.to) &&
      (!filter.search?.trim() || matches(row, filter.search)),
  );
}

function plainPage(rows: Row[], query: PageQuery): string[] {
  const key = (row: Row) => (query.sort === 'amount' ? row.amount_minor : Date.parse(row.created_at));
  const sign = query.direction === 'asc' ? 1 : -1;
  return plainlyMatching(rows, query)
    .sort((a, b) => sign * (key(a) - key(b) || a.id - b.id))
    .slice(query.offset, query.offset + query.limit)
    .map((row) => row.ref);
}

const SEARCHES = [
  'rahim',
  'RAHIM',
  'রহিম',
  'উদ্দিন',
  'চা পাতা',
  'gmail',
  'rahim.uddin@gmail.com',
  'nusrat%c',
  'x_y',
  'PD-000012',
  'pd-0001',
  'K7',
  'k',
  'P',
  'T',
  'tx0',
  '150.50',
  '৳150',
  '১৫০.৫০',
  '"brien',
  'o"b',
  '50%',
  'f_s',
  'a\\b',
  '\\\\',
  '😀',
  '😀 em',
  'ünï',
  'ÜNÏCODE',
  'x',
  'zz',
  '  jr.  ',
  'nothing like it',
];
const DAYS = { from: '2024-03-11', to: '2024-03-13' };
const FILTERS: OrderFilter[] = [
  {},
  { status: 'paid' },
  { status: 'pending' },
  { verification: 'unverified' },
  { verification: 'reconciled_by_hand' },
  DAYS,
  { ...DAYS, status: 'cancelled' },
];

test('pages, in every sort, direction and filter, are the matches a plain reading of every order finds and ranks', async (t) => {
  const book = await postgresBook(t);
  if (!book) return;
  await seed(book);
  const { rows } = await book.db.query<Row>(`SELECT * FROM orders`);
  assert.equal(rows.length, ORDERS);
  // A transaction id of the book, whole and in part, beside the texts above.
  const paid = rows.find((row) => row.transaction_id?.startsWith('TX'))!;
  const texts = [...SEARCHES, paid.transaction_id!, paid.transaction_id!.slice(2, 7).toLowerCase(), undefined];
  let compared = 0;
  for (const search of texts) {
    for (const filter of FILTERS) {
      for (const sort of ['time', 'amount'] as const) {
        for (const direction of ['desc', 'asc'] as const) {
          for (const [offset, limit] of [
            [0, 10],
            [7, 25],
          ] as const) {
            const query: PageQuery = { ...filter, search, profileId: book.profileId, sort, direction, offset, limit };
            const page: string[] = (await book.queries.page(query)).map((order) => order.ref);
            assert.deepEqual(page, plainPage(rows, query), JSON.stringify(query));
            compared++;
          }
        }
      }
      const totals: Totals = await book.queries.totals({ ...filter, search, profileId: book.profileId });
      const all = plainlyMatching(rows, { ...filter, search });
      const paidOnes = all.filter((row) => row.status === 'paid');
      assert.deepEqual(
        totals,
        { total: all.length, paidCount: paidOnes.length, paidSumMinor: paidOnes.reduce((n, row) => n + row.amount_minor, 0) },
        `totals of ${JSON.stringify({ ...filter, search })}`,
      );
    }
  }
  assert.ok(compared > 1000);
  // Every text that should find something did.
  for (const search of ['rahim', 'রহিম', 'K7', '১৫০.৫০', '😀 em', 'ÜNÏCODE', 'a\\b', '50%']) {
    assert.ok(plainlyMatching(rows, { search }).length > 0, `${search} finds orders`);
  }
  assert.equal(plainlyMatching(rows, { search: 'nothing like it' }).length, 0);
});

test('a search whose few matches are old is read from its indexes, and a common one walks the list, both exactly', async (t) => {
  const book = await postgresBook(t);
  if (!book) return;
  // Twenty thousand orders a minute apart; the oldest fifty are the only "Zebulon"s, every third a "Common".
  await book.db.query(
    `INSERT INTO orders (ref, profile_id, sandbox, amount_minor, currency, customer_name, status, return_token_hash,
       cancel_token_hash, created_at, updated_at)
     SELECT 'PD-' || lpad(n::text, 6, '0'), $1, true, 100 + n, 'BDT', CASE WHEN n <= 50 THEN 'Zebulon ' || n WHEN n % 3 = 0 THEN 'Common' END,
       'pending', 'r' || n, 'c' || n, $2::timestamptz + n * interval '1 minute', $2::timestamptz + n * interval '1 minute'
     FROM generate_series(1, 20000) n`,
    [book.profileId, '2024-01-01T00:00:00Z'],
  );
  await book.db.query('ANALYZE orders');
  for (const [search, expected] of [
    ['zebulon', Array.from({ length: 10 }, (_, i) => `PD-${String(50 - i).padStart(6, '0')}`)],
    ['common', Array.from({ length: 10 }, (_, i) => `PD-${String(19998 - 3 * i).padStart(6, '0')}`)],
  ] as const) {
    const page = await book.queries.page({ search, profileId: book.profileId, sort: 'time', direction: 'desc', offset: 0, limit: 10 });
    assert.deepEqual(
      page.map((order) => order.ref),
      expected,
    );
  }
  const last = await book.queries.page({ search: 'zebulon', sort: 'amount', direction: 'asc', offset: 45, limit: 10 });
  assert.deepEqual(
    last.map((order) => order.ref),
    ['PD-000046', 'PD-000047', 'PD-000048', 'PD-000049', 'PD-000050'],
  );
});

test('both engines, given the same book, give the same pages, totals, dashboard, close and CSV bytes', async (t) => {
  const postgres = await postgresBook(t);
  if (!postgres) return;
  const sqlite = await sqliteBook(t);
  await Promise.all([seed(postgres), seed(sqlite)]);
  for (const search of [...SEARCHES, undefined]) {
    for (const filter of FILTERS) {
      const query: PageQuery = { ...filter, search, sort: 'time', direction: 'desc', offset: 3, limit: 20 };
      const [a, b]: Listed[] = await Promise.all([
        postgres.queries.list({ ...query, profileId: postgres.profileId }),
        sqlite.queries.list({ ...query, profileId: sqlite.profileId }),
      ]);
      assert.deepEqual(a, b, JSON.stringify(query));
    }
  }
  // The dashboard and the close on days whose local midnights the orders and their payments cross.
  for (const day of ['2024-03-10', '2024-03-11', '2024-03-12', '2024-03-15', '2024-03-17']) {
    assert.deepEqual(await postgres.queries.dashboard(postgres.profileId, day), await sqlite.queries.dashboard(sqlite.profileId, day), day);
    assert.deepEqual(await postgres.closing.day(postgres.profileId, day), await sqlite.closing.day(sqlite.profileId, day), day);
  }
  const dashboard = await postgres.queries.dashboard(postgres.profileId, '2024-03-17');
  assert.ok(dashboard.daily.filter((d) => d.count > 0).length >= 6, 'payments fall on every day of the book');

  for (const filter of [{}, { status: 'paid' as const }, { search: 'rahim' }, DAYS]) {
    const a: Csv = await csvOf(postgres.queries, filter, 17);
    const b: Csv = await csvOf(sqlite.queries, filter, 17);
    assert.ok(a.bytes.length > 0);
    assert.equal(a.bytes.toString('utf8'), b.bytes.toString('utf8'), JSON.stringify(filter));
    assert.ok(a.bytes.equals(b.bytes), 'byte for byte');
    assert.deepEqual(a.rows, b.rows);
  }
});

async function csvOf(queries: OrderQueries, filter: OrderFilter, size: number): Promise<Csv> {
  const chunks: Buffer[] = [];
  const rows: number[] = [];
  for await (const chunk of queries.csvChunks(filter, size)) {
    chunks.push(chunk.bytes);
    rows.push(chunk.rows);
  }
  return { bytes: Buffer.concat(chunks), rows };
}

test('the CSV export passes typed text through as the spreadsheet needs it, and gives its connection back however it ends', async (t) => {
  const book = await postgresBook(t);
  if (!book) return;
  await seed(book);
  const { bytes, rows } = await csvOf(book.queries, {}, 50);
  assert.deepEqual(rows, [50, 50, 50, 50, 40]);
  const text = bytes.toString('utf8');
  const lines = text.split('\r\n');
  assert.equal(lines.at(-1), '', 'every line ends CRLF');
  assert.equal(
    lines[0],
    'PD-000001,2024-03-10T15:00:00+06:00,paid,no,150.50,BDT,Rahim Uddin,rahim.uddin@gmail.com,চা পাতা ৫ কেজি,K7000000Q,2024-03-10T15:01:00+06:00,Shop,unverified,Counter 1',
  );
  assert.ok(text.includes(`,"'=SUM(A1)",`), 'a formula is neutralised and quoted');
  assert.ok(text.includes(`,"O""Brien, Jr.",`), 'quotes are doubled, commas quoted');
  assert.ok(text.includes(`,"line\nbreak",`) && text.includes(`,"'\r\ncr first",`), 'line breaks are quoted as they are');
  assert.ok(text.includes(',tab\there,') && text.includes(`,"'\ttabbed",`), 'a tab inside is kept; one at the start is neutralised');
  assert.ok(text.includes(',back\\slash,') && text.includes(',a\\b\\\\c,'), 'backslashes pass untouched');
  assert.ok(text.includes(',😀 emoji,') && text.includes(`,"'+8801711",`) && text.includes(`,"'-minus",`) && text.includes(`,"'@at",`));
  assert.ok(text.includes(',"two, blue; ""shirts""",') && text.includes(',50% off_sale,'));

  // Stopped after its first chunk, and failing part way: either way the connection is closed, none left checked out.
  for await (const chunk of book.queries.csvChunks({}, 10)) {
    assert.equal(chunk.rows, 10);
    break;
  }
  const pool = book.db.pool;
  assert.equal(pool.totalCount - pool.idleCount, 0, 'no connection is left checked out');
  assert.equal((await book.queries.totals({})).total, ORDERS, 'the pool still answers');
});
