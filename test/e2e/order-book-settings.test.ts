// Settings › Order book end to end: the built renderer in real Chromium, bridged into a real core, pointed at a real
// PostgreSQL server (the run's, a fresh database per test; or one of the test's own with TLS). A refused password is
// told at its step and loses nothing typed; a good server passes every step; the copy shows its verified figures and
// adds nothing the second time; choosing the server saves it (never the password's text) and asks for a restart,
// which the test platform records; and a CA certificate picked in the main process's dialog lets verify-full pass.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { startPostgres } from '../../scripts/postgres-server.js';
import { BOOK_CHOICE_FILE } from '../../electron/core/storage/book-choice-file';
import { SQLITE_BOOK, type PostgresConnection } from '../../electron/core/storage/book-choice';
import { render, say } from '../../shared/messages/say';
import type { BridgedCore } from '../support/browser-bridge';
import { call } from '../support/core';
import { serveApp, type TestContext } from '../support/e2e-app';
import { adminQuery, databaseUrl, freshDatabase } from '../support/postgres';
import { canMakeCertificates, makeCertificate } from '../support/self-signed';
import { eventually } from '../support/waiting';

const app = serveApp();

const en = (message: Parameters<typeof render>[0]) => render(message, 'en');

async function openOrderBook(t: TestContext, core: BridgedCore): Promise<{ page: Page; section: Locator }> {
  const page = await app.openHome(t, core, { viewport: { width: 1200, height: 900 } });
  await page.getByRole('tab', { name: 'Settings' }).click();
  const section = page.getByRole('region', { name: 'Order book' });
  await section.getByText('This computer’s file', { exact: true }).waitFor();
  return { page, section };
}

/** Types a server into the form as a shopkeeper would. */
async function typeServer(section: Locator, server: Omit<PostgresConnection, 'ca' | 'tls'>, tls: RegExp): Promise<void> {
  await section.getByLabel('Host').fill(server.host);
  await section.getByLabel('Port').fill(String(server.port));
  await section.getByLabel('Database').fill(server.database);
  await section.getByLabel('User').fill(server.user);
  await section.getByLabel('Password', { exact: true }).fill(server.password);
  await section.getByRole('radio', { name: tls }).check();
}

const steps = (section: Locator) => section.locator('.connection-steps li');

