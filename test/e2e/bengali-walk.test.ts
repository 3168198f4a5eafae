// বাংলা all the way through: the built renderer in real Chromium, bridged into real cores, walked screen by screen
// as a shopkeeper meets them (welcome, payments and a gateway refusal, orders with a detail and its timeline,
// receipts, exports, reconcile with rejected lines, settings with a failing connection check, a newer
// PayDesk on the update feed and a feed that is not PayDesk's, the return address down, a second counter's orders
// and this counter named, payments waiting to be written to the shared order book and that book out of reach), and
// the documents PayDesk hands out on the way (a receipt, the page a customer comes back to),
// once in বাংলা and once in English. Every text a person meets (test/support/visible-text.ts) must be in the
// language on show (test/support/wrong-script.ts). The allow-list, kept this small on purpose:
//   - elements marked translate="no": data that is the same in every language (refs, transaction ids, URLs,
//     hosts, e-mails, file names, customer names and notes, a statement's own cells, the gateway's own words);
//   - the values of inputs, which are what the shopkeeper typed;
//   - the brand word "PayDesk";
//   - inside a sentence of the language on show (a message the core says whole, which cannot mark a part of
//     itself), the data it carries: web and e-mail addresses, Latin words quoted whole (“paydesk listen”), and
//     the walk's own refs, transaction ids, names, hosts, ports and file names. Data standing alone in an
//     element must be marked translate="no".
// In বাংলা, Latin digits are as wrong as Latin letters (numbers are written ১২৩); in English, Bengali script is.
// A failure lists each text in the wrong script once, under the first screen that showed it, with where it is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Language } from '../../shared/messages/catalog';
import type { BridgedCore } from '../support/browser-bridge';
import { createLink, openInLanguage, showTab as show, untilInLanguage } from '../support/app-screens';
import { bookSql } from '../support/book-sql';
import { call } from '../support/core';
import { decideOnCheckout } from '../support/customer-browser';
import { serveApp, type TestContext } from '../support/e2e-app';
import { freePort } from '../support/free-port';
import { answer, HTML_PAGE, httpGateway, type FakeGateway } from '../support/misbehaving-gateways';
import { freshDatabase, testPostgres } from '../support/postgres';
import { serveReleaseFeed } from '../support/release-feed';
import { seedOrdersAt, type OrderSeed } from '../support/seed-orders';
import { csvBytes, dayFirst, paidAt } from '../support/statements';
import { startTcpProxy } from '../support/tcp-proxy';
import { tempDir } from '../support/temp-dir';
import { visibleTexts, type SeenText } from '../support/visible-text';
import { eventually, untilInPage } from '../support/waiting';
import { inLanguage, setAside, wrongWords } from '../support/wrong-script';

const app = serveApp();

const LANGUAGE_NAMES: Record<Language, string> = { bn: 'বাংলা', en: 'English' };

/** The gateway's own refusal, in both scripts as such gateways write it: shown verbatim in either language. */
const GATEWAY_WORDS = 'Merchant account suspended. মার্চেন্ট অ্যাকাউন্ট স্থগিত।';
const STATEMENT_FILE = 'বিকাশ-স্টেটমেন্ট-Gulshan.csv';
const LIVE_PROFILE = 'Gulshan Counter';
/** The shop's other counter, which made two of the walk's orders: its name is the shop's, in Bengali. */
const OTHER_COUNTER = 'সামনের ডেস্ক';

const daysAgo = (days: number, hour: number, minute = 0) => {
  const d = new Date();
  d.setDate(d.getDate() - days);
  d.setHours(hour, minute, 0, 0);
  return d;
};

