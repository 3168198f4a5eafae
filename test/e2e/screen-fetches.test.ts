// What the page asks the core for, counted per channel at the router the bridge calls: a screen fetches what it
// shows, a hidden one waits until it is opened, and Home asks for no count the dashboard already gave it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { Channel } from '../../shared/contract';
import type { BridgedCore } from '../support/browser-bridge';
import { call } from '../support/core';
import { decideOnCheckout } from '../support/customer-browser';
import { serveApp } from '../support/e2e-app';
import { seedOrdersAt } from '../support/seed-orders';

const app = serveApp();

/** Longer than any refresh the page puts off while changes settle (the list's 150 ms, the dashboard's 400 ms). */
const SETTLE_MS = 800;
const settle = () => new Promise((resolve) => setTimeout(resolve, SETTLE_MS));

type Counted = { core: BridgedCore; calls(channel: Channel, where?: (payload: Record<string, unknown>) => boolean): number; reset(): void };

/** The same core behind a router that notes every call the page makes before passing it on. */
function counted(core: BridgedCore): Counted {
  let seen: Array<{ channel: string; payload: Record<string, unknown> }> = [];
  const appRouter: BridgedCore['appRouter'] = {
    handle(channel, payload, sender) {
      seen.push({ channel, payload: payload as Record<string, unknown> });
      return core.appRouter.handle(channel, payload, sender);
    },
  };
  return {
    core: { ...core, appRouter },
    calls: (channel, where = () => true) => seen.filter((c) => c.channel === channel && where(c.payload)).length,
    reset: () => {
      seen = [];
    },
  };
}

const tab = (page: Page, name: string) => page.getByRole('tab', { name });
const totalsLine = (page: Page) => page.locator('.orders-totals');

test('returns that come while Payments shows ask nothing of the orders list, and opening Orders asks once', async (t) => {
  const core = await app.startCore(t);
  const links = [];
  for (let i = 0; i < 20; i++)
    links.push(await call(core, 'createPaymentLink', { amount: String(100 + i), customerName: `Customer ${i}` }));
  const counter = counted(core);
  const page = await app.openHome(t, counter.core, { viewport: { width: 1280, height: 820 } });
  await tab(page, 'Orders').click();
  await totalsLine(page).getByText('20 orders · 0 paid · ৳0.00 received').waitFor();
  await tab(page, 'Payments').click();
  await settle();
  counter.reset();

  // A shop's customers come back one by one, never faster than the list's refresh is put off.
  for (const link of links) {
    assert.equal((await decideOnCheckout(link.paymentUrl!, 'Pay')).status, 200);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await settle();
  const whileHidden = counter.calls('listOrders');
  t.diagnostic(`listOrders calls during 20 returns with Payments on show: ${whileHidden}`);
  assert.equal(whileHidden, 0, 'the hidden list asked for nothing');

  await tab(page, 'Orders').click();
  await totalsLine(page).getByText('20 orders · 20 paid · ৳2,190.00 received').waitFor();
  await settle();
  const onOpening = counter.calls('listOrders');
  t.diagnostic(`listOrders calls on opening Orders afterwards: ${onOpening}`);
  assert.equal(onOpening, 1, 'one request brought the list up to date');
  assert.equal(await page.locator('.grid-rows [role="row"]').filter({ hasText: 'Pending' }).count(), 0);

  // Nothing changed since: going back to the list asks for nothing.
  await tab(page, 'Payments').click();
  await tab(page, 'Orders').click();
  await settle();
  assert.equal(counter.calls('listOrders'), 1);
});

test('Home asks for the dashboard once and for no count the dashboard already holds', async (t) => {
  const core = await app.startCore(t);
  const now = Date.now();
  await seedOrdersAt(
    core,
    Array.from({ length: 6 }, (_, i) => ({
      amountMinor: 10_000 * (i + 1),
      name: `Customer ${i}`,
      at: new Date(now - (i + 1) * 60_000),
      pay: `TRXHOME${i}`,
    })),
  );
  const counter = counted(core);
  const page = await app.openHome(t, counter.core);
  const card = page.getByRole('region', { name: 'Paid, not yet verified' });
  await card.getByText('6 payments').waitFor();
  await card.getByRole('button', { name: 'Not yet verified: 6' }).waitFor();
  await settle();

  const dashboards = counter.calls('getDashboard');
  const breakdown = counter.calls('listOrders', (payload) => payload.verification !== undefined);
  t.diagnostic(`on opening Home: getDashboard ${dashboards}, listOrders for the unproven breakdown ${breakdown}`);
  assert.equal(dashboards, 1);
  assert.equal(breakdown, 0, 'the dashboard holds the count of each unproven verification');
});
