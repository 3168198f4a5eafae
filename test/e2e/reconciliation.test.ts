// Reconciliation end to end: the built renderer in real Chromium, `window.paydesk` bridged into the router the
// main process uses, the real core behind it. The open dialog answers with a statement file the test wrote, as
// a wallet's merchant portal would have: Bengali headers, one column PayDesk cannot guess, one unreadable line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Order } from '../../shared/contract';
import { formatsFor } from '../../shared/messages/formats';
import { render, say } from '../../shared/messages/say';
import { call } from '../support/core';
import { serveApp } from '../support/e2e-app';
import { bengaliDigits, csvBytes, dayFirst, paidAt, seedOrders, yearFirst } from '../support/statements';
import { tempDir } from '../support/temp-dir';
import { untilInPage } from '../support/waiting';

const SCREENSHOTS = {
  mapping: '/tmp/paydesk-reconcile-mapping.png',
  report: '/tmp/paydesk-reconcile-report.png',
};

const app = serveApp();

/** A local time `days` ago, at `hour`:`minute`. */
const daysAgo = (days: number, hour = 12, minute = 0) => {
  const d = new Date();
  d.setDate(d.getDate() - days);
  d.setHours(hour, minute, 0, 0);
  return d;
};

const tab = (page: Page, name: string) => page.getByRole('tab', { name });
const orderRow = (page: Page, ref: string) => page.locator(`[role="row"][data-ref="${ref}"]`);
const reportCount = (page: Page, count: string) => page.locator(`.report-count[data-count="${count}"] .report-number`);