/** A few days of a shop's orders, names and notes in both scripts: paid, pending, one to cancel. */
const orderSeeds = (): OrderSeed[] => [
  { amountMinor: 150_050, name: 'রহিম উদ্দিন', note: 'দুটি শার্ট', at: daysAgo(2, 10), pay: 'TRXA1001' },
  { amountMinor: 20_000, name: 'Karim Ahmed', email: 'karim@mail.test', note: 'two shirts, blue', at: daysAgo(2, 11), pay: 'TRXB2002' },
  { amountMinor: 99_900, name: 'আয়েশা আক্তার', at: daysAgo(1, 17), pay: 'TRXC3003' },
  { amountMinor: 45_000, at: daysAgo(1, 19, 30), pay: 'TRXD4004' },
  { amountMinor: 120_000, name: 'জামাল হোসেন', note: 'বাকি, পরে দেবেন', at: new Date(Date.now() - 40 * 60_000) },
  { amountMinor: 8_000, name: 'Fatema Begum', at: new Date(Date.now() - 30 * 60_000) },
];

/** The wallet's statement: Bengali headers PayDesk recognises, a mismatch, an unclaimed payment, two bad lines. */
function statementLines(): string[] {
  return [
    'তারিখ ও সময়,লেনদেন আইডি,প্রেরক,পরিমাণ,রেফারেন্স',
    `${dayFirst(paidAt(daysAgo(2, 10)))},TRXA1001,01711000001,"1,500.50",`,
    `${dayFirst(paidAt(daysAgo(2, 11)))},TRXB2002,01711000002,250.00,`,
    `${dayFirst(paidAt(daysAgo(1, 17)))},TRXC3003,01711000003,999.00,`,
    `${dayFirst(daysAgo(1, 13))},UNKNOWN9,01811000009,"1,200.00",walk-in`,
    `${dayFirst(daysAgo(1, 14))},BADAMT1,01911000001,abc,`,
    `someday,BADDATE2,01911000002,300.00,`,
  ];
}

/** The statement's own words: its lines as written and their cells, but for the amounts PayDesk writes itself. */
const statementData = () =>
  statementLines().flatMap((line) => [line, ...line.split(',').filter((cell) => !/^"?[\d,]+\.\d\d"?$/.test(cell))]);

type Finding = SeenText & { screen: string; words: string[] };

/**
 * To look at the walk as a shopkeeper would: PAYDESK_WALK_SHOTS=<folder> keeps a full-page screenshot of every
 * screen, and PAYDESK_WALK_VIEWPORT=1024x768 walks at that window size.
 */
const SHOTS = process.env.PAYDESK_WALK_SHOTS ?? null;
const [walkWidth, walkHeight] = (process.env.PAYDESK_WALK_VIEWPORT ?? '1280x860').split('x').map(Number) as [number, number];
const VIEWPORT = { width: walkWidth, height: walkHeight };

/**
 * One language's walk: each screen is reached by its step, then read. A step that cannot be taken is noted
 * and the walk goes on, so one broken screen does not hide what the others show.
 */
function startWalk(language: Language) {
  const cores: BridgedCore[] = [];
  /** Data the walk made that its cores do not hold: the gateway's words, the statement, ports of its servers. */
  const known = [GATEWAY_WORDS, STATEMENT_FILE, ...statementData()];
  const findings: Finding[] = [];
  const unreached: string[] = [];
  const reported = new Set<string>();

  async function read(page: Page, screen: string): Promise<void> {
    await settled(page);
    const data = await coreData(cores, known);
    for (const seen of await visibleTexts(page)) {
      const words = wrongWords(inLanguage(seen.text, language) ? setAside(seen.text, data) : seen.text, language);
      const key = `${seen.as}\n${seen.text}`;
      if (words.length === 0 || reported.has(key)) continue;
      reported.add(key);
      findings.push({ ...seen, screen, words });
    }
  }

  return {
    language,
    cores,
    known,
    findings,
    unreached,
    /** Takes the step to `screen`, then reads what `page` shows. */
    async screen(page: Page, screen: string, step: () => Promise<unknown> = async () => {}): Promise<void> {
      try {
        await step();
        await read(page, screen);
        if (SHOTS) {
          const name = `${language}-${screen.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`;
          await page.screenshot({ path: join(SHOTS, name), fullPage: true });
        }
      } catch (error) {
        const shot = `/tmp/paydesk-walk-${language}-${unreached.length + 1}.png`;
        const saved = await page.screenshot({ path: shot }).then(
          () => ` (as it was: ${shot})`,
          () => '',
        );
        unreached.push(`${screen}: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}${saved}`);
      }
    },
  };
}

