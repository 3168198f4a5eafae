// Selling at the counter, end to end in real Chromium over the real core: how few presses it takes from "the customer
// wants to pay ৳500" to a QR code on screen and from Paid to the next QR, where the focus lands at each step, the
// keypad and the shop's quick amounts and items, the confirmation of a large amount, the field cleared after a
// failure, and a form that stays put as the panel beside it changes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { Language } from '../../shared/messages/catalog';
import type { BridgedCore } from '../support/browser-bridge';
import { APP_SENDER, call } from '../support/core';
import { decideOnCheckout } from '../support/customer-browser';
import { serveApp, type TestContext } from '../support/e2e-app';
import { eventually, untilInPage } from '../support/waiting';

const app = serveApp();

/** PAYDESK_COUNTER_SHOTS=<folder> keeps a screenshot of each screen the walk below shows. */
const SHOTS = process.env.PAYDESK_COUNTER_SHOTS ?? null;

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1024, height: 768 },
] as const;

/**
 * The presses of the same journeys on the window before the counter (measured with `presses` below on that UI, at
 * 1366×768 and 1024×768 alike): from Home, "New payment link", 5 0 0, Enter; from another screen, the Payments tab,
 * a click in the amount field (typing after the tab went nowhere), 5 0 0, Enter; after Paid, a click in the amount
 * field (the focus sat on the link's URL), 5 0 0, Enter.
 */
const BEFORE = { fromStart: 5, fromAnotherScreen: 6, paidToNext: 5 } as const;

/** Every key press and click a journey takes, counted as the shopkeeper makes them. */
function presses(page: Page) {
  let count = 0;
  return {
    get count() {
      return count;
    },
    async press(key: string) {
      count++;
      await page.keyboard.press(key);
    },
    async type(text: string) {
      for (const key of text) {
        count++;
        await page.keyboard.press(key);
      }
    },
    async click(target: Locator) {
      count++;
      await target.click();
    },
  };
}

/** A shop that has chosen the sandbox, its window open on Home. */
async function openShop(t: TestContext, options: { language?: Language; size?: { width: number; height: number } } = {}) {
  const core = await app.startCore(t);
  await call(core, 'finishWelcome', { choice: 'sandbox' });
  if (options.language)
    await call(core, 'savePreferences', { language: options.language, notificationNames: 'unlocked', linkExpiryHours: 24 });
  const page = await app.openPage(t, core, { viewport: options.size ?? SIZES[0], permissions: ['clipboard-read', 'clipboard-write'] });
  // Generous: on a busy two-core machine a return can take seconds to reach the page.
  page.setDefaultTimeout(15_000);
  await page.locator('#panel-home:not([hidden])').waitFor();
  return { core, page };
}

const qrCode = (page: Page) => page.locator('#panel-payments .link-qr');
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id || document.activeElement?.className || '');
const amountField = (page: Page) => page.locator('#amount');
const newestOrder = async (core: BridgedCore) => (await core.service.listOrders({ limit: 1 })).orders[0]!;

/** The customer pays the link on show, on the sandbox's checkout page. */
async function customerPays(page: Page): Promise<string> {
  const landing = await decideOnCheckout(await page.locator('#payment-url').inputValue(), 'Pay');
  await page.locator('.paid-state').waitFor();
  return new URL(landing.url).searchParams.get('transaction_id')!;
}

