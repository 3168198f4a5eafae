// Help › About in real Chromium: reached from the top of Settings in one press, it shows the version, the runtime
// and the folders, opens the logs folder through the platform, and copies the diagnostics to the clipboard.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { showTab } from '../support/app-screens';
import { call } from '../support/core';
import { serveApp } from '../support/e2e-app';
import { eventually } from '../support/waiting';

const app = serveApp();

test('Help › About shows the version and folders, opens the logs folder and copies the diagnostics', async (t) => {
  const core = await app.startCore(t);
  const about = await call(core, 'getAbout', {});
  const page = await app.openHome(t, core, { permissions: ['clipboard-read', 'clipboard-write'] });
  page.setDefaultTimeout(5000);
  await showTab(page, 'settings');
  await page.getByRole('button', { name: 'Help › About PayDesk' }).click();
  const section = page.getByRole('region', { name: 'Help › About PayDesk' });
  await section.locator('.about-version').waitFor();
  assert.equal(await section.locator('.about-version').textContent(), about.version);
  assert.equal(await section.locator('.about-electron').textContent(), '— not running in the desktop app');
  assert.equal(await section.locator('.about-data-dir').textContent(), core.dataDir);
  assert.equal(await section.locator('.about-logs-dir').textContent(), join(core.dataDir, 'logs'));
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'about-paydesk', 'the shortcut brings the section and the focus');

  await section.getByRole('button', { name: 'Open logs folder' }).click();
  await eventually(() => core.platform.openedFolders.length === 1);
  assert.deepEqual(core.platform.openedFolders, [join(core.dataDir, 'logs')]);
  await section.getByRole('button', { name: 'Open folder', exact: true }).click();
  await eventually(() => core.platform.openedFolders.length === 2);
  assert.equal(core.platform.openedFolders[1], core.dataDir);

  await section.getByRole('button', { name: 'Copy diagnostics' }).click();
  await section.getByRole('status').filter({ hasText: 'Copied' }).waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(copied, new RegExp(`^PayDesk ${about.version.replace(/\./g, '\\.')} diagnostics`));
  assert.ok(copied.includes(`Return listener: running, customers come back to ${core.runtime().returnBaseUrl}`), copied);
});

test('the app menu’s Help › About brings Settings with its About section, from any screen', async (t) => {
  const core = await app.startCore(t);
  const page = await app.openHome(t, core);
  page.setDefaultTimeout(5000);
  await showTab(page, 'orders');
  // What the main process does for the menu item: the core's event, forwarded to the shopkeeper's window.
  core.events.emit('showAbout', {});
  await page.getByRole('tab', { name: 'Settings', selected: true }).waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'about-paydesk');
  await page.getByRole('region', { name: 'Help › About PayDesk' }).locator('.about-version').waitFor();
});
