import type { Translation } from '../catalog';
import type { reconciliation as english } from '../en/reconciliation';
import type { Formats } from '../formats';

const FIELDS: Record<Parameters<typeof english.statement_columns_unknown>[0]['fields'][number], string> = {
  transactionId: 'লেনদেন নম্বর',
  amount: 'টাকার অঙ্ক',
  time: 'তারিখ বা সময়',
  sender: 'প্রেরক',
  reference: 'রেফারেন্স',
};

const AMOUNT_REFUSALS = {
  amount_not_number: 'এটি টাকার সংখ্যা হিসেবে লেখা নেই, যেমন ১৫০.৫০',
  amount_commas: 'কমাগুলো হাজারের জায়গায় নেই, যেমন ১,৫০০.৫০',
  amount_decimals: 'টাকার অঙ্কে দশমিকের পরে বড়জোর দুই ঘর (পয়সা) থাকে, যেমন ১৫০.৫০',
  amount_too_large: 'অঙ্কটি অনেক বড়',
};

const mb = (bytes: number, f: Formats) => `${f.count(Math.round(bytes / 1024 / 1024))} মেগাবাইট`;
const shorter = 'স্টেটমেন্টের পাতা থেকে কম দিনের স্টেটমেন্ট নামিয়ে নিন';
const saveAgain = 'ফাইলটি এক্সেল বা সিএসভি ফাইল হিসেবে আবার সেভ করুন';
const unreadable = (file: string, why: string) =>
  `${file} পড়া গেল না, ফাইলটি খুব বড় বা নষ্ট (${why}); কম দিনের স্টেটমেন্ট নামিয়ে নিন, অথবা সিএসভি ফাইল হিসেবে আবার সেভ করুন।`;
const columnList = (headers: string[]) => headers.join(', ');