test('from “the customer wants to pay ৳500” to a QR code, and from Paid to the next, takes fewer presses than before', async (t) => {
  const { core, page } = await openShop(t);

  // On start: the amount is typed straight away, on Home, and the sale opens with it.
  const fromStart = presses(page);
  await fromStart.type('500');
  await fromStart.press('Enter');
  await qrCode(page).waitFor();
  assert.equal((await newestOrder(core)).amountMinor, 50_000);
  assert.equal(await focusedId(page), 'secondary copy', 'a new link puts the focus on Copy, not on its URL');

  await customerPays(page);
  await untilInPage(page, "document.activeElement?.id === 'amount'");
  const paidToNext = presses(page);
  await paidToNext.type('500');
  await paidToNext.press('Enter');
  await qrCode(page).waitFor();

  await customerPays(page);
  const paidToNextQuick = presses(page);
  await paidToNextQuick.click(page.locator('.quick-amounts').getByRole('button', { name: '৳500' }));
  await paidToNextQuick.press('Enter');
  await qrCode(page).waitFor();

  await page.getByRole('tab', { name: 'Orders' }).click();
  const fromAnotherScreen = presses(page);
  await fromAnotherScreen.press('F2');
  await fromAnotherScreen.type('500');
  await fromAnotherScreen.press('Enter');
  await eventually(async () => (await core.service.listOrders({ limit: 10 })).orders.length === 4);
  await qrCode(page).waitFor();

  await page.getByRole('tab', { name: 'Orders' }).click();
  const fromAnotherScreenQuick = presses(page);
  await fromAnotherScreenQuick.press('Control+n');
  await fromAnotherScreenQuick.click(page.locator('.quick-amounts').getByRole('button', { name: '৳500' }));
  await fromAnotherScreenQuick.press('Enter');
  await eventually(async () => (await core.service.listOrders({ limit: 10 })).orders.length === 5);
  await qrCode(page).waitFor();
  assert.deepEqual(
    (await core.service.listOrders({ limit: 10 })).orders.map((order) => order.amountMinor),
    [50_000, 50_000, 50_000, 50_000, 50_000],
  );

  const rows: Array<[string, number, number]> = [
    ['৳500 → QR, on start (typed)', fromStart.count, BEFORE.fromStart],
    ['৳500 → QR, from another screen (F2, typed)', fromAnotherScreen.count, BEFORE.fromAnotherScreen],
    ['৳500 → QR, from another screen (Ctrl+N, quick amount)', fromAnotherScreenQuick.count, BEFORE.fromAnotherScreen],
    ['Paid → next QR (typed)', paidToNext.count, BEFORE.paidToNext],
    ['Paid → next QR (quick amount)', paidToNextQuick.count, BEFORE.paidToNext],
  ];
  console.log(['keystrokes (key presses + clicks):', ...rows.map(([path, now, was]) => `  ${path}: ${now} (was ${was})`)].join('\n'));
  for (const [path, now, was] of rows) assert.ok(now < was, `${path}: ${now} presses, not fewer than ${was}`);
});

test('the focus lands where the next press goes: the amount on a click of Payments, on F2 and after Paid', async (t) => {
  const { page } = await openShop(t);
  await page.getByRole('tab', { name: 'Payments' }).click();
  assert.equal(await focusedId(page), 'amount', 'clicking the Payments tab');
  await page.keyboard.type('12');
  assert.equal(await amountField(page).inputValue(), '12');

  // The arrow keys move along the tabs and keep the focus there, as a tab list does.
  await page.getByRole('tab', { name: 'Payments' }).focus();
  await page.keyboard.press('ArrowRight');
  assert.equal(await focusedId(page), 'tab-orders');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await focusedId(page), 'tab-payments');

  for (const [from, key] of [
    ['settings', 'F2'],
    ['reconcile', 'Control+n'],
    ['home', 'F2'],
  ] as const) {
    await page.locator(`#tab-${from}`).click();
    await page.keyboard.press(key);
    await page.locator('#panel-payments:not([hidden])').waitFor();
    assert.equal(await focusedId(page), 'amount', `${key} from ${from}`);
  }
  assert.equal(await page.locator('#tab-payments').getAttribute('aria-keyshortcuts'), 'F2 Control+N');

  await amountField(page).fill('80');
  await page.keyboard.press('Enter');
  await qrCode(page).waitFor();
  const transactionId = await customerPays(page);
  assert.equal(await focusedId(page), 'amount', 'after Paid');
  const paid = page.locator('.paid-state');
  assert.match(await paid.innerText(), /PAID/);
  assert.match(await paid.innerText(), /৳80\.00/);
  assert.match(await paid.innerText(), new RegExp(transactionId));

  // Paid stays on show while the shopkeeper looks elsewhere, until they move on.
  await page.locator('#tab-orders').click();
  await page.locator('#tab-payments').click();
  await paid.waitFor();
  await page.getByRole('button', { name: /^Next sale/ }).click();
  await page.locator('.panel-empty').waitFor();
  assert.equal(await focusedId(page), 'amount', 'after Next sale');
});

