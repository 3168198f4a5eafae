// Where customers pay, end to end: the choice in words that sets the listen and return addresses, the warning on
// a link a phone cannot come back from, the return-address check's ladder, and the live word from a phone that
// opened the test page. The built renderer in real Chromium, bridged into the real core; the shop's gateway is a
// second sandbox server on 127.0.0.1, and "the phone" is this test's own HTTP client.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { PhoneReached } from '../../shared/contract';
import { listBindAddresses } from '../../electron/core/listener/bind-addresses';
import { SANDBOX_API_KEY, startSandboxGateway } from '../../electron/sandbox/sandbox-gateway';
import type { CoreOptions } from '../../electron/core/paydesk-core';
import type { BridgedCore } from '../support/browser-bridge';
import { cloudflaredOnPath } from '../support/cloudflared';
import { call } from '../support/core';
import { serveApp, type TestContext } from '../support/e2e-app';
import { freePort } from '../support/free-port';
import { eventually, untilInPage } from '../support/waiting';

const app = serveApp();

const tab = (page: Page, name: string) => page.getByRole('tab', { name });
const header = (page: Page) => page.getByRole('banner');
const profileForm = (page: Page) => page.locator('form.profile-form');
const where = (page: Page, name: RegExp) => profileForm(page).getByRole('radio', { name });
const THIS_COMPUTER = /^On this computer$/;
const SHOP_WIFI = /^On their phones, on the shop’s Wi-Fi$/;
const ANYWHERE = /^On their phones, anywhere/;

const LOOPBACK_WARNING =
  'A customer who pays on a phone will not come back to PayDesk: this link returns to this computer only, so the order would stay Pending.';
const LOOPBACK_CAPTION = 'A phone that scans this can pay, but will not come back to PayDesk.';
const PHONE_CAPTION = 'The customer scans this with their phone to pay.';

/** A core whose profile in use is a live one, "My shop", on a gateway of its own, with the listener fields given. */
async function liveCore(
  t: TestContext,
  listener: { returnBaseUrl?: string } = {},
  options: Partial<CoreOptions> = {},
): Promise<BridgedCore> {
  const gateway = await startSandboxGateway();
  t.after(() => gateway.close());
  const core = await app.startCore(t, options);
  await call(core, 'saveProfile', { profile: { name: 'My shop', baseUrl: gateway.baseUrl, listenPort: await freePort(), ...listener } });
  await call(core, 'setApiKey', { profileName: 'My shop', apiKey: SANDBOX_API_KEY });
  await call(core, 'switchProfile', { name: 'My shop' });
  return core;
}

const openApp = (t: TestContext, core: BridgedCore) => app.openHome(t, core, { viewport: { width: 1280, height: 900 } });

async function createLink(page: Page, amount: string): Promise<void> {
  await tab(page, 'Payments').click();
  await page.getByLabel('Amount').fill(amount);
  await page.getByRole('button', { name: 'Create payment link' }).click();
  await page.getByLabel('Link for the customer').waitFor();
}

