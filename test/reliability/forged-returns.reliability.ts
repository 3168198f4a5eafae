// Forged returns: 10,000 attempts against the real return listener to mark orders paid that were not paid,
// or to replace a recorded payment. Nothing may be believed: no order changes, every paid order keeps its
// first transaction id, and every attempt is either audited in the order book or refused before reaching it. On
// each engine: the SQLite file, and a PostgreSQL database on the run's server.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes, randomInt } from 'node:crypto';
import { Pool } from 'undici';
import { TOKEN_PATTERN } from '../../electron/core/orders/return-tokens';
import { startTestCore } from '../support/core';
import { reportFigure } from '../support/figures';
import { HOSTILE_TRANSACTION_IDS } from '../support/hostile-input';
import { seedBookOrders, type SeededOrder } from '../support/seed-orders';
import { bookSql } from '../support/book-sql';
import { canonicalTransactionId } from '../../electron/core/values/transaction-id';
import { MAX_REFUSALS_PER_ORDER } from '../../electron/core/storage/orders-repo';
import type { Engine } from '../../electron/core/storage/order-book';
import { engineBook, ENGINES } from '../support/engine-books';

const ATTEMPTS = 10_000;
const IN_FLIGHT = 8;

type Attempt = { kind: string; path: string; token: string };

const randomToken = () => randomBytes(32).toString('base64url');
const freshId = () => `F${randomBytes(6).toString('hex').toUpperCase()}`;

for (const engine of Object.keys(ENGINES) as Engine[]) {
  test(`10,000 forged, tampered and replayed returns change nothing and are each audited, counted or refused, on ${ENGINES[engine]}`, (t) =>
    forgedReturns(t, engine));
}

