// Where the focus goes when an order's dialog closes, driven from the keyboard in real Chromium: back on the button
// that opened it when the shopkeeper backs out, and on the order's next action when what the dialog did removed
// that button (a paid order offers its receipt instead), never at the top of the page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { Order } from '../../shared/contract';
import type { BridgedCore } from '../support/browser-bridge';
import { call } from '../support/core';
import { serveApp, type TestContext } from '../support/e2e-app';
import { untilInPage } from '../support/waiting';

const app = serveApp();

/** What has the focus: its tag and its aria-label or text; the page itself when nothing has. */
const focused = (page: Page) =>
  page.evaluate(`(() => {
    const e = document.activeElement;
    if (!e || e === document.body) return 'the top of the page';
    return e.tagName.toLowerCase() + ': ' + (e.getAttribute('aria-label') ?? e.textContent.trim()).slice(0, 80);
  })()`) as Promise<string>;

/** A pending order open in the Orders screen, its actions ready. */
async function openOrder(t: TestContext, core: BridgedCore): Promise<{ page: Page; order: Order }> {
  const order = await call(core, 'createPaymentLink', { amount: '75.50', customerName: 'নাসরিন ইসলাম' });
  const page = await app.openHome(t, core, { viewport: { width: 1024, height: 768 } });
  await page.getByRole('tab', { name: 'Orders' }).click();
  await page.locator(`[role="row"][data-ref="${order.ref}"]`).click();
  await page.locator('aside.order-detail .detail-actions').waitFor();
  return { page, order };
}

/** Focuses the order's action named `name` and presses Enter, as a keyboard user opens its dialog. */
async function pressAction(page: Page, name: string): Promise<void> {
  await page.locator('aside.order-detail').getByRole('button', { name, exact: true }).focus();
  await page.keyboard.press('Enter');
  await page.locator('dialog[open]').waitFor();
}

const dialogClosed = (page: Page) => page.locator('dialog').waitFor({ state: 'detached' });

test('backing out of each order dialog, by Escape or by its way out, gives the focus back to the button that opened it', async (t) => {
  const core = await app.startCore(t);
  const { page } = await openOrder(t, core);
  const actions = [
    { opener: 'The customer shows a transaction ID', wayOut: 'Back' },
    { opener: 'Mark as paid manually', wayOut: 'Back' },
    { opener: 'Cancel link', wayOut: 'Keep the link' },
  ];
  for (const { opener, wayOut } of actions) {
    await pressAction(page, opener);
    await page.keyboard.press('Escape');
    await dialogClosed(page);
    assert.equal(await focused(page), `button: ${opener}`, `Escape out of “${opener}”`);

    await pressAction(page, opener);
    await page.locator('dialog[open]').getByRole('button', { name: wayOut }).click();
    await dialogClosed(page);
    assert.equal(await focused(page), `button: ${opener}`, `“${wayOut}” out of “${opener}”`);
  }
});

test('an order marked paid by hand, or paid as claimed at the counter, puts the focus on its receipt', async (t) => {
  const core = await app.startCore(t);
  const { page, order } = await openOrder(t, core);
  await pressAction(page, 'Mark as paid manually');
  await page.keyboard.type('paid in cash at the counter');
  await page.locator('dialog[open] button[type="submit"]').click();
  await dialogClosed(page);
  await page.locator('aside.order-detail .receipt-actions').waitFor();
  assert.equal((await core.service.findOrder(order.ref))!.status, 'paid');
  assert.equal(await focused(page), 'button: Preview');

  const claimed = await call(core, 'createPaymentLink', { amount: '20' });
  await page.locator(`[role="row"][data-ref="${claimed.ref}"]`).click();
  await page.locator('aside.order-detail .detail-actions').waitFor();
  await pressAction(page, 'The customer shows a transaction ID');
  await page.keyboard.type('8N7A6D5C');
  await page.keyboard.press('Enter');
  await dialogClosed(page);
  await untilInPage(page, `document.querySelector('aside.order-detail .receipt-actions')`);
  assert.equal((await core.service.findOrder(claimed.ref))!.paymentProof, 'counter');
  assert.equal(await focused(page), 'button: Preview');
});

test('a cancelled link puts the focus on the first action its order still offers', async (t) => {
  const core = await app.startCore(t);
  const { page, order } = await openOrder(t, core);
  await pressAction(page, 'Cancel link');
  await page.locator('dialog[open]').getByRole('button', { name: 'Cancel link' }).click();
  await dialogClosed(page);
  await untilInPage(page, `!document.querySelector('aside.order-detail .danger-text')`);
  assert.equal((await core.service.findOrder(order.ref))!.status, 'cancelled');
  assert.equal(await focused(page), 'button: The customer shows a transaction ID');
});