test('“where do customers pay” is asked of a new live profile and saves the listen and return addresses each answer means', async (t) => {
  const gateway = await startSandboxGateway();
  t.after(() => gateway.close());
  const core = await app.startCore(t);
  const page = await openApp(t, core);
  await page.getByRole('button', { name: 'Connect my gateway' }).click();
  await page.getByRole('heading', { name: 'Add a profile' }).waitFor();
  await page.getByLabel('Profile name').fill('My shop');
  await page.getByLabel('Base URL').fill(gateway.baseUrl);
  await page.getByLabel('API key').fill(SANDBOX_API_KEY);
  const port = await freePort();
  await page.locator('form.profile-form').getByLabel('Port').fill(String(port));

  // Loopback is no default for a shop whose customers pay on phones: the shopkeeper says where.
  for (const choice of [THIS_COMPUTER, SHOP_WIFI, ANYWHERE]) assert.equal(await where(page, choice).isChecked(), false);
  await page.getByRole('button', { name: 'Save profile' }).click();
  await profileForm(page).getByText('Choose where your customers pay: PayDesk brings them back there.').waitFor();
  await untilInPage(page, "document.activeElement?.id === 'where-this_computer'");
  assert.equal(await core.profiles.findByName('My shop'), null, 'nothing is saved without the answer');

  // Anywhere: a public address in front of PayDesk, with the ways to get one pointed at this very listener.
  await where(page, ANYWHERE).check();
  const ways = page.getByRole('region', { name: 'Ways to get a public address' });
  for (const command of [
    `cloudflared tunnel run --url http://127.0.0.1:${port} NAME`,
    `tailscale funnel ${port}`,
    `ngrok http --domain=NAME ${port}`,
    `proxy_pass http://127.0.0.1:${port};`,
  ]) {
    await ways.getByText(command, { exact: true }).waitFor();
  }
  await page.getByRole('button', { name: 'Save profile' }).click();
  await profileForm(page)
    .getByText('Type the public address your tunnel or web server gives you, for example https://pay.myshop.com.bd.')
    .waitFor();
  await profileForm(page).getByLabel('Public return address').fill('https://pay.myshop.example');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await page.getByText('Saved “My shop”.').waitFor();
  const saved = (await core.profiles.findByName('My shop'))!;
  assert.deepEqual([saved.listenHost, saved.listenPort, saved.returnBaseUrl], ['127.0.0.1', port, 'https://pay.myshop.example']);
  assert.ok(core.platform.confirmations.some((question) => question.title === 'Send customers back through a new address?'));

  // This computer: loopback, and links name no public address any more.
  await where(page, THIS_COMPUTER).check();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await eventually(async () => (await core.profiles.findByName('My shop'))!.returnBaseUrl === null);
  assert.equal((await core.profiles.findByName('My shop'))!.listenHost, '127.0.0.1');

  // The shop's Wi-Fi: one of this computer's own network addresses, the first by default. The main process asks
  // before opening the listener to other devices; declined here, nothing is saved and the form stays as chosen.
  const lan = listBindAddresses().filter((address) => !address.loopback);
  await where(page, SHOP_WIFI).check();
  const wifiAddress = lan[0]?.address ?? '198.18.0.1';
  if (lan[0]) {
    assert.equal(await profileForm(page).getByLabel('This computer’s address on the shop’s Wi-Fi').inputValue(), lan[0].address);
  } else {
    t.diagnostic('this machine has no network address besides loopback: the Wi-Fi address is typed instead');
    await profileForm(page)
      .getByText(/^This computer is on no network right now\./)
      .waitFor();
    await profileForm(page).getByLabel('Address to listen on').fill(wifiAddress);
  }
  core.platform.choices.confirm = false;
  const asked = core.platform.confirmations.length;
  await page.getByRole('button', { name: 'Save changes' }).click();
  await profileForm(page)
    .getByRole('alert')
    .getByText('Nothing was saved: “Open the return address to other devices?” was not confirmed.')
    .waitFor();
  assert.equal(core.platform.confirmations[asked]!.message, `PayDesk will listen on ${wifiAddress}, not only on this computer.`);
  assert.equal(await where(page, SHOP_WIFI).isChecked(), true, 'the form keeps the choice');
  assert.equal((await core.profiles.findByName('My shop'))!.listenHost, '127.0.0.1');
});

