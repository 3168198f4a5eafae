// Two counters on one PostgreSQL order book, end to end: counter A is the built renderer in real Chromium bridged into
// a core in this process; counter B is a PayDesk of its own in a child process, with its own data folder and return
// listener. A customer sent back to B's listener turns A's order Paid on A's screen, toast and all. PostgreSQL only:
// the SQLite pass skips it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { call } from '../support/core';
import { paidReturnPath, startCounterProcess } from '../support/counter-process';
import { follow } from '../support/customer-browser';
import { serveApp } from '../support/e2e-app';
import { onPostgres } from '../support/test-engine';

const app = serveApp();

const tab = (page: Page, name: string) => page.getByRole('tab', { name });
const orderRow = (page: Page, ref: string) => page.locator(`[role="row"][data-ref="${ref}"]`);

test(
  'an order made at counter A turns Paid on A’s screen, with its toast, when the customer comes back to counter B',
  { skip: onPostgres ? false : 'PostgreSQL only: the PostgreSQL pass (PAYDESK_TEST_ENGINE=postgres) runs it' },
  async (t) => {
    const a = await app.startCore(t);
    assert.ok(a.databaseUrl, 'counter A is on the run’s PostgreSQL book');
    const b = await startCounterProcess(t, { databaseUrl: a.databaseUrl, sandboxBaseUrl: (await a.profiles.active())!.baseUrl });

    const order = await call(a, 'createPaymentLink', { amount: '150.50', customerName: 'Karim Ahmed' });
    const page = await app.openHome(t, a, { viewport: { width: 1280, height: 900 } });
    await tab(page, 'Orders').click();
    const row = orderRow(page, order.ref);
    await row.getByText('Pending', { exact: true }).waitFor();

    const landing = await follow(`${b.origin}${await paidReturnPath(order.paymentUrl!)}`);
    assert.equal(landing.status, 200);
    assert.match(landing.body, /Payment received/);
    assert.ok(landing.url.startsWith(b.origin), 'the customer was thanked by counter B');

    await row.getByText('Paid', { exact: true }).waitFor();
    const toast = page.locator('.toast').filter({ hasText: order.ref });
    await toast.getByText('Paid, not yet verified: ৳150.50').waitFor();
    await b.waitForEvent((event) => event.event === 'orderPaid' && event.payload.ref === order.ref);
  },
);
