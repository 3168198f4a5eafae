// What the shopkeeper is shown before handing a link out, when a gateway or an old order holds a surprise: a
// link too long for a QR code, a link on another host than the gateway's, and a listener still answering at an
// address PayDesk moved away from. The built renderer in real Chromium, bridged into the real core; the odd
// gateways are real HTTP servers on 127.0.0.1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { Order } from '../../shared/contract';
import type { BridgedCore } from '../support/browser-bridge';
import { call } from '../support/core';
import { serveApp, type TestContext } from '../support/e2e-app';
import { freePort } from '../support/free-port';
import { linkGateway } from '../support/misbehaving-gateways';
import { bookSql } from '../support/book-sql';

const app = serveApp();

const QR = 'QR code of the payment link';
const TOO_LONG = 'This link is too long for a QR code; copy it or open it instead.';

const tab = (page: Page, name: string) => page.getByRole('tab', { name });
const detailPanel = (page: Page, ref: string) => page.getByRole('complementary', { name: `Order ${ref}` });
const orderRow = (page: Page, ref: string) => page.locator(`[role="row"][data-ref="${ref}"]`);

/** A core whose profile in use is a live one on a gateway that hands out the links `link` makes. */
async function coreOnGateway(t: TestContext, link: (origin: string) => string): Promise<BridgedCore> {
  const gateway = await linkGateway(link);
  t.after(() => gateway.close());
  const core = await app.startCore(t);
  await call(core, 'saveProfile', { profile: { name: 'My shop', baseUrl: `http://${gateway.origin}`, listenPort: await freePort() } });
  await call(core, 'setApiKey', { profileName: 'My shop', apiKey: 'sk_live_test_1234' });
  await call(core, 'switchProfile', { name: 'My shop' });
  return core;
}

const openApp = (t: TestContext, core: BridgedCore) =>
  app.openHome(t, core, { viewport: { width: 1280, height: 820 }, permissions: ['clipboard-read', 'clipboard-write'] });

async function createLink(page: Page, amount: string): Promise<void> {
  await tab(page, 'Payments').click();
  await page.getByLabel('Amount').fill(amount);
  await page.getByRole('button', { name: 'Create payment link' }).click();
  await page.getByLabel('Link for the customer').waitFor();
}

/** Cancels the open order's link through its detail, as the shopkeeper would. */
async function cancelFromDetail(page: Page, order: Order): Promise<void> {
  const detail = detailPanel(page, order.ref);
  await detail.getByRole('button', { name: 'Cancel link' }).click();
  const dialog = page.getByRole('dialog', { name: new RegExp(`^Cancel the link for ${order.ref}`) });
  await dialog.getByRole('button', { name: 'Cancel link' }).click();
  await dialog.waitFor({ state: 'detached' });
  await detail.getByText('The link was cancelled in PayDesk.').waitFor();
}

test('a gateway link too long for a QR code is shown with a sentence instead; Copy copies it and the order is cancelled from the screen', async (t) => {
  // Under the client's cap of 2,048 characters, far over what a scannable code holds.
  const core = await coreOnGateway(t, (origin) => {
    const start = `${origin}/checkout?trx_id=LONG1&session=`;
    return start + 'x'.repeat(2000 - start.length);
  });
  const page = await openApp(t, core);
  await createLink(page, '120');
  const [order] = (await core.service.listOrders({ limit: 1 })).orders;
  assert.equal(order!.paymentUrl!.length, 2000);

  const panel = page.getByRole('region', { name: /^Payment link/ });
  await panel.getByText(TOO_LONG).waitFor();
  assert.equal(await panel.getByRole('img', { name: QR }).count(), 0);
  assert.equal(await panel.getByLabel('Link for the customer').inputValue(), order!.paymentUrl);
  await panel.getByRole('button', { name: 'Copy' }).click();
  await panel.getByText('Copied — the link is on the clipboard.').waitFor();
  assert.equal(await page.evaluate('navigator.clipboard.readText()'), order!.paymentUrl);

  await tab(page, 'Orders').click();
  await orderRow(page, order!.ref).click();
  const detail = detailPanel(page, order!.ref);
  await detail.getByText(TOO_LONG).waitFor();
  assert.equal(await detail.getByRole('img', { name: QR }).count(), 0);
  await cancelFromDetail(page, order!);
  assert.equal((await core.service.findOrder(order!.ref))!.status, 'cancelled');

  await tab(page, 'Home').click();
  await page.getByRole('heading', { name: 'Takings' }).waitFor();
});

