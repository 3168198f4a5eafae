// Sending a pending link to a customer who is not at the counter, and printing its QR code, as a shopkeeper does
// it: the built renderer in real Chromium, bridged into the real core and a link from the sandbox gateway; the
// test platform records what the main process's allow-list let through to WhatsApp, SMS and e-mail.
// PAYDESK_SHARE_SHOTS=<folder> keeps screenshots of the panel in both languages at 1024×768 and 1366×768.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Language } from '../../shared/messages/catalog';
import { createLink, openInLanguage, showTab } from '../support/app-screens';
import type { BridgedCore } from '../support/browser-bridge';
import { call } from '../support/core';
import { serveApp, type TestContext } from '../support/e2e-app';
import { layoutFaults } from '../support/layout-faults';
import { tempDir } from '../support/temp-dir';
import { eventually } from '../support/waiting';

const app = serveApp();
const SHOTS = process.env.PAYDESK_SHARE_SHOTS ?? null;

async function shop(t: TestContext): Promise<BridgedCore> {
  const core = await app.startCore(t);
  await call(core, 'finishWelcome', { choice: 'sandbox' });
  await call(core, 'saveShopDetails', { name: 'রহমান স্টোর', address: '', phone: '' });
  return core;
}

/** The app in `language`, on Payments, with a pending link for ৳150.50 made for a customer with an e-mail. */
async function pendingLink(t: TestContext, core: BridgedCore, language: Language, viewport: { width: number; height: number }) {
  const page = await openInLanguage(app, t, core, language, { viewport });
  await showTab(page, 'payments');
  await page.locator('#customer-email').fill('rahim@shop.test');
  await createLink(page, '150.50', 'রহিম উদ্দিন');
  await page.locator('#payment-url').waitFor();
  const order = (await core.service.listOrders({ limit: 1 })).orders[0]!;
  return { page, order };
}

const sendVia = (page: Page, name: string) => page.locator('.share-send').getByRole('button', { name, exact: true }).click();

test('WhatsApp, SMS and e-mail each open with the message, and the app is handed exactly the address PayDesk wrote', async (t) => {
  const core = await shop(t);
  const { page, order } = await pendingLink(t, core, 'en', { width: 1366, height: 768 });
  const outcome = page.locator('.share-send [role="status"]');
  await outcome.getByText('E-mail goes to rahim@shop.test.').waitFor();

  await page.getByLabel('Customer’s mobile number').fill('01711-000000');
  await sendVia(page, 'WhatsApp');
  await outcome.getByText('WhatsApp is open with the message: press Send there.').waitFor();
  await sendVia(page, 'SMS');
  await outcome.getByText('Your SMS app is open with the message: press Send there.').waitFor();
  await sendVia(page, 'E-mail');
  await outcome.getByText('Your e-mail app is open with the message: press Send there.').waitFor();

  const message = `Payment request from রহমান স্টোর: ৳150.50 (order ${order.ref}).\nPay at this link: ${order.paymentUrl}\nThis is a sandbox test: no real money moves.`;
  const encoded = encodeURIComponent(message);
  assert.deepEqual(core.platform.shared, [
    `https://wa.me/8801711000000?text=${encoded}`,
    `sms:+8801711000000?body=${encoded}`,
    `mailto:rahim@shop.test?subject=${encodeURIComponent('Payment request from রহমান স্টোর: ৳150.50')}&body=${encodeURIComponent(message.replace(/\n/g, '\r\n'))}`,
  ]);

  await page.getByLabel('Customer’s mobile number').fill('call me');
  await sendVia(page, 'WhatsApp');
  await page.locator('#share-phone[aria-invalid="true"]').waitFor();
  assert.match(await page.locator('#share-phone-error').innerText(), /^That phone number does not look right/);
  assert.equal(core.platform.shared.length, 3, 'a wrong number sends nothing');
  assert.deepEqual(core.platform.opened, [], 'and nothing went to the browser');
});

test('in বাংলা, the message is Bengali and a computer with no SMS app says so', async (t) => {
  const core = await shop(t);
  const { page, order } = await pendingLink(t, core, 'bn', { width: 1024, height: 768 });
  await page.locator('#share-phone').fill('০১৮১১ ২২২৩৩৩');
  await sendVia(page, 'হোয়াটসঅ্যাপ');
  await page.getByText('হোয়াটসঅ্যাপে বার্তাটি লেখা আছে: সেখানে পাঠানোর বোতাম চাপুন।').waitFor();
  const sent = new URL(core.platform.shared[0]!);
  assert.equal(sent.pathname, '/8801811222333');
  assert.match(sent.searchParams.get('text')!, new RegExp(`^রহমান স্টোর থেকে পেমেন্টের অনুরোধ: ৳১৫০\\.৫০ \\(অর্ডার ${order.ref}\\)।\n`));

  core.platform.choices.shareApp = false;
  await sendVia(page, 'এসএমএস');
  await page.locator('.share-send .alert').getByText('এই কম্পিউটারে এসএমএস লিংক খোলার কোনো অ্যাপ নেই: লিংকটি কপি করে নিজে পাঠান।').waitFor();
  assert.equal(core.platform.shared.length, 1);
});

test('the QR code is previewed, printed and saved as a counter sign, on the roll or on A4', async (t) => {
  const core = await shop(t);
  const { page, order } = await pendingLink(t, core, 'en', { width: 1366, height: 768 });
  const print = page.locator('.print-qr');
  await print.getByRole('button', { name: 'Preview' }).click();
  await eventually(() => core.platform.previewed.length === 1);
  assert.match(core.platform.previewed[0]!, /@page\{size:80mm/, 'the 80 mm roll unless the shopkeeper chooses A4');
  await print.getByText('A4').click();
  await print.getByRole('button', { name: 'Print' }).click();
  await eventually(() => core.platform.printed.length === 1);
  assert.match(core.platform.printed[0]!, /@page\{size:A4/);
  core.platform.choices.saveFile = join(tempDir(t), 'sign.pdf');
  await print.getByRole('button', { name: 'Save as PDF' }).click();
  await print.getByText(`Saved the QR code for ${order.ref} as a PDF.`).waitFor();
  assert.equal(core.platform.saveDialogs.at(-1)!.defaultName, `qr-${order.ref}.pdf`);
});

test('once the link is paid, it can no longer be sent or printed', async (t) => {
  const core = await shop(t);
  const { page, order } = await pendingLink(t, core, 'en', { width: 1366, height: 768 });
  await page.locator('.share-link').waitFor();
  await call(core, 'markPaidManually', { ref: order.ref, reason: 'Cash at the counter' });
  await page.locator('.share-link').waitFor({ state: 'detached' });
});

for (const language of ['en', 'bn'] as const) {
  for (const viewport of [
    { width: 1024, height: 768 },
    { width: 1366, height: 768 },
  ]) {
    test(`in ${language} at ${viewport.width}×${viewport.height}, the link panel with Send and Print holds its layout`, async (t) => {
      const core = await shop(t);
      const { page } = await pendingLink(t, core, language, viewport);
      await page.locator('#share-phone').fill('01711');
      const faults = (await layoutFaults(page)).filter((fault) => /share|print-qr|link-panel/.test(fault.where));
      await page.locator('.share-link').scrollIntoViewIfNeeded();
      if (SHOTS) await page.screenshot({ path: join(SHOTS, `${language}-${viewport.width}x${viewport.height}.png`) });
      assert.deepEqual(faults, []);
    });
  }
}
