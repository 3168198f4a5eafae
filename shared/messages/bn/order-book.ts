import type { Translation } from '../catalog';
import type { orderBook as english, UrlPart } from '../en/order-book';
import type { Formats } from '../formats';

type Place = { host: string; port: number };

const URL_FORM = '`postgres://USER:PASSWORD@HOST:5432/DATABASE`';
const PART: Record<UrlPart, string> = { user: 'ব্যবহারকারীর নাম', host: 'সার্ভারের নাম', database: 'ডেটাবেসের নাম' };
const seconds = (n: number, f: Formats) => `${f.count(n)} সেকেন্ডের মধ্যে`;
const where = ({ host, port }: Place) => `${host}-এর ${port} পোর্ট`;
const issuer = (name: string | null) => (name === null ? 'নামহীন এক কর্তৃপক্ষ' : `“${name}”`);
const names = (list: readonly string[], more: number, f: Formats) =>
  list.length === 0 ? 'কোনো নামেরই নয়' : more > 0 ? `${list.join(', ')} ও আরও ${f.count(more)}টি নামের` : `${list.join(', ')}-এর`;
const SERVER = 'ডেটাবেস সার্ভার';
const ADMIN = 'যিনি ডেটাবেস সার্ভার চালান তাঁকে';

export const orderBook: Translation<typeof english> = {
  database_url_invalid: () => `এটি PayDesk-এর পড়ার মতো ডেটাবেস ঠিকানা নয়: এভাবে লিখুন ${URL_FORM}।`,
  database_url_missing: (p) => `ডেটাবেস ঠিকানায় ${PART[p.part]} নেই: এভাবে লিখুন ${URL_FORM}।`,
  database_url_parameter: (p) =>
    `ডেটাবেস ঠিকানার “${p.text}” PayDesk ব্যবহার করে না; সে শুধু \`sslmode\` আর \`sslrootcert\` পড়ে, তাই বাকিটা মুছে দিন।`,
  database_url_sslmode_fallback: (p) =>
    `\`sslmode=${p.text}\` চুপচাপ এনক্রিপশন ছাড়াই সংযোগ করতে পারে: এনক্রিপ্ট করতে \`sslmode=require\` দিন, সার্ভারের সার্টিফিকেটও যাচাই করতে \`sslmode=verify-full\`, আর ভরসার নেটওয়ার্কে কেবল \`sslmode=disable\`।`,
  database_url_sslmode_verify_ca: () =>
    'PayDesk সার্টিফিকেটের সঙ্গে সার্ভারের নামও যাচাই করে: `sslmode=verify-full` দিন (নিজের সার্টিফিকেট কর্তৃপক্ষ থাকলে সঙ্গে `sslrootcert=FILE`)।',
  database_url_sslmode_unknown: (p) =>
    `\`sslmode=${p.text}\` PayDesk-এর জানা কোনো ধরন নয়: \`disable\`, \`require\` বা \`verify-full\` দিন।`,
  database_url_rootcert_unused: () =>
    '`sslrootcert` কেবল সার্ভারের সার্টিফিকেট যাচাইয়ে লাগে: সঙ্গে `sslmode=verify-full` দিন, নয়তো এটি মুছে দিন।',
  database_url_rootcert_unreadable: (p) => `PayDesk সার্টিফিকেট কর্তৃপক্ষের ফাইল ${p.file} পড়তে পারেনি (${p.code}): ফাইলের ঠিকানা দেখুন।`,
  database_url_rootcert_not_pem: (p) =>
    `${p.file} কোনো সার্টিফিকেট কর্তৃপক্ষের ফাইল নয় (লেখাটি \`-----BEGIN CERTIFICATE-----\` দিয়ে শুরু হয়): যে কর্তৃপক্ষ সার্ভারের সার্টিফিকেট দিয়েছে, তার ফাইলটি বেছে নিন।`,

  pg_reach_ok: (p) => `${where(p)}ে ${SERVER} সাড়া দিচ্ছে।`,
  pg_reach_no_name_detail: (p) => `${p.host} নামে কোনো কম্পিউটার পাওয়া যায়নি।`,
  pg_reach_no_name: (p) => `PayDesk ${SERVER} ${p.host} খুঁজে পায়নি: নামটি দেখুন, আর এই কম্পিউটার সার্ভারের নেটওয়ার্কে যুক্ত আছে কিনা দেখুন।`,
  pg_reach_refused_detail: (p) => `${where(p)}ে কেউ সংযোগ নিচ্ছে না।`,
  pg_reach_refused: (p) =>
    `${where(p)}ে কেউ সংযোগ নিচ্ছে না: পোর্ট দেখুন (না বদলালে ৫৪৩২), সেখানে PostgreSQL চালু আছে কিনা, আর তার \`listen_addresses\` সেটিংয়ে এই নেটওয়ার্ক আছে কিনা দেখুন।`,
  pg_reach_timeout_detail: (p, f) => `${seconds(p.seconds, f)} ${where(p)} সাড়া দেয়নি।`,
  pg_reach_timeout: (p, f) =>
    `${seconds(p.seconds, f)} ${where(p)} সাড়া দেয়নি: সার্ভারের ঠিকানা ও পোর্ট, আর এই কম্পিউটার ও ${SERVER}ের মাঝে কোনো ফায়ারওয়াল আছে কিনা দেখুন।`,
  pg_reach_failed_detail: (p) => `${where(p)}ে সংযোগ ব্যর্থ হয়েছে (${p.code})।`,
  pg_reach_failed: (p) => `PayDesk ${where(p)}ে সংযোগ করতে পারেনি: সার্ভারের ঠিকানা আর এই কম্পিউটারের নেটওয়ার্ক দেখুন।`,

  pg_tls_off: () => 'বেছে নেওয়া মতো এনক্রিপশন ছাড়া (`disable`): কেবল ভরসার নেটওয়ার্কে এটি ব্যবহার করুন।',
  pg_tls_ok_unchecked: (p) => `${p.host}-এর সঙ্গে সংযোগ এনক্রিপ্ট করা; সার্টিফিকেটটি কার, তা যাচাই হয় না (\`require\`)।`,
  pg_tls_ok_verified: (p, f) =>
    `সংযোগ এনক্রিপ্ট করা, আর ${p.host}-এর সার্টিফিকেট ঠিক আছে (দিয়েছে ${issuer(p.issuer)}, ${f.date(p.validTo)} পর্যন্ত বৈধ)।`,
  pg_tls_not_offered_detail: (p) => `${where(p)}ে ${SERVER} এনক্রিপশন দেয় না।`,
  pg_tls_not_offered: (p) =>
    `${where(p)}ে ${SERVER} এনক্রিপশন দেয় না: তার \`postgresql.conf\`-এ \`ssl\` চালু করুন, অথবা নেটওয়ার্কটি ভরসার হলে তবেই \`disable\` বেছে নিন।`,
  pg_tls_timeout_detail: (p, f) => `${seconds(p.seconds, f)} ${p.host} এনক্রিপশন চালু করেনি।`,
  pg_tls_timeout: (p, f) =>
    `${seconds(p.seconds, f)} ${p.host} এনক্রিপশন চালু করেনি: এটি PostgreSQL সার্ভারের পোর্ট কিনা দেখুন, তারপর আবার চেষ্টা করুন।`,
  pg_tls_failed_detail: (p) => `${where(p)}-এর সঙ্গে এনক্রিপশন চালু করা যায়নি (${p.code})।`,
  pg_tls_failed: (p) =>
    `PayDesk ${where(p)}-এর সঙ্গে এনক্রিপ্ট করা সংযোগ তৈরি করতে পারেনি: এটি PostgreSQL সার্ভারের পোর্ট কিনা, আর তার \`ssl\` সেটিংস দেখুন।`,
  pg_tls_expired_detail: (p, f) => `${p.host}-এর সার্টিফিকেটের মেয়াদ ${f.date(p.validTo)} তারিখে শেষ হয়েছে।`,
  pg_tls_expired: (p, f) =>
    `${p.host}-এর সার্টিফিকেটের মেয়াদ ${f.date(p.validTo)} তারিখে শেষ হয়েছে: এই কম্পিউটারের তারিখ ঠিক আছে কিনা দেখুন; ঠিক থাকলে সার্টিফিকেট নবায়ন করতে ${ADMIN} বলুন।`,
  pg_tls_wrong_name_detail: (p, f) => `সার্টিফিকেটটি ${names(p.names, p.more, f)}, ${p.host}-এর নয়।`,
  pg_tls_wrong_name: (p, f) =>
    `${p.host}-এ দেখানো সার্টিফিকেটটি ${names(p.names, p.more, f)}, ${p.host}-এর নয়: সার্টিফিকেটে লেখা নামে সংযোগ করুন, অথবা তা ঠিক করতে ${ADMIN} বলুন।`,
  pg_tls_untrusted_detail: (p) => `${p.host}-এর সার্টিফিকেট দিয়েছে ${issuer(p.issuer)}, যাকে এখানে বিশ্বাস করা হয় না।`,
  pg_tls_untrusted: (p) =>
    `${p.host}-এর সার্টিফিকেট দিয়েছে ${issuer(p.issuer)}, যাকে দেওয়া সার্টিফিকেট কর্তৃপক্ষের ফাইল বা এই কম্পিউটার কেউই বিশ্বাস করে না: যে কর্তৃপক্ষ সার্ভারের সার্টিফিকেট দিয়েছে, তার ফাইলটি বেছে নিন।`,
  pg_tls_unverified_detail: (p) => `${p.host}-এর সার্টিফিকেট যাচাই করা যায়নি (${p.code})।`,
  pg_tls_unverified: (p) => `${p.host}-এর সার্টিফিকেট যাচাই করা যায়নি (${p.code}): সার্টিফিকেটটি দেখতে ${ADMIN} বলুন।`,

  pg_sign_in_ok: (p) => `${p.user} হিসেবে ঢোকা হয়েছে।`,
  pg_sign_in_refused_detail: (p) => `সার্ভার ওই পাসওয়ার্ডে ${p.user}-কে ঢুকতে দেয়নি।`,
  pg_sign_in_refused: (p) => `${SERVER} ওই পাসওয়ার্ডে ${p.user}-কে ঢুকতে দেয়নি: ব্যবহারকারীর নাম আর পাসওয়ার্ড দেখুন।`,
  pg_sign_in_not_allowed_detail: (p) => `সার্ভার এখান থেকে ${p.user}-কে ঢুকতে দেয় না: ${p.reason}`,
  pg_sign_in_not_allowed: (p) => `${SERVER} এই কম্পিউটার থেকে ${p.user}-কে ঢুকতে দেয় না: \`pg_hba.conf\`-এ অনুমতি দিতে ${ADMIN} বলুন।`,
  pg_sign_in_timeout_detail: (p, f) => `${seconds(p.seconds, f)} সার্ভার ঢোকার কাজ শেষ করেনি।`,
  pg_sign_in_timeout: (p, f) =>
    `${seconds(p.seconds, f)} ${SERVER} ঢোকার কাজ শেষ করেনি: সার্ভার ব্যস্ত থাকতে পারে, এক মিনিট পরে আবার চেষ্টা করুন।`,
  pg_sign_in_failed_detail: (p) => `${p.user} হিসেবে ঢোকা যায়নি: ${p.reason}`,
  pg_sign_in_failed: (p) =>
    `PayDesk ${p.user} হিসেবে ${SERVER}ে ঢুকতে পারেনি (সার্ভার বলেছে: ${p.reason}): ব্যবহারকারীর নাম আর পাসওয়ার্ড দেখুন।`,

  pg_database_ok: (p) => `${p.database} ডেটাবেসটি আছে।`,
  pg_database_missing_detail: (p) => `${p.database} নামে কোনো ডেটাবেস নেই।`,
  pg_database_missing: (p) => `${SERVER}ে ${p.database} নামে কোনো ডেটাবেস নেই: নামটি দেখুন, অথবা এটি তৈরি করুন (${p.command})।`,

  pg_version_ok: (p) => `PostgreSQL ${p.serverVersion}।`,
  pg_version_old_detail: (p) => `PostgreSQL ${p.serverVersion} সংস্করণ ১৪-এর চেয়ে পুরোনো।`,
  pg_version_old: (p) =>
    `${SERVER}ে PostgreSQL ${p.serverVersion} চলছে, আর PayDesk-এর লাগে ১৪ বা তার নতুন সংস্করণ: সার্ভারটি হালনাগাদ করতে ${ADMIN} বলুন।`,

  pg_schema_none: () => 'এখানে এখনও PayDesk-এর কোনো অর্ডারের খাতা নেই; PayDesk একটি তৈরি করবে।',
  pg_schema_current: (p, f) => `PayDesk-এর অর্ডারের খাতা এখানে আছে (খাতার সংস্করণ ${f.count(p.schema)})।`,
  pg_schema_older: (p, f) =>
    `এখানে PayDesk-এর পুরোনো সংস্করণের একটি অর্ডারের খাতা আছে (খাতার সংস্করণ ${f.count(p.schema)}); PayDesk এটিকে সংস্করণ ${f.count(p.known)}-এ হালনাগাদ করবে। আগে ব্যাকআপ নিন: ${p.command}`,
  pg_schema_newer_detail: (p, f) => `এখানকার অর্ডারের খাতা PayDesk-এর নতুন কোনো সংস্করণে লেখা (খাতার সংস্করণ ${f.count(p.schema)})।`,
  postgres_schema_newer: (p, f) =>
    `এই PostgreSQL ডেটাবেসের অর্ডারের খাতা PayDesk-এর নতুন কোনো সংস্করণে লেখা (খাতার সংস্করণ ${f.count(p.schema)}); ব্যবহার করতে PayDesk হালনাগাদ করুন। খাতায় কিছুই বদলানো হয়নি।`,
  postgres_schema_needs_owner: (p, f) =>
    `এই PostgreSQL ডেটাবেসের অর্ডারের খাতা PayDesk-এর পুরোনো সংস্করণের (খাতার সংস্করণ ${f.count(p.schema)}; এই PayDesk-এর লাগে সংস্করণ ${f.count(p.known)}), আর ${p.user} এটি হালনাগাদ করতে পারে না। খাতার মালিক ${p.owner} হিসেবে ঢুকে PayDesk একবার চালু করুন, তারপর এই কাউন্টার আবার চালু করুন। খাতায় কিছুই বদলানো হয়নি।`,
  pg_trgm_missing_detail: () => 'সার্ভারে `pg_trgm` এক্সটেনশন নেই।',
  pg_trgm_missing: () =>
    `${SERVER}ে \`pg_trgm\` এক্সটেনশন নেই, যা PayDesk-এর খোঁজার কাজে লাগে: PostgreSQL-এর \`postgresql-contrib\` প্যাকেজ বসাতে ${ADMIN} বলুন।`,
  pg_cannot_create_detail: (p) => `${p.user} ${p.database}-এ টেবিল তৈরি করতে পারে না।`,
  pg_cannot_create: (p) =>
    `${p.user} ${p.database}-এ PayDesk-এর টেবিল তৈরি করতে পারে না: ${p.user}-কে ডেটাবেসটির মালিক করুন (${p.command})।`,
  pg_query_failed_detail: (p) => `সার্ভার উত্তর দেয়নি: ${p.reason}`,
  pg_query_failed: (p) =>
    `PayDesk ${p.database}-এ কী আছে পড়তে পারেনি (সার্ভার বলেছে: ${p.reason}): এই ব্যবহারকারী ডেটাবেসটি ব্যবহার করতে পারে কিনা দেখুন।`,

  pg_check_ready_new: (p) => `PayDesk ${p.database}-এ তার অর্ডারের খাতা রাখতে পারে; প্রথমবার খোলার সময় সেখানে খাতাটি তৈরি করবে।`,
  pg_check_ready: (p) => `${p.database}-এ PayDesk-এর অর্ডারের খাতা তৈরি আছে।`,
  pg_check_ready_older: (p) =>
    `PayDesk ${p.database} ব্যবহার করতে পারে, আর খোলার সময় সেখানকার পুরোনো অর্ডারের খাতা হালনাগাদ করে: আগে এভাবে ব্যাকআপ নিন: ${p.command}`,
};
