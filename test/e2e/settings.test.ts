// Settings end to end: the first-start welcome, adding and switching merchant profiles, the write-only API
// key, and removing a profile without losing its orders. The built renderer runs in real Chromium with
// `window.paydesk` bridged into the real core; a second sandbox gateway, started here, stands in for the
// shop's own gateway, so the live profile talks to a real server that checks the Base URL like the real one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { SANDBOX_API_KEY, startSandboxGateway, type SandboxGateway } from '../../electron/sandbox/sandbox-gateway';
import type { BridgedCore } from '../support/browser-bridge';
import { call } from '../support/core';
import { serveApp, type TestContext } from '../support/e2e-app';
import { freePort } from '../support/free-port';
import { eventually, untilInPage } from '../support/waiting';

const WELCOME_SCREENSHOT = '/tmp/paydesk-welcome.png';
const SETTINGS_SCREENSHOT = '/tmp/paydesk-settings.png';

const app = serveApp();

/** PayDesk's window on a fresh order book, as on the shop's first start. */
async function openApp(t: TestContext, core?: BridgedCore): Promise<{ core: BridgedCore; page: Page }> {
  core ??= await app.startCore(t);
  const page = await app.openHome(t, core, { viewport: { width: 1200, height: 800 } });
  return { core, page };
}

/** The shop's own gateway: the sandbox server code, on its own port, with the sandbox's API key. */
async function startShopGateway(t: TestContext): Promise<SandboxGateway> {
  const gateway = await startSandboxGateway();
  t.after(() => gateway.close());
  return gateway;
}

const tab = (page: Page, name: 'Payments' | 'Orders' | 'Settings') => page.getByRole('tab', { name });
const header = (page: Page) => page.getByRole('banner');
const profileForm = (page: Page) => page.locator('form.profile-form');

async function createLink(page: Page, amount: string): Promise<void> {
  await tab(page, 'Payments').click();
  await page.getByLabel('Amount').fill(amount);
  await page.getByRole('button', { name: 'Create payment link' }).click();
}

test('on first start the welcome offers the sandbox first, and trying it leaves the sandbox banner', async (t) => {
  const { page } = await openApp(t);
  const welcome = page.getByRole('region', { name: 'Welcome to PayDesk' });
  await welcome.waitFor();
  const tryIt = welcome.getByRole('button', { name: 'Try the sandbox' });
  await untilInPage(page, "document.activeElement?.textContent === 'Try the sandbox'");
  assert.ok(await welcome.getByRole('button', { name: 'Connect my gateway' }).isVisible());
  await page.screenshot({ path: WELCOME_SCREENSHOT });

  await page.keyboard.press('Enter');
  await welcome.waitFor({ state: 'detached' });
  assert.equal(await tryIt.count(), 0);
  await page.getByText('Sandbox mode — payments are simulated; no real money moves.').waitFor();
  await untilInPage(page, "document.activeElement?.id === 'amount'");
  assert.equal(await tab(page, 'Payments').getAttribute('aria-selected'), 'true', 'trying the sandbox starts with a link');

  await tab(page, 'Payments').focus();
  await page.keyboard.press('ArrowRight');
  await page.getByRole('heading', { name: 'Orders' }).waitFor();
  assert.equal(await tab(page, 'Orders').getAttribute('aria-selected'), 'true');
  await page.keyboard.press('ArrowRight');
  await untilInPage(page, `document.querySelector('[role=tab][aria-selected=true]')?.textContent === 'Reconcile'`);
  await page.keyboard.press('ArrowRight');
  await page.getByRole('heading', { name: 'Merchant profiles' }).waitFor();
  assert.equal(await tab(page, 'Settings').getAttribute('aria-selected'), 'true');

  await page.reload();
  await page.getByRole('tabpanel', { name: 'Home' }).waitFor();
  assert.equal(await welcome.count(), 0, 'the welcome is shown once');
});

