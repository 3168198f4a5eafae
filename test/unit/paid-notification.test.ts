// The "Paid" desktop notification's decisions, under plain Node: nothing here loads 'electron'.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { DEFAULT_PREFERENCES, type Order } from '../../shared/contract';
import { openDatabase } from '../../electron/core/storage/sqlite/database';
import { connect } from '../../electron/core/storage/sqlite/connection';
import { createSettingsRepo } from '../../electron/core/storage/sqlite/settings-repo';
import { createPreferencesStore } from '../../electron/core/setup/preferences';
import { initialScreenState, paidNotification, showsCustomerName } from '../../electron/main/paid-notification';
import { formatsFor } from '../../shared/messages/formats';
import { tempDir } from '../support/temp-dir';

const returned: Order = {
  ref: 'PD-7K2Q9',
  status: 'paid',
  amountMinor: 15050,
  currency: 'BDT',
  customerName: 'রহিম উদ্দিন',
  customerEmail: null,
  note: null,
  paymentUrl: 'https://pay.example.com/checkout?trx_id=1',
  paymentHost: 'pay.example.com',
  paymentHostForeign: false,
  transactionId: 'JSGTB1OFN2',
  failure: null,
  paidManually: false,
  paymentProof: 'return',
  verification: 'unverified',
  statementAmountMinor: null,
  profileName: 'My shop',
  counterName: null,
  sandbox: false,
  createdAt: '2026-05-01T09:00:00.000Z',
  expiresAt: '2026-05-02T09:00:00.000Z',
  paidAt: '2026-05-01T09:03:00.000Z',
  cancelledAt: null,
};

test('by default the customer is named only while the screen is known to be unlocked', () => {
  assert.equal(showsCustomerName('unlocked', 'unlocked'), true);
  assert.equal(showsCustomerName('unlocked', 'locked'), false);
  assert.equal(showsCustomerName('unlocked', 'unknown'), false, 'a screen that may be locked is treated as locked');
});

test('"never" never names the customer and "always" always does, locked or not', () => {
  for (const screen of ['locked', 'unlocked', 'unknown'] as const) {
    assert.equal(showsCustomerName('never', screen), false);
    assert.equal(showsCustomerName('always', screen), true);
  }
});

test('only macOS and Windows report the lock screen, so elsewhere the screen state stays unknown', () => {
  assert.equal(initialScreenState('darwin'), 'unlocked');
  assert.equal(initialScreenState('win32'), 'unlocked');
  assert.equal(initialScreenState('linux'), 'unknown');
  assert.equal(initialScreenState('freebsd'), 'unknown');
});

test('a gateway return not yet verified is worded as paid but not yet verified against a statement', () => {
  const shown = paidNotification(returned, { language: 'en', showName: true });
  assert.equal(shown.title, 'Paid, not yet verified: ৳150.50');
  assert.equal(shown.body, 'PD-7K2Q9 from রহিম উদ্দিন — transaction JSGTB1OFN2\nVerified once a statement shows it.');

  const verified = paidNotification({ ...returned, verification: 'verified' }, { language: 'en', showName: true });
  assert.equal(verified.title, 'Payment received: ৳150.50');
  assert.equal(verified.body, 'PD-7K2Q9 from রহিম উদ্দিন — transaction JSGTB1OFN2');
});

test('a notification that may not name the customer leaves the name out of every line', () => {
  const shown = paidNotification({ ...returned, sandbox: true }, { language: 'en', showName: false });
  assert.equal(shown.title, 'Paid, not yet verified: ৳150.50 (sandbox)');
  assert.ok(!`${shown.title}${shown.body}`.includes('রহিম'));
  assert.equal(shown.body, 'PD-7K2Q9 — transaction JSGTB1OFN2\nVerified once a statement shows it.');
});

/** ১৫০.৫০ with the taka sign where Bengali puts it (formats.ts decides). */
const taka = formatsFor('bn').money(15050);

test('a Bengali shop gets the notification in Bengali, with the amount in Bengali digits and no Latin word but data', () => {
  const shown = paidNotification(returned, { language: 'bn', showName: false });
  assert.equal(shown.title, `টাকা পাওয়া গেছে, এখনও যাচাই হয়নি: ${taka}`);
  assert.match(taka, /১৫০\.৫০/);
  assert.equal(shown.body, 'PD-7K2Q9 — লেনদেন নম্বর JSGTB1OFN2\nস্টেটমেন্টে দেখা গেলে যাচাই হবে।');

  const sandbox = paidNotification({ ...returned, sandbox: true, verification: 'verified' }, { language: 'bn', showName: true });
  assert.equal(sandbox.title, `টাকা পাওয়া গেছে: ${taka} (পরীক্ষা)`);
  assert.equal(sandbox.body, 'PD-7K2Q9 · রহিম উদ্দিন — লেনদেন নম্বর JSGTB1OFN2');
  const words = `${sandbox.title}\n${sandbox.body}`.replace(returned.ref, '').replace(returned.transactionId!, '');
  assert.doesNotMatch(words, /[A-Za-z]/);
});

test('an order marked paid by hand is not called unverified, and one without a transaction id names none', () => {
  const byHand = { ...returned, paidManually: true, transactionId: null, paymentProof: null };
  assert.deepEqual(paidNotification(byHand, { language: 'en', showName: false }), { title: 'Payment received: ৳150.50', body: 'PD-7K2Q9' });
  assert.deepEqual(paidNotification(byHand, { language: 'bn', showName: false }), { title: `টাকা পাওয়া গেছে: ${taka}`, body: 'PD-7K2Q9' });
});

test('preferences saved before the notification setting existed read back with names shown only while unlocked', async (t) => {
  const db = openDatabase(join(tempDir(t), 'paydesk.db'));
  t.after(() => db.close());
  const settings = createSettingsRepo(connect(db));
  await settings.set('preferences', { language: 'bn', linkExpiryHours: 48 });
  const preferences = await createPreferencesStore(settings);
  assert.deepEqual(preferences.get(), { ...DEFAULT_PREFERENCES, language: 'bn', notificationNames: 'unlocked', linkExpiryHours: 48 });

  await preferences.save({ ...DEFAULT_PREFERENCES, language: 'bn', notificationNames: 'never', linkExpiryHours: 48 });
  assert.equal((await createPreferencesStore(createSettingsRepo(connect(db)))).get().notificationNames, 'never');
});