export const reconciliation: Translation<typeof english> = {
  statement_too_large: (p, f) => `${p.file} ফাইলটি ${mb(p.maxBytes, f)}ের চেয়ে বড়; ${shorter}।`,
  statement_not_xlsx: (p) => `${p.file} কোনো এক্সেল ফাইল নয়; ${saveAgain}।`,
  statement_old_xls: (p) => `${p.file} পুরোনো ধরনের এক্সেল ফাইল; এটি নতুন ধরনের এক্সেল বা সিএসভি ফাইল হিসেবে সেভ করে সেটি ইমপোর্ট করুন।`,
  statement_xlsx_unreadable: (p) => `${p.file} এক্সেল ফাইল হিসেবে পড়া গেল না; ${saveAgain}।`,
  statement_empty: (p) => `${p.file} ফাইলটি খালি।`,
  statement_too_many_lines: (p, f) => `${p.file} ফাইলে ${f.count(p.max)}টির বেশি লাইন আছে; ${shorter}।`,
  statement_too_many_columns: (p, f) =>
    `${p.file} ফাইলের ${f.count(p.line)} নম্বর লাইনে ${f.count(p.max)}টির বেশি কলাম আছে; স্টেটমেন্টে অল্প কয়েকটি কলাম থাকে, তাই এটি PayDesk পড়তে পারে না।`,
  statement_cell_too_long: (p, f) =>
    `${p.file} ফাইলের ${f.count(p.line)} নম্বর লাইনে একটি ঘরে ${f.count(p.max)}টির বেশি অক্ষর আছে; স্টেটমেন্টের ঘরগুলো ছোট হয়, তাই এটি PayDesk পড়তে পারে না।`,
  statement_quote_unclosed: (p, f) => `${p.file} ফাইলের ${f.count(p.line)} নম্বর লাইনে একটি উদ্ধৃতিচিহ্ন (") খোলা হয়েছে কিন্তু বন্ধ হয়নি।`,
  statement_xlsx_damaged: (p) => `${p.file} ফাইলটি নষ্ট (এর ভেতরের তালিকা পড়া যায় না); ${saveAgain}।`,
  statement_xlsx_too_many_parts: (p, f) =>
    `${p.file} ফাইলে ${f.count(p.max)}টির বেশি অংশ আছে; একটি এক্সেল ফাইলে কয়েক ডজন থাকে, তাই PayDesk এটি খোলেনি।`,
  statement_xlsx_part_too_large: (p, f) =>
    `${p.file} ফাইলের একটি অংশ খুললে ${mb(p.maxBytes, f)}ের বেশি হবে; কম দিনের স্টেটমেন্ট নামিয়ে নিন, অথবা সিএসভি ফাইল হিসেবে সেভ করুন।`,
  statement_xlsx_too_large: (p, f) =>
    `${p.file} ফাইলটি খুললে ${mb(p.maxBytes, f)}ের বেশি হবে; কম দিনের স্টেটমেন্ট নামিয়ে নিন, অথবা সিএসভি ফাইল হিসেবে সেভ করুন।`,
  statement_xlsx_packed_tightly: (p, f) =>
    `${p.file} ফাইলটি কোনো এক্সেল ফাইলের চেয়ে অনেক বেশি চাপা (এর একটি অংশ খুললে ${f.count(p.ratio)} গুণেরও বেশি হয়), তাই PayDesk এটি খোলেনি।`,
  statement_xlsx_lies: (p) =>
    `${p.file} ফাইলটি খুললে তার নিজের তালিকায় যা লেখা তার চেয়ে বড় হয়: ফাইলটি নষ্ট বা ক্ষতি করার জন্য বানানো, তাই PayDesk এটি খোলেনি।`,
  statement_xlsx_compression: (p) => `${p.file} ফাইলটি এমনভাবে চাপা যা এক্সেল লেখে না; ${saveAgain}।`,
  statement_read_too_slow: (p, f) => unreadable(p.file, `পড়তে ${f.count(p.seconds)} সেকেন্ডের বেশি লেগেছে`),
  statement_read_out_of_memory: (p) => unreadable(p.file, 'একটি স্টেটমেন্টের যতটা মেমরি লাগার কথা তার চেয়ে বেশি লাগছে'),
  statement_read_failed: (p) => unreadable(p.file, 'পড়তে গিয়ে সমস্যা হয়েছে'),
  statement_read_stopped: (p) => unreadable(p.file, 'পড়া শেষ হওয়ার আগেই থেমে গেছে'),

  statement_columns_absent: (p) =>
    `স্টেটমেন্টে ${p.columns.map((column, i) => `“${column}” (${FIELDS[p.fields[i]!]})`).join(', ')} কলাম নেই; ` +
    `এর কলামগুলো হলো: ${columnList(p.headers)}।`,
  statement_columns_unknown: (p) =>
    `কোন কলামে ${p.fields.map((field) => FIELDS[field]).join(' আর কোন কলামে ')} আছে, তা বোঝা গেল না; ` +
    `পাওয়া কলামগুলো হলো: ${columnList(p.headers)}।`,

  statement_no_profile: () => 'এখনও কোনো মার্চেন্ট প্রোফাইল যোগ করা হয়নি। সেটিংসে একটি যোগ করুন, অথবা পরীক্ষার মোড ব্যবহার করুন।',
  statement_closed: () => 'এই স্টেটমেন্টটি আর খোলা নেই; ফাইলটি আবার বেছে নিন।',
  statement_profile_changed: () => 'স্টেটমেন্ট খোলা থাকার সময় প্রোফাইল বদলে গেছে; ফাইলটি আবার বেছে নিন।',
  statement_import_stopped: (p) =>
    `${p.file} ইমপোর্ট করার সময় অর্ডারের খাতায় লেখা যায়নি, তাই এর কিছু অংশ হয়তো ঢুকেছে। ` +
    'বাকিটা শেষ করতে একই ফাইল আবার ইমপোর্ট করুন: যে লাইনগুলো আগেই ঢুকেছে সেগুলো চেনা যাবে, দুবার গোনা হবে না।',

  line_no_transaction_id: () => 'লেনদেন নম্বর নেই',
  line_transaction_id_too_long: (p, f) => `লেনদেন নম্বরটি ${f.count(p.max)} অক্ষরের চেয়ে লম্বা`,
  line_transaction_id_characters: (p) =>
    `লেনদেন নম্বর “${p.transactionId}”-এ এমন চিহ্ন আছে যা লেনদেন নম্বরে থাকে না (শুধু ইংরেজি অক্ষর, অঙ্ক এবং . _ - থাকে)`,
  line_amount_empty: () => 'টাকার অঙ্ক খালি',
  line_amount_negative: (p) => `টাকার অঙ্ক “${p.amount}” ঋণাত্মক: এটি ফেরত বা খরচ, পাওয়া পেমেন্ট নয়`,
  line_amount_zero: () => 'টাকার অঙ্ক শূন্য',
  line_amount_unreadable: (p) => `“${p.amount}” টাকার অঙ্ক হিসেবে পড়া গেল না (${AMOUNT_REFUSALS[p.refusal]})`,
  line_date_empty: () => 'তারিখ খালি',
  line_date_unreadable: (p) => `“${p.date}” এমন তারিখ নয় যা PayDesk পড়তে পারে (যেমন ২০/১১/২০২৬ ১৪:৩০ বা ২০২৬-১১-২০ ১৪:৩০:০০)`,
  line_repeated_other_amount: (p, f) => `লেনদেন ${p.transactionId} আগেই ${f.count(p.line)} নম্বর লাইনে অন্য অঙ্কে আছে`,
  line_imported_before_other_amount: (p, f) => `লেনদেন ${p.transactionId} আগে অন্য অঙ্কে (${f.money(p.amountMinor)}) ইমপোর্ট হয়েছে`,

  unclaimed_line_not_found: () => 'স্টেটমেন্টের এই লাইনটি এই প্রোফাইলের কোনো অর্ডারে না-মেলা পেমেন্টগুলোর মধ্যে নেই।',
  unclaimed_line_settled: (p) => `লেনদেন ${p.transactionId} আগেই অর্ডার ${p.ref}-এর সঙ্গে মিলিয়ে রাখা হয়েছে।`,
  unclaimed_transaction_held: (p) => `লেনদেন ${p.transactionId} আগে থেকেই অর্ডার ${p.ref}-এর।`,
  unclaimed_changed_meanwhile: () => 'এর মধ্যে অর্ডারটি বা স্টেটমেন্টের লাইনটি বদলে গেছে; আবার দেখে নিয়ে চেষ্টা করুন।',
  unclaimed_order_other_profile: (p) => `অর্ডার ${p.ref} এই স্টেটমেন্টের প্রোফাইলের নয়, অন্য প্রোফাইলের।`,
  unclaimed_order_paid: (p) => `অর্ডার ${p.ref} আগেই পরিশোধিত; পেমেন্টটি কোনো অপরিশোধিত অর্ডারের সঙ্গে যুক্ত করুন, অথবা নতুন অর্ডার হিসেবে রাখুন।`,
  unclaimed_amount_differs: (p, f) =>
    `লেনদেন ${p.transactionId}-এ এসেছে ${f.money(p.lineAmountMinor)}, কিন্তু অর্ডার ${p.ref} ${f.money(p.orderAmountMinor)}-এর; ` +
    'একই অঙ্কের কোনো অর্ডারের সঙ্গে যুক্ত করুন, অথবা নতুন অর্ডার হিসেবে রাখুন।',
  unclaimed_profile_removed: () => 'এই প্রোফাইলটি সরিয়ে ফেলা হয়েছে; এর অর্ডারগুলো আর বদলানো যায় না।',
};