test('a PostgreSQL server is checked step by step, filled from this computer’s file without doubling, and chosen for the next start', async (t) => {
  // Moving from this computer's file is the story, so the core starts on the file whatever the run's engine.
  const core = await app.startCore(t, { book: SQLITE_BOOK });
  const fresh = await freshDatabase(t);
  if (!fresh) return;
  const sale = await call(core, 'createPaymentLink', { amount: '150.50' });
  const cancelled = await call(core, 'createPaymentLink', { amount: '20' });
  await call(core, 'cancelOrder', { ref: cancelled.ref });
  const { page, section } = await openOrderBook(t, core);
  assert.equal(await section.locator('.order-book-facts code').innerText(), core.book.location);

  // The wrong password: the sign-in step says so, and every field keeps what was typed.
  const server = { ...fresh.connection, database: fresh.name };
  await typeServer(section, { ...server, password: 'not-the-password' }, /^Not encrypted/);
  await section.getByRole('button', { name: 'Check', exact: true }).click();
  await section.locator('.connection-result.is-failed').waitFor();
  const signIn = steps(section).filter({ hasText: 'Signing in' });
  assert.equal(await signIn.getAttribute('data-ok'), 'false');
  assert.equal(await signIn.locator('.step-detail').innerText(), en(say('pg_sign_in_refused_detail', { user: server.user })));
  assert.equal(await section.locator('.connection-message').innerText(), en(say('pg_sign_in_refused', { user: server.user })));
  assert.equal(await section.getByLabel('Host').inputValue(), server.host);
  assert.equal(await section.getByLabel('Port').inputValue(), String(server.port));
  assert.equal(await section.getByLabel('Database').inputValue(), server.database);
  assert.equal(await section.getByLabel('User').inputValue(), server.user);
  assert.equal(await section.getByLabel('Password', { exact: true }).inputValue(), 'not-the-password');

  // The right one: every step passes, and the database holds no PayDesk book yet.
  await section.getByLabel('Password', { exact: true }).fill(server.password);
  await section.getByRole('button', { name: 'Check', exact: true }).click();
  await section.locator('.connection-result.is-ok').waitFor();
  assert.deepEqual(await steps(section).evaluateAll((items) => items.map((item) => item.getAttribute('data-ok'))), Array(6).fill('true'));
  assert.equal(await section.locator('.connection-message').innerText(), en(say('pg_check_ready_new', { database: server.database })));
  await page.screenshot({ path: '/tmp/paydesk-order-book-checked.png', fullPage: true });

  // The copy: its figures, counted in both books.
  await section.getByRole('button', { name: 'Copy this computer’s orders to it' }).click();
  const report = section.locator('.copy-report');
  await report.waitFor();
  const figures = async () =>
    Object.fromEntries(
      await report
        .locator('tbody tr:not(.is-part)')
        .evaluateAll((rows) =>
          rows.map((row) => [row.querySelector('th')!.textContent, [...row.querySelectorAll('td')].map((cell) => cell.textContent)]),
        ),
    ) as Record<string, [string, string]>;
  const first = await figures();
  assert.deepEqual(first['Orders'], ['2', '2']);
  assert.equal(first['Profiles']![0], first['Profiles']![1], 'every profile is new the first time');
  assert.match(await report.locator('tr.is-part').filter({ hasText: 'Pending' }).innerText(), /1 · ৳150\.50/);
  assert.match(await report.locator('tr.is-part').filter({ hasText: 'Cancelled' }).innerText(), /1 · ৳20\.00/);
  const { rows } = await adminQuery(fresh.url, 'SELECT ref FROM orders ORDER BY ref');
  assert.deepEqual(
    rows.map((row) => row.ref),
    [sale.ref, cancelled.ref].sort(),
  );
  await page.screenshot({ path: '/tmp/paydesk-order-book-copied.png', fullPage: true });

  // Again: the same figures, nothing new.
  await section.getByRole('button', { name: 'Copy this computer’s orders to it' }).click();
  await report.getByText('Nothing new was copied: every row was there already.').waitFor();
  const second = await figures();
  for (const [kind, [count, added]] of Object.entries(second)) {
    assert.equal(count, first[kind]![0], `${kind}: the same count`);
    assert.equal(added, '0', `${kind}: nothing new`);
  }

  // Use it: saved for the next start, and PayDesk asks to restart.
  await section.getByRole('button', { name: 'Use it', exact: true }).click();
  const restart = section.locator('.order-book-restart');
  await restart.getByText('Saved. PayDesk must restart to open the other order book.').waitFor();
  await restart.getByText(`From the next start: postgres://${server.user}@${server.host}:${server.port}/${server.database}.`).waitFor();
  assert.equal(await section.getByLabel('Password', { exact: true }).inputValue(), '', 'the password is the vault’s now');
  await section.getByText('Saved, encrypted by this computer’s key store.').waitFor();
  const choice = readFileSync(join(core.dataDir, BOOK_CHOICE_FILE), 'utf8');
  assert.equal(JSON.parse(choice).engine, 'postgres');
  assert.ok(!choice.includes(server.password), 'the saved choice holds no password text');
  assert.ok(!(await page.content()).includes(server.password), 'the page holds no password text');
  await page.screenshot({ path: '/tmp/paydesk-order-book-chosen.png', fullPage: true });
  await restart.getByRole('button', { name: 'Restart PayDesk' }).click();
  await eventually(() => core.platform.restarts === 1);

  // Back to this computer's file: nothing to restart for, and the server's book stays as it was.
  await page.reload();
  await page.getByRole('tab', { name: 'Settings' }).click();
  assert.equal(await section.getByLabel('Host').inputValue(), server.host, 'the saved server fills the form');
  await section.getByRole('button', { name: 'Use this computer’s file' }).click();
  await restart.waitFor({ state: 'detached' });
  assert.equal(JSON.parse(readFileSync(join(core.dataDir, BOOK_CHOICE_FILE), 'utf8')).engine, 'sqlite');
  assert.equal((await adminQuery(fresh.url, 'SELECT count(*)::int AS n FROM orders')).rows[0].n, 2);
});

test('verify-full passes with the CA certificate picked in the main process’s dialog, and a file that is not one is refused', async (t) => {
  if (!canMakeCertificates(t)) return;
  const certificate = makeCertificate(t, { issuedByAuthority: true });
  const server = await startPostgres({ tls: { cert: certificate.cert.toString(), key: certificate.key.toString() } });
  t.after(() => server.stop());
  await adminQuery(databaseUrl(server.url(), 'postgres'), 'CREATE DATABASE shop');
  // Moving from this computer's file is the story, so the core starts on the file whatever the run's engine.
  const core = await app.startCore(t, { book: SQLITE_BOOK });
  const { section } = await openOrderBook(t, core);
  await typeServer(
    section,
    { host: server.host, port: server.port, database: 'shop', user: server.user, password: server.password },
    /^Encrypted, server checked/,
  );

  // Without the shop's CA, the server's certificate is not trusted.
  await section.getByText('None chosen: the certificates this computer trusts are used.').waitFor();
  await section.getByRole('button', { name: 'Check', exact: true }).click();
  await section.locator('.connection-result.is-failed').waitFor();
  assert.equal(await steps(section).filter({ hasText: 'Encryption (TLS)' }).getAttribute('data-ok'), 'false');

  core.platform.choices.ca = { name: 'notes.txt', bytes: new TextEncoder().encode('not a certificate') };
  await section.getByRole('button', { name: 'Choose CA certificate…' }).click();
  await section
    .getByRole('alert')
    .getByText(en(say('order_book_ca_not_pem', { file: 'notes.txt' })))
    .waitFor();
  assert.deepEqual(
    core.platform.openDialogs.map(({ picks, title }) => [picks, title]),
    [['ca', 'Choose the database server’s CA certificate']],
  );

  core.platform.choices.ca = { name: 'shop-ca.pem', bytes: certificate.trust };
  await section.getByRole('button', { name: 'Choose CA certificate…' }).click();
  await section
    .locator('#pg-ca-state')
    .getByText(/^shop-ca\.pem — /)
    .waitFor();
  await section.getByRole('button', { name: 'Check', exact: true }).click();
  await section.locator('.connection-result.is-ok').waitFor();
  assert.equal(await section.getByLabel('Host').inputValue(), server.host);
});
