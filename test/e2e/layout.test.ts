// The layout holds at a counter's screen sizes, 1366×768 and 1024×768, in বাংলা and in English: every screen the
// shopkeeper meets (welcome, Home and its close of the day, Payments from the keypad to a link sent, paid or
// cancelled, Orders with an order open, each dialog, Reconcile with a report, Settings with the counter's amounts
// and the sound, the exports) and the customer view, checked at both sizes by test/support/layout-faults.ts:
// nothing wider than the window, no content spilling out of its box or cut off by it, no blank scroll. A screenshot
// of every screen at every size is kept for a person to look at, in the folder the test prints.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Language } from '../../shared/messages/catalog';
import { createLink, openInLanguage, showTab } from '../support/app-screens';
import { bookSql } from '../support/book-sql';
import type { BridgedCore } from '../support/browser-bridge';
import { call } from '../support/core';
import { decideOnCheckout } from '../support/customer-browser';
import { serveApp, type TestContext } from '../support/e2e-app';
import { layoutFaults, type LayoutFault } from '../support/layout-faults';
import { seedOrdersAt, type OrderSeed } from '../support/seed-orders';
import { csvBytes, dayFirst, paidAt } from '../support/statements';
import { tempDir } from '../support/temp-dir';
import { untilInPage } from '../support/waiting';

const app = serveApp();

const VIEWPORTS = [
  { width: 1366, height: 768 },
  { width: 1024, height: 768 },
] as const;

/** Kept after the run (not a tempDir): CI collects it as an artefact, a person opens it. */
const SHOTS = mkdtempSync(join(tmpdir(), 'paydesk-layout-'));

const daysAgo = (days: number, hour: number) => {
  const d = new Date();
  d.setDate(d.getDate() - days);
  d.setHours(hour, 0, 0, 0);
  return d;
};

/** Orders whose words are as long as a shop's get: long names in both scripts, a long e-mail, lakh amounts. */
const orderSeeds = (): OrderSeed[] => [
  {
    amountMinor: 15_000_050,
    name: 'মোহাম্মদ আবদুল্লাহ আল মামুন চৌধুরী',
    note: 'দুটি শার্ট, একটি প্যান্ট',
    at: daysAgo(2, 10),
    pay: 'TRXA1001LONG77',
  },
  {
    amountMinor: 20_000,
    name: 'Karim Ahmed',
    email: 'karim.ahmed.long.address@mail-of-the-shop.test',
    at: daysAgo(2, 11),
    pay: 'TRXB2002',
  },
  { amountMinor: 99_900, name: 'আয়েশা আক্তার', at: daysAgo(1, 17), pay: 'TRXC3003' },
  { amountMinor: 1_200_000, name: 'জামাল হোসেন', note: 'বাকি, পরে দেবেন', at: new Date(Date.now() - 40 * 60_000) },
  { amountMinor: 8_000, name: 'Fatema Begum', at: new Date(Date.now() - 30 * 60_000) },
];

/** A wallet's statement with a mismatch, a payment that matches no order, and a line that does not parse. */
const statementLines = () => [
  'তারিখ ও সময়,লেনদেন আইডি,প্রেরক,পরিমাণ,রেফারেন্স',
  `${dayFirst(paidAt(daysAgo(2, 10)))},TRXA1001LONG77,01711000001,"1,50,000.50",`,
  `${dayFirst(paidAt(daysAgo(2, 11)))},TRXB2002,01711000002,250.00,`,
  `${dayFirst(daysAgo(1, 13))},UNKNOWN9,01811000009,"1,200.00",walk-in`,
  `${dayFirst(daysAgo(1, 14))},BADAMT1,01911000001,abc,`,
];

type Finding = LayoutFault & { screen: string; size: string };

/** Two frames: what a resize or a click changed has been laid out and painted. */
const painted = (page: Page) =>
  page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));

/**
 * One language's walk. Each screen is reached by its step and then checked at every size; a step that fails
 * is noted and the walk goes on, so one broken screen does not hide the others.
 */