/**
 * Until nothing on show is busy (a list counting, a form sending), for at most two seconds: a part that stays
 * busy longer is read as it is. Hidden panels are not waited for: they may hold aria-busy while unseen.
 */
async function settled(page: Page): Promise<void> {
  const busy = `[...document.querySelectorAll('[aria-busy="true"]')].filter((e) => e.checkVisibility())`;
  await untilInPage(page, `${busy}.length === 0`, 2000).catch(() => {});
}

const portOf = (url: string | null) => (url && URL.canParse(url) ? new URL(url).port : '');

/** The data the walk's cores hold, as their screens may show it inside a sentence. */
async function coreData(cores: BridgedCore[], extra: string[]): Promise<string[]> {
  const data = [...extra];
  for (const core of cores) {
    for (const order of (await core.service.listOrders({ allProfiles: true, limit: 1000 })).orders) {
      data.push(order.ref, order.transactionId ?? '', order.customerName ?? '', order.customerEmail ?? '', order.note ?? '');
      data.push(order.paymentUrl ?? '');
    }
    for (const profile of await core.profiles.list({ includeRemoved: true })) {
      if (profile.mode === 'live') data.push(profile.name);
      data.push(profile.baseUrl, profile.returnBaseUrl ?? '', profile.listenHost, String(profile.listenPort), portOf(profile.baseUrl));
    }
    for (const counter of await core.book.counters.list()) data.push(counter.name);
    const { returnBaseUrl, sandboxUrl } = core.runtime();
    data.push(returnBaseUrl ?? '', sandboxUrl ?? '', portOf(returnBaseUrl), portOf(sandboxUrl));
  }
  return data;
}

/** Reads a document PayDesk hands out (a receipt, a page of the return listener) in a page of its own. */
async function readDocument(walk: Walk, screen: string, html: () => Promise<string>): Promise<void> {
  const page = await app.browser.newPage();
  try {
    await walk.screen(page, screen, async () => page.setContent(await html(), { waitUntil: 'load' }));
  } finally {
    await page.close();
  }
}

const textOf = (page: Page, selector: string) => page.evaluate(`document.querySelector(${JSON.stringify(selector)})?.textContent ?? ''`);

const openIn = (t: TestContext, core: BridgedCore, language: Language) => openInLanguage(app, t, core, language, { viewport: VIEWPORT });

type Walk = ReturnType<typeof startWalk>;

