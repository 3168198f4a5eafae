// Steps the screen-by-screen e2e walks share: the app opened in a language, a tab shown, a payment link made.
import type { BrowserContextOptions, Page } from 'playwright-core';
import type { Language } from '../../shared/messages/catalog';
import type { BridgedCore } from './browser-bridge';
import { call } from './core';
import type { ServedApp, TestContext } from './e2e-app';
import { untilInPage } from './waiting';

export type Tab = 'home' | 'payments' | 'orders' | 'reconcile' | 'settings';

/** Until the app speaks `language` and shows its tabs. */
export const untilInLanguage = (page: Page, language: Language) =>
  untilInPage(page, `document.documentElement.lang === '${language}' && document.querySelector('[role=tab]')`);

/** The app, bridged into `core`, with `language` saved as the shop's choice. */
export async function openInLanguage(
  app: ServedApp,
  t: TestContext,
  core: BridgedCore,
  language: Language,
  context: BrowserContextOptions,
): Promise<Page> {
  await call(core, 'savePreferences', { language, notificationNames: 'unlocked', linkExpiryHours: 24 });
  const page = await app.openPage(t, core, context);
  page.setDefaultTimeout(5000);
  await untilInLanguage(page, language);
  return page;
}

export async function showTab(page: Page, tab: Tab): Promise<void> {
  await page.locator(`#tab-${tab}`).click();
  await page.locator(`#panel-${tab}:not([hidden])`).waitFor();
}

/** Fills the Payments form and sends it; what comes back (a link, an alert) is the caller's to wait for. */
export async function createLink(page: Page, amount: string, customerName = ''): Promise<void> {
  await page.locator('#amount').fill(amount);
  await page.locator('#customer-name').fill(customerName);
  await page.locator('#panel-payments form button[type="submit"]').click();
}