test('the keypad and the quick amounts put the amount in the field, and the focus stays there', async (t) => {
  const { core, page } = await openShop(t);
  await page.keyboard.press('F2');
  const keypad = page.getByRole('group', { name: 'Keypad' });
  for (const key of ['1', '2', '00', '.', '5', '5']) await keypad.getByRole('button', { name: key, exact: true }).click();
  await keypad.getByRole('button', { name: 'Delete the last digit' }).click();
  assert.equal(await amountField(page).inputValue(), '1200.5');
  assert.equal(await focusedId(page), 'amount');
  await keypad.getByRole('button', { name: 'Clear all digits' }).click();
  assert.equal(await amountField(page).inputValue(), '');

  // A quick amount replaces what is there; typing goes on from it.
  await page.keyboard.type('7');
  await page.locator('.quick-amounts').getByRole('button', { name: '৳1,000' }).click();
  assert.equal(await amountField(page).inputValue(), '1000');
  await page.keyboard.press('Enter');
  await qrCode(page).waitFor();
  assert.equal((await newestOrder(core)).amountMinor, 100_000);
});

test('the shop’s own quick amounts, items and threshold are set in Settings and used at the counter', async (t) => {
  const { core, page } = await openShop(t);
  await page.locator('#tab-settings').click();
  const counter = page.locator('form.counter-settings');
  await counter.getByLabel('Quick amount 4', { exact: true }).fill('750');
  await counter.getByRole('button', { name: 'Remove quick amount 1' }).click();
  await counter.getByRole('button', { name: 'Add an item' }).click();
  await counter.locator('#item-name-0').fill('চা');
  await counter.locator('#item-price-0').fill('20');
  await counter.getByLabel('Ask before a link above').fill('৫০০');
  await counter.getByRole('button', { name: 'Save amounts and items' }).click();
  await counter.getByText('Saved: the Payments screen offers these now.').waitFor();
  const saved = await call(core, 'getPreferences', {});
  assert.deepEqual(saved.quickAmountsMinor, [20_000, 50_000, 75_000]);
  assert.deepEqual(saved.itemPresets, [{ name: 'চা', priceMinor: 2_000 }]);
  assert.equal(saved.confirmAboveMinor, 50_000);

  await page.keyboard.press('F2');
  assert.deepEqual(await page.locator('.quick-amounts button').allInnerTexts(), ['৳200', '৳500', '৳750']);
  await page.locator('.item-presets button').click();
  assert.equal(await amountField(page).inputValue(), '20');
  assert.equal(await page.locator('#note').inputValue(), 'চা');
  await page.keyboard.press('Enter');
  await qrCode(page).waitFor();
  assert.equal((await newestOrder(core)).note, 'চা');

  // The shop's threshold, not the default, now asks first.
  await page.keyboard.press('F2');
  await page.locator('.quick-amounts').getByRole('button', { name: '৳750' }).click();
  await page.keyboard.press('Enter');
  await page.getByRole('dialog', { name: 'Make a link for ৳750.00?' }).waitFor();
});