function startWalk(language: Language) {
  const findings: Finding[] = [];
  const unreached: string[] = [];
  let shot = 0;

  async function check(page: Page, screen: string): Promise<void> {
    const busy = `[...document.querySelectorAll('[aria-busy="true"]')].filter((e) => e.checkVisibility())`;
    await untilInPage(page, `${busy}.length === 0`, 2000).catch(() => {});
    shot += 1;
    for (const viewport of VIEWPORTS) {
      const size = `${viewport.width}x${viewport.height}`;
      await page.setViewportSize(viewport);
      await painted(page);
      for (const fault of await layoutFaults(page)) findings.push({ ...fault, screen, size });
      const name = `${language}-${size}-${String(shot).padStart(2, '0')}-${screen.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`;
      await page.screenshot({ path: join(SHOTS, name), fullPage: true });
    }
  }

  return {
    language,
    findings,
    unreached,
    async screen(page: Page, screen: string, step: () => Promise<unknown> = async () => {}): Promise<void> {
      try {
        await step();
        await check(page, screen);
      } catch (error) {
        unreached.push(`${screen}: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`);
      }
    },
  };
}

type Walk = ReturnType<typeof startWalk>;

async function walkEveryScreen(t: TestContext, walk: Walk): Promise<void> {
  const dir = tempDir(t);
  const core: BridgedCore = await app.startCore(t);
  const seeded = await seedOrdersAt(core, orderSeeds());
  const [paid, , , pending] = seeded;
  // A second counter with a name as long as a counter's may be, which made two of the orders: its column shows.
  const other = await core.book.counters.enroll(randomUUID(), ['দক্ষিণের জানালার পাশের দ্বিতীয় কাউন্টার'], new Date().toISOString());
  await bookSql(core).run('UPDATE orders SET counter_id = ? WHERE ref IN (?, ?)', other.id, seeded[0]!.ref, seeded[2]!.ref);
  const page = await openInLanguage(app, t, core, walk.language, { viewport: VIEWPORTS[0] });
  const detail = page.locator('aside.order-detail');
  const openDialog = page.locator('dialog[open]');
  const closeDialog = () => openDialog.locator('.dialog-actions button.secondary').first().click();
  const actions = detail.locator('.detail-actions button');
  const row = (ref: string) => page.locator(`[role="row"][data-ref="${ref}"]`);

  await walk.screen(page, 'welcome', () => page.locator('section.welcome').waitFor());
  const payments = page.locator('#panel-payments');
  await walk.screen(page, 'payments: the keypad and the quick amounts', async () => {
    await page.locator('section.welcome button.primary').click();
    await showTab(page, 'payments');
    await payments.locator('.quick-amounts').waitFor();
  });
  await walk.screen(page, 'payments with a link', async () => {
    await createLink(page, '1500.50', 'মোহাম্মদ আবদুল্লাহ আল মামুন চৌধুরী');
    await page.locator('#payment-url').waitFor();
  });
  await walk.screen(page, 'payments: the link sent by WhatsApp, its QR code to print', async () => {
    await page.locator('#share-phone').fill('01711-000000');
    await payments.locator('.share-send button').first().click();
    await untilInPage(page, `document.querySelector('.share-send [role="status"]')?.textContent.trim()`);
    await payments.locator('.print-qr').scrollIntoViewIfNeeded();
  });
  await walk.screen(page, 'payments: paid', async () => {
    await decideOnCheckout(await page.locator('#payment-url').inputValue(), 'Pay');
    await payments.locator('.paid-state').waitFor();
  });
  await walk.screen(page, 'dialog: making a link for a large amount', async () => {
    await createLink(page, '125000.50');
    await openDialog.waitFor();
  });
  await page.keyboard.press('Escape');
  await walk.screen(page, 'payments: a cancelled link', async () => {
    await createLink(page, '99');
    await payments.locator('.link-qr').waitFor();
    await core.service.cancelOrder((await core.service.listOrders({ limit: 1 })).orders[0]!.ref);
    await payments.locator('.link-over').waitFor();
  });
  await walk.screen(page, 'home', async () => {
    await showTab(page, 'home');
    await page.locator('section.dashboard[aria-busy="false"]').waitFor();
  });
  await walk.screen(page, 'home: payments waiting to be written to the shared order book', async () => {
    core.events.emit('waitingReturnsChanged', { waiting: 1250 });
    await page.locator('.waiting-returns').waitFor();
  });
  core.events.emit('waitingReturnsChanged', { waiting: 0 });
  await walk.screen(page, 'home: closing the day', async () => {
    await page.locator('section.dashboard button.close-the-day').click();
    await page.locator('section.closing-day[aria-busy="false"] .closing-sections').waitFor();
  });
  await page
    .locator('.closing-head button')
    .click()
    .catch(() => {});

  await walk.screen(page, 'orders', async () => {
    await showTab(page, 'orders');
    await row(paid!.ref).waitFor();
  });
  await walk.screen(page, 'orders: a pending order open', async () => {
    await row(pending!.ref).click();
    await detail.locator('.detail-actions').waitFor();
  });
  await walk.screen(page, 'dialog: the customer shows a transaction id', async () => {
    await actions.nth(0).click();
    await openDialog.waitFor();
  });
  await closeDialog().catch(() => {});
  await walk.screen(page, 'dialog: marking paid by hand, refused without a reason', async () => {
    await actions.nth(1).click();
    await openDialog.locator('button[type="submit"]').click();
    await openDialog.locator('.field-error').waitFor();
  });
  await closeDialog().catch(() => {});
  await walk.screen(page, 'dialog: cancelling a link', async () => {
    await actions.nth(2).click();
    await openDialog.waitFor();
  });
  await closeDialog().catch(() => {});
  await walk.screen(page, 'orders: a paid order open, with its receipt', async () => {
    await row(paid!.ref).click();
    await detail.locator('.detail-receipt').waitFor();
  });
  await walk.screen(page, 'orders: every profile, an order open', async () => {
    await page.locator('.orders-toolbar input[type="checkbox"]').check();
    await page.locator('.orders-grid.with-profile').waitFor();
    await row(paid!.ref).waitFor();
  });
  await page.locator('.orders-toolbar input[type="checkbox"]').uncheck();

  const exports = page.locator('.orders-exports');
  await walk.screen(page, 'exports: the orders saved as CSV', async () => {
    core.platform.choices.saveFile = join(dir, 'orders.csv');
    await exports.locator('button.secondary').first().click();
    await untilInPage(page, `document.querySelector('.export-outcome')?.textContent.trim()`);
  });
  await walk.screen(page, 'dialog: receipts in bulk', async () => {
    await exports.locator('button.secondary').last().click();
    await openDialog.waitFor();
  });
  await closeDialog().catch(() => {});

  const reconcile = page.locator('#panel-reconcile');
  await walk.screen(page, 'reconcile', async () => {
    await showTab(page, 'reconcile');
    await reconcile.locator('section.reconcile-import').waitFor();
  });
  await walk.screen(page, 'reconcile: the statement’s columns', async () => {
    core.platform.choices.statement = {
      name: 'বিকাশ-স্টেটমেন্ট-নভেম্বর-Gulshan-Branch.csv',
      bytes: csvBytes(statementLines(), { bom: true }),
    };
    await reconcile.locator('section.reconcile-import .panel-head button').click();
    await reconcile.locator('form.statement-mapping').waitFor();
  });
  await walk.screen(page, 'reconcile: the report', async () => {
    await reconcile.locator('form.statement-mapping button[type="submit"]').click();
    await reconcile.locator('.reconciliation-report .rejected-lines').waitFor();
  });
  const unclaimed = reconcile.locator('tr[data-transaction="UNKNOWN9"] button');
  await walk.screen(page, 'dialog: attaching a payment to an order', async () => {
    await unclaimed.first().click();
    await openDialog.waitFor();
  });
  await closeDialog().catch(() => {});
  await walk.screen(page, 'dialog: recording a payment as a new order', async () => {
    await unclaimed.last().click();
    await openDialog.waitFor();
  });
  await closeDialog().catch(() => {});

  await walk.screen(page, 'settings', async () => {
    await call(core, 'saveProfile', { profile: { name: 'গুলশান শাখার দ্বিতীয় কাউন্টার', baseUrl: 'https://pay.gulshan-branch.example' } });
    await showTab(page, 'settings');
    await page.locator('form.profile-form').waitFor();
  });
  await walk.screen(page, 'settings: this counter, a name refused', async () => {
    await page.locator('#counter-name').fill('');
    await page.locator('.this-counter-form button[type="submit"]').click();
    await page.locator('#counter-name-error').waitFor();
    await page.locator('section.this-counter-card').scrollIntoViewIfNeeded();
  });
  const counter = page.locator('form.counter-settings');
  await walk.screen(page, 'settings: the counter’s quick amounts and items', async () => {
    await counter.locator('.items-editor > button').click();
    await counter.locator('#item-name-0').fill('মোহাম্মদপুরের বিখ্যাত কাচ্চি বিরিয়ানি (ফুল প্লেট)');
    await counter.locator('#item-price-0').fill('1250.50');
    await counter.locator('button[type="submit"]').click();
    await untilInPage(page, `document.querySelector('form.counter-settings .saved-inline')?.textContent.trim()`);
    await counter.scrollIntoViewIfNeeded();
  });
  await walk.screen(page, 'settings: the sound', () => page.locator('.sound-settings').scrollIntoViewIfNeeded());
  await walk.screen(page, 'settings: keeping PayDesk running', () => page.locator('.desktop-settings').scrollIntoViewIfNeeded());
  await walk.screen(page, 'settings: help › about, the diagnostics copied', async () => {
    await page.locator('.about-shortcut button').click();
    await page.locator('.about-facts').waitFor();
    await page.locator('.about-diagnostics button').click();
    await untilInPage(page, `document.querySelector('.about-diagnostics [role=status]')?.textContent.trim()`);
  });
  await walk.screen(page, 'dialog: removing a profile', async () => {
    await page.locator('.profile-list button.danger-text').first().click();
    await openDialog.waitFor();
  });
  await closeDialog().catch(() => {});
  await walk.screen(page, 'payments: the shop’s own items', async () => {
    await showTab(page, 'payments');
    await payments.locator('.item-presets').waitFor();
  });

  // The screen turned to the customer: the same page at #customer, waiting, asking for a link made at the counter, paid.
  const customer = await app.openPage(t, core, { viewport: VIEWPORTS[0] }, '#customer');
  const customerShows = (kind: string) => customer.locator(`.customer-view[data-display="${kind}"]`).waitFor();
  await walk.screen(customer, 'customer view: waiting', () => customerShows('idle'));
  await walk.screen(customer, 'customer view: a link to pay', async () => {
    await createLink(page, '1250.50');
    await customerShows('link');
  });
  await walk.screen(customer, 'customer view: paid', async () => {
    await decideOnCheckout((await core.service.listOrders({ limit: 1 })).orders[0]!.paymentUrl!, 'Pay');
    await customerShows('paid');
  });
}