test('a link whose return leads to this computer only is handed out with the warning, and its button opens the choice', async (t) => {
  const core = await liveCore(t);
  const page = await openApp(t, core);
  await createLink(page, '150');
  const [order] = (await core.service.listOrders({ limit: 1 })).orders;

  const panel = page.getByRole('region', { name: /^Payment link/ });
  await panel.getByText(LOOPBACK_WARNING).waitFor();
  await panel.getByText(LOOPBACK_CAPTION).waitFor();
  assert.equal(await page.getByText(PHONE_CAPTION).count(), 0, 'the caption never promises a phone can pay and come back');
  const described = (await panel.getByLabel('Link for the customer').getAttribute('aria-describedby'))!.split(' ');
  assert.ok(described.includes('payment-url-reach'), 'the link field is described by the warning');

  await tab(page, 'Orders').click();
  await page.locator(`[role="row"][data-ref="${order!.ref}"]`).click();
  const detail = page.getByRole('complementary', { name: `Order ${order!.ref}` });
  await detail.getByText(LOOPBACK_WARNING).waitFor();
  await detail.getByText(LOOPBACK_CAPTION).waitFor();

  await detail.getByRole('button', { name: 'Choose where customers pay' }).click();
  assert.equal(await tab(page, 'Settings').getAttribute('aria-selected'), 'true');
  await untilInPage(page, "document.activeElement?.id === 'where-this_computer'");
  assert.equal(await where(page, THIS_COMPUTER).isChecked(), true);

  // Once customers come back through a public address, the caption says they scan it with their phone.
  await call(core, 'saveProfile', {
    originalName: 'My shop',
    profile: {
      name: 'My shop',
      baseUrl: (await core.profiles.findByName('My shop'))!.baseUrl,
      listenPort: await freePort(),
      returnBaseUrl: 'https://pay.myshop.example',
    },
  });
  await page.reload();
  await createLink(page, '90');
  await panel.getByText(PHONE_CAPTION).waitFor();
  assert.equal(await panel.locator('.reach-warning').count(), 0);
});

test('a live profile never checked says so once; its check climbs the ladder to “PayDesk heard itself” and the notice goes', async (t) => {
  const core = await liveCore(t);
  const page = await openApp(t, core);
  const returnUrl = core.runtime().returnBaseUrl!;
  const notice = header(page).locator('.unchecked-return');
  await notice
    .getByText(`PayDesk has not yet checked that customers can come back to ${returnUrl}. Check it before the first customer pays.`)
    .waitFor();

  await notice.getByRole('button', { name: 'Check the return address' }).click();
  assert.equal(await tab(page, 'Settings').getAttribute('aria-selected'), 'true');
  const ladder = page.locator('.return-check .connection-result');
  await ladder.waitFor();
  const text = await ladder.innerText();
  for (const step of [/Return address\s*ok/, /Finding it \(DNS\)\s*ok/, /Reaching it \(TCP\)\s*ok/, /PayDesk heard itself\s*ok/])
    assert.match(text, step);
  assert.ok(text.includes(`PayDesk heard itself at ${new URL(returnUrl).host}.`), text);
  // Heard, but only on this computer: the ladder says what a phone would meet.
  assert.match(text, /a customer who pays on a phone is sent back to the phone, not to PayDesk/);

  await tab(page, 'Home').click();
  await page.getByRole('heading', { name: 'Takings' }).waitFor();
  assert.equal(await notice.count(), 0, 'heard once, the notice is gone');
});

test('a return address where nothing answers fails the check at “Reaching it”, with what to fix', async (t) => {
  const nowhere = `http://127.0.0.1:${await freePort()}`;
  const core = await liveCore(t, { returnBaseUrl: nowhere });
  const page = await openApp(t, core);
  await tab(page, 'Settings').click();
  await profileForm(page).getByRole('button', { name: 'Check the return address' }).click();
  const ladder = page.locator('.return-check .connection-result.is-failed');
  await ladder.waitFor();
  const text = await ladder.innerText();
  assert.match(text, /Return address\s*ok/);
  assert.match(text, /Reaching it \(TCP\)\s*failed/);
  assert.doesNotMatch(text, /PayDesk heard itself/, 'the ladder stops at the step that failed');
  assert.equal(await ladder.locator('li[data-ok="false"]').count(), 1);

  // Declined and never heard: still said in the header on the other screens.
  await tab(page, 'Payments').click();
  await header(page).locator('.unchecked-return').waitFor();
  await header(page).getByRole('button', { name: 'Not now' }).click();
  await header(page).locator('.unchecked-return').waitFor({ state: 'detached' });
  await tab(page, 'Orders').click();
  assert.equal(await header(page).locator('.unchecked-return').count(), 0, 'said once');
});

