import { test } from 'node:test';
import assert from 'node:assert/strict';
import { amountInWords } from '../../shared/messages/amount-words';

test('an amount reads in English in lakhs and crores, as Bangladesh counts', () => {
  assert.equal(amountInWords(12_500_000, 'en'), 'one lakh twenty-five thousand taka');
  assert.equal(amountInWords(50_000, 'en'), 'five hundred taka');
  assert.equal(amountInWords(7_500_000, 'en'), 'seventy-five thousand taka');
  assert.equal(amountInWords(101_010_00, 'en'), 'one lakh one thousand ten taka');
  assert.equal(amountInWords(2_35_67_891_00, 'en'), 'two crore thirty-five lakh sixty-seven thousand eight hundred ninety-one taka');
  assert.equal(amountInWords(100, 'en'), 'one taka');
  assert.equal(amountInWords(1_100, 'en'), 'eleven taka');
});

test('an amount reads in English in millions when the international scale is asked for', () => {
  assert.equal(amountInWords(12_500_000, 'en', 'international'), 'one hundred twenty-five thousand taka');
  assert.equal(
    amountInWords(123_456_789_00, 'en', 'international'),
    'one hundred twenty-three million four hundred fifty-six thousand seven hundred eighty-nine taka',
  );
  assert.equal(
    amountInWords(99_999_999_999_999, 'en', 'international'),
    'nine hundred ninety-nine billion nine hundred ninety-nine million nine hundred ninety-nine thousand nine hundred ninety-nine taka and ninety-nine poisha',
  );
});

test('the largest amount PayDesk takes is said in crores of crores', () => {
  assert.equal(
    amountInWords(99_999_999_999_999, 'en'),
    'ninety-nine thousand nine hundred ninety-nine crore ninety-nine lakh ninety-nine thousand nine hundred ninety-nine taka and ninety-nine poisha',
  );
  assert.equal(
    amountInWords(99_999_999_999_999, 'bn'),
    'নিরানব্বই হাজার নয়শ নিরানব্বই কোটি নিরানব্বই লাখ নিরানব্বই হাজার নয়শ নিরানব্বই টাকা নিরানব্বই পয়সা',
  );
});

test('an amount reads in Bengali words, every number below a hundred its own word', () => {
  assert.equal(amountInWords(12_500_000, 'bn'), 'এক লাখ পঁচিশ হাজার টাকা');
  assert.equal(amountInWords(50_000, 'bn'), 'পাঁচশ টাকা');
  assert.equal(amountInWords(7_500_000, 'bn'), 'পঁচাত্তর হাজার টাকা');
  assert.equal(amountInWords(15_050, 'bn'), 'একশ পঞ্চাশ টাকা পঞ্চাশ পয়সা');
  assert.equal(amountInWords(9_900, 'bn'), 'নিরানব্বই টাকা');
  assert.equal(amountInWords(4_900, 'bn'), 'ঊনপঞ্চাশ টাকা');
  assert.equal(amountInWords(3_00_00_000_00, 'bn'), 'তিন কোটি টাকা');
});

test('poisha are said after the taka, and alone when there are no taka', () => {
  assert.equal(amountInWords(15_050, 'en'), 'one hundred fifty taka and fifty poisha');
  assert.equal(amountInWords(5, 'en'), 'five poisha');
  assert.equal(amountInWords(5, 'bn'), 'পাঁচ পয়সা');
  assert.equal(amountInWords(0, 'en'), 'zero taka');
  assert.equal(amountInWords(0, 'bn'), 'শূন্য টাকা');
});

test('Bengali words are in Bengali script only, for every number below a hundred', () => {
  const words = new Set<string>();
  for (let n = 1; n < 100; n++) {
    const said = amountInWords(n * 100, 'bn');
    assert.match(said, /^[\u0980-\u09ff]+ টাকা$/, `${n}: ${said}`);
    words.add(said);
  }
  assert.equal(words.size, 99, 'each number its own word');
});

test('what is not a count of poisha is refused', () => {
  assert.throws(() => amountInWords(-1, 'en'), RangeError);
  assert.throws(() => amountInWords(1.5, 'bn'), RangeError);
});