test('the counter’s settings are refused, with the reason, unless they are amounts and named items', async (t) => {
  const core = await app.startCore(t);
  const before = await call(core, 'getPreferences', {});
  assert.deepEqual(
    [before.quickAmountsMinor, before.itemPresets, before.confirmAboveMinor],
    [[10_000, 20_000, 50_000, 100_000], [], 5_000_000],
    'a shop that never chose has ৳100, ৳200, ৳500, ৳1,000 and asks above ৳50,000',
  );
  for (const [change, code] of [
    [{ quickAmountsMinor: [0] }, 'counter_amount_range'],
    [{ quickAmountsMinor: Array(9).fill(100) }, 'quick_amounts_too_many'],
    [{ itemPresets: [{ name: '  ', priceMinor: 2_000 }] }, 'item_name_missing'],
    [{ itemPresets: [{ name: 'চা', priceMinor: 0.5 }] }, 'counter_amount_range'],
    [{ confirmAboveMinor: -1 }, 'counter_amount_range'],
  ] as const) {
    const reply = await core.router.handle('savePreferences', { ...before, ...change }, APP_SENDER);
    assert.equal(reply.ok ? 'saved' : reply.error.code, code, JSON.stringify(change));
  }
  assert.deepEqual(await call(core, 'getPreferences', {}), before);
});

test('an amount above the threshold is made only once confirmed, shown in digits and in words', async (t) => {
  const { core, page } = await openShop(t);
  await page.keyboard.press('F2');
  await page.keyboard.type('50000');
  await page.keyboard.press('Enter');
  await qrCode(page).waitFor();
  assert.equal((await newestOrder(core)).amountMinor, 5_000_000, '৳50,000 itself is not above the threshold');

  await page.keyboard.press('F2');
  await page.keyboard.type('125000.50');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Make a link for ৳1,25,000.50?' });
  await dialog.getByText('In words: One lakh twenty-five thousand taka and fifty poisha.').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Change the amount', 'the focus starts on the way back');

  // Enter (on the way back) and Escape both go back to the amount, selected, with no order made.
  await page.keyboard.press('Enter');
  await dialog.waitFor({ state: 'detached' });
  assert.equal(await focusedId(page), 'amount');
  assert.equal((await core.service.listOrders({ limit: 10 })).orders.length, 1);
  await page.keyboard.type('12500.50');
  await page.keyboard.press('Enter');
  await qrCode(page).waitFor();
  assert.equal((await newestOrder(core)).amountMinor, 1_250_050, 'the corrected amount, typed over the selected one');

  await page.keyboard.press('F2');
  await page.keyboard.type('125000.50');
  await page.keyboard.press('Enter');
  await dialog.waitFor();
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  assert.equal((await core.service.listOrders({ limit: 10 })).orders.length, 2);
  await page.keyboard.press('Enter');
  await dialog.getByRole('button', { name: 'Make the link' }).click();
  await eventually(async () => (await newestOrder(core)).amountMinor === 12_500_050);
  await qrCode(page).waitFor();
});

test('in বাংলা the confirmation says the amount in Bengali words', async (t) => {
  const { page } = await openShop(t, { language: 'bn' });
  await page.keyboard.press('F2');
  await page.keyboard.type('৭৫০০০');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: '৳৭৫,০০০.০০-এর লিংক তৈরি করবেন?' });
  await dialog.getByText('কথায়: পঁচাত্তর হাজার টাকা।').waitFor();
  await dialog.getByRole('button', { name: 'পরিমাণ বদলান' }).waitFor();
});

test('a failed attempt clears the amount, so a retry is not typed onto what was left', async (t) => {
  const { core, page } = await openShop(t);
  const profile = (await core.profiles.active())!;
  await core.profiles.update(profile.id, { baseUrl: `${profile.baseUrl}/` });
  await page.keyboard.press('F2');
  await page.keyboard.type('10');
  await page.keyboard.press('Enter');
  await page.locator('#panel-payments .alert').waitFor();
  assert.equal(await amountField(page).inputValue(), '');
  assert.equal(await focusedId(page), 'amount');
  assert.equal((await newestOrder(core)).status, 'failed');

  await core.profiles.update(profile.id, { baseUrl: profile.baseUrl });
  await page.keyboard.type('10');
  await page.keyboard.press('Enter');
  await qrCode(page).waitFor();
  assert.equal((await newestOrder(core)).amountMinor, 1_000, 'a retry of 10 is ৳10, not ৳1,010');
});

