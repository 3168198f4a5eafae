// How PayDesk writes times, dates and amounts for a reader in Bangladesh, in both languages and on both clocks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bengaliDayPeriod, formatsFor } from '../../shared/messages/formats';

/** An instant at a local time of day, so the test reads the same in any time zone. */
const at = (hour: number, minute = 0, day = 25) => new Date(2026, 10, day, hour, minute).toISOString();

test('a Bengali time says the part of the day first, and never AM or PM', () => {
  const bn = formatsFor('bn');
  const said: Array<[number, number, string]> = [
    [1, 5, 'রাত ১:০৫'],
    [5, 30, 'ভোর ৫:৩০'],
    [9, 15, 'সকাল ৯:১৫'],
    [12, 0, 'দুপুর ১২:০০'],
    [14, 5, 'দুপুর ২:০৫'],
    [17, 57, 'বিকাল ৫:৫৭'],
    [19, 10, 'সন্ধ্যা ৭:১০'],
    [22, 45, 'রাত ১০:৪৫'],
    [0, 5, 'রাত ১২:০৫'],
  ];
  for (const [hour, minute, shown] of said) assert.equal(bn.time(at(hour, minute)), shown);
  for (let hour = 0; hour < 24; hour++) assert.doesNotMatch(bn.dateTime(at(hour, 30)), /[A-Za-z]/);
});

test('the parts of the day begin at CLDR’s hours', () => {
  const starts = [0, 4, 6, 12, 16, 18, 20].map(bengaliDayPeriod);
  assert.deepEqual(starts, ['রাত', 'ভোর', 'সকাল', 'দুপুর', 'বিকাল', 'সন্ধ্যা', 'রাত']);
  assert.equal(bengaliDayPeriod(3), 'রাত');
  assert.equal(bengaliDayPeriod(23), 'রাত');
});

test('the 24-hour clock writes 17:57 in either language', () => {
  assert.equal(formatsFor('bn', '24h').time(at(17, 57)), '১৭:৫৭');
  assert.equal(formatsFor('en', '24h').time(at(17, 57)), '17:57');
  assert.equal(formatsFor('en', '24h').time(at(0, 5)), '00:05');
  assert.equal(formatsFor('en').time(at(17, 57)), '5:57 pm');
  assert.equal(formatsFor('en').time(at(9, 5)), '9:05 am');
});

test('dates are written day first, with the month in words, in both languages', () => {
  assert.equal(formatsFor('en').date(at(17, 57)), '25 Nov 2026');
  assert.equal(formatsFor('bn').date(at(17, 57)), '২৫ নভেম্বর, ২০২৬');
  assert.equal(formatsFor('en').dateTime(at(17, 57)), '25 Nov 2026, 5:57 pm');
  assert.equal(formatsFor('bn').dateTime(at(17, 57)), '২৫ নভেম্বর, ২০২৬, বিকাল ৫:৫৭');
  assert.equal(formatsFor('bn', '24h').dateTime(at(17, 57)), '২৫ নভেম্বর, ২০২৬, ১৭:৫৭');
  assert.equal(formatsFor('en').dayLong('2026-12-01'), 'Tuesday, 1 December 2026');
  assert.equal(formatsFor('bn').dayLong('2026-12-01'), 'মঙ্গলবার, ১ ডিসেম্বর, ২০২৬');
  assert.equal(formatsFor('en').dayShort('2026-12-01'), '1 Dec');
});

test('a day is written back the way it is typed: day/month/year, in the language’s digits', () => {
  assert.equal(formatsFor('en').dayTyped('2026-12-01'), '1/12/2026');
  assert.equal(formatsFor('bn').dayTyped('2026-12-01'), '১/১২/২০২৬');
  assert.equal(formatsFor('bn').dayTyped('2026-11-25'), '২৫/১১/২০২৬');
});

test('amounts and counts group by lakh and crore; Bengali writes Bengali digits', () => {
  assert.equal(formatsFor('en').money(15000000), '৳1,50,000.00');
  assert.equal(formatsFor('bn').money(15000000), '৳১,৫০,০০০.০০');
  assert.equal(formatsFor('en').count(1234567), '12,34,567');
  assert.equal(formatsFor('bn').count(1234567), '১২,৩৪,৫৬৭');
});

test('the chart axis writes compact amounts in thousands, lakhs and crores', () => {
  const en = formatsFor('en');
  const bn = formatsFor('bn');
  const axis: Array<[number, string, string]> = [
    [0, '৳0', '৳০'],
    [50_000, '৳500', '৳৫০০'],
    [7_500_000, '৳75K', '৳৭৫ হাজার'],
    [9_996_000, '৳1 lakh', '৳১ লাখ'],
    [15_000_000, '৳1.5 lakh', '৳১.৫ লাখ'],
    [250_000_000, '৳25 lakh', '৳২৫ লাখ'],
    [2_000_000_000, '৳2 crore', '৳২ কোটি'],
  ];
  for (const [minor, english, bengali] of axis) {
    assert.equal(en.moneyShort(minor), english);
    assert.equal(bn.moneyShort(minor), bengali);
  }
});