test('a phone that opens the test page is announced at once, with its address', async (t) => {
  const core = await app.startCore(t);
  const reached: PhoneReached[] = [];
  core.events.on('phoneReached', (event) => reached.push(event));
  const page = await openApp(t, core);
  await tab(page, 'Settings').click();
  await profileForm(page).getByRole('button', { name: 'Test with a phone' }).click();

  const qr = profileForm(page).getByRole('img', { name: 'QR code of the phone test page' });
  await qr.waitFor();
  await profileForm(page)
    .getByText(/^PayDesk listens on this computer only, so no phone can open this page\./)
    .waitFor();
  const status = profileForm(page).locator('.phone-reached');
  await status.getByText('Waiting for a phone to open the page…').waitFor();
  const url = await profileForm(page).locator('.phone-test-text code.command').innerText();
  assert.ok(url.startsWith(`${core.runtime().returnBaseUrl!.replace(/\/+$/, '')}/t/`), url);

  // The phone: a plain HTTP client opening the page, as a phone's browser would.
  const answer = await fetch(url);
  assert.equal(answer.status, 200);
  assert.match(await answer.text(), /PayDesk can hear this phone/);
  await status.getByText(`A phone reached PayDesk just now (${reached[0]!.address}).`).waitFor();
  assert.equal(reached.length, 1);
});

test('when the listener followed a new address of this computer, the header says so and names the links left behind', async (t) => {
  const core = await liveCore(t);
  const page = await openApp(t, core);
  await header(page).getByText('PayDesk', { exact: true }).waitFor();
  // What the address watch announces when DHCP moved the computer (test/integration/phone-on-wifi.test.ts makes a real one).
  core.events.emit('listenAddressMoved', {
    from: '198.18.0.1',
    to: '198.18.0.7',
    at: new Date().toISOString(),
    pending: ['PD-000004', 'PD-000009'],
  });
  const notice = header(page).getByRole('alert');
  await notice.getByText(/changed from 198\.18\.0\.1 to 198\.18\.0\.7/).waitFor();
  assert.match((await notice.textContent()) ?? '', /2 links handed out before .*\(PD-000004, PD-000009\)/);
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await header(page)
    .getByText(/changed from 198\.18\.0\.1/)
    .waitFor({ state: 'detached' });
});

test('with cloudflared installed, Settings offers to run the shop’s Cloudflare tunnel, and shows it running and stopped', async (t) => {
  const publicPort = await freePort();
  const env = cloudflaredOnPath(t, { STAND_IN_TUNNEL_PORT: String(publicPort) });
  const core = await liveCore(t, { returnBaseUrl: `http://127.0.0.1:${publicPort}` }, { tunnel: { env } });
  const page = await openApp(t, core);
  await tab(page, 'Settings').click();
  const offer = profileForm(page).getByRole('region', { name: 'Run my Cloudflare tunnel with PayDesk' });
  await offer.getByText('The tunnel is not running.').waitFor();

  await offer.getByLabel('Tunnel name').fill('-h');
  await offer.getByRole('button', { name: 'Start tunnel' }).click();
  await offer.getByText('A tunnel name cannot start with “-”.').waitFor();

  await offer.getByLabel('Tunnel name').fill('my-shop');
  await offer.getByRole('button', { name: 'Start tunnel' }).click();
  await offer.getByText('The tunnel is running: customers come back to PayDesk through Cloudflare.').waitFor();
  assert.equal(await offer.getByLabel('Tunnel name').getAttribute('readonly'), '', 'the name stays as it runs');
  await profileForm(page).getByRole('button', { name: 'Check the return address' }).click();
  await page.locator('.return-check .connection-result.is-ok').waitFor();

  await offer.getByRole('button', { name: 'Stop tunnel' }).click();
  await offer.getByText('The tunnel is not running.').waitFor();
  assert.equal((await call(core, 'getStatus', {})).tunnel.state, 'stopped');
});
