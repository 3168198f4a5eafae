import type { Translation } from '../catalog';
import type { counters as english } from '../en/counters';

export const counters: Translation<typeof english> = {
  counter_name_empty: () => 'এই কাউন্টারের একটি নাম দিন, যেমন “কাউন্টার ১” বা “সামনের ডেস্ক”।',
  counter_name_too_long: (p, f) => `কাউন্টারের নাম বড়জোর ${f.count(p.max)} অক্ষরের হতে পারে।`,
  counter_name_taken: (p) => `“${p.name}” নামে আরেকটি কাউন্টার আছে। এটির অন্য নাম দিন।`,
  counter_default_name: (p, f) => `কাউন্টার ${f.count(p.count)}`,
  book_unreachable: () =>
    'দোকানের সবার অর্ডারের খাতায় এখন পৌঁছানো যাচ্ছে না: ডেটাবেস সার্ভার বা দোকানের নেটওয়ার্ক সাড়া দিচ্ছে না। কিছুই রাখা হয়নি, ' +
    'গেটওয়েতেও কিছু পাঠানো হয়নি। একটু পরে আবার চেষ্টা করুন; গ্রাহকেরা এখন যে টাকা দিচ্ছেন তা ঠিকই লেখা থাকছে।',
};
