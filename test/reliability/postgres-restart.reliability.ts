// PostgreSQL crashed and restarted (`pg_ctl restart -m immediate`) in the middle of a stream of customers' returns:
// PayDesk's core on a server of the test's own, real links from the sandbox gateway, the customers' browsers
// coming back over HTTP several at once, and the server going away under them. Every return answered with the
// thank-you page must be recorded, exactly once: one the server could not take then is kept in the counter's journal
// and written once it is back; a return that could be neither written nor journaled must say so (try again), and the
// customer's retry once it is back must be recorded once; and the pool must come back by itself: new links and
// returns work after the restart without restarting PayDesk.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { Agent, request } from 'undici';
import { call, startTestCore, type TestCore } from '../support/core';
import { reportFigure } from '../support/figures';
import { serverOfItsOwn } from '../support/postgres';
import { bookSql } from '../support/book-sql';
import { watchWaitingReturns } from '../support/waiting-returns';

const ORDERS = 1200;
const IN_FLIGHT = 8;
/**
 * Each customer waits this long before the next return: the stream lasts past the restart (~4 s in all), yet is dense
 * enough that transactions are open when the server goes away.
 */
const PACE_MS = 20;
/** A customer shown an error page tries again this much later, for as long as the stream's deadline allows. */
const RETRY_MS = 250;
const STREAM_MS = 60_000;
const AFTER_RESTART = 5;
const SCENARIO = 'PostgreSQL restart';

type Customer = { ref: string; returnUrl: string; transactionId: string };
type Answer = { ref: string; status: number; thanked: boolean; journaled: boolean; sentAt: number; at: number; error?: string };