test('a statement with Bengali headers is mapped by hand, verifies and questions paid orders, and its unclaimed payment pays a pending order', async (t) => {
  const core = await app.startCore(t);
  const [verified, mismatched, alsoVerified, missing] = (await seedOrders(core, [
    { amountMinor: 150_050, at: daysAgo(2, 10), transactionId: 'TRXA1001' },
    { amountMinor: 20_000, at: daysAgo(2, 11), transactionId: 'TRXB2002' },
    { amountMinor: 99_900, at: daysAgo(2, 12), transactionId: 'TRXC3003' },
    { amountMinor: 45_000, at: daysAgo(2, 12, 30), transactionId: 'TRXD4004' },
  ])) as [Order, Order, Order, Order];
  const pending = await call(core, 'createPaymentLink', { amount: '1200', customerName: 'রহিম উদ্দিন' });

  // The amount column's header ("জমা", credit) is one PayDesk does not guess.
  const file = join(tempDir(t), 'বিকাশ-স্টেটমেন্ট.csv');
  writeFileSync(
    file,
    csvBytes(
      [
        'তারিখ ও সময়,লেনদেন আইডি,প্রেরক,জমা (৳),রেফারেন্স',
        `${dayFirst(paidAt(daysAgo(2, 10)))},trxa1001,01711000001,"৳1,500.50",${verified.ref}`,
        `${dayFirst(paidAt(daysAgo(2, 11)))},TRXB2002,01711000002,250.00,`,
        `${bengaliDigits(dayFirst(paidAt(daysAgo(2, 12))))},TRXC3003,01711000003,${bengaliDigits('999')},`,
        `${dayFirst(daysAgo(2, 13))},UNKNOWN9,01811000009,"1,200.00",walk-in`,
        `${dayFirst(daysAgo(2, 14))},BADAMT1,01911000001,abc,`,
      ],
      { bom: true },
    ),
  );
  core.platform.choices.statement = { name: 'বিকাশ-স্টেটমেন্ট.csv', bytes: readFileSync(file) };

  const page = await app.openHome(t, core, { viewport: { width: 1280, height: 820 } });
  await tab(page, 'Reconcile').click();
  const screen = page.getByRole('tabpanel', { name: 'Reconcile' });
  await screen.getByText('No unclaimed payments.').waitFor();
  await screen.getByRole('button', { name: 'Import statement…' }).click();

  const preview = screen.getByRole('region', { name: /^The first 5 of 5 lines/ });
  await preview.getByRole('cell', { name: 'UNKNOWN9' }).waitFor();
  assert.equal(await screen.getByLabel('Transaction ID').inputValue(), 'লেনদেন আইডি', 'guessed from the Bengali header');
  assert.equal(await screen.getByLabel('Date and time').inputValue(), 'তারিখ ও সময়');
  assert.equal(await screen.getByLabel('Sender').inputValue(), 'প্রেরক');
  assert.equal(await screen.getByLabel('Reference').inputValue(), 'রেফারেন্স');
  const amount = screen.getByLabel('Amount', { exact: true });
  assert.equal(await amount.inputValue(), '', 'no guess for “জমা”');

  // Importing without it says so next to its select, and sends nothing.
  await screen.getByRole('button', { name: 'Import', exact: true }).click();
  await screen.getByText('Choose the column with the amount.').waitFor();
  assert.equal(await amount.getAttribute('aria-invalid'), 'true');
  assert.equal(await amount.getAttribute('aria-describedby'), 'mapping-amount-error');
  await untilInPage(page, "document.activeElement?.id === 'mapping-amount'");

  await amount.selectOption('জমা (৳)');
  assert.equal(await screen.getByText('Choose the column with the amount.').count(), 0, 'the error goes with the choice');
  await preview.locator('th.is-mapped', { hasText: 'জমা (৳)' }).waitFor();
  await page.screenshot({ path: SCREENSHOTS.mapping, fullPage: true });

  await screen.getByRole('button', { name: 'Import', exact: true }).click();
  const report = screen.getByRole('region', { name: 'What the statement showed' });
  await report.waitFor();
  assert.deepEqual(
    Object.fromEntries(
      await Promise.all(
        ['verified', 'amountMismatch', 'missing', 'unclaimed', 'alreadyKnown'].map(async (count) => [
          count,
          await reportCount(page, count).innerText(),
        ]),
      ),
    ),
    { verified: '2', amountMismatch: '1', missing: '1', unclaimed: '1', alreadyKnown: '0' },
  );
  await report.getByText('5 lines in the file, 4 new to PayDesk').waitFor();
  await report.getByText(`Payments on ${formatsFor('en').dayLong(yearFirst(daysAgo(2)).slice(0, 10))}`).waitFor();
  await report.getByRole('heading', { name: '1 line was not imported' }).waitFor();
  const rejected = report.getByRole('region', { name: '1 line was not imported' }).getByRole('row').nth(1);
  assert.equal(await rejected.getByRole('cell').first().innerText(), '6');
  await rejected.getByText(`${dayFirst(daysAgo(2, 14))},BADAMT1,01911000001,abc,`).waitFor();
  await rejected.getByText(/the amount “abc” is not a taka amount/).waitFor();

  const unclaimed = screen.locator('tr[data-transaction="UNKNOWN9"]');
  await unclaimed.getByText('৳1,200.00').waitFor();
  await unclaimed.getByText('01811000009').waitFor();
  await unclaimed.getByText('walk-in').waitFor();
  await page.screenshot({ path: SCREENSHOTS.report, fullPage: true });

  // The report's counts lead to their orders, whose rows carry the chips.
  await report.getByRole('button', { name: 'Show these orders: Amount differs' }).click();
  assert.equal(await tab(page, 'Orders').getAttribute('aria-selected'), 'true');
  await page
    .locator('.orders-totals')
    .getByText(/^1 order · 1 paid/)
    .waitFor();
  assert.equal(await page.getByLabel('Statement', { exact: true }).inputValue(), 'amount_mismatch');
  const mismatchRow = orderRow(page, mismatched.ref);
  await mismatchRow.locator('.verification-chip').getByText('Amount differs').waitFor();
  assert.deepEqual(
    (await mismatchRow.locator('.cell-amount').innerText()).split('\n'),
    ['৳200.00', 'statement ৳250.00'],
    'both amounts in the row',
  );
  assert.equal(await mismatchRow.locator('.verification-chip').getAttribute('title'), 'Amount differs: Order ৳200.00, statement ৳250.00');

  await page.getByRole('button', { name: 'Clear filters' }).click();
  await orderRow(page, verified.ref).locator('.verification-chip[data-verification="verified"]').getByText('Verified').waitFor();
  await orderRow(page, alsoVerified.ref).locator('.verification-chip').getByText('Verified').waitFor();
  await orderRow(page, missing.ref).locator('.verification-chip').getByText('Missing from statement').waitFor();
  assert.equal(await orderRow(page, pending.ref).locator('.verification-chip').count(), 0, 'an unpaid order has no verification');

  await mismatchRow.click();
  const detail = page.getByRole('complementary', { name: `Order ${mismatched.ref}` });
  await detail.locator('.detail-summary .verification-chip').getByText('Amount differs').waitFor();
  await detail.getByText('৳250.00', { exact: true }).waitFor();
  await detail.getByText(/shows this payment with another amount: ৳250\.00/).waitFor();

  // The unclaimed payment was the pending order's: the customer paid but never came back.
  await tab(page, 'Reconcile').click();
  await unclaimed.getByRole('button', { name: 'Attach to order… UNKNOWN9' }).click();
  const dialog = page.getByRole('dialog', { name: 'Attach UNKNOWN9 (৳1,200.00) to an order' });
  await dialog.getByRole('radio', { name: new RegExp(pending.ref) }).check();
  await dialog.getByRole('button', { name: `Attach to ${pending.ref}` }).click();
  await dialog.waitFor({ state: 'detached' });
  await screen.getByText(`UNKNOWN9 is now order ${pending.ref}.`).waitFor();
  await screen.getByText('No unclaimed payments.').waitFor();

  await screen.getByRole('button', { name: 'Open order' }).click();
  const row = orderRow(page, pending.ref);
  await row.getByText('Paid', { exact: true }).waitFor();
  await row.locator('.verification-chip').getByText('Reconciled by hand').waitFor();
  await row.getByText('UNKNOWN9').waitFor();
  await page
    .getByRole('complementary', { name: `Order ${pending.ref}` })
    .getByText(/transaction UNKNOWN9 attached/)
    .waitFor();

  // Home counts what no statement has proven yet: the mismatch and the missing order.
  await tab(page, 'Home').click();
  const card = page.getByRole('region', { name: 'Paid, not yet verified' });
  await card.getByText('৳650.00').waitFor();
  await card.getByText('2 payments').waitFor();
  await card.getByRole('button', { name: 'Missing from statement: 1' }).click();
  await orderRow(page, missing.ref).waitFor();
  await page
    .locator('.orders-totals')
    .getByText(/^1 order · 1 paid/)
    .waitFor();
});