test('a live profile whose Base URL has an extra slash gets the gateway’s refusal with a hint, and works once fixed', async (t) => {
  const gateway = await startShopGateway(t);
  const { core, page } = await openApp(t);

  await page.getByRole('button', { name: 'Connect my gateway' }).click();
  await page.getByRole('heading', { name: 'Add a profile' }).waitFor();
  assert.equal(await tab(page, 'Settings').getAttribute('aria-selected'), 'true');
  await untilInPage(page, "document.activeElement?.id === 'profile-name'");
  await page.getByLabel('Profile name').fill('My shop');
  await page.getByLabel('Base URL').fill(`${gateway.baseUrl}/`);
  assert.equal(await page.getByRole('button', { name: 'Check connection' }).isDisabled(), true);
  await page.getByText('Save the profile first: PayDesk checks the Base URL it has saved.').waitFor();
  const keyField = page.getByLabel('API key');
  assert.equal(await keyField.getAttribute('type'), 'password');
  assert.equal(await keyField.getAttribute('autocomplete'), 'off');
  await keyField.fill(SANDBOX_API_KEY);
  await page.getByRole('radio', { name: 'On this computer' }).check();
  await page
    .locator('form.profile-form')
    .getByLabel('Port')
    .fill(String(await freePort()));
  await page.getByRole('button', { name: 'Save profile' }).click();
  await page.getByText('Saved “My shop”.').waitFor();

  // The key went in and never comes back out: the page holds only its last four characters.
  assert.equal(await keyField.inputValue(), '');
  await profileForm(page).getByText('••••desk').waitFor();
  await profileForm(page).getByText('Saved, encrypted by this computer’s key store.').waitFor();
  assert.ok(!(await page.content()).includes(SANDBOX_API_KEY), 'the API key is nowhere in the page');

  await page.getByRole('button', { name: 'Switch to My shop' }).click();
  await header(page).getByText('Live · My shop').waitFor();
  assert.equal(await page.getByText('Sandbox mode — payments are simulated; no real money moves.').count(), 0);

  await createLink(page, '10');
  const alert = page.getByRole('region', { name: 'New payment link' }).getByRole('alert');
  await alert.waitFor();
  assert.equal(await alert.locator('blockquote[lang="bn"]').innerText(), 'Domain mismatch. দুঃখিত, সংযোগ স্থাপন করা যায়নি।');
  await alert.getByText(/Compare the Base URL/).waitFor();
  assert.equal((await alert.innerText()).match(/Compare the Base URL/g)?.length, 1, 'the hint is given once');

  await alert.getByRole('button', { name: 'Open Settings' }).click();
  await untilInPage(page, "document.activeElement?.id === 'base-url'");
  const baseUrl = profileForm(page).getByLabel('Base URL');
  assert.equal(await baseUrl.inputValue(), `${gateway.baseUrl}/`);
  await baseUrl.fill(gateway.baseUrl);
  // The check tries only what is saved: an address being typed is saved first.
  const check = page.getByRole('button', { name: 'Check connection' });
  assert.equal(await check.isDisabled(), true);
  await page.getByText('Save your changes first: PayDesk checks the saved Base URL.').waitFor();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.locator('.saved-notice').getByText(`Customers return to ${core.runtime().returnBaseUrl}`).waitFor();
  await check.click();
  const report = page.locator('.connection-result');
  await report.waitFor();
  assert.match(await report.innerText(), /Web address\s*ok/);
  await page.screenshot({ path: SETTINGS_SCREENSHOT, fullPage: true });

  await createLink(page, '10');
  const link = page.getByLabel('Link for the customer');
  await link.waitFor();
  assert.ok((await link.inputValue()).startsWith(`${gateway.origin}/checkout?trx_id=`));
  assert.ok(!(await page.content()).includes(SANDBOX_API_KEY));
});

