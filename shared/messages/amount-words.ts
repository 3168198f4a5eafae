// An amount of taka in words, as a cheque or a careful shopkeeper says it, so a large sum read aloud cannot be
// mistaken for one with a digit more or less: "one lakh twenty-five thousand taka", "এক লাখ পঁচিশ হাজার টাকা".
import type { Language } from './catalog';

/** How English counts beyond a thousand: in lakhs and crores as Bangladesh does, or in millions and billions. */
export type EnglishScale = 'lakh' | 'international';

const ENGLISH_ONES = [
  '',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const ENGLISH_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** Bengali says every number below a hundred as a word of its own (পঁচিশ, not "বিশ পাঁচ"). */
const BENGALI_BELOW_HUNDRED = [
  '',
  'এক',
  'দুই',
  'তিন',
  'চার',
  'পাঁচ',
  'ছয়',
  'সাত',
  'আট',
  'নয়',
  'দশ',
  'এগারো',
  'বারো',
  'তেরো',
  'চৌদ্দ',
  'পনেরো',
  'ষোলো',
  'সতেরো',
  'আঠারো',
  'উনিশ',
  'বিশ',
  'একুশ',
  'বাইশ',
  'তেইশ',
  'চব্বিশ',
  'পঁচিশ',
  'ছাব্বিশ',
  'সাতাশ',
  'আটাশ',
  'ঊনত্রিশ',
  'ত্রিশ',
  'একত্রিশ',
  'বত্রিশ',
  'তেত্রিশ',
  'চৌত্রিশ',
  'পঁয়ত্রিশ',
  'ছত্রিশ',
  'সাঁইত্রিশ',
  'আটত্রিশ',
  'ঊনচল্লিশ',
  'চল্লিশ',
  'একচল্লিশ',
  'বিয়াল্লিশ',
  'তেতাল্লিশ',
  'চুয়াল্লিশ',
  'পঁয়তাল্লিশ',
  'ছেচল্লিশ',
  'সাতচল্লিশ',
  'আটচল্লিশ',
  'ঊনপঞ্চাশ',
  'পঞ্চাশ',
  'একান্ন',
  'বাহান্ন',
  'তিপ্পান্ন',
  'চুয়ান্ন',
  'পঞ্চান্ন',
  'ছাপ্পান্ন',
  'সাতান্ন',
  'আটান্ন',
  'ঊনষাট',
  'ষাট',
  'একষট্টি',
  'বাষট্টি',
  'তেষট্টি',
  'চৌষট্টি',
  'পঁয়ষট্টি',
  'ছেষট্টি',
  'সাতষট্টি',
  'আটষট্টি',
  'ঊনসত্তর',
  'সত্তর',
  'একাত্তর',
  'বাহাত্তর',
  'তিয়াত্তর',
  'চুয়াত্তর',
  'পঁচাত্তর',
  'ছিয়াত্তর',
  'সাতাত্তর',
  'আটাত্তর',
  'ঊনআশি',
  'আশি',
  'একাশি',
  'বিরাশি',
  'তিরাশি',
  'চুরাশি',
  'পঁচাশি',
  'ছিয়াশি',
  'সাতাশি',
  'অষ্টাশি',
  'ঊননব্বই',
  'নব্বই',
  'একানব্বই',
  'বিরানব্বই',
  'তিরানব্বই',
  'চুরানব্বই',
  'পঁচানব্বই',
  'ছিয়ানব্বই',
  'সাতানব্বই',
  'আটানব্বই',
  'নিরানব্বই',
];

/** The units a number is said in, largest first: a count of each (itself said in words) and the unit's name. */
type Scale = ReadonlyArray<readonly [size: number, name: string]>;

const SCALES: Record<'lakh' | 'international' | 'bn', Scale> = {
  lakh: [
    [10_000_000, 'crore'],
    [100_000, 'lakh'],
    [1_000, 'thousand'],
    [100, 'hundred'],
  ],
  international: [
    [1_000_000_000, 'billion'],
    [1_000_000, 'million'],
    [1_000, 'thousand'],
    [100, 'hundred'],
  ],
  bn: [
    [10_000_000, 'কোটি'],
    [100_000, 'লাখ'],
    [1_000, 'হাজার'],
    [100, 'শ'],
  ],
};

const englishBelowHundred = (n: number): string =>
  n < 20 ? ENGLISH_ONES[n]! : [ENGLISH_TENS[Math.floor(n / 10)], ENGLISH_ONES[n % 10]].filter(Boolean).join('-');

/**
 * A whole number (at least 1) in words. A count of the largest unit may itself be large ("ninety-nine thousand
 * crore"), so it is said by the same rule.
 */
function wholeInWords(n: number, scale: Scale, belowHundred: (n: number) => string, hundredJoined: boolean): string {
  const words: string[] = [];
  let rest = n;
  for (const [size, name] of scale) {
    if (rest < size) continue;
    const count = Math.floor(rest / size);
    rest %= size;
    const said = wholeInWords(count, scale, belowHundred, hundredJoined);
    // Bengali writes the hundreds as one word: "পাঁচশ", "একশ".
    words.push(size === 100 && hundredJoined ? `${said}${name}` : `${said} ${name}`);
  }
  if (rest > 0) words.push(belowHundred(rest));
  return words.join(' ');
}

/**
 * 12550000 → "one lakh twenty-five thousand five hundred taka" (English, lakh), "one hundred twenty-five
 * thousand five hundred taka" (international), "এক লাখ পঁচিশ হাজার পাঁচশ টাকা" (Bengali); poisha are said after
 * the taka: 15050 → "one hundred fifty taka and fifty poisha", "একশ পঞ্চাশ টাকা পঞ্চাশ পয়সা".
 */
export function amountInWords(minor: number, language: Language, englishScale: EnglishScale = 'lakh'): string {
  if (!Number.isSafeInteger(minor) || minor < 0) throw new RangeError(`not an amount in poisha: ${minor}`);
  const taka = Math.floor(minor / 100);
  const poisha = minor % 100;
  if (language === 'bn') {
    const say = (n: number) => wholeInWords(n, SCALES.bn, (below) => BENGALI_BELOW_HUNDRED[below]!, true);
    const parts = [taka > 0 || poisha === 0 ? `${taka > 0 ? say(taka) : 'শূন্য'} টাকা` : '', poisha > 0 ? `${say(poisha)} পয়সা` : ''];
    return parts.filter(Boolean).join(' ');
  }
  const say = (n: number) => wholeInWords(n, SCALES[englishScale], englishBelowHundred, false);
  const takaWords = taka > 0 || poisha === 0 ? `${taka > 0 ? say(taka) : 'zero'} taka` : '';
  const poishaWords = poisha > 0 ? `${say(poisha)} poisha` : '';
  return [takaWords, poishaWords].filter(Boolean).join(' and ');
}
