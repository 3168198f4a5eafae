// What PayDesk's tray (or Dock) menu shows, under plain Node: its lines from real pending orders, in both languages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pendingLinks, TRAY_NEWEST, trayContent } from '../../electron/main/lifecycle/tray-menu';
import { formatsFor } from '../../shared/messages/formats';
import { call, startTestCore } from '../support/core';

const labels = (content: ReturnType<typeof trayContent>) => content.lines.map((line) => ('label' in line ? line.label : '—'));

test('with no link pending the menu says so and offers Open and Quit', () => {
  const content = trayContent({ count: 0, newest: [] }, 'en', { withQuit: true });
  assert.deepEqual(labels(content), ['No links waiting for payment', '—', 'Open PayDesk', 'Quit PayDesk']);
  assert.equal(content.tooltip, 'PayDesk — No links waiting for payment');
  assert.deepEqual(
    content.lines.map((line) => line.kind),
    ['info', 'separator', 'open', 'quit'],
  );
});

test('the menu counts every pending link and lists the newest few by ref and amount, nothing of the customer', async (t) => {
  const core = await startTestCore(t);
  const made = [];
  for (const [amount, customerName] of [
    ['150.50', 'রহিম উদ্দিন'],
    ['20', 'Karim Ahmed'],
    ['999', ''],
    ['45', 'Fatema Begum'],
    ['80', ''],
  ]) {
    made.push(await call(core, 'createPaymentLink', { amount: amount!, customerName: customerName! }));
  }
  await call(core, 'cancelOrder', { ref: made[4]!.ref });

  const pending = await pendingLinks(core.service);
  assert.equal(pending.count, 4, 'the cancelled link no longer counts');
  assert.deepEqual(
    pending.newest.map((order) => order.ref),
    [made[3]!.ref, made[2]!.ref, made[1]!.ref],
    'the newest first, at most TRAY_NEWEST',
  );
  assert.equal(pending.newest.length, TRAY_NEWEST);

  const content = trayContent(pending, 'en', { withQuit: true });
  assert.deepEqual(labels(content), [
    '4 links waiting for payment',
    `${made[3]!.ref} · ৳45.00`,
    `${made[2]!.ref} · ৳999.00`,
    `${made[1]!.ref} · ৳20.00`,
    'and 1 more',
    '—',
    'Open PayDesk',
    'Quit PayDesk',
  ]);
  assert.equal(content.tooltip, 'PayDesk — 4 links waiting for payment');
  assert.doesNotMatch(JSON.stringify(content), /Fatema|Karim|রহিম/, 'no customer name in the menu');
});

test('in বাংলা the menu is Bengali, amounts and counts in Bengali digits, refs as they are', () => {
  const bn = formatsFor('bn');
  const content = trayContent({ count: 5, newest: [{ ref: 'PD-7K2Q9', amountMinor: 15050 }] }, 'bn', { withQuit: true });
  assert.deepEqual(labels(content), [
    `${bn.count(5)}টি লিংক পেমেন্টের অপেক্ষায়`,
    `PD-7K2Q9 · ${bn.money(15050)}`,
    `আরও ${bn.count(4)}টি`,
    '—',
    'PayDesk খুলুন',
    'PayDesk বন্ধ করুন',
  ]);
  const words = labels(content).join('\n').replaceAll('PayDesk', '').replaceAll('PD-7K2Q9', '');
  assert.doesNotMatch(words, /[A-Za-z0-9]/);
});

test('the Dock’s menu has no Quit of its own: the Dock adds one, which asks all the same', () => {
  const content = trayContent({ count: 1, newest: [{ ref: 'PD-1', amountMinor: 100 }] }, 'en', { withQuit: false });
  assert.deepEqual(labels(content), ['1 link waiting for payment', 'PD-1 · ৳1.00', '—', 'Open PayDesk']);
});