test('an order holding a 2,400-character link from before links were checked opens with the screen usable, and is cancelled from it', async (t) => {
  const core = await app.startCore(t);
  const order = await call(core, 'createPaymentLink', { amount: '75' });
  const long = `${order.paymentUrl}&pad=${'y'.repeat(2400 - order.paymentUrl!.length - 5)}`;
  assert.equal(long.length, 2400);
  await bookSql(core).run('UPDATE orders SET payment_url = ? WHERE ref = ?', long, order.ref);

  const page = await openApp(t, core);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await tab(page, 'Orders').click();
  await orderRow(page, order.ref).click();
  const detail = detailPanel(page, order.ref);
  await detail.getByText('Order created for ৳75.00.').waitFor();
  assert.equal(await detail.getByRole('img', { name: QR }).count(), 0, 'no code a phone could not read');

  await cancelFromDetail(page, order);
  assert.equal((await core.service.findOrder(order.ref))!.status, 'cancelled');
  await orderRow(page, order.ref).getByText('Cancelled', { exact: true }).waitFor();
  await tab(page, 'Settings').click();
  await page.getByRole('heading', { name: 'Merchant profiles' }).waitFor();
  assert.deepEqual(errors, []);
});

test('a link on another host than the gateway’s is handed out with a warning that names both, beside the link and in the order', async (t) => {
  const core = await coreOnGateway(t, () => 'https://pay.elsewhere.test/checkout?trx_id=AWAY1');
  const page = await openApp(t, core);
  await createLink(page, '250');
  const [order] = (await core.service.listOrders({ limit: 1 })).orders;
  assert.equal(order!.paymentHostForeign, true);

  const warning = 'This link points to pay.elsewhere.test, not to your gateway 127.0.0.1. Check it before giving it to a customer.';
  const panel = page.getByRole('region', { name: /^Payment link/ });
  await panel.getByText(warning).waitFor();
  const described = (await panel.getByLabel('Link for the customer').getAttribute('aria-describedby'))!.split(' ');
  assert.ok(described.includes('payment-url-host'), 'the link field is described by the warning');
  assert.equal(await page.locator('#payment-url-host').innerText(), warning);

  await tab(page, 'Orders').click();
  await orderRow(page, order!.ref).click();
  const detail = detailPanel(page, order!.ref);
  await detail.getByText(warning).waitFor();
  await detail.getByRole('img', { name: QR }).waitFor();
});

test('a listener moved off all networks says it still answers there and can be reached from other machines, until Stop it now closes it', async (t) => {
  const core = await app.startCore(t, { listen: { host: '0.0.0.0', port: 0 } });
  const page = await openApp(t, core);
  await tab(page, 'Settings').click();
  await page
    .locator('form.profile-form')
    .getByLabel('Port')
    .fill(String(await freePort()));
  await page.getByRole('button', { name: 'Save changes' }).click();

  // Said where the shopkeeper just saved, and in the header of every other screen.
  const said = /^PayDesk still answers at http:\/\/\S+ until .+ for links handed out there\./;
  const inSettings = page.locator('.settings .old-listeners');
  await inSettings.getByText(said).waitFor();
  await inSettings.getByText('Other machines on the network can reach it.').waitFor();
  await tab(page, 'Home').click();
  const notice = page.getByRole('banner').locator('.old-listeners');
  await notice.getByText(said).waitFor();
  await notice.getByText('Other machines on the network can reach it.').waitFor();
  const [old] = core.runtime().oldListeners;
  assert.equal(old!.exposed, true);
  const oldPort = new URL(old!.url).port;
  assert.ok((await fetch(`http://127.0.0.1:${oldPort}/`)).status > 0, 'the old listener still answers');

  await notice.getByRole('button', { name: 'Stop it now' }).click();
  await notice.waitFor({ state: 'detached' });
  assert.deepEqual(core.runtime().oldListeners, []);
  await assert.rejects(fetch(`http://127.0.0.1:${oldPort}/`), 'the old listener is closed');
});
