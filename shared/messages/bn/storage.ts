import type { Translation } from '../catalog';
import type { CopyFigure, storage as english } from '../en/storage';
import { ORDER_STATUS } from './order-status';

const FIGURES: Record<CopyFigure, string> = {
  profiles: 'প্রোফাইল',
  settings: 'সেটিংস',
  secrets: 'রাখা এপিআই কী',
  orders: 'অর্ডার',
  amount: 'অর্ডারগুলোর মোট টাকা (পয়সায়)',
  events: 'অর্ডারের ঘটনার সারি',
  refusals: 'ফিরিয়ে দেওয়া অনুরোধ',
  statements: 'স্টেটমেন্ট',
  lines: 'স্টেটমেন্টের লাইন',
  rejects: 'স্টেটমেন্টের যে লাইন পড়া যায়নি',
  counters: 'দিনের হিসাবের গণনা',
};

export const storage: Translation<typeof english> = {
  storage_server_unreachable: (p) =>
    `PayDesk ${p.location}-এর ডেটাবেস সার্ভারে পৌঁছাতে পারেনি। সার্ভারটি চালু আছে কি না, আর হোস্ট ও পোর্ট ঠিক আছে কি না দেখুন।`,
  storage_server_unknown_host: (p) => `“${p.host}” নামে কোনো কম্পিউটার খুঁজে পাওয়া যায়নি। ডেটাবেস সার্ভারের হোস্টের নাম দেখুন।`,
  storage_sign_in_refused: (p) =>
    `ডেটাবেস সার্ভার ${p.user} ব্যবহারকারীকে ওই পাসওয়ার্ডে ঢুকতে দেয়নি (${p.location})। ব্যবহারকারী আর পাসওয়ার্ড দেখুন।`,
  storage_password_needed: (p) =>
    `${p.location}-এর অর্ডারের খাতার পাসওয়ার্ড এই কম্পিউটারে রাখা নেই। সেটিংস › অর্ডারের খাতায় লিখুন, অথবা “PAYDESK_DATABASE_URL”-এ দিন।`,
  storage_database_missing: (p) => `ডেটাবেস সার্ভারে ${p.database} নামে কোনো ডেটাবেস নেই (${p.location})। সেটি তৈরি করুন, অথবা নামটি দেখুন।`,
  storage_tls_failed: (p) =>
    `এনক্রিপশনের সেটিং যেভাবে বলে, সেভাবে ${p.location}-এর সাথে এনক্রিপ্ট করা সংযোগ করা যায়নি। এনক্রিপশনের সেটিং আর সিএ সার্টিফিকেট দেখুন।`,
  storage_not_allowed: (p) => `${p.user} ব্যবহারকারী ${p.location}-এ PayDesk-এর টেবিল তৈরি বা বদলাতে পারে না। ডেটাবেসটির মালিকানা তাকে দিন।`,
  storage_server_refused: (p) => `${p.location}-এর ডেটাবেস সার্ভার PayDesk-কে ফিরিয়ে দিয়েছে${p.code ? ` (ত্রুটি ${p.code})` : ''}।`,

  storage_choice_damaged: (p) =>
    `কোন অর্ডারের খাতা খুলতে হবে তা PayDesk পড়তে পারছে না: ${p.file} ফাইলটি নষ্ট। সেটিংস › অর্ডারের খাতায় খাতাটি আবার বেছে নিন (আপনার অর্ডার যেমন ছিল তেমনই আছে)।`,
  storage_choice_unreadable: (p) =>
    `PayDesk ${p.file} পড়তে পারছে না${p.code ? ` (${p.code})` : ''}; এই ফাইলেই লেখা থাকে কোন অর্ডারের খাতা খুলতে হবে।`,
  storage_choice_not_written: (p) => `কোন অর্ডারের খাতা খুলতে হবে তা PayDesk ${p.file}-এ রাখতে পারেনি${p.code ? ` (${p.code})` : ''}।`,
  storage_password_session_only: () =>
    'এই কম্পিউটারে কোনো সুরক্ষিত ভান্ডার নেই, তাই ডেটাবেসের পাসওয়ার্ড রাখা হয়নি: পরের বার চালু হলে PayDesk আবার পাসওয়ার্ড চাইবে।',

  storage_copy_no_file: (p) => `${p.file}-এ কোনো অর্ডারের খাতা নেই।`,
  storage_copy_not_a_book: (p) => `${p.file} PayDesk-এর অর্ডারের খাতা নয়।`,
  storage_copy_book_older: (p) =>
    `${p.file} অর্ডারের খাতাটি PayDesk-এর পুরোনো সংস্করণে লেখা। একবার PayDesk-এ খুলুন (তাতে খাতাটি হালনাগাদ হয়), তারপর কপি করুন।`,
  storage_copy_book_newer: (p) => `${p.file} অর্ডারের খাতাটি PayDesk-এর নতুন সংস্করণে লেখা। PayDesk হালনাগাদ করে তারপর কপি করুন।`,
  storage_copy_target_differs: (p) =>
    `কিছুই কপি হয়নি: ${p.location}-এ আগে থেকেই এমন একটি অর্ডারের খাতা আছে যা এটি নয় (তার ${p.table}-এর ${p.id} সারি এই ফাইলের সাথে মেলে না) — অন্য দোকানের খাতা, অথবা এই ফাইল বদলানোর আগে করা কপি। নতুন, খালি একটি ডেটাবেসে কপি করুন।`,
  storage_copy_time_inexact: (p) =>
    `কিছুই কপি হয়নি: এই অর্ডারের খাতার একটি সময় (${p.table}-এর ${p.id} সারি, ${p.column}) PayDesk যেভাবে সময় লেখে সেভাবে লেখা নয়, তাই হুবহু কপি করা যায়নি।`,
  storage_copy_row_refused: (p) => `কিছুই কপি হয়নি: ডেটাবেস সার্ভার ${p.table}-এর ${p.id} সারি নেয়নি${p.code ? ` (ত্রুটি ${p.code})` : ''}।`,
  storage_copy_figures_differ: (p, f) =>
    `কিছুই কপি হয়নি: কপির পরে দুই খাতায় ${FIGURES[p.figure]}${p.status ? ` (${ORDER_STATUS[p.status]})` : ''} মেলেনি: এই ফাইলে ${f.count(p.here)}, ডেটাবেসে ${f.count(p.there)}।`,
  storage_copy_keys_this_computer: () =>
    'রাখা এপিআই কী যেমন ছিল তেমনই কপি হয়েছে: শুধু এই কম্পিউটারের সুরক্ষিত ভান্ডার সেগুলো পড়তে পারে। অন্য কম্পিউটারে প্রতিটি প্রোফাইলের এপিআই কী আবার লিখুন।',

  cli_storage_takes: () => '`storage`-এর পরে `copy`, `check` বা `setup-roles` লিখুন।',
  cli_storage_copy_needs_to: () => '`storage copy`-র সাথে `--to postgres://USER:PASSWORD@HOST:PORT/DATABASE` দিন।',
  cli_storage_check_needs_url: () => '`storage check`-এর সাথে `--database-url` দিন, অথবা `PAYDESK_DATABASE_URL` রাখুন।',
  cli_storage_copied: (p, f) => `এই কম্পিউটারের অর্ডারের খাতা ${p.location}-এ কপি হয়েছে: নতুন ${f.count(p.count)}টি সারি। দুই খাতায় একই আছে:`,
  cli_storage_nothing_new: (p) =>
    `নতুন কিছু কপি হয়নি: এই কম্পিউটারের অর্ডারের খাতার প্রতিটি সারি ${p.location}-এ আগে থেকেই আছে। দুই খাতায় একই আছে:`,
  cli_storage_figure: (p) => (p.status ? `${FIGURES[p.figure]} (${ORDER_STATUS[p.status]})` : FIGURES[p.figure]),
  cli_storage_roles_need_url: () =>
    '`storage setup-roles --run`-এর সাথে `--database-url` দিন, অথবা `PAYDESK_DATABASE_URL` রাখুন: অর্ডারের খাতার ডেটাবেসে একজন সুপারইউজারের ঢোকার ঠিকানা।',
  cli_storage_role_name: (p) =>
    `${p.option}-এর সাথে ছোট হাতের ইংরেজি অক্ষর, অঙ্ক আর _ দিয়ে লেখা একটি রোলের নাম দিন (সর্বোচ্চ ৬৩টি, শুরুতে অঙ্ক নয়), “${p.text}” নয়।`,
  cli_storage_roles_same: () => 'মালিকের রোল আর কাউন্টারের রোল আলাদা দুটি রোল হতে হবে।',
  cli_storage_roles_printed: (p) =>
    `এই কমান্ডগুলো একজন সুপারইউজার হিসেবে অর্ডারের খাতার ডেটাবেসে চালান, PayDesk সেখানে খাতা তৈরি করার পরে; অথবা খাতাসহ সবকিছু PayDesk-কেই করতে দিন: \`paydesk storage setup-roles --run --database-url postgres://…\`। তারপর \`psql\`-এ দুই রোলের পাসওয়ার্ড ঠিক করুন (\`\\password ${p.owner}\`, \`\\password ${p.counterRole}\`)।`,
  cli_storage_roles_done: (p) =>
    `${p.location}-এ রোলগুলো তৈরি: PayDesk-এর টেবিলের মালিক ${p.owner}, আর কেবল সে-ই খাতা হালনাগাদ করতে পারে; ${p.counterRole} শুধু অর্ডার পড়তে আর লিখতে পারে। \`psql\`-এ দুই রোলের পাসওয়ার্ড ঠিক করুন (\`\\password ${p.owner}\`, \`\\password ${p.counterRole}\`), তারপর প্রতিটি কাউন্টারকে ${p.counterRole} হিসেবে ঢোকান, আর PayDesk হালনাগাদের পর প্রতিবার একবার ${p.owner} হিসেবে চালু করে খাতা হালনাগাদ করুন।`,
};
