// Settings › Updates end to end: the built renderer in real Chromium, bridged into a real core, asking a real
// release feed on 127.0.0.1. Off by default; turned on with a feed, it tells of a newer PayDesk in Settings and,
// quietly, in the header, and Download hands the feed's https file to the browser. In English and in বাংলা.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { Language } from '../../shared/messages/catalog';
import { openInLanguage, showTab } from '../support/app-screens';
import { serveApp } from '../support/e2e-app';
import { serveReleaseFeed } from '../support/release-feed';
import { eventually, untilInPage } from '../support/waiting';

const app = serveApp();

const AVAILABLE: Record<Language, string> = {
  en: 'PayDesk 9.0.0 is available (you have 0.1.0).',
  bn: 'নতুন PayDesk 9.0.0 এসেছে (আপনার কাছে আছে 0.1.0)।',
};
const OFF: Record<Language, string> = { en: 'Update checks are off.', bn: 'আপডেট দেখা বন্ধ আছে।' };

const textOf = (page: Page, selector: string) => page.locator(selector).first().innerText();

for (const language of ['en', 'bn'] as const) {
  test(`in ${language}, turning update checks on with a feed tells of a newer PayDesk, and Download opens it`, async (t) => {
    const feed = await serveReleaseFeed(t);
    const core = await app.startCore(t, { updates: { version: '0.1.0' } });
    const page = await openInLanguage(app, t, core, language, { viewport: { width: 1280, height: 860 } });
    await showTab(page, 'settings');
    const card = page.locator('section.updates-card');
    await card.scrollIntoViewIfNeeded();
    await untilInPage(page, `document.querySelector('.update-outcome')?.textContent === ${JSON.stringify(OFF[language])}`);
    assert.equal(await card.locator('input[type="checkbox"]').isChecked(), false, 'off by default');
    assert.equal(await page.locator('#update-feed').inputValue(), '', 'no feed by default');
    assert.deepEqual(feed.requests, [], 'nothing asked while off');

    await card.locator('input[type="checkbox"]').check();
    await page.locator('#update-feed').fill(feed.url);
    await card.locator('button[type="submit"]').click();
    await card.locator('.update-available').waitFor();
    assert.ok((await textOf(page, '.update-available')).startsWith(AVAILABLE[language]), await textOf(page, '.update-available'));
    assert.equal(feed.requests.length, 1, 'saving with the checks on asked once');
    // The header says it too, quietly: a line, not an alert.
    await page.locator('.update-notice').waitFor();
    assert.ok((await textOf(page, '.update-notice')).includes(AVAILABLE[language]));
    assert.equal(await page.locator('.update-notice[role="alert"], .update-notice [role="alert"]').count(), 0);

    await card.locator('.update-available button').click();
    await eventually(() => core.platform.opened.length === 1);
    assert.match(core.platform.opened[0]!, /^https:\/\/downloads\.paydesk\.example\/releases\/.+9\.0\.0/);

    // Check now asks again (and only then).
    await card.locator('.form-actions button.secondary').click();
    await untilInPage(page, `!document.querySelector('form.update-settings[aria-busy="true"]')`);
    assert.equal(feed.requests.length, 2);

    // Not now hides the header's line; Settings keeps saying it.
    await page.locator('.update-notice button').last().click();
    await page.locator('.update-notice').waitFor({ state: 'detached' });
    assert.ok(await card.locator('.update-available').isVisible());
  });
}

test('an update feed that is not PayDesk’s is said in Settings, with its host', async (t) => {
  const feed = await serveReleaseFeed(t, {});
  const core = await app.startCore(t, { updates: { version: '0.1.0' } });
  const page = await openInLanguage(app, t, core, 'en', { viewport: { width: 1280, height: 860 } });
  await showTab(page, 'settings');
  const card = page.locator('section.updates-card');
  await card.getByLabel('Check for a newer PayDesk (when PayDesk starts, and once a day)').check();
  await card.getByLabel('Update feed').fill(feed.url);
  await card.getByRole('button', { name: 'Save' }).click();
  const alert = card.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), new RegExp(`^${new URL(feed.url).host.replace(/\./g, '\\.')} is not a PayDesk update feed`));
  assert.equal(await page.locator('.update-notice').count(), 0, 'the header stays quiet');

  await card.getByLabel('Update feed').fill('http://downloads.example.com/paydesk/');
  await card.getByRole('button', { name: 'Save' }).click();
  await page.locator('#update-feed-error').waitFor();
  assert.match(await page.locator('#update-feed-error').innerText(), /must be an https:\/\/ address/);
});
