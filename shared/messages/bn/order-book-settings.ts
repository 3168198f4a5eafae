import type { Translation } from '../catalog';
import type { Formats } from '../formats';
import type { orderBookSettings as english } from '../en/order-book-settings';

const kb = (bytes: number, f: Formats) => `${f.count(Math.round(bytes / 1024))} কিলোবাইট`;

export const orderBookSettings: Translation<typeof english> = {
  order_book_host_missing: () => 'ডেটাবেস সার্ভারের ঠিকানা লিখুন (এর নাম বা আইপি ঠিকানা)।',
  order_book_database_missing: () => 'সার্ভারের ডেটাবেসের নাম লিখুন।',
  order_book_user_missing: () => 'PayDesk যে ব্যবহারকারী হিসেবে ডেটাবেস সার্ভারে ঢুকবে, তার নাম লিখুন।',
  order_book_field_too_long: (p, f) => `এখানে সর্বোচ্চ ${f.count(p.max)}টি অক্ষর লেখা যায়।`,
  order_book_ca_not_pem: (p) =>
    `${p.file} এমন কোনো সিএ সার্টিফিকেট নয় যা PayDesk পড়তে পারে: সার্টিফিকেটটি পিইএম লেখার ফাইল হিসেবে লাগবে। যিনি ডেটাবেস সার্ভার চালান, তাঁর কাছে সিএ সার্টিফিকেটটি চেয়ে নিন।`,
  order_book_ca_too_large: (p, f) => `${p.file} ফাইলটি ${kb(p.maxBytes, f)}-এর বেশি, সিএ সার্টিফিকেটের পক্ষে অনেক বড়; PayDesk এটি পড়েনি।`,
  order_book_copy_needs_file: () =>
    'PayDesk এখন ডেটাবেস সার্ভারের অর্ডারের খাতা খুলে রেখেছে, তাই এই কম্পিউটারের ফাইল থেকে কপি করার কিছু নেই। আগে এই কম্পিউটারের ফাইল ব্যবহার করুন আর PayDesk আবার চালু করুন।',
  order_book_copy_running: () => 'একটি কপি এখনই চলছে। শেষ হওয়া পর্যন্ত অপেক্ষা করুন।',
  order_book_copy_failed: (p) =>
    `কপি শেষ হওয়ার আগেই থেমে গেছে${p.code ? ` (সার্ভার জানিয়েছে ${p.code})` : ''}। এই কম্পিউটারের ফাইল যেমন ছিল তেমনই আছে; আবার কপি করুন — যা আগে কপি হয়েছে তা দুবার কপি হবে না।`,
  order_book_password_not_kept: () =>
    'এই কম্পিউটার পাসওয়ার্ড নিরাপদে রাখতে পারে না, অথচ PayDesk প্রতিবার চালু হওয়ার সময় এটি লাগে। “এপিআই কী কোথায় রাখা হয়” অংশে দুর্বল সুরক্ষায় কী রাখা বেছে নিন, অথবা এই কম্পিউটারের ফাইল ব্যবহার করুন।',
  order_book_switch_payments_waiting: (p, f) =>
    `শেয়ার করা অর্ডারের খাতা যখন পাওয়া যাচ্ছিল না, তখন নেওয়া ${f.count(p.count)}টি পেমেন্ট এখনো খাতায় লেখার অপেক্ষায় আছে; সেগুলো লেখা হয়ে গেলে PayDesk খাতা বদলাবে।`,
  order_book_switch_changes_waiting: () =>
    'শেয়ার করা অর্ডারের খাতা যখন পাওয়া যাচ্ছিল না, তখনকার কিছু পরিবর্তন এখনো খাতায় লেখার অপেক্ষায় আছে; সেগুলো লেখা হয়ে গেলে PayDesk খাতা বদলাবে।',
  dialog_choose_ca: () => 'ডেটাবেস সার্ভারের সিএ সার্টিফিকেট বেছে নিন',
  dialog_ca_files: () => 'সার্টিফিকেট (পিইএম)',
};