test('removing a profile keeps its orders, read-only, under All profiles', async (t) => {
  const gateway = await startShopGateway(t);
  const core = await app.startCore(t);
  const practice = await call(core, 'createPaymentLink', { amount: '5' });
  await call(core, 'saveProfile', { profile: { name: 'My shop', baseUrl: gateway.baseUrl, listenPort: await freePort() } });
  await call(core, 'setApiKey', { profileName: 'My shop', apiKey: SANDBOX_API_KEY });
  await call(core, 'switchProfile', { name: 'My shop' });
  const sale = await call(core, 'createPaymentLink', { amount: '250' });
  const { page } = await openApp(t, core);
  await tab(page, 'Orders').click();

  const saleRow = page.getByRole('row').filter({ hasText: sale.ref });
  await saleRow.waitFor();
  assert.equal(await page.getByRole('row').filter({ hasText: practice.ref }).count(), 0, 'sandbox orders stay apart');

  await tab(page, 'Settings').click();
  await page.getByRole('button', { name: 'Remove My shop' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove the profile “My shop”?' });
  await dialog.getByText(/Its orders are kept/).waitFor();
  await dialog.getByRole('button', { name: 'Remove profile' }).click();
  await dialog.waitFor({ state: 'detached' });
  const removed = page.getByRole('listitem').filter({ hasText: 'Removed — its orders are kept, read-only' });
  await removed.getByText('My shop').waitFor();
  assert.equal(await removed.getByRole('button').count(), 0, 'a removed profile cannot be edited');
  await page.getByText('Sandbox mode — payments are simulated; no real money moves.').waitFor();

  await tab(page, 'Orders').click();
  await page.getByRole('row').filter({ hasText: practice.ref }).waitFor();
  assert.equal(await saleRow.count(), 0);
  await page.getByLabel('All profiles').check();
  await saleRow.waitFor();
  assert.match(await saleRow.innerText(), /My shop/);
  assert.match(await saleRow.innerText(), /৳250\.00/);
  const practiceRow = page.getByRole('row').filter({ hasText: practice.ref });
  assert.equal(await practiceRow.locator('.sandbox-chip').innerText(), 'sandbox');
  assert.equal(await saleRow.locator('.sandbox-chip').count(), 0);
});

test('a change declined in the main process’s dialog saves nothing, says so, and keeps the form as typed', async (t) => {
  const { core, page } = await openApp(t);
  await tab(page, 'Settings').click();
  await profileForm(page)
    .getByRole('radio', { name: /^On their phones, anywhere/ })
    .check();
  const returnBase = profileForm(page).getByLabel(/^Public return address/);
  await returnBase.fill('https://shop.example.net');
  core.platform.choices.confirm = false;
  await page.getByRole('button', { name: 'Save changes' }).click();

  await profileForm(page)
    .getByRole('alert')
    .getByText(/^Nothing was saved: .+ was not confirmed\.$/)
    .waitFor();
  assert.equal(await returnBase.inputValue(), 'https://shop.example.net');
  assert.equal(core.platform.confirmations.length, 1);
  assert.equal((await core.profiles.active())!.returnBaseUrl, null);

  core.platform.choices.confirm = true;
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByText('Saved “sandbox”.').waitFor();
  assert.equal((await core.profiles.active())!.returnBaseUrl, 'https://shop.example.net');
  assert.equal(await profileForm(page).getByRole('alert').count(), 0);
});

test('in বাংলা a failing connection check reads in Bengali at every step, its hosts and ports marked as data', async (t) => {
  const core = await app.startCore(t);
  const closed = await freePort();
  await call(core, 'saveProfile', {
    profile: { name: 'My shop', baseUrl: `http://127.0.0.1:${closed}/api`, listenPort: await freePort() },
  });
  await call(core, 'switchProfile', { name: 'My shop' });
  const { page } = await openApp(t, core);
  await call(core, 'savePreferences', { ...(await call(core, 'getPreferences', {})), language: 'bn' });
  await page.reload();

  await page.getByRole('tab', { name: 'সেটিংস' }).click();
  await page.getByRole('button', { name: 'সংযোগ যাচাই করুন' }).click();
  const report = page.locator('.connection-result.is-failed');
  await report.waitFor();
  assert.equal(await report.locator('.connection-steps li').count(), 3, 'address, name, connection: the third failed');
  // What a Bengali reader reads as words: the report less what is marked as data, and the brand.
  const words = await report.evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('[translate="no"]').forEach((data) => data.remove());
    return copy.textContent ?? '';
  });
  assert.doesNotMatch(words.replaceAll('PayDesk', ''), /[A-Za-z]/, words);
  assert.ok((await report.locator('[translate="no"]').allInnerTexts()).includes('127.0.0.1'), 'the host is marked as data');
  assert.match(await report.innerText(), new RegExp(`127\\.0\\.0\\.1-এর ${closed} পোর্টে কেউ সংযোগ নিচ্ছে না`));
});

test('keeping PayDesk running and starting it with the computer are two switches, saved at once and kept', async (t) => {
  const { core, page } = await openApp(t);
  const saved: Array<{ keepRunning: boolean; startAtLogin: boolean }> = [];
  core.events.on('preferencesChanged', ({ keepRunning, startAtLogin }) => saved.push({ keepRunning, startAtLogin }));
  await tab(page, 'Settings').click();
  const section = page.getByRole('region', { name: 'Keep PayDesk running' });
  const keepRunning = section.getByRole('checkbox', { name: 'Keep PayDesk running when its window is closed' });
  const startAtLogin = section.getByRole('checkbox', { name: 'Start PayDesk when this computer starts' });
  assert.equal(await keepRunning.isChecked(), true, 'on unless the shop turns it off');
  assert.equal(await startAtLogin.isChecked(), false, 'off unless the shop turns it on');
  await section.getByText(/^Customers who are paying can still come back/).waitFor();

  await keepRunning.uncheck();
  await section.getByText('Closing the window quits PayDesk. Customers who pay after that cannot come back to it.').waitFor();
  await startAtLogin.check();
  await eventually(() => saved.length === 2);
  assert.deepEqual(saved, [
    { keepRunning: false, startAtLogin: false },
    { keepRunning: false, startAtLogin: true },
  ]);
  const preferences = await call(core, 'getPreferences', {});
  assert.deepEqual([preferences.keepRunning, preferences.startAtLogin], [false, true]);

  await call(core, 'savePreferences', { ...preferences, language: 'bn' });
  await page.reload();
  await untilInPage(page, `document.documentElement.lang === 'bn'`);
  await page.locator('#tab-settings').click();
  const bengali = page.getByRole('region', { name: 'PayDesk চালু রাখা' });
  assert.equal(await bengali.getByRole('checkbox', { name: 'জানালা বন্ধ করলেও PayDesk চালু রাখুন' }).isChecked(), false);
  assert.equal(await bengali.getByRole('checkbox', { name: 'কম্পিউটার চালু হলে PayDesk-ও চালু হোক' }).isChecked(), true);
});
