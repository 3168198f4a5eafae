import type { Translation } from '../catalog';
import type { CheckSubject, gateway as english } from '../en/gateway';
import type { Formats } from '../formats';

type Place = { host: string; port: number };

const ADDRESS: Record<CheckSubject, string> = {
  gateway: 'গেটওয়ের ঠিকানা',
  tunnel: 'ইন্টারনেটের ফেরার ঠিকানা',
  listener: 'ফেরার ঠিকানা',
};
const SERVER: Record<CheckSubject, string> = { gateway: 'গেটওয়ে', tunnel: 'আপনার টানেল বা প্রক্সি', listener: 'PayDesk' };
const SERVER_OF: Record<CheckSubject, string> = { gateway: 'গেটওয়ের', tunnel: 'আপনার টানেল বা প্রক্সির', listener: 'PayDesk-এর' };
/** "ask … to": whom to ask, as the object of the sentence. */
const ADMIN: Record<CheckSubject, string> = {
  gateway: 'গেটওয়ের পরিচালককে',
  tunnel: 'যিনি আপনার টানেল বা প্রক্সি চালান তাঁকে',
  listener: 'যিনি এই কম্পিউটার সেট আপ করেছেন তাঁকে',
};

const seconds = (n: number, f: Formats) => `${f.count(n)} সেকেন্ডের মধ্যে`;
const listed = (items: readonly string[], f: Formats) => new Intl.ListFormat(f.locale, { type: 'conjunction' }).format(items);
const where = ({ host, port }: Place) => `${host}-এর ${port} পোর্ট`;
const issuer = (name: string | null) => (name === null ? 'নামহীন এক কর্তৃপক্ষ' : `“${name}”`);
const certificateNames = (names: readonly string[], more: number, f: Formats) =>
  names.length === 0 ? 'কোনো নামেরই নয়' : more > 0 ? `${names.join(', ')} ও আরও ${f.count(more)}টি নামের` : `${listed(names, f)}-এর`;
const NOT_MADE = 'তাই কোনো পেমেন্ট লিংক তৈরি হয়নি';
const SETTINGS_PAGE = 'গেটওয়ের এপিআই সেটিংস পাতা';

