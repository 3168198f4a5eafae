// "The customer shows a transaction ID": the return never came, the customer shows the gateway's id at the counter,
// and the shopkeeper records it from the order's detail. The built renderer in real Chromium, bridged into the
// real core over a real SQLite file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { Order } from '../../shared/contract';
import { call } from '../support/core';
import { serveApp } from '../support/e2e-app';
import { untilInPage } from '../support/waiting';

const app = serveApp();

const orderRow = (page: Page, ref: string) => page.locator(`[role="row"][data-ref="${ref}"]`);
const detailPanel = (page: Page, ref: string) => page.getByRole('complementary', { name: `Order ${ref}` });

async function openClaim(page: Page, order: Order) {
  await orderRow(page, order.ref).click();
  await detailPanel(page, order.ref).getByRole('button', { name: 'The customer shows a transaction ID' }).click();
  const dialog = page.getByRole('dialog', { name: new RegExp(`^The customer shows a transaction ID for ${order.ref}`) });
  await dialog.waitFor();
  return dialog;
}

test('a transaction ID shown at the counter pays the order as claimed, not yet verified; the same ID is refused for another order', async (t) => {
  const core = await app.startCore(t);
  const first = await call(core, 'createPaymentLink', { amount: '350' });
  const second = await call(core, 'createPaymentLink', { amount: '120' });
  const page = await app.openHome(t, core, { viewport: { width: 1366, height: 768 } });
  await page.getByRole('tab', { name: 'Orders' }).click();

  const dialog = await openClaim(page, first);
  await untilInPage(page, "document.activeElement?.id === 'counter-transaction-id'");
  await dialog.getByRole('button', { name: 'Record the payment' }).click();
  await dialog.getByText('Type the transaction ID the customer shows.').waitFor();
  await dialog.getByLabel('Transaction ID').fill('  8n7a6d5c ');
  await dialog.getByRole('button', { name: 'Record the payment' }).click();
  await dialog.waitFor({ state: 'detached' });

  const paid = (await core.service.findOrder(first.ref))!;
  assert.deepEqual([paid.status, paid.paymentProof, paid.transactionId, paid.verification], ['paid', 'counter', '8n7a6d5c', 'unverified']);
  const detail = detailPanel(page, first.ref);
  await detail.getByText('Claimed at the counter', { exact: true }).waitFor();
  await detail.locator('.verification-chip').getByText('Not yet verified').waitFor();
  await detail.getByText('Claimed at the counter: the customer showed transaction 8n7a6d5c.').waitFor();
  const row = orderRow(page, first.ref);
  await row.getByText('at the counter', { exact: true }).waitFor();
  await row.getByText('Not yet verified').waitFor();
  assert.equal(await row.locator('.manual-chip:not(.counter-chip)').count(), 0, 'a counter claim is not a manual payment');

  // One payment pays one order, whatever its letter case: the id stays with the first, said under the field.
  const again = await openClaim(page, second);
  const field = again.getByLabel('Transaction ID');
  await field.fill('8N7A6D5C');
  await again.getByRole('button', { name: 'Record the payment' }).click();
  await again.getByText(`Transaction 8N7A6D5C already paid order ${first.ref}; one payment pays one order.`).waitFor();
  assert.equal(await field.getAttribute('aria-invalid'), 'true');
  assert.equal(await field.getAttribute('aria-describedby'), 'counter-transaction-id-error');
  await untilInPage(page, "document.activeElement?.id === 'counter-transaction-id'");
  assert.equal((await core.service.findOrder(second.ref))!.status, 'pending');

  await again.getByRole('button', { name: 'Back' }).click();
  await again.waitFor({ state: 'detached' });
  await orderRow(page, second.ref).getByText('Pending').waitFor();
});