test('a PostgreSQL server crashed and restarted under a stream of returns loses no thanked return and records none twice', async (t) => {
  const own = await serverOfItsOwn(t, 'paydesk_restart');
  if (!own) return;
  const { server, connection } = own;
  const core = await startTestCore(t, { book: { engine: 'postgres', connection: connection } });
  const sql = bookSql(core).all;
  const waiting = watchWaitingReturns(core, t);
  // What would end PayDesk: an error nothing handles (a dropped connection's 'error' event unheard, say).
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  for (const event of ['unhandledRejection', 'uncaughtException'] as const) {
    process.on(event, onUnhandled);
    t.after(() => process.off(event, onUnhandled));
  }
  const agent = new Agent({ connections: IN_FLIGHT * 2 });
  t.after(() => agent.close());

  const customers: Customer[] = [];
  for (let i = 0; i < ORDERS; i++) customers.push(await payAtGateway(core, agent, `${100 + i}.00`));

  // The stream: IN_FLIGHT customers at a time come back from the gateway; the server is crashed a third of the way in.
  const answers: Answer[] = [];
  const queue = [...customers];
  const deadline = Date.now() + STREAM_MS;
  let restart: { started: number; answering: number } | null = null;
  const restarting = (async () => {
    while (answers.length < ORDERS / 3 && Date.now() < deadline) await sleep(10);
    const started = Date.now();
    await server.restart('immediate');
    restart = { started, answering: Date.now() };
  })();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      for (let customer = queue.shift(); customer; customer = queue.shift()) {
        // A customer shown an error page tries again, as the page asks; bounded by the stream's deadline.
        while (Date.now() < deadline) {
          const answer = await comeBack(agent, customer);
          answers.push(answer);
          if (answer.thanked) break;
          await sleep(RETRY_MS);
        }
        await sleep(PACE_MS);
      }
    }),
  );
  await restarting;
  const { started, answering } = restart ?? { started: NaN, answering: NaN };
  // What the journal took during the outage is written once the server answers.
  await waiting.drained(60_000);

  // After the restart, with the same PayDesk: new links, and their returns, go through the pool as before.
  const later: Customer[] = [];
  for (let i = 0; i < AFTER_RESTART; i++) later.push(await payAtGateway(core, agent, `${900 + i}.00`));
  const laterAnswers = await Promise.all(later.map((customer) => comeBack(agent, customer)));

  const recorded = new Map(
    (await sql<{ ref: string; status: string; transaction_id: string | null }>(`SELECT ref, status, transaction_id FROM orders`)).map(
      (row) => [row.ref, row],
    ),
  );
  const paidEvents = new Map(
    (
      await sql<{ ref: string; n: number }>(
        `SELECT o.ref, count(*) AS n FROM order_events e JOIN orders o ON o.id = e.order_id WHERE e.kind = 'paid' GROUP BY o.ref`,
      )
    ).map((row) => [row.ref, row.n]),
  );
  const sharedIds = (
    await sql<{ n: number }>(
      `SELECT count(*) AS n FROM (SELECT transaction_id FROM orders WHERE transaction_id IS NOT NULL GROUP BY transaction_id HAVING count(*) > 1) shared`,
    )
  )[0]!.n;

  const isRecorded = (customer: Customer) => {
    const row = recorded.get(customer.ref);
    return row?.status === 'paid' && row.transaction_id === customer.transactionId;
  };
  const thankedRefs = new Set(answers.filter((a) => a.thanked).map((a) => a.ref));
  const thanked = customers.filter((c) => thankedRefs.has(c.ref));
  const lost = thanked.filter((c) => !isRecorded(c)).length;
  const duplicated = [...paidEvents.values()].filter((n) => n > 1).length + sharedIds;
  const notThanked = answers.filter((a) => !a.thanked);
  // Not thanked, and not an honest "try again" page either: a wrong page, or a thank-you in disguise.
  const dishonest = notThanked.filter((a) => a.status !== 503 && a.status !== 0);
  const retriedAndRecorded = customers.filter((c) => notThanked.some((a) => a.ref === c.ref) && thankedRefs.has(c.ref) && isRecorded(c));
  const hadToRetry = new Set(notThanked.map((a) => a.ref)).size;
  const firstThankedAfter = answers
    .filter((a) => a.thanked && a.sentAt >= answering)
    .map((a) => a.at)
    .sort((a, b) => a - b)[0];
  const recoveryMs = firstThankedAfter === undefined ? Infinity : firstThankedAfter - answering;
  const laterRecorded = later.filter((c, i) => laterAnswers[i]!.thanked && isRecorded(c)).length;

  reportFigure(t, { scenario: SCENARIO, figure: 'returns sent (customers, with retries)', value: `${ORDERS}, ${answers.length}` });
  reportFigure(t, {
    scenario: SCENARIO,
    figure: 'returns thanked',
    value: thanked.length,
    target: `= ${ORDERS}`,
    ok: thanked.length === ORDERS,
  });
  reportFigure(t, {
    scenario: SCENARIO,
    figure: 'returns recorded (paid, with their transaction id)',
    value: customers.filter(isRecorded).length,
    target: `= ${ORDERS}`,
    ok: customers.filter(isRecorded).length === ORDERS,
  });
  reportFigure(t, {
    scenario: SCENARIO,
    figure: 'thanked from the journal (max waiting)',
    value: `${answers.filter((a) => a.journaled).length} (${waiting.deepest()})`,
  });
  reportFigure(t, { scenario: SCENARIO, figure: 'lost (thanked, not recorded)', value: lost, target: '= 0', ok: lost === 0 });
  reportFigure(t, {
    scenario: SCENARIO,
    figure: 'duplicated (paid twice, or one id on two orders)',
    value: duplicated,
    target: '= 0',
    ok: duplicated === 0,
  });
  reportFigure(t, {
    scenario: SCENARIO,
    figure: 'not thanked during the outage (by status; customers), retried and recorded once',
    value: `${notThanked.length} (${byStatus(notThanked)}; ${hadToRetry}), ${retriedAndRecorded.length}/${hadToRetry}`,
    target: 'all retried recorded',
    ok: retriedAndRecorded.length === hadToRetry,
  });
  reportFigure(t, {
    scenario: SCENARIO,
    figure: 'answers during the outage other than "try again"',
    value: dishonest.length,
    target: '= 0',
    ok: dishonest.length === 0,
  });
  reportFigure(t, { scenario: SCENARIO, figure: 'restart -m immediate took', value: `${answering - started} ms` });
  reportFigure(t, {
    scenario: SCENARIO,
    figure: 'recovery: server back → next return thanked',
    value: `${recoveryMs} ms`,
    target: '< 5000 ms',
    ok: recoveryMs < 5000,
  });
  reportFigure(t, {
    scenario: SCENARIO,
    figure: 'new links and returns after the restart, same PayDesk',
    value: `${laterRecorded}/${AFTER_RESTART}`,
    target: 'all',
    ok: laterRecorded === AFTER_RESTART,
  });
  reportFigure(t, {
    scenario: SCENARIO,
    figure: 'uncaught errors (a crash of PayDesk)',
    value: unhandled.length,
    target: '= 0',
    ok: unhandled.length === 0,
  });

  assert.ok(restart, 'the server was restarted during the stream');
  assert.ok(started < Math.max(...answers.map((a) => a.sentAt)), 'returns were still coming when the server went away');
  assert.equal(lost, 0, 'every thanked return is recorded');
  assert.equal(duplicated, 0, 'no return is recorded twice');
  assert.deepEqual(dishonest, [], 'a return that could not be written is answered "try again"');
  assert.equal(retriedAndRecorded.length, hadToRetry, 'every customer who had to retry was recorded once the server was back');
  assert.equal(thanked.length, ORDERS);
  assert.equal(laterRecorded, AFTER_RESTART, 'links and returns work again without restarting PayDesk');
  assert.deepEqual(unhandled, []);
});

