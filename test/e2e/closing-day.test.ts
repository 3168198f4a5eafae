// Closing the day end to end: the built renderer in real Chromium, bridged into a real core over a real order
// book. From Home the shopkeeper opens the close, reads today's figures, picks yesterday, saves the close as a PDF
// and goes back; in English and Bengali, at 1024×768 and 1366×768, nothing on the screen overflows its box.
// PAYDESK_CLOSING_SHOTS=<folder> keeps the screenshots (otherwise they go to the test's temp folder).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Language } from '../../shared/messages/catalog';
import type { BridgedCore } from '../support/browser-bridge';
import { call } from '../support/core';
import { serveApp, type TestContext } from '../support/e2e-app';
import { seedOrdersAt } from '../support/seed-orders';
import { tempDir } from '../support/temp-dir';
import { untilInPage } from '../support/waiting';

const app = serveApp();

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);
const yesterdayNoon = () => {
  const d = new Date();
  d.setDate(d.getDate() - 1);
  d.setHours(12, 0, 0, 0);
  return d;
};

async function seedShop(core: BridgedCore): Promise<void> {
  await seedOrdersAt(core, [
    { amountMinor: 100_000, name: 'Karim Ahmed', at: yesterdayNoon(), pay: 'TRXYDAY1' },
    { amountMinor: 15_050, name: 'রহিম উদ্দিন', at: minutesAgo(9), pay: 'TRXTODAY1' },
    { amountMinor: 30_000, at: minutesAgo(8), pay: 'TRXCOUNTER1', by: 'counter', settledAt: minutesAgo(7) },
    { amountMinor: 8_000, at: minutesAgo(6), by: 'hand', settledAt: minutesAgo(5) },
    { amountMinor: 3_300, at: minutesAgo(4), expiresInHours: 48 },
  ]);
}

/** Home, then Close the day, until its figures are on show. */
async function openClose(t: TestContext, core: BridgedCore, language: Language, viewport = { width: 1366, height: 768 }): Promise<Page> {
  await call(core, 'savePreferences', { language, linkExpiryHours: 24 });
  const page = await app.openPage(t, core, { viewport });
  page.setDefaultTimeout(5000);
  await untilInPage(
    page,
    `document.documentElement.lang === '${language}' && document.querySelector('section.dashboard[aria-busy="false"]')`,
  );
  await page.locator('section.dashboard button.close-the-day').click();
  await page.locator('section.closing-day[aria-busy="false"] .closing-sections').waitFor();
  return page;
}

/** The figures of a section's line, as the screen shows them: label, count, amount. */
const lineOf = (page: Page, section: string, label: string) =>
  page
    .locator(`.closing-section.is-${section} tbody tr`, { has: page.locator('th', { hasText: label }) })
    .first()
    .locator('th, td')
    .allInnerTexts();

test('from Home, Close the day shows today’s figures, another day’s, and saves the close as a PDF', async (t) => {
  const core = await app.startCore(t);
  await seedShop(core);
  const page = await openClose(t, core, 'en');

  assert.equal(await page.locator('#closing-title').innerText(), 'Closing report');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'closing-day', 'the day field has the focus');
  assert.deepEqual(await lineOf(page, 'paid', 'Total paid'), ['Total paid', '3', '৳530.50']);
  assert.deepEqual(await lineOf(page, 'paid', 'Gateway return'), ['Gateway return', '1', '৳150.50']);
  assert.deepEqual(await lineOf(page, 'paid', 'Claimed at the counter'), ['Claimed at the counter', '1', '৳300.00']);
  assert.deepEqual(await lineOf(page, 'paid', 'Paid by hand'), ['Paid by hand', '1', '৳80.00']);
  assert.deepEqual(await lineOf(page, 'statements', 'Not yet verified'), ['Not yet verified', '2', '৳450.50']);
  assert.deepEqual(await lineOf(page, 'links', 'Still waiting for payment'), ['Still waiting for payment', '1', '৳33.00']);

  await page.getByRole('button', { name: 'Yesterday' }).click();
  await untilInPage(
    page,
    `document.querySelector('#closing-day').value !== '' && document.querySelector('section.closing-day[aria-busy="false"]')`,
  );
  await untilInPage(
    page,
    `[...document.querySelectorAll('.closing-section.is-paid tr.is-total td')].map((td) => td.textContent).join() === '1,৳1,000.00'`,
  );

  const file = join(tempDir(t), 'close.pdf');
  core.platform.choices.saveFile = file;
  await page.getByRole('button', { name: 'Save as PDF' }).click();
  await page.locator('.closing-day .saved-inline', { hasText: 'Saved the closing report as close.pdf.' }).waitFor();
  assert.equal(readFileSync(file).subarray(0, 5).toString(), '%PDF-');
  assert.match(core.platform.saveDialogs.at(-1)!.defaultName, /^paydesk-close-\d{4}-\d{2}-\d{2}\.pdf$/);

  await page.getByRole('button', { name: 'Back to Home' }).click();
  await page.locator('section.dashboard .stat-cards').waitFor();
});

/** Elements inside the close whose content is wider than their box, or that stick out of the window. */
const OVERFLOWING = `[...document.querySelectorAll('.closing-day, .closing-day *')]
  .filter((e) => e.checkVisibility() && (e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible'
    || e.getBoundingClientRect().right > document.documentElement.clientWidth + 1))
  .map((e) => e.tagName + '.' + e.className + ': ' + (e.textContent ?? '').slice(0, 40))`;

test('the close fits 1024×768 and 1366×768 in English and Bengali, with no horizontal overflow', async (t) => {
  const core = await app.startCore(t);
  await seedShop(core);
  const shots = process.env.PAYDESK_CLOSING_SHOTS ?? tempDir(t);
  if (!existsSync(shots)) mkdirSync(shots, { recursive: true });
  for (const language of ['en', 'bn'] as const) {
    for (const viewport of [
      { width: 1024, height: 768 },
      { width: 1366, height: 768 },
    ]) {
      const page = await openClose(t, core, language, viewport);
      assert.deepEqual(await page.evaluate(OVERFLOWING), [], `${language} ${viewport.width}: nothing overflows`);
      const scroll = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(scroll <= 0, `${language} ${viewport.width}: no horizontal scroll`);
      await page.screenshot({ path: join(shots, `closing-${language}-${viewport.width}x${viewport.height}.png`), fullPage: true });
      await page.context().close();
    }
  }
});
