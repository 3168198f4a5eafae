// The native dialogs' words come from the core in the shop's language: the desktop side shows them as given.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { APP_SENDER, call, startTestCore, type TestCore } from '../support/core';
import { seedOrdersAt } from '../support/seed-orders';

/** Opens every dialog PayDesk shows for the page (each answered with Cancel) and returns what they said. */
async function dialogWords(core: TestCore) {
  const [paid] = await seedOrdersAt(core, [{ amountMinor: 15050, pay: 'TRXDIALOG1' }]);
  await call(core, 'saveReceiptPdf', { ref: paid!.ref, layout: 'a4' });
  await call(core, 'exportOrdersCsv', { filter: {} });
  await call(core, 'exportReceipts', { filter: {}, layout: 'a4', mode: 'combined' });
  await call(core, 'exportReceipts', { filter: {}, layout: 'a4', mode: 'per-order' });
  await call(core, 'chooseStatement', {});
  await call(core, 'chooseShopLogo', {});
  await call(core, 'chooseOrderBookCa', {});
  const { saveDialogs, folderDialogs, openDialogs } = core.platform;
  return {
    save: saveDialogs.map((dialog) => dialog.title),
    folders: folderDialogs,
    open: openDialogs.map(({ picks, title, filesName }) => [picks, title, filesName]),
  };
}

test('the save, folder and open dialogs are titled in English for an English shop', async (t) => {
  const core = await startTestCore(t);
  assert.deepEqual(await dialogWords(core), {
    save: ['Save receipt as PDF', 'Export orders as CSV', 'Save receipts as one PDF'],
    folders: ['Choose a folder for the receipts'],
    open: [
      ['statement', 'Choose a statement to import', 'Statements (CSV, Excel)'],
      ['logo', 'Choose your shop logo', 'Images (PNG, JPEG, WebP)'],
      ['ca', 'Choose the database server’s CA certificate', 'Certificates (PEM)'],
    ],
  });
});

test('a Bengali shop gets every dialog titled in Bengali, with no Latin letter in it', async (t) => {
  const core = await startTestCore(t);
  await call(core, 'savePreferences', { language: 'bn', linkExpiryHours: 24 });
  const words = await dialogWords(core);
  assert.deepEqual(words.save, ['রসিদটি পিডিএফ হিসেবে রাখুন', 'অর্ডারগুলো সিএসভি ফাইলে রাখুন', 'সব রসিদ একটি পিডিএফ-এ রাখুন']);
  assert.deepEqual(words.folders, ['রসিদগুলো রাখার ফোল্ডার বেছে নিন']);
  assert.deepEqual(words.open, [
    ['statement', 'মেলানোর জন্য স্টেটমেন্ট বেছে নিন', 'স্টেটমেন্ট (সিএসভি, এক্সেল)'],
    ['logo', 'দোকানের লোগো বেছে নিন', 'ছবি (পিএনজি, জেপিজি, ওয়েবপি)'],
    ['ca', 'ডেটাবেস সার্ভারের সিএ সার্টিফিকেট বেছে নিন', 'সার্টিফিকেট (পিইএম)'],
  ]);
  for (const text of [...words.save, ...words.folders, ...words.open.flatMap(([, title, files]) => [title!, files!])]) {
    assert.doesNotMatch(text, /[A-Za-z]/, text);
  }
});

test('opening a payment page that cannot be opened is refused with a code, never a sentence to match', async (t) => {
  const core = await startTestCore(t);
  const reply = await core.router.handle('openPaymentPage', { ref: 'PD-NOSUCH' }, APP_SENDER);
  assert.equal(reply.ok, false);
  assert.deepEqual(!reply.ok && [reply.error.kind, reply.error.code, reply.error.params], [
    'not_found',
    'open_payment_link_missing',
    { ref: 'PD-NOSUCH' },
  ]);
  assert.deepEqual(core.platform.opened, [], 'nothing was opened');
});