/** "503×7 0×1": 0 is no answer at all. */
function byStatus(answers: Answer[]): string {
  const counts = new Map<number, number>();
  for (const { status } of answers) counts.set(status, (counts.get(status) ?? 0) + 1);
  return [...counts]
    .sort(([a], [b]) => a - b)
    .map(([status, n]) => `${status}×${n}`)
    .join(' ');
}

/** A link made through the router against the sandbox gateway, paid there: the return address the gateway sends the customer to. */
async function payAtGateway(core: TestCore, agent: Agent, amount: string): Promise<Customer> {
  const order = await call(core, 'createPaymentLink', { amount });
  const checkout = new URL(order.paymentUrl!);
  // What the checkout page's Pay button posts; the gateway answers with the redirect to PayDesk's return listener.
  const paid = await request(`${checkout.origin}/checkout/pay`, {
    method: 'POST',
    dispatcher: agent,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ trx_id: checkout.searchParams.get('trx_id')! }).toString(),
  });
  await paid.body.dump();
  const returnUrl = String(paid.headers.location);
  return { ref: order.ref, returnUrl, transactionId: new URL(returnUrl).searchParams.get('transaction_id')! };
}

/** The customer's browser following the gateway's redirect; status 0 when no answer came at all. */
async function comeBack(agent: Agent, customer: Customer): Promise<Answer> {
  const sentAt = Date.now();
  try {
    const response = await request(customer.returnUrl, { dispatcher: agent, headersTimeout: 10_000, bodyTimeout: 10_000 });
    const body = await response.body.text();
    // Recorded (the page names the order), or journaled while the server was away (it says the payment is being written).
    const journaled = response.statusCode === 200 && body.includes('is writing it to the shop’s order book');
    const thanked = response.statusCode === 200 && (body.includes(customer.ref) || journaled) && body.includes(customer.transactionId);
    return { ref: customer.ref, status: response.statusCode, thanked, journaled, sentAt, at: Date.now() };
  } catch (error) {
    return { ref: customer.ref, status: 0, thanked: false, journaled: false, sentAt, at: Date.now(), error: (error as Error).message };
  }
}