/** Each screen of the shop's own core, from the first start to a live profile whose gateway does not answer. */
async function walkTheShop(t: TestContext, walk: Walk): Promise<void> {
  const { language } = walk;
  const dir = tempDir(t);
  const core = await app.startCore(t);
  walk.cores.push(core);
  const seeded = await seedOrdersAt(core, orderSeeds());
  const [paid, , , , pending, toCancel] = seeded;
  await core.service.cancelOrder(toCancel!.ref);
  // Another counter on the book made two of the orders; one is from before the book knew counters.
  const other = await core.book.counters.enroll(randomUUID(), [OTHER_COUNTER], new Date().toISOString());
  const sql = bookSql(core);
  await sql.run('UPDATE orders SET counter_id = ? WHERE ref IN (?, ?)', other.id, seeded[1]!.ref, seeded[2]!.ref);
  await sql.run('UPDATE orders SET counter_id = NULL WHERE ref = ?', seeded[3]!.ref);
  const gateways: FakeGateway[] = [];
  t.after(() => Promise.all(gateways.map((gateway) => gateway.close())));
  const page = await openIn(t, core, language);
  const payments = page.locator('#panel-payments');
  const detail = page.locator('aside.order-detail');
  const openDialog = page.locator('dialog[open]');
  const closeDialog = () => openDialog.locator('.dialog-actions button.secondary').first().click();

  await walk.screen(page, 'welcome, over Home', () => page.locator('section.welcome').waitFor());
  await walk.screen(page, 'payments', async () => {
    await page.locator('section.welcome button.primary').click();
    await payments.waitFor();
  });
  await walk.screen(page, 'payments: an amount refused as it is typed', async () => {
    await page.locator('#amount').fill('1.234');
    await page.locator('#customer-name').focus();
    await page.locator('#amount[aria-invalid="true"]').waitFor();
  });
  let paymentUrl = '';
  await walk.screen(page, 'payments: a new link with its QR code', async () => {
    await createLink(page, '150.50', 'Nasrin Islam');
    await page.locator('#payment-url').waitFor();
    paymentUrl = await page.locator('#payment-url').inputValue();
  });
  await walk.screen(page, 'payments: sending the link, a phone number refused', async () => {
    await page.locator('#share-phone').fill('01711');
    await page.locator('.share-actions button').first().click();
    await page.locator('#share-phone-error').waitFor();
  });
  await walk.screen(page, 'payments: the link sent by SMS', async () => {
    await page.locator('#share-phone').fill('01711-000000');
    await page.locator('.share-actions button').nth(1).click();
    await untilInPage(page, `document.querySelector('.share-outcome')?.textContent.trim()`);
  });
  await readDocument(walk, 'payments: the QR code printed as a sign', async () => {
    await page.locator('.print-qr .receipt-actions button').first().click();
    await eventually(() => core.platform.previewed.length > 0);
    return core.platform.previewed.at(-1)!;
  });
  const customerView = await app.openPage(t, core, { viewport: VIEWPORT }, '#customer');
  const customerShows = (kind: string) => customerView.locator(`.customer-view[data-display="${kind}"]`).waitFor();
  await walk.screen(customerView, 'the customer view: the link to scan', () => customerShows('link'));
  let landing = '';
  // The link on show turns Paid where it is; a toast is for a payment that arrives while the shopkeeper is elsewhere.
  await walk.screen(page, 'a payment arrives while the shopkeeper is on Home: the toast', async () => {
    await show(page, 'home');
    landing = (await decideOnCheckout(paymentUrl, 'Pay')).body;
    await page.locator('.toast').waitFor();
  });
  await walk.screen(customerView, 'the customer view: paid', () => customerShows('paid'));
  await customerView.close();
  await readDocument(walk, 'the page the customer comes back to', async () => landing);
  await walk.screen(page, 'payments: Paid, in large type, until the next sale', async () => {
    await show(page, 'payments');
    await payments.locator('.paid-state').waitFor();
  });
  await walk.screen(page, 'payments: a large amount is read back in words', async () => {
    await page.locator('#amount').fill('75000');
    await page.locator('#panel-payments form button[type="submit"]').click();
    await openDialog.waitFor();
  });
  await closeDialog().catch(() => {});
  await walk.screen(page, 'payments: a cancelled link offers the same amount again', async () => {
    await createLink(page, '30');
    await payments.locator('.link-qr').waitFor();
    await core.service.cancelOrder((await core.service.listOrders({ limit: 1 })).orders[0]!.ref);
    await payments.locator('.link-over').waitFor();
  });

  const sandbox = (await core.profiles.active())!;
  await walk.screen(page, 'payments: the gateway refuses, in its own words', async () => {
    const refusing = await httpGateway(answer(400, JSON.stringify({ status: 'error', message: GATEWAY_WORDS })));
    gateways.push(refusing);
    walk.known.push(refusing.origin, portOf(`http://${refusing.origin}`));
    await core.profiles.update(sandbox.id, { baseUrl: `http://${refusing.origin}` });
    await createLink(page, '10');
    await payments.locator('.alert .gateway-message').waitFor();
  });
  await walk.screen(page, 'payments: the gateway answers with an error page', async () => {
    const broken = await httpGateway(answer(502, HTML_PAGE('502 Bad Gateway'), 'text/html'));
    gateways.push(broken);
    walk.known.push(broken.origin, portOf(`http://${broken.origin}`));
    await core.profiles.update(sandbox.id, { baseUrl: `http://${broken.origin}` });
    await createLink(page, '20');
    await payments.locator('.alert:not(:has(.gateway-message))').waitFor();
  });
  await core.profiles.update(sandbox.id, { baseUrl: sandbox.baseUrl });

  await walk.screen(page, 'orders', async () => {
    await show(page, 'orders');
    await page.locator(`[role="row"][data-ref="${paid!.ref}"]`).waitFor();
  });
  await walk.screen(page, 'orders: one counter’s orders', async () => {
    await page.locator('#orders-counter').selectOption(other.id);
    await untilInPage(page, `document.querySelectorAll('.grid-rows [role="row"][data-ref]').length === 2`);
  });
  await walk.screen(page, 'orders: every profile’s, every counter’s', async () => {
    await page.locator('#orders-counter').selectOption('');
    await page.locator('.orders-toolbar label.checkbox input').check();
    await page.locator('.orders-grid.with-profile.with-counter').waitFor();
  });
  await page
    .locator('.orders-toolbar label.checkbox input')
    .uncheck()
    .catch(() => {});
  await walk.screen(page, 'orders: a paid order’s detail, timeline and receipt', async () => {
    await page.locator(`[role="row"][data-ref="${paid!.ref}"]`).click();
    await detail.locator('.detail-receipt').waitFor();
  });
  await walk.screen(page, 'orders: the order’s counter, among its details', () =>
    detail.locator('.detail-fields').scrollIntoViewIfNeeded(),
  );
  await walk.screen(page, 'receipts: saved as a PDF', async () => {
    core.platform.choices.saveFile = join(dir, 'receipt.pdf');
    await detail.locator('.detail-receipt button.confirm').click();
    await untilInPage(page, `document.querySelector('.detail-receipt .saved-inline')?.textContent.trim()`);
  });
  await readDocument(walk, 'receipts: the receipt itself', async () => {
    const before = core.platform.previewed.length;
    await detail.locator('.receipt-actions button').first().click();
    await eventually(() => core.platform.previewed.length > before);
    return core.platform.previewed.at(-1)!;
  });
  await walk.screen(page, 'orders: a pending order’s detail', async () => {
    await page.locator(`[role="row"][data-ref="${pending!.ref}"]`).click();
    await detail.locator('.detail-actions').waitFor();
  });
  const actions = detail.locator('.detail-actions button');
  await walk.screen(page, 'orders: the customer shows a transaction id', async () => {
    await actions.nth(0).click();
    await openDialog.waitFor();
  });
  await closeDialog().catch(() => {});
  await walk.screen(page, 'orders: marking an order paid by hand, without a reason', async () => {
    await actions.nth(1).click();
    await openDialog.locator('button[type="submit"]').click();
    await openDialog.locator('.field-error').waitFor();
  });
  await closeDialog().catch(() => {});
  await walk.screen(page, 'orders: cancelling a link', async () => {
    await actions.nth(2).click();
    await openDialog.waitFor();
  });
  await closeDialog().catch(() => {});
  await walk.screen(page, 'orders: a failed and a cancelled order', async () => {
    const failed = (await core.service.listOrders({ status: 'failed', limit: 1 })).orders[0]!;
    await page.locator(`[role="row"][data-ref="${failed.ref}"]`).click();
    await detail.locator('.detail-fields').waitFor();
    await page.locator(`[role="row"][data-ref="${toCancel!.ref}"]`).click();
    await untilInPage(page, `document.querySelector('aside.order-detail')?.textContent.includes(${JSON.stringify(toCancel!.ref)})`);
  });

  const exports = page.locator('.orders-exports');
  await walk.screen(page, 'exports: the orders as CSV', async () => {
    core.platform.choices.saveFile = join(dir, 'orders.csv');
    await exports.locator('button.secondary').first().click();
    await untilInPage(page, `document.querySelector('.export-outcome')?.textContent.trim()`);
  });
  await walk.screen(page, 'exports: choosing receipts in bulk', async () => {
    await exports.locator('button.secondary').last().click();
    await openDialog.waitFor();
  });
  await walk.screen(page, 'exports: receipts in bulk, saved', async () => {
    const before = await textOf(page, '.export-outcome');
    core.platform.choices.saveFile = join(dir, 'receipts.pdf');
    core.platform.choices.folder = dir;
    await openDialog.locator('button[type="submit"]').click();
    const outcome = `(document.querySelector('.export-outcome')?.textContent.trim() ?? '')`;
    await untilInPage(page, `${outcome} !== '' && ${outcome} !== ${JSON.stringify(before)}`, 15_000);
  });

  const reconcile = page.locator('#panel-reconcile');
  await walk.screen(page, 'reconcile', async () => {
    await show(page, 'reconcile');
    await reconcile.locator('section.reconcile-import').waitFor();
  });
  await walk.screen(page, 'reconcile: the statement’s columns', async () => {
    core.platform.choices.statement = { name: STATEMENT_FILE, bytes: csvBytes(statementLines(), { bom: true }) };
    await reconcile.locator('section.reconcile-import .panel-head button').click();
    await reconcile.locator('form.statement-mapping').waitFor();
  });
  await walk.screen(page, 'reconcile: the report, with rejected lines', async () => {
    await reconcile.locator('form.statement-mapping button[type="submit"]').click();
    await reconcile.locator('.reconciliation-report .rejected-lines').waitFor();
  });
  await walk.screen(page, 'reconcile: attaching an unclaimed payment', async () => {
    await reconcile.locator('tr[data-transaction="UNKNOWN9"] button').first().click();
    await openDialog.waitFor();
  });
  await closeDialog().catch(() => {});
  await walk.screen(page, 'orders: whose amount the statement questions', async () => {
    await reconcile.locator('.report-count[data-count="amountMismatch"] button').click();
    await page.locator('#panel-orders:not([hidden]) .verification-chip').first().waitFor();
  });
  await walk.screen(page, 'home, with a month’s figures', async () => {
    await show(page, 'home');
    await page.locator('section.dashboard[aria-busy="false"]').waitFor();
  });
  await walk.screen(page, 'the header: payments waiting to be written to the shared order book', async () => {
    core.events.emit('waitingReturnsChanged', { waiting: 12 });
    await page.locator('.app-header .waiting-returns').waitFor();
  });
  core.events.emit('waitingReturnsChanged', { waiting: 0 });
  await page
    .locator('.app-header .waiting-returns')
    .waitFor({ state: 'detached' })
    .catch(() => {});
  await walk.screen(page, 'home: closing the day', async () => {
    await page.locator('section.dashboard button.close-the-day').click();
    await page.locator('section.closing-day[aria-busy="false"] .closing-sections').waitFor();
  });
  await walk.screen(page, 'home: closing the day at one counter', async () => {
    await page.locator('#closing-counter').selectOption(other.id);
    await untilInPage(
      page,
      `document.querySelector('section.closing-day[aria-busy="false"]') && !document.querySelector('.closing-section.is-counters')`,
    );
  });
  await readDocument(walk, 'home: the closing report on paper', async () => {
    const before = core.platform.previewed.length;
    await page.locator('.closing-output button').first().click();
    await eventually(() => core.platform.previewed.length > before);
    return core.platform.previewed.at(-1)!;
  });
  await page
    .locator('.closing-head button')
    .click()
    .catch(() => {});
  await walk.screen(page, 'settings', async () => {
    await show(page, 'settings');
    await page.locator('form.profile-form').waitFor();
  });
  const thisCounter = page.locator('section.this-counter-card');
  await walk.screen(page, 'settings: this counter', () => thisCounter.scrollIntoViewIfNeeded());
  await walk.screen(page, 'settings: this counter, a name another counter has', async () => {
    await page.locator('#counter-name').fill(OTHER_COUNTER);
    await thisCounter.locator('button[type="submit"]').click();
    await page.locator('#counter-name-error').waitFor();
  });
  await walk.screen(page, 'settings: this counter, renamed', async () => {
    await page.locator('#counter-name').fill(language === 'bn' ? 'ক্যাশ কাউন্টার' : 'Cash desk');
    await thisCounter.locator('button[type="submit"]').click();
    await untilInPage(page, `document.querySelector('.this-counter-form .saved-inline')?.textContent.trim()`);
  });
  const updates = page.locator('section.updates-card');
  await walk.screen(page, 'settings: a newer PayDesk on the update feed', async () => {
    const feed = await serveReleaseFeed(t);
    walk.known.push(feed.url, portOf(feed.url));
    await updates.locator('input[type="checkbox"]').check();
    await page.locator('#update-feed').fill(feed.url);
    await updates.locator('button[type="submit"]').click();
    await updates.locator('.update-available').waitFor();
    await page.locator('.update-notice').waitFor();
  });
  await walk.screen(page, 'settings: an update feed that is not PayDesk’s', async () => {
    const feed = await serveReleaseFeed(t, {});
    walk.known.push(feed.url, portOf(feed.url));
    await page.locator('#update-feed').fill(feed.url);
    await updates.locator('button[type="submit"]').click();
    await updates.locator('.alert').waitFor();
  });
  await walk.screen(page, 'settings: help › about, the diagnostics copied', async () => {
    await page.locator('.about-shortcut button').click();
    await page.locator('.about-facts').waitFor();
    await page.locator('.about-diagnostics button').click();
    await untilInPage(page, `document.querySelector('.about-diagnostics [role=status]')?.textContent.trim()`);
  });
  const desktop = page.locator('.desktop-settings');
  await walk.screen(page, 'settings: keeping PayDesk running', () => desktop.scrollIntoViewIfNeeded());
  await walk.screen(page, 'settings: closing the window quits PayDesk', async () => {
    await desktop.locator('input[name="keep-running"]').uncheck();
    await desktop
      .locator('#keep-running-hint')
      .filter({ hasNotText: /ঘড়ির পাশে|by the clock/ })
      .waitFor();
  });
  await desktop
    .locator('input[name="keep-running"]')
    .check()
    .catch(() => {});

  // A live profile whose gateway is not there: its Base URL names a port on this computer nobody listens on.
  await walk.screen(page, 'settings: a failing connection check', async () => {
    const closed = await freePort();
    walk.known.push(String(closed));
    const profile = { name: LIVE_PROFILE, baseUrl: `http://127.0.0.1:${closed}`, listenPort: await freePort() };
    await call(core, 'saveProfile', { profile });
    await call(core, 'setApiKey', { profileName: LIVE_PROFILE, apiKey: 'live-key-0123456789' });
    await call(core, 'switchProfile', { name: LIVE_PROFILE });
    await page.reload();
    await untilInLanguage(page, language);
    await show(page, 'settings');
    const check = page.locator('.connection-check:has(#connection-check-hint)');
    await check.locator('button').click();
    await check.locator('[role="status"] > *, .alert').first().waitFor({ timeout: 10_000 });
  });

  // Settings › Order book, pointed at the run's PostgreSQL server with a password it refuses.
  const orderBook = page.locator('section.order-book-card');
  await walk.screen(page, 'settings: the order book', () => orderBook.locator('.order-book-facts').scrollIntoViewIfNeeded());
  const postgres = await testPostgres();
  if (postgres.url) {
    const server = new URL(postgres.url);
    walk.known.push(server.hostname, server.port, server.username, 'postgres', core.book.location);
    await walk.screen(page, 'settings: an order book server that refuses the password', async () => {
      await page.locator('#pg-host').fill(server.hostname);
      await page.locator('#pg-port').fill(server.port);
      await page.locator('#pg-database').fill('postgres');
      await page.locator('#pg-user').fill(server.username);
      await page.locator('#pg-password').fill('not-the-password');
      await orderBook.locator('input[name="pg-tls"][value="disable"]').check();
      await orderBook.locator('button[type="submit"]').click();
      await orderBook.locator('.connection-result').waitFor({ timeout: 10_000 });
    });
    await walk.screen(page, 'settings: an order book server that is not there', async () => {
      const closed = String(await freePort());
      walk.known.push(closed);
      await page.locator('#pg-port').fill(closed);
      await orderBook.locator('button[type="submit"]').click();
      await orderBook.locator('.connection-result .step-detail').first().waitFor({ timeout: 10_000 });
    });
  }
}