async function forgedReturns(t: TestContext, engine: Engine): Promise<void> {
  const SCENARIO = `Forged returns (${ENGINES[engine]})`;
  const chosen = await engineBook(t, engine);
  if (!chosen) return;
  const core = await startTestCore(t, { book: chosen.book });
  const sql = bookSql(core).all;
  const origin = core.runtime().returnBaseUrl!;
  const orders = await seedBookOrders(core, 400);
  const paid = orders.slice(0, 200);
  const pending = orders.slice(200);
  const firstIds = new Map<string, string>();
  for (const order of paid) {
    const id = `P${order.id}Q${randomInt(1e6)}`;
    assert.equal((await core.service.recordReturn(order.token, canonicalTransactionId(id)!)).kind, 'paid');
    firstIds.set(order.ref, id);
  }
  const before = await snapshot();
  const eventsBefore = await eventCount();
  const countedBefore = await refusalsCounted();

  const pick = <T>(list: readonly T[]) => list[randomInt(list.length)]!;
  const withId = (order: SeededOrder, query: string) => ({ path: `${order.successPath}?${query}`, token: order.token });
  const attacks: Array<() => Omit<Attempt, 'kind'> & { kind?: string }> = [
    // Someone guesses links.
    () => {
      const token = randomToken();
      return { kind: 'random token', path: `/r/${token}?transaction_id=${freshId()}`, token };
    },
    // Someone holding a paid order's link tries to pay it again with another id, or injects into the id.
    () => ({ kind: 'paid order, new id', ...withId(pick(paid), `transaction_id=${freshId()}`) }),
    () => ({ kind: 'paid order, hostile id', ...withId(pick(paid), pick(HOSTILE_TRANSACTION_IDS)) }),
    // A pending order's link (seen too early, or shared) with a hostile id instead of the gateway's.
    () => ({ kind: 'pending order, hostile id', ...withId(pick(pending), pick(HOSTILE_TRANSACTION_IDS)) }),
    // Another order's transaction id offered on a pending order's link.
    () => ({ kind: "pending order, another order's id", ...withId(pick(pending), `transaction_id=${firstIds.get(pick(paid).ref)}`) }),
    // The cancel link turned into a success link.
    () => {
      const order = pick(pending);
      return { kind: 'cancel token as success', path: `/r/${order.cancelToken}?transaction_id=${freshId()}`, token: order.cancelToken };
    },
    // The customer's own return, replayed.
    () => {
      const order = pick(paid);
      return { kind: 'replay', path: `${order.successPath}?transaction_id=${firstIds.get(order.ref)}`, token: order.token };
    },
  ];
  const attempts: Attempt[] = Array.from({ length: ATTEMPTS }, (_, i) => {
    const attempt = attacks[i % attacks.length]!();
    return { kind: attempt.kind ?? 'attack', path: attempt.path, token: attempt.token };
  });

  const pool = new Pool(origin, { connections: IN_FLIGHT });
  t.after(() => pool.close());
  const outcomes = new Map<string, Map<string, number>>();
  let accepted = 0;
  let audited = 0;
  let refused = 0;
  let repeats = 0;
  let reflected = 0;
  const queue = [...attempts];
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (queue.length > 0) {
        const attempt = queue.shift()!;
        const response = await pool.request({ method: 'GET', path: attempt.path });
        const body = await response.body.text();
        const status = response.statusCode;
        const tally = outcomes.get(attempt.kind) ?? new Map<string, number>();
        tally.set(String(status), (tally.get(String(status)) ?? 0) + 1);
        outcomes.set(attempt.kind, tally);
        if (/<script|<svg|<img|<b>/i.test(body)) reflected++;
        const ourPage = body.includes('<main>');
        if (status === 200) {
          if (attempt.kind === 'replay') repeats++;
          else accepted++;
        } else if (ourPage && (status === 400 || status === 409 || (status === 404 && TOKEN_PATTERN.test(attempt.token)))) {
          audited++; // the listener reached the order book, which wrote an audit row or counted the refusal
        } else {
          refused++; // refused at the door: too long, not a token, not HTTP the listener will parse
        }
      }
    }),
  );

  const after = await snapshot();
  const changed = [...after].filter(([ref, row]) => before.get(ref) !== row).length;
  const keptFirst = (
    await Promise.all(paid.map(async (order) => (await core.service.findOrder(order.ref))!.transactionId === firstIds.get(order.ref)))
  ).filter(Boolean).length;
  const auditRows = (await eventCount()) - eventsBefore;
  const counted = (await refusalsCounted()) - countedBefore;

  for (const [kind, tally] of outcomes) {
    const statuses = [...tally]
      .sort()
      .map(([status, n]) => `${status}×${n}`)
      .join(' ');
    reportFigure(t, { scenario: SCENARIO, figure: `  ${kind}`, value: statuses });
  }
  reportFigure(t, { scenario: SCENARIO, figure: 'attempts', value: ATTEMPTS });
  reportFigure(t, {
    scenario: SCENARIO,
    figure: 'accepted (thanked for a new payment)',
    value: accepted,
    target: '= 0',
    ok: accepted === 0,
  });
  reportFigure(t, { scenario: SCENARIO, figure: 'orders changed', value: changed, target: '= 0', ok: changed === 0 });
  reportFigure(t, {
    scenario: SCENARIO,
    figure: 'paid orders keeping their first id',
    value: `${keptFirst}/${paid.length}`,
    target: 'all',
    ok: keptFirst === paid.length,
  });
  reportFigure(t, {
    scenario: SCENARIO,
    figure: 'audited + refused + harmless replays',
    value: `${audited} + ${refused} + ${repeats} = ${audited + refused + repeats}`,
    target: `= ${ATTEMPTS}`,
    ok: audited + refused + repeats === ATTEMPTS,
  });
  reportFigure(t, {
    scenario: SCENARIO,
    figure: 'audit rows written + refusals counted',
    value: `${auditRows} + ${counted}`,
    target: `= audited (${audited})`,
    ok: auditRows + counted === audited,
  });
  const longest = (
    await sql<{ n: number }>(
      `SELECT coalesce(max(n), 0) AS n FROM (SELECT count(*) AS n FROM order_events WHERE order_id IS NOT NULL GROUP BY order_id) timelines`,
    )
  )[0]!.n;
  reportFigure(t, {
    scenario: SCENARIO,
    figure: 'longest order timeline',
    value: longest,
    target: `≤ ${MAX_REFUSALS_PER_ORDER + 3}`,
    ok: longest <= MAX_REFUSALS_PER_ORDER + 3,
  });
  reportFigure(t, {
    scenario: SCENARIO,
    figure: 'hostile markup reflected in a page',
    value: reflected,
    target: '= 0',
    ok: reflected === 0,
  });

  assert.equal(accepted, 0, 'no forged return was thanked as a payment');
  assert.equal(changed, 0, 'no order changed');
  assert.equal(keptFirst, paid.length);
  assert.equal(audited + refused + repeats, ATTEMPTS);
  assert.equal(auditRows + counted, audited, 'every attempt that reached the order book left an audit row or was counted');
  assert.ok(longest <= MAX_REFUSALS_PER_ORDER + 3, 'no order’s timeline grows without bound');
  assert.equal(reflected, 0);

  async function snapshot(): Promise<Map<string, string>> {
    const rows = await sql<{ ref: string }>(`SELECT ref, status, transaction_id, paid_at, updated_at FROM orders`);
    return new Map(rows.map((row) => [row.ref, JSON.stringify(row)]));
  }
  async function refusalsCounted(): Promise<number> {
    return (await sql<{ n: number }>(`SELECT coalesce(sum(count), 0) AS n FROM refused_requests`))[0]!.n;
  }
  async function eventCount(): Promise<number> {
    return (await sql<{ n: number }>(`SELECT count(*) AS n FROM order_events`))[0]!.n;
  }
}
