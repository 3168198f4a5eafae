// What a shopkeeper types into the date filters and the amount field, read as PayDesk reads it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isBeyondRepair } from '../../renderer/src/payment-link/amount-typing';
import { parseTypedDay, presetDays } from '../../renderer/src/orders/typed-day';

test('a date typed day first is read in Latin or Bengali digits, with / - . or spaces', () => {
  const typed: Array<[string, string]> = [
    ['1/12/2026', '2026-12-01'],
    ['১/১২/২০২৬', '2026-12-01'],
    ['01-12-2026', '2026-12-01'],
    ['০১-১২-২০২৬', '2026-12-01'],
    ['1.12.2026', '2026-12-01'],
    ['1 12 2026', '2026-12-01'],
    [' 25/11/26 ', '2026-11-25'],
    ['2026-12-01', '2026-12-01'],
    ['29/2/2028', '2028-02-29'],
  ];
  for (const [text, day] of typed) assert.deepEqual(parseTypedDay(text), { ok: true, day }, text);
  assert.deepEqual(parseTypedDay(''), { ok: true, day: null });
  assert.deepEqual(parseTypedDay('   '), { ok: true, day: null });
});

test('text that is no day on the calendar is unreadable, not dropped', () => {
  for (const text of [
    '31/2/2026',
    '29/2/2027',
    '13/13/2026',
    '0/1/2026',
    '12/2026',
    'yesterday',
    'গতকাল',
    '1/12/202',
    '2026/12/01x',
    '১২/৩১',
  ]) {
    assert.deepEqual(parseTypedDay(text), { ok: false }, text);
  }
});

test('the presets cover today, yesterday, the week from Sunday and the month from its first', () => {
  const wednesday = new Date(2026, 10, 25, 15, 30);
  assert.deepEqual(presetDays('today', wednesday), { from: '2026-11-25', to: '2026-11-25' });
  assert.deepEqual(presetDays('yesterday', wednesday), { from: '2026-11-24', to: '2026-11-24' });
  assert.deepEqual(presetDays('thisWeek', wednesday), { from: '2026-11-22', to: '2026-11-25' });
  assert.deepEqual(presetDays('thisMonth', wednesday), { from: '2026-11-01', to: '2026-11-25' });
  const firstOfMarch = new Date(2026, 2, 1, 0, 10);
  assert.deepEqual(presetDays('yesterday', firstOfMarch), { from: '2026-02-28', to: '2026-02-28' });
  assert.deepEqual(presetDays('thisWeek', firstOfMarch), { from: '2026-03-01', to: '2026-03-01' }, 'a Sunday starts its own week');
});

test('the amount field waits while typing can still make an amount, and says at once when it cannot', () => {
  for (const text of [
    '',
    '1',
    '1,5',
    '1.',
    '1.2',
    '1.23',
    '১৫০',
    '৳',
    '৳ 5',
    'T',
    'Tk',
    'Tk 5',
    'Tk.500',
    'b',
    '500 ট',
    '৫০০ টাকা',
    '1500/',
    '1500/-',
    '500 tk/-',
  ]) {
    assert.equal(isBeyondRepair(text), false, text);
  }
  for (const text of ['1.234', '-5', '+5', 'abc', 'x5', '5e3', '1.5.', '12 34', '1500/-x', '500 dollars', '$5']) {
    assert.equal(isBeyondRepair(text), true, text);
  }
});
