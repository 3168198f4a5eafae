// Gateway fault matrix: the shopkeeper asks for payment links, through the router and the service, while the
// gateway misbehaves in each way a PHP gateway behind nginx can. Each fault must come back as its own error
// kind with a sentence, within the client's timeout, and leave no order pending without a link.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Order } from '../../shared/contract';
import { APP_SENDER, startTestCore } from '../support/core';
import { reportFigure } from '../support/figures';
import {
  answer,
  dribblingGateway,
  HTML_PAGE,
  httpGateway,
  hugeBodyGateway,
  resettingGateway,
  silentGateway,
  tlsGateway,
  type FakeGateway,
} from '../support/misbehaving-gateways';
import { canMakeCertificates, makeCertificate } from '../support/self-signed';
import type { MessageCode } from '../../shared/messages/en';

const TIMEOUTS = { connectTimeoutMs: 500, totalTimeoutMs: 1500 };
/** Links asked for at once against each fault, as several counters of one shop would. */
const AT_ONCE = 4;
/** Time allowed beyond the client's total timeout for the order book writes around the request. */
const SLACK_MS = 500;
const SCENARIO = 'Gateway faults';

/** `code` is PayDesk's explanation; `gatewayMessage` the gateway's own words, kept beside it verbatim. */
type Fault = { name: string; kind: string; code: MessageCode; gatewayMessage?: string; scheme?: 'https'; start(): Promise<FakeGateway> };

test('each gateway fault is its own error kind with a sentence, in time, and leaves no order pending', async (t) => {
  const core = await startTestCore(t, { checkout: TIMEOUTS });
  const profile = (await core.profiles.active())!;
  const faults: Fault[] = [
    { name: 'no answer', kind: 'timeout', code: 'gateway_timeout', start: silentGateway },
    { name: 'slow answer', kind: 'timeout', code: 'gateway_timeout', start: dribblingGateway },
    {
      name: '502 HTML page',
      kind: 'server_error',
      code: 'gateway_server_error',
      start: () => httpGateway(answer(502, HTML_PAGE('502 Bad Gateway'), 'text/html')),
    },
    {
      name: 'truncated JSON',
      kind: 'malformed_response',
      code: 'gateway_malformed',
      start: () => httpGateway(answer(200, '{"status":"success","payment_url":"https://pay.exa')),
    },
    { name: '50 MB body', kind: 'response_too_large', code: 'gateway_too_large', start: () => hugeBodyGateway(50 * 1024 * 1024, false) },
    {
      name: '401 HTML page',
      kind: 'unauthorized',
      code: 'gateway_unauthorized',
      start: () => httpGateway(answer(401, HTML_PAGE('401 Authorization Required'), 'text/html')),
    },
    {
      name: 'HTTP 200, status:"error"',
      kind: 'gateway_rejected',
      code: 'gateway_refused',
      gatewayMessage: 'Merchant is suspended',
      start: () => httpGateway(answer(200, JSON.stringify({ status: 'error', message: 'Merchant is suspended' }))),
    },
    { name: 'connection reset', kind: 'network', code: 'gateway_connection_failed', start: resettingGateway },
  ];
  if (canMakeCertificates(t)) {
    const { key, cert } = makeCertificate(t);
    faults.push({
      name: 'self-signed TLS',
      kind: 'network',
      scheme: 'https',
      code: 'gateway_certificate',
      start: () => tlsGateway({ key, cert }),
    });
  }

  const budget = TIMEOUTS.totalTimeoutMs + SLACK_MS;
  const problems: string[] = [];
  for (const fault of faults) {
    const gateway = await fault.start();
    try {
      await core.profiles.update(profile.id, { baseUrl: `${fault.scheme ?? 'http'}://${gateway.origin}/api` });
      const outcomes = await Promise.all(
        Array.from({ length: AT_ONCE }, async () => {
          const startedAt = performance.now();
          const reply = await core.router.handle('createPaymentLink', { amount: '150.50' }, APP_SENDER);
          return { reply, ms: performance.now() - startedAt };
        }),
      );
      const kinds = new Set<string>(outcomes.map(({ reply }) => (reply.ok ? 'a payment link' : reply.error.kind)));
      const slowest = Math.max(...outcomes.map(({ ms }) => ms));
      const sentences = outcomes.every(
        ({ reply }) =>
          !reply.ok &&
          reply.error.code === fault.code &&
          /^[A-Z].{20,}[.!]$/s.test(reply.error.message) &&
          reply.error.gatewayMessage === (fault.gatewayMessage ?? null),
      );
      const ok = kinds.size === 1 && kinds.has(fault.kind) && sentences && slowest <= budget;
      if (!ok)
        problems.push(
          `${fault.name}: ${[...kinds].join(', ')} in ${slowest.toFixed(0)} ms${sentences ? '' : ', without a clear sentence'}`,
        );
      const first = outcomes[0]!.reply;
      reportFigure(t, {
        scenario: SCENARIO,
        figure: fault.name,
        value: `${[...kinds].join(', ')}, ≤ ${slowest.toFixed(0)} ms`,
        target: `${fault.kind}, ≤ ${budget} ms`,
        ok,
      });
      if (!first.ok) t.diagnostic(`  ${fault.name}: ${first.error.code} “${first.error.message}”`);
    } finally {
      await gateway.close();
    }
  }

  const orders = (await core.service.listOrders({ limit: 500 })).orders as Order[];
  const stranded = orders.filter((order) => order.status === 'pending' && !order.paymentUrl).length;
  const failedWithReason = orders.filter((order) => order.status === 'failed' && order.failure).length;
  reportFigure(t, { scenario: SCENARIO, figure: 'orders pending without a link', value: stranded, target: '= 0', ok: stranded === 0 });
  reportFigure(t, {
    scenario: SCENARIO,
    figure: 'orders failed with the sentence kept',
    value: `${failedWithReason}/${faults.length * AT_ONCE}`,
    target: 'all',
    ok: failedWithReason === faults.length * AT_ONCE,
  });

  assert.deepEqual(problems, []);
  assert.equal(orders.length, faults.length * AT_ONCE);
  assert.equal(stranded, 0);
  assert.equal(failedWithReason, orders.length);
});