/** A shop whose return address cannot open: its port is taken by another server. */
async function walkTheListenerDown(t: TestContext, walk: Walk): Promise<void> {
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise((resolve) => blocker.close(resolve)));
  const port = (blocker.address() as { port: number }).port;
  walk.known.push(String(port));
  const core = await app.startCore(t, { listen: { host: '127.0.0.1', port } });
  walk.cores.push(core);
  const page = await openIn(t, core, walk.language);

  await walk.screen(page, 'the return address is down', () => page.locator('.listener-warning').waitFor());
  await walk.screen(page, 'the return address is down: no link can be made', async () => {
    await page.locator('section.welcome button.primary').click();
    await createLink(page, '10');
    await page.locator('#panel-payments .alert').waitFor();
  });
  await walk.screen(page, 'the return address is down: settings', async () => {
    await show(page, 'settings');
    await page.locator('form.profile-form').waitFor();
  });
}

/** A counter on a shared PostgreSQL book whose server it cannot reach (a proxy between them refuses): where PostgreSQL is. */
async function walkTheBookAway(t: TestContext, walk: Walk): Promise<void> {
  const server = await testPostgres();
  if (!server.url) return;
  const database = (await freshDatabase({ after: (fn) => t.after(fn), skip: () => {} }, server.url))!;
  const proxy = await startTcpProxy(database.connection);
  t.after(() => t.after(() => proxy.close()));
  const core = await app.startCore(t, {
    book: { engine: 'postgres', connection: { ...database.connection, host: proxy.host, port: proxy.port } },
  });
  const page = await openIn(t, core, walk.language);
  await page.locator('section.welcome button.primary').click();
  await createLink(page, '120');
  const paymentUrl = await page.locator('#payment-url').inputValue();
  // Its data read now, while its book answers: the walk's reads must not need the book that is away.
  walk.known.push(...(await coreData([core], [])));

  proxy.refuse();
  await walk.screen(page, 'the shared order book cannot be reached: no link is made', async () => {
    await createLink(page, '75');
    await page.locator('#panel-payments .alert').waitFor();
  });
  await walk.screen(page, 'the shared order book cannot be reached: a payment waits to be written', async () => {
    await decideOnCheckout(paymentUrl, 'Pay');
    await page.locator('.app-header .waiting-returns').waitFor();
  });
  proxy.mend();
  await page.locator('.app-header .waiting-returns').waitFor({ state: 'detached', timeout: 60_000 });
}