export const gateway: Translation<typeof english> = {
  check_url_missing_detail: () => 'গেটওয়ের কোনো ঠিকানা দেওয়া হয়নি।',
  check_url_missing: () => `আগে গেটওয়ের ঠিকানা লিখুন; ${SETTINGS_PAGE} থেকে কপি করুন।`,
  check_url_invalid_detail: (p) => `“${p.text}” https:// বা http:// দিয়ে শুরু হওয়া কোনো ওয়েব ঠিকানা নয়।`,
  check_url_invalid: (p) =>
    `“${p.text}” https:// বা http:// দিয়ে শুরু হওয়া কোনো ওয়েব ঠিকানা নয়; ${SETTINGS_PAGE} থেকে গেটওয়ের ঠিকানা আবার কপি করুন।`,
  check_url_credentials_detail: () => 'গেটওয়ের ঠিকানায় একটি ব্যবহারকারীর নাম বা পাসওয়ার্ড আছে।',
  check_url_credentials: () =>
    'গেটওয়ের ঠিকানায় একটি ব্যবহারকারীর নাম বা পাসওয়ার্ড আছে (“@”-এর আগের অংশ); অংশটি মুছে দিন, কারণ PayDesk তার বদলে এপিআই কী পাঠায়।',
  check_url_ok: (p) => `${p.host} একটি ${p.encrypted ? 'সুরক্ষিত (এনক্রিপ্ট করা)' : 'অসুরক্ষিত (এনক্রিপ্ট না করা)'} ওয়েব ঠিকানা।`,
  check_url_plain_http: () =>
    'এই ঠিকানা http:// দিয়ে শুরু, তাই এপিআই কী আর প্রতিটি পেমেন্টের অনুরোধ নেটওয়ার্কে খোলা অবস্থায় যাবে, যেখানে অন্যরা তা পড়তে পারে; আসল টাকার প্রোফাইলে গেটওয়ের https:// ঠিকানা ব্যবহার করুন।',

  check_dns_numeric: (p) => `${p.host} সংখ্যায় লেখা ঠিকানা, তাই খোঁজার মতো কোনো নাম নেই।`,
  check_dns_found: (p, f) => `${p.host} আছে ${listed(p.addresses, f)} ঠিকানায়।`,
  check_dns_not_found_detail: (p) => `${p.host}-এর কোনো ঠিকানা পাওয়া যায়নি।`,
  check_dns_not_found: (p) => `PayDesk ${p.host} খুঁজে পায়নি: ${ADDRESS[p.subject]}র বানান দেখুন, আর দেখুন এই কম্পিউটার ইন্টারনেটে যুক্ত আছে কিনা।`,
  check_dns_no_answer_detail: (p, f) =>
    p.seconds === null
      ? `${p.host} নামটি খোঁজা যায়নি (${p.code ?? 'কোনো উত্তর নেই'})।`
      : `${seconds(p.seconds, f)} ${p.host} নামটি খোঁজা যায়নি।`,
  check_dns_no_answer: (p) =>
    `নাম খোঁজার সার্ভার উত্তর দেয়নি, তাই PayDesk ${p.host} খুঁজতে পারেনি: এই কম্পিউটার ইন্টারনেটে যুক্ত আছে কিনা দেখুন, তারপর আবার চেষ্টা করুন।`,

  check_tcp_ok: (p) => `${where(p)}ে সংযোগ হয়েছে।`,
  check_tcp_timeout_detail: (p, f) => `${seconds(p.seconds, f)} ${where(p)} সংযোগ নেয়নি।`,
  check_tcp_timeout: (p, f) =>
    `${seconds(p.seconds, f)} ${where(p)} সংযোগ নেয়নি: ইন্টারনেট সংযোগ, ${ADDRESS[p.subject]}র পোর্ট, আর এই কম্পিউটার ও ${SERVER_OF[p.subject]} মাঝে কোনো ফায়ারওয়াল আছে কিনা দেখুন।`,
  check_tcp_refused_detail: (p) => `${where(p)}ে কেউ সংযোগ নিচ্ছে না।`,
  check_tcp_refused: (p) => `${where(p)}ে কেউ সংযোগ নিচ্ছে না: ${ADDRESS[p.subject]}র পোর্ট দেখুন, আর ${SERVER[p.subject]} চালু আছে কিনা দেখুন।`,
  check_tcp_no_route_detail: (p) => `${where(p)}ে যাওয়ার কোনো নেটওয়ার্ক পথ নেই।`,
  check_tcp_no_route: (p) =>
    `এই কম্পিউটার থেকে ${where(p)}ে যাওয়ার কোনো নেটওয়ার্ক পথ নেই: কম্পিউটারটি ইন্টারনেটে বা ${SERVER_OF[p.subject]} নেটওয়ার্কে যুক্ত আছে কিনা দেখুন।`,
  check_tcp_failed_detail: (p) => `${where(p)}ে সংযোগ ব্যর্থ হয়েছে (${p.code ?? 'কারণ জানা যায়নি'})।`,
  check_tcp_failed: (p) => `${where(p)}ে সংযোগ ব্যর্থ হয়েছে: ইন্টারনেট সংযোগ দেখে আবার চেষ্টা করুন।`,

  check_tls_ok: (p, f) => `${p.host}-এর নিরাপত্তা সার্টিফিকেট ${f.date(p.validTo)} পর্যন্ত বৈধ, দিয়েছে ${issuer(p.issuer)}।`,
  check_tls_timeout_detail: (p, f) => `${seconds(p.seconds, f)} ${p.host} সুরক্ষিত সংযোগ শেষ করেনি।`,
  check_tls_timeout: (p, f) => `${seconds(p.seconds, f)} ${p.host} সুরক্ষিত সংযোগ তৈরি শেষ করেনি: ইন্টারনেট সংযোগ দেখে আবার চেষ্টা করুন।`,
  check_tls_expired_detail: (p, f) => `${p.host}-এর নিরাপত্তা সার্টিফিকেটের মেয়াদ ${f.date(p.validTo)} তারিখে শেষ হয়েছে।`,
  check_tls_expired: (p, f) =>
    `${p.host}-এর নিরাপত্তা সার্টিফিকেটের মেয়াদ ${f.date(p.validTo)} তারিখে শেষ হয়েছে, তাই PayDesk এই সংযোগে ভরসা করতে পারে না: এই কম্পিউটারের তারিখ ঠিক আছে কিনা দেখুন; ঠিক থাকলে ${ADMIN[p.subject]} সার্টিফিকেট নবায়ন করতে বলুন।`,
  check_tls_not_yet_detail: (p, f) => `${p.host}-এর নিরাপত্তা সার্টিফিকেট কেবল ${f.date(p.validFrom)} থেকে বৈধ।`,
  check_tls_not_yet: (p, f) =>
    `${p.host}-এর নিরাপত্তা সার্টিফিকেট কেবল ${f.date(p.validFrom)} থেকে বৈধ, তাই PayDesk এখনও এই সংযোগে ভরসা করতে পারে না: এই কম্পিউটারের তারিখ ও সময় ঠিক আছে কিনা দেখুন।`,
  check_tls_self_signed_detail: (p) =>
    `${p.host}-এর নিরাপত্তা সার্টিফিকেট নিজেই নিজেকে দেওয়া: এটি যে আসল ${SERVER_OF[p.subject]}, তার নিশ্চয়তা কেউ দেয় না।`,
  check_tls_self_signed: (p) =>
    `${p.host}-এর নিরাপত্তা সার্টিফিকেট নিজেই নিজেকে দেওয়া, তাই এটি যে আসল ${SERVER[p.subject]}, তার নিশ্চয়তা কেউ দেয় না: স্বীকৃত কোনো কর্তৃপক্ষের সার্টিফিকেট বসাতে ${ADMIN[p.subject]} বলুন।`,
  check_tls_wrong_name_detail: (p, f) =>
    `${p.host}-এ দেখানো নিরাপত্তা সার্টিফিকেটটি ${certificateNames(p.names, p.more, f)}, ${p.host}-এর নয়।`,
  check_tls_wrong_name: (p, f) =>
    `${p.host}-এ দেখানো নিরাপত্তা সার্টিফিকেটটি ${certificateNames(p.names, p.more, f)}, ${p.host}-এর নয়: ${ADDRESS[p.subject]}র বানান দেখুন, অথবা সার্টিফিকেট ঠিক করতে ${ADMIN[p.subject]} বলুন।`,
  check_tls_untrusted_detail: (p) => `${p.host}-এর নিরাপত্তা সার্টিফিকেট দিয়েছে ${issuer(p.issuer)}, যাকে এই কম্পিউটার বিশ্বাস করে না।`,
  check_tls_untrusted: (p) =>
    `${p.host}-এর নিরাপত্তা সার্টিফিকেট দিয়েছে ${issuer(p.issuer)}, যাকে এই কম্পিউটার বিশ্বাস করে না (অথবা সার্ভার তার সার্টিফিকেটের পুরো শিকল পাঠায় না): স্বীকৃত কোনো কর্তৃপক্ষের সার্টিফিকেট, পুরো শিকলসহ, বসাতে ${ADMIN[p.subject]} বলুন।`,
  check_tls_unverified_detail: (p) => `${p.host}-এর নিরাপত্তা সার্টিফিকেট যাচাই করা যায়নি (${p.code})।`,
  check_tls_unverified: (p) =>
    `${p.host}-এর নিরাপত্তা সার্টিফিকেট যাচাই করা যায়নি (${p.code}), তাই PayDesk এই সংযোগে ভরসা করতে পারে না: সার্টিফিকেটটি দেখতে ${ADMIN[p.subject]} বলুন।`,
  check_tls_reset_detail: (p) => `সুরক্ষিত সংযোগ তৈরির সময় ${where(p)} সংযোগ কেটে দিয়েছে।`,
  check_tls_reset: (p) =>
    `সুরক্ষিত সংযোগ তৈরির সময় ${where(p)} সংযোগ কেটে দিয়েছে: ${ADDRESS[p.subject]} বরং http:// দিয়ে শুরু হওয়ার কথা কিনা, আর পোর্টটি দেখুন।`,
  check_tls_not_https_detail: (p) => `${where(p)} সুরক্ষিত সংযোগে কথা বলে না (${p.code})।`,
  check_tls_not_https: (p) =>
    `${where(p)} সুরক্ষিত সংযোগে উত্তর দেয় না: ${ADDRESS[p.subject]} https:// নয়, http:// দিয়ে শুরু হওয়ার কথা কিনা, আর পোর্টটি দেখুন।`,

  check_http_redirect_detail: (p, f) =>
    `গেটওয়ে উত্তর দিয়েছে (কোড ${f.count(p.status)}): অন্য ঠিকানায় পাঠিয়ে দিচ্ছে, “${p.location}”-এ, যেখানে PayDesk যায়নি।`,
  check_http_redirect_warning: (p) =>
    `গেটওয়ে এই ঠিকানা থেকে “${p.location}”-এ পাঠিয়ে দেয়; অন্য ঠিকানায় পাঠানোর পথে কখনো পেমেন্ট লিংক তৈরি হয় না, তাই ${SETTINGS_PAGE} সায় দিলে সেই ঠিকানার শুরুর অংশটিই গেটওয়ের ঠিকানা হিসেবে দিন।`,
  check_http_server_error_detail: (p, f) => `গেটওয়ে উত্তর দিয়েছে (কোড ${f.count(p.status)}): তার নিজের দিকে একটি সমস্যা।`,
  check_http_server_error_warning: (p, f) =>
    `গেটওয়ের সার্ভার নিজের একটি সমস্যার কথা জানিয়েছে (কোড ${f.count(p.status)}); পরিচালক তা ঠিক না করা পর্যন্ত পেমেন্ট লিংক তৈরি না-ও হতে পারে।`,
  check_http_ok_detail: (p, f) => `গেটওয়ে উত্তর দিয়েছে (কোড ${f.count(p.status)}); যেকোনো উত্তরই বলে যে তার কাছে পৌঁছানো যায়।`,
  check_http_timeout_detail: (p, f) => `${p.host} সংযোগ নিয়েছে, কিন্তু ${seconds(p.seconds, f)} কোনো উত্তর দেয়নি।`,
  check_http_timeout: (p, f) =>
    `${p.host} সংযোগ নিয়েছে, কিন্তু ${seconds(p.seconds, f)} কোনো উত্তর দেয়নি: ${ADDRESS[p.subject]}র পোর্ট দেখুন, আর ${SERVER[p.subject]} ব্যস্ত থাকতে পারে বলে কয়েক মিনিট পরে আবার চেষ্টা করুন।`,
  check_http_not_web_detail: (p) => `${p.host} উত্তর দিয়েছে, কিন্তু ওয়েব সার্ভারের মতো নয়।`,
  check_http_not_web: (p) =>
    `${p.host} উত্তর দিয়েছে, কিন্তু ওয়েব সার্ভারের মতো নয়: ${ADDRESS[p.subject]}র পোর্ট দেখুন, আর এটি http:// নাকি https:// দিয়ে শুরু হওয়ার কথা, দেখুন।`,
  check_http_hung_up_detail: (p) => `${p.host} উত্তর না দিয়েই সংযোগ কেটে দিয়েছে।`,
  check_http_hung_up: (p) =>
    `${p.host} উত্তর না দিয়েই সংযোগ কেটে দিয়েছে: ${ADDRESS[p.subject]}র পোর্ট দেখুন, আর এটি http:// নাকি https:// দিয়ে শুরু হওয়ার কথা, দেখুন।`,
  check_http_failed_detail: (p) => `${p.host}-এ অনুরোধ ব্যর্থ হয়েছে (${p.code ?? 'কারণ জানা যায়নি'})।`,
  check_http_failed: (p) => `${p.host}-এ অনুরোধ ব্যর্থ হয়েছে: ইন্টারনেট সংযোগ দেখে আবার চেষ্টা করুন।`,
  check_connected: (p) => `${p.host}-এ সংযোগ হয়েছে: গেটওয়ে উত্তর দিচ্ছে।`,

  gateway_refused: () => `গেটওয়ে অনুরোধটি ফিরিয়ে দিয়েছে, ${NOT_MADE}।`,
  gateway_refused_silently: () => `গেটওয়ে কোনো কারণ না বলে অনুরোধটি ফিরিয়ে দিয়েছে, ${NOT_MADE}।`,
  gateway_refused_domain_mismatch: () =>
    `গেটওয়ের কাছে যে ঠিকানা রাখা আছে, PayDesk-এর গেটওয়ের ঠিকানা হুবহু তা নয়, তাই গেটওয়ে অনুরোধটি ফিরিয়ে দিয়েছে এবং কোনো পেমেন্ট লিংক তৈরি হয়নি। PayDesk-এ লেখা গেটওয়ের ঠিকানা আর ${SETTINGS_PAGE}র ঠিকানা অক্ষরে অক্ষরে মিলিয়ে দেখুন, শেষের স্ল্যাশসহ: দুটি হুবহু এক হতে হবে।`,
  gateway_refused_api_key: () => `গেটওয়ে অনুরোধটি ফিরিয়ে দিয়েছে, ${NOT_MADE}। ${SETTINGS_PAGE}য় এপিআই কী মিলিয়ে দেখুন।`,
  gateway_unauthorized: () => `গেটওয়ে এপিআই কী গ্রহণ করেনি, ${NOT_MADE}; ${SETTINGS_PAGE}য় এপিআই কী মিলিয়ে দেখুন।`,
  gateway_server_error: (p, f) =>
    `গেটওয়ের নিজের একটি সমস্যা হয়েছে (কোড ${f.count(p.status)}), ${NOT_MADE}; কয়েক মিনিট পরে আবার চেষ্টা করুন, বারবার হলে গেটওয়ের পরিচালককে জানান।`,
  gateway_malformed: () =>
    `গেটওয়ের উত্তর PayDesk-এর বোঝার মতো কোনো পেমেন্ট লিংক নয়, ${NOT_MADE}; গেটওয়ের ঠিকানাটি ${SETTINGS_PAGE}র ঠিকানাই কিনা দেখুন (সাধারণত “/api” দিয়ে শেষ হয়)।`,
  gateway_redirect: (p) =>
    `${p.host}-এর গেটওয়ে পেমেন্ট লিংকের বদলে অন্য ঠিকানায় পাঠিয়ে দিয়েছে, ${NOT_MADE}; গেটওয়ের ঠিকানা দেখুন, এটি http:// নাকি https:// দিয়ে শুরু, তাও।`,
  gateway_too_large: () =>
    'পেমেন্ট লিংকের যতটা দরকার, গেটওয়ে তার চেয়ে অনেক বেশি তথ্য পাঠিয়েছে, তাই PayDesk পড়া থামিয়েছে এবং কোনো পেমেন্ট লিংক তৈরি হয়নি; গেটওয়ের ঠিকানা দেখুন।',
  gateway_timeout: () =>
    'গেটওয়ে সময়মতো উত্তর দেয়নি, তাই এই বিক্রির কোনো পেমেন্ট লিংক PayDesk-এর কাছে নেই; ইন্টারনেট সংযোগ দেখে আবার চেষ্টা করুন।',
  gateway_link_too_long: (p, f) =>
    `${p.host}-এর গেটওয়ে ${f.count(p.length)} অক্ষরের একটি পেমেন্ট লিংক দিয়েছে, যা একটি লিংকের সর্বোচ্চ ${f.count(p.max)} অক্ষরের চেয়ে বেশি, ${NOT_MADE}; গেটওয়ের পরিচালককে জিজ্ঞেস করুন।`,
  gateway_link_user_info: (p) =>
    `${p.host}-এর গেটওয়ে এমন একটি পেমেন্ট লিংক দিয়েছে যা আসলে কোথায় নিয়ে যায় তা লুকায় (ঠিকানার আগে একটি নাম আর @), ${NOT_MADE}; গেটওয়ের পরিচালককে জিজ্ঞেস করুন।`,
  gateway_link_not_web: (p) => `${p.host}-এর গেটওয়ে এমন একটি পেমেন্ট লিংক দিয়েছে যা ওয়েব ঠিকানা নয়, ${NOT_MADE}।`,
  gateway_link_hidden_characters: (p) =>
    `${p.host}-এর গেটওয়ে এমন একটি পেমেন্ট লিংক দিয়েছে যাতে এমন অক্ষর আছে যা একে অন্য ঠিকানা বলে পড়াবে, ${NOT_MADE}; গেটওয়ের পরিচালককে জিজ্ঞেস করুন।`,
  gateway_base_url_invalid: (p) =>
    `গেটওয়ের ঠিকানা “${p.baseUrl}” http:// বা https:// দিয়ে শুরু হওয়া কোনো ওয়েব ঠিকানা নয়, ${NOT_MADE}; ${SETTINGS_PAGE} থেকে আবার কপি করুন।`,
  gateway_certificate: (p) =>
    `${p.host}-এর গেটওয়ে বৈধ নিরাপত্তা সার্টিফিকেট দেখায়নি, তাই PayDesk অনুরোধ পাঠায়নি এবং কোনো পেমেন্ট লিংক তৈরি হয়নি; গেটওয়ের ঠিকানা দেখুন, অথবা সার্টিফিকেট নবায়ন করতে গেটওয়ের পরিচালককে বলুন।`,
  gateway_tls: (p) =>
    `নিরাপত্তা সার্টিফিকেট বা সুরক্ষিত সংযোগের সমস্যার কারণে PayDesk ${p.host}-এ সুরক্ষিত সংযোগ তৈরি করতে পারেনি, ${NOT_MADE}; গেটওয়ের ঠিকানা http:// নাকি https:// দিয়ে শুরু হওয়ার কথা, দেখুন।`,
  gateway_not_found: (p) => `PayDesk ${p.host}-এ গেটওয়ে খুঁজে পায়নি, ${NOT_MADE}; গেটওয়ের ঠিকানার বানান আর ইন্টারনেট সংযোগ দেখুন।`,
  gateway_connection_refused: (p) =>
    `${p.host}-এ কেউ সংযোগ নিচ্ছে না, ${NOT_MADE}; পোর্টসহ গেটওয়ের ঠিকানা দেখুন, আর গেটওয়ে চালু আছে কিনা দেখুন।`,
  gateway_connection_failed: (p) =>
    `${p.host}-এর গেটওয়েতে সংযোগ ব্যর্থ হয়েছে, তাই এই বিক্রির কোনো পেমেন্ট লিংক PayDesk-এর কাছে নেই; ইন্টারনেট সংযোগ দেখে আবার চেষ্টা করুন।`,
};