test('in বাংলা the report says in Bengali why a line was not imported, and the statement’s days and payment times read in Bengali digits', async (t) => {
  const core = await app.startCore(t);
  await call(core, 'savePreferences', { language: 'bn', notificationNames: 'unlocked', linkExpiryHours: 24 });
  const paid = daysAgo(2, 13, 5);
  core.platform.choices.statement = {
    name: 'statement.csv',
    bytes: csvBytes(['TrxID,Amount,Date', `STRANGER1,1200,${dayFirst(paid)}`, `BADAMT1,abc,${dayFirst(paid)}`, `,50,${dayFirst(paid)}`]),
  };
  const page = await app.openPage(t, core, { viewport: { width: 1280, height: 820 } });
  await untilInPage(page, "document.documentElement.lang === 'bn' && document.querySelector('#tab-reconcile')");
  await page.locator('#tab-reconcile').click();
  const screen = page.locator('#panel-reconcile');
  await screen.locator('section.reconcile-import .panel-head button').click();
  await screen.locator('form.statement-mapping button[type="submit"]').click();
  const report = screen.locator('.reconciliation-report');
  await report.locator('.rejected-lines').waitFor();

  const bn = formatsFor('bn');
  await report.getByText(`${bn.dayLong(yearFirst(paid).slice(0, 10))} তারিখের পেমেন্ট`).waitFor();
  const reasons = report.locator('.rejected-lines tbody tr');
  assert.deepEqual(await reasons.locator('td:first-child').allInnerTexts(), ['৩', '৪'], 'line numbers in Bengali digits');
  assert.deepEqual(await reasons.locator('td:last-child').allInnerTexts(), [
    render(say('line_amount_unreadable', { amount: 'abc', refusal: 'amount_not_number' }), 'bn'),
    render(say('line_no_transaction_id'), 'bn'),
  ]);
  assert.equal(
    await reasons.first().locator('td:last-child [translate="no"]').innerText(),
    'abc',
    'the line’s own words are marked as data',
  );
  assert.equal(await reasons.first().locator('td.rejected-text').getAttribute('translate'), 'no');

  const unclaimed = screen.locator('tr[data-transaction="STRANGER1"]');
  assert.deepEqual((await unclaimed.locator('time').innerText()).split('\n'), [bn.date(paid.toISOString()), bn.time(paid.toISOString())]);
  assert.doesNotMatch(await unclaimed.locator('time').innerText(), /[0-9]/, 'no Latin digits in the payment’s date and time');
  await unclaimed.getByText(bn.money(120_000)).waitFor();
});
