// Crash durability: the return listener runs in a child process over a real SQLite file and is killed with
// SIGKILL at random moments while a client sends 10,000 legitimate returns. A customer whose page failed
// reloads it (the client retries), as a real one would. Every return that got the thank-you page must be
// Paid after a restart, with its own transaction id, once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { join } from 'node:path';
import { Agent, request } from 'undici';
import { openDatabase } from '../../electron/core/storage/sqlite/database';
import { DATABASE_FILE } from '../../electron/core/storage/data-dir';
import { reportFigure } from '../support/figures';
import { freePort } from '../support/free-port';
import { startListenerProcess, type ListenerProcess } from '../support/listener-process';
import { prepareOrderBook } from '../support/seed-orders';
import { tempDir } from '../support/temp-dir';

const RETURNS = 10_000;
const IN_FLIGHT = 16;
/**
 * How many returns the listener answers between kills: random in this range. Counted in returns, not
 * milliseconds, so a faster listener is killed as often as a slow one.
 */
const RETURNS_BETWEEN_KILLS: [number, number] = [200, 1200];
const DEADLINE_MS = 150_000;
const SCENARIO = 'Crash durability';

test('every return answered with the thank-you page survives SIGKILL at random moments', async (t) => {
  const startedAt = Date.now();
  const dataDir = tempDir(t);
  const orders = await prepareOrderBook(dataDir, RETURNS);
  const transactionIds = new Map(orders.map((order) => [order.ref, `K${order.id}X${randomInt(1e9).toString(36).toUpperCase()}`]));
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;

  let listener: ListenerProcess | null = await startListenerProcess(dataDir, port);
  t.after(() => listener?.kill('SIGKILL'));
  const agent = new Agent({ connections: IN_FLIGHT, headersTimeout: 5_000, bodyTimeout: 5_000 });
  t.after(() => agent.close());

  const queue = [...orders];
  const thanked = new Set<string>();
  const unexpected: string[] = [];
  let cutByKill = 0;
  let kills = 0;
  let running = true;
  const deadline = startedAt + DEADLINE_MS;

  async function customer(): Promise<void> {
    while (queue.length > 0 && Date.now() < deadline) {
      const order = queue.shift()!;
      const transactionId = transactionIds.get(order.ref)!;
      try {
        const response = await request(`${origin}${order.successPath}?transaction_id=${transactionId}`, { dispatcher: agent });
        const body = await response.body.text();
        if (response.statusCode === 200 && body.includes(transactionId)) {
          thanked.add(order.ref);
          continue;
        }
        if (response.statusCode !== 503) unexpected.push(`${order.ref}: HTTP ${response.statusCode}`);
      } catch {
        cutByKill++;
      }
      // The page did not load (or PayDesk asked to try again): the customer reloads a moment later.
      queue.push(order);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async function chaos(): Promise<void> {
    while (running) {
      const killAt = thanked.size + randomInt(RETURNS_BETWEEN_KILLS[0], RETURNS_BETWEEN_KILLS[1]);
      // A random moment within the burst: the kill lands while returns are being written and answered.
      while (running && thanked.size < killAt) await new Promise((resolve) => setTimeout(resolve, randomInt(1, 20)));
      if (!running) break;
      await listener!.kill('SIGKILL');
      kills++;
      listener = await startListenerProcess(dataDir, port);
    }
  }

  const killing = chaos();
  await Promise.all(Array.from({ length: IN_FLIGHT }, customer));
  running = false;
  await killing;
  // The last returns are killed too, straight after their answers, before anyone looks at the order book.
  await listener!.kill('SIGKILL');
  kills++;

  const db = openDatabase(join(dataDir, DATABASE_FILE));
  const integrity = db.pragma('integrity_check', { simple: true });
  const rows = db.prepare(`SELECT ref, status, transaction_id AS transactionId FROM orders`).all() as Array<{
    ref: string;
    status: string;
    transactionId: string | null;
  }>;
  const paidTwice = (
    db
      .prepare(`SELECT count(*) AS n FROM (SELECT order_id FROM order_events WHERE kind = 'paid' GROUP BY order_id HAVING count(*) > 1)`)
      .get() as { n: number }
  ).n;
  db.close();
  const byRef = new Map(rows.map((row) => [row.ref, row]));
  const lost = [...thanked].filter((ref) => {
    const row = byRef.get(ref);
    return row?.status !== 'paid' || row.transactionId !== transactionIds.get(ref);
  });

  // After the restart the listener still knows every payment: a reload shows the thank-you page again.
  listener = await startListenerProcess(dataDir, port);
  const sample = orders.filter((_, i) => i % 100 === 0);
  const reloads = await Promise.all(
    sample.map((order) =>
      request(`${origin}${order.successPath}?transaction_id=${transactionIds.get(order.ref)}`, { dispatcher: agent }).then(
        async (r) => (await r.body.text(), r.statusCode),
      ),
    ),
  );
  await listener.kill('SIGTERM');

  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  reportFigure(t, {
    scenario: SCENARIO,
    figure: 'returns sent / thank-you pages',
    value: `${RETURNS} / ${thanked.size}`,
    target: 'all thanked',
    ok: thanked.size === RETURNS,
  });
  reportFigure(t, { scenario: SCENARIO, figure: 'SIGKILLs (requests cut, then reloaded)', value: `${kills} (${cutByKill})` });
  reportFigure(t, {
    scenario: SCENARIO,
    figure: 'thanked but not Paid after restart (lost)',
    value: lost.length,
    target: '= 0',
    ok: lost.length === 0,
  });
  reportFigure(t, { scenario: SCENARIO, figure: 'orders paid twice', value: paidTwice, target: '= 0', ok: paidTwice === 0 });
  reportFigure(t, { scenario: SCENARIO, figure: 'PRAGMA integrity_check', value: String(integrity), target: 'ok', ok: integrity === 'ok' });
  reportFigure(t, {
    scenario: SCENARIO,
    figure: 'time',
    value: `${seconds} s`,
    target: `< ${DEADLINE_MS / 1000} s`,
    ok: Date.now() <= deadline,
  });

  assert.deepEqual(unexpected, [], 'no return was refused');
  assert.equal(thanked.size, RETURNS, `every customer got the thank-you page within ${DEADLINE_MS / 1000} s`);
  assert.ok(kills >= 5, `the listener was killed often enough to mean something (${kills})`);
  assert.deepEqual(lost, []);
  assert.equal(paidTwice, 0);
  assert.equal(integrity, 'ok');
  assert.deepEqual(
    reloads,
    sample.map(() => 200),
  );
});
