// What closing the window or quitting PayDesk does, under plain Node: nothing here loads 'electron'.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CONFIRM_BUTTON, confirmationBox } from '../../electron/main/confirm-dialog';
import { closeDecision, keepRunningNotice, quitQuestion, type CloseRequest } from '../../electron/main/lifecycle/close-decision';
import { formatsFor } from '../../shared/messages/formats';
import { startTestCore } from '../support/core';

const closing = (change: Partial<CloseRequest> = {}): CloseRequest => ({
  via: 'window',
  keepRunning: true,
  platform: 'win32',
  pending: 0,
  quitting: 'no',
  ...change,
});

test('closing the window keeps PayDesk running, in the tray on Windows and Linux and in the Dock on macOS', () => {
  assert.deepEqual(closeDecision(closing({ platform: 'win32' })), { kind: 'hide', in: 'tray' });
  assert.deepEqual(closeDecision(closing({ platform: 'linux', pending: 3 })), { kind: 'hide', in: 'tray' });
  assert.deepEqual(closeDecision(closing({ platform: 'darwin' })), { kind: 'hide', in: 'dock' });
});

test('with "keep running" off, closing the window quits at once when no link is pending, and asks when some are', () => {
  for (const platform of ['win32', 'linux', 'darwin'] as const) {
    assert.deepEqual(closeDecision(closing({ platform, keepRunning: false })), { kind: 'quit' });
    assert.deepEqual(closeDecision(closing({ platform, keepRunning: false, pending: 3 })), { kind: 'ask', pending: 3 });
  }
});

test('quitting asks while customers may still come back, whatever "keep running" says, and quits at once otherwise', () => {
  for (const keepRunning of [true, false]) {
    assert.deepEqual(closeDecision(closing({ via: 'quit', keepRunning, pending: 1 })), { kind: 'ask', pending: 1 });
    assert.deepEqual(closeDecision(closing({ via: 'quit', keepRunning, pending: 0 })), { kind: 'quit' });
  }
});

test('a quit already chosen is not asked again, and its windows close instead of hiding', () => {
  assert.deepEqual(closeDecision(closing({ via: 'quit', pending: 3, quitting: 'chosen' })), { kind: 'quit' });
  assert.deepEqual(closeDecision(closing({ via: 'window', pending: 3, quitting: 'chosen' })), { kind: 'quit' });
});

test('the computer shutting down or logging out is never held up by a question or a hidden window', () => {
  for (const via of ['window', 'quit'] as const) {
    for (const platform of ['win32', 'linux', 'darwin'] as const) {
      assert.deepEqual(closeDecision(closing({ via, platform, pending: 5, quitting: 'system' })), { kind: 'quit' });
    }
  }
});

test('the quit question says how many customers may come back, keeping PayDesk running is the default', () => {
  const box = confirmationBox(quitQuestion(3, 'en'));
  assert.equal(box.title, 'Quit PayDesk?');
  assert.equal(box.message, '3 customers may still come back to pay.');
  assert.match(box.detail ?? '', /order stays pending until you reconcile the statement/);
  assert.deepEqual(box.buttons, ['Keep running', 'Quit anyway']);
  assert.equal(box.buttons[CONFIRM_BUTTON], 'Quit anyway');
  assert.equal(box.defaultId, 0, 'Enter keeps PayDesk running');
  assert.equal(quitQuestion(1, 'en').message, '1 customer may still come back to pay.');
});

test('in বাংলা the quit question and its buttons are Bengali, with the count in Bengali digits', () => {
  const question = quitQuestion(3, 'bn');
  assert.equal(question.message, `${formatsFor('bn').count(3)} জন গ্রাহক এখনও পেমেন্ট করে ফিরে আসতে পারেন।`);
  assert.deepEqual([question.cancelLabel, question.confirmLabel], ['চালু রাখুন', 'তবুও বন্ধ করুন']);
  const words = Object.values(question).join('\n').replaceAll('PayDesk', '');
  assert.doesNotMatch(words, /[A-Za-z0-9]/);
});

test('the one-time notice says why PayDesk keeps running and where to find it again, in the shop’s language', () => {
  assert.deepEqual(keepRunningNotice('tray', 'en'), {
    title: 'PayDesk is still running',
    body: 'PayDesk keeps running so customers who are paying can still come back. Open it again or quit from its icon by the clock, or start PayDesk again from your apps.',
  });
  assert.match(keepRunningNotice('dock', 'en').body, /its icon in the Dock\.$/);
  const bengali = keepRunningNotice('tray', 'bn');
  assert.equal(bengali.title, 'PayDesk চালু আছে');
  assert.doesNotMatch(`${bengali.title}\n${bengali.body}`.replaceAll('PayDesk', ''), /[A-Za-z]/);
});

test('the one-time notice is due once per order book, and stays said after a restart', async (t) => {
  const first = await startTestCore(t);
  assert.equal(await first.setup.firstKeepRunningNotice(), true);
  assert.equal(await first.setup.firstKeepRunningNotice(), false);
  await first.close();
  const again = await startTestCore(t, { dataDir: first.dataDir });
  assert.equal(await again.setup.firstKeepRunningNotice(), false);
});