/** Each fault once, under the first screen and size that showed it. */
function report({ language, findings, unreached }: Walk): string {
  const seen = new Set<string>();
  const lines = [`In ${language === 'bn' ? 'বাংলা' : 'English'}, ${findings.length} layout faults (each listed once):`];
  for (const f of findings) {
    const key = `${f.size} ${f.what} ${f.where}`;
    if (seen.has(key)) continue;
    seen.add(key);
    lines.push(`  ${f.screen} at ${f.size}: ${f.what}: ${f.where}${f.text ? ` “${f.text}”` : ''}`);
  }
  if (unreached.length > 0) lines.push('Screens the walk could not reach:', ...unreached.map((line) => `  ${line}`));
  return lines.join('\n');
}

for (const language of ['bn', 'en'] as const) {
  test(
    `in ${language === 'bn' ? 'বাংলা' : 'English'}, every screen fits 1366×768 and 1024×768 with nothing cut off and no blank scroll`,
    { timeout: 120_000 },
    async (t) => {
      const walk = startWalk(language);
      await walkEveryScreen(t, walk).catch((error: Error) => walk.unreached.push(`the walk: ${error.message.split('\n')[0]}`));
      t.diagnostic(`screenshots: ${SHOTS}`);
      assert.ok(walk.findings.length === 0 && walk.unreached.length === 0, report(walk));
    },
  );
}