function report({ language, findings, unreached }: Walk): string {
  const wrong = language === 'bn' ? 'Latin letters or digits' : 'Bengali script';
  const lines = [`In ${LANGUAGE_NAMES[language]}, ${findings.length} texts have ${wrong} outside the allow-list:`];
  let screen = '';
  for (const finding of findings) {
    if (finding.screen !== screen) lines.push(`  ${(screen = finding.screen)}`);
    lines.push(`    “${finding.text}” (${finding.as}, at ${finding.where}): ${finding.words.join(' ')}`);
  }
  if (unreached.length > 0) lines.push('Screens the walk could not reach:', ...unreached.map((line) => `  ${line}`));
  return lines.join('\n');
}

for (const language of ['bn', 'en'] as const) {
  test(
    `in ${LANGUAGE_NAMES[language]}, every screen speaks ${LANGUAGE_NAMES[language]} but for the data it shows`,
    { timeout: 90_000 },
    async (t) => {
      const walk = startWalk(language);
      for (const [part, walkPart] of [
        ['the shop', walkTheShop],
        ['the return address down', walkTheListenerDown],
        ['the shared order book away', walkTheBookAway],
      ] as const) {
        await walkPart(t, walk).catch((error: Error) => walk.unreached.push(`${part}: ${error.message.split('\n')[0]}`));
      }
      assert.ok(walk.findings.length === 0 && walk.unreached.length === 0, report(walk));
    },
  );
}
