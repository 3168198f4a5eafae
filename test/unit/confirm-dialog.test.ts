// The main process's confirmation box, under plain Node: only its options, shown by Electron's dialog as given.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CONFIRM_BUTTON, confirmationBox } from '../../electron/main/confirm-dialog';

const question = {
  title: 'PayDesk',
  message: 'নতুন গেটওয়ের ঠিকানায় যুক্ত হবেন?',
  detail: 'https://pay.example.com/api',
  confirmLabel: 'যুক্ত করুন',
  cancelLabel: 'থাক',
};

test('the confirmation shows the core’s own words, the button that keeps things as they were first', () => {
  const box = confirmationBox(question);
  assert.deepEqual([box.title, box.message, box.detail], [question.title, question.message, question.detail]);
  assert.deepEqual(box.buttons, ['থাক', 'যুক্ত করুন'], 'no English button on a Bengali question');
  assert.equal(box.buttons[CONFIRM_BUTTON], question.confirmLabel);
});

test('Enter and Escape both answer with the button that keeps things as they were', () => {
  const box = confirmationBox(question);
  assert.equal(box.defaultId, 0);
  assert.equal(box.cancelId, 0);
  assert.notEqual(CONFIRM_BUTTON, box.defaultId, 'the change has to be chosen');
  assert.equal(box.noLink, true, 'Windows shows the buttons as buttons, not command links');
});