test('a paid or cancelled link offers no Copy or Open, and makes another for the same amount', async (t) => {
  const { core, page } = await openShop(t);
  await page.keyboard.type('240');
  await page.keyboard.press('Enter');
  await qrCode(page).waitFor();
  const panel = page.locator('#panel-payments .link-panel');
  await core.service.cancelOrder((await newestOrder(core)).ref);
  await panel.getByText('This link can no longer be paid: there is nothing to hand out.').waitFor();
  assert.equal(await panel.getByRole('button', { name: 'Copy' }).count(), 0);
  assert.equal(await panel.getByRole('button', { name: 'Open in browser' }).count(), 0);
  assert.equal(await panel.locator('#payment-url').count(), 0);

  await panel.getByRole('button', { name: 'Make another for the same amount' }).click();
  await qrCode(page).waitFor();
  const again = await newestOrder(core);
  assert.equal(again.amountMinor, 24_000);
  assert.equal(again.status, 'pending');

  await customerPays(page);
  assert.equal(await panel.getByRole('button', { name: 'Copy' }).count(), 0);
  assert.equal(await panel.getByRole('button', { name: 'Open in browser' }).count(), 0);
  await panel.getByRole('button', { name: 'Make another for the same amount' }).click();
  await qrCode(page).waitFor();
  assert.equal((await core.service.listOrders({ limit: 10 })).orders.length, 3);
  assert.equal((await newestOrder(core)).amountMinor, 24_000);
});

/** Where the form and its amount field stand, to the pixel. */
const formBox = (page: Page): Promise<Record<string, number[]>> =>
  page.evaluate(`(() => {
    const box = (selector) => {
      const rect = document.querySelector(selector).getBoundingClientRect();
      return [Math.round(rect.left), Math.round(rect.width)];
    };
    return { form: box('.sale-form'), amount: box('#amount'), panel: box('#panel-payments .link-panel') };
  })()`);

for (const language of ['en', 'bn'] as const) {
  test(`in ${language === 'bn' ? 'বাংলা' : 'English'}, at 1366×768 and 1024×768, the form stays put as the link panel changes`, async (t) => {
    const folder = SHOTS ?? null;
    if (folder) mkdirSync(folder, { recursive: true });
    for (const size of SIZES) {
      const { core, page } = await openShop(t, { language, size });
      const shot = async (name: string) => folder && page.screenshot({ path: join(folder, `${language}-${size.width}-${name}.png`) });
      await page.keyboard.press('F2');
      const empty = await formBox(page);
      await shot('1-empty');
      await page.keyboard.type(language === 'bn' ? '১৫০.৫০' : '150.50');
      await page.locator('#customer-name').fill('রহিম উদ্দিন');
      await page.keyboard.press('Enter');
      await qrCode(page).waitFor();
      const pending = await formBox(page);
      await shot('2-link');
      await customerPays(page);
      const paid = await formBox(page);
      await shot('3-paid');
      assert.deepEqual(pending, empty, `${size.width}: a link on show`);
      assert.deepEqual(paid, empty, `${size.width}: the link turned Paid`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
      assert.equal(overflow, false, `${size.width}: nothing wider than the window`);

      await page.keyboard.type(language === 'bn' ? '৬০০০০' : '60000');
      await page.keyboard.press('Enter');
      await page.locator('dialog[open]').waitFor();
      await shot('4-confirm');
      await page.keyboard.press('Escape');
      await page.keyboard.type('99');
      await page.keyboard.press('Enter');
      await qrCode(page).waitFor();
      await core.service.cancelOrder((await newestOrder(core)).ref);
      await page.locator('.link-over').waitFor();
      assert.deepEqual(await formBox(page), empty, `${size.width}: the link cancelled`);
      await shot('5-cancelled');
      await page.locator('#tab-settings').click();
      await page.locator('form.counter-settings').scrollIntoViewIfNeeded();
      await shot('6-counter-settings');
    }
  });
}
