import type { Translation } from '../catalog';
import type { listener as english } from '../en/listener';

const CANNOT = 'PayDesk পেমেন্ট নিতে পারছে না:';
/** "The check reached a server at …, but not PayDesk", the start of each way a return check is not heard. */
const reached = (p: { host: string; status: number }, f: { count(n: number): string }) =>
  `যাচাইটি ${p.host}-এর একটি সার্ভারে পৌঁছেছে (উত্তর কোড ${f.count(p.status)}), কিন্তু PayDesk-এ নয়`;

export const listener: Translation<typeof english> = {
  listen_address_label: (p) => (p.kind === 'this_computer' ? 'শুধু এই কম্পিউটার' : `${p.interface} — দোকানের নেটওয়ার্কের অন্য ডিভাইস`),
  listen_exposes_network: (p) =>
    `${p.host}-এ শুনলে সেই নেটওয়ার্কের অন্য ডিভাইসও PayDesk-এর ফেরার পাতায় পৌঁছাতে পারবে; পেমেন্টের জন্য তবু গোপন লিংক লাগে, কিন্তু শুধু ভরসার নেটওয়ার্কেই এটি বেছে নিন।`,
  listen_exposes_every_network: (p) =>
    `${p.host}-এ শুনলে এই কম্পিউটার যত নেটওয়ার্কে যুক্ত, তার সবগুলো থেকে PayDesk-এর ফেরার পাতা খোলা যাবে, সবার জন্য খোলা যেকোনো ওয়াই-ফাইসহ; পেমেন্টের জন্য তবু গোপন লিংক লাগে, কিন্তু সবগুলো নেটওয়ার্কে ভরসা থাকলেই এটি বেছে নিন।`,

  listener_down: (p) => {
    switch (p.cause) {
      case 'port_in_use':
        return `${CANNOT} ${p.host}-এর ${p.port} পোর্ট আগে থেকেই অন্য একটি প্রোগ্রাম ব্যবহার করছে (PayDesk কি আগেই চালু আছে?)। সেই প্রোগ্রামটি বন্ধ করুন, অথবা সেটিংসে অন্য পোর্ট বেছে নিন।`;
      case 'port_forbidden':
        return `${CANNOT} এই কম্পিউটার তাকে ${p.port} পোর্ট ব্যবহার করতে দেয় না। সেটিংসে ১০২৪-এর বেশি একটি পোর্ট বেছে নিন।`;
      case 'address_not_here':
        return `${CANNOT} ${p.host} ঠিকানাটি এই কম্পিউটারের নয়। সেটিংসে অন্য ঠিকানা বেছে নিন।`;
      case 'failed':
        return `${CANNOT} ${p.host}-এর ${p.port} পোর্টে তার ফেরার ঠিকানা চালু হয়নি (${p.error ?? 'কারণ জানা যায়নি'})।`;
    }
  },
  phone_test_elsewhere: () =>
    'ফোনে পরীক্ষার জন্য এই PayDesk জানালার ফেরার ঠিকানা লাগে, আর সেটি এখন অন্য একটি প্রোগ্রামে (“paydesk listen”) চলছে।',

  return_check_no_listener_detail: () => 'PayDesk-এর কোনো ফেরার ঠিকানা নেই: সেটি বন্ধ।',
  return_check_invalid: (p) => `“${p.text}” https:// বা http:// দিয়ে শুরু হওয়া কোনো ওয়েব ঠিকানা নয়; সেটিংসে ইন্টারনেটের ফেরার ঠিকানা ঠিক করুন।`,
  return_check_loopback_warning: (p) =>
    `ফেরার ঠিকানা ${p.host} এই কম্পিউটারই: ফোনে টাকা দেওয়া গ্রাহককে ফোনেই ফেরত পাঠানো হয়, PayDesk-এ নয়। সেটিংসে বেছে নিন গ্রাহক কোথায় টাকা দেন।`,
  return_check_plain_http: () =>
    'এই ইন্টারনেটের ফেরার ঠিকানা http:// দিয়ে শুরু, তাই প্রতিটি অর্ডারের গোপন লিংক ইন্টারনেটে খোলা অবস্থায় যাবে; আপনার টানেলের https:// ঠিকানা ব্যবহার করুন।',
  return_check_heard_detail: (p, f) =>
    `PayDesk ${p.host} দিয়ে যাচাইটি শুনেছে (উত্তর কোড ${f.count(p.status)}, ${f.count(p.ms)} মিলিসেকেন্ডে)।`,
  return_check_heard_public: (p) => `গ্রাহকেরা ${p.host} দিয়ে PayDesk-এ ফিরতে পারবেন: PayDesk সেখানে নিজের সাড়া পেয়েছে।`,
  return_check_heard_own: (p) => `PayDesk ${p.host}-এ নিজের সাড়া পেয়েছে।`,
  return_check_not_heard_detail: (p, f) => `${p.host} উত্তর দিয়েছে (কোড ${f.count(p.status)}), কিন্তু PayDesk যাচাইটি শোনেনি।`,
  return_check_redirected: (p, f) =>
    `${reached(p, f)}: সার্ভারটি “${p.location}”-এ পাঠিয়ে দেয়, অথচ গ্রাহকের ফেরা অন্য ঠিকানায় পাঠানোর ওপর নির্ভর করা চলে না; যে ঠিকানায় পাঠায় সেটিকেই ইন্টারনেটের ফেরার ঠিকানা করুন, অথবা সরাসরি ${p.listenerUrl}-এ পাঠান।`,
  return_check_host_rewritten: (p, f) =>
    `${reached(p, f)}, অন্তত যে নামে পাঠানো হয়েছিল সেই নামে নয়: যে প্রক্সি “Host” হেডার বদলে দেয়, তার অনুরোধ PayDesk ফিরিয়ে দেয়। প্রক্সিকে ফেরার ঠিকানার নিজের নামটিই পাঠাতে বলুন (যেমন “proxy_set_header Host $host;”), অথবা ${p.listenerUrl}-এ পাঠান।`,
  return_check_other_program: (p, f) =>
    `${reached(p, f)}: সেখানে অন্য একটি প্রোগ্রাম (অথবা অন্য অর্ডারের খাতা নিয়ে PayDesk-এর আরেকটি কপি) উত্তর দিচ্ছে। সেটি বন্ধ করুন, অথবা সেটিংসে অন্য পোর্ট বেছে নিন।`,
  return_check_not_pointed: (p, f) => `${reached(p, f)}: আপনার টানেল বা প্রক্সিকে ${p.listenerUrl}-এ পাঠান, যেখানে PayDesk শুনছে।`,

  reach_this_computer: (p) =>
    p.sandbox
      ? 'পরীক্ষার মোড শুধু এই কম্পিউটারে চলছে: কোনো ফোন এই লিংক খুলতেও পারবে না, PayDesk-এ ফিরতেও পারবে না। “ব্রাউজারে খুলুন” দিয়ে এখানেই খুলুন, অথবা দোকানের ওয়াই-ফাইয়ের ফোন বেছে নিন।'
      : 'ফোনে টাকা দিলে গ্রাহক PayDesk-এ ফিরে আসবেন না: এই লিংক শুধু এই কম্পিউটারেই ফেরে, তাই অর্ডারটি অপেক্ষমাণ থেকে যাবে।',
  reach_shop_network: () =>
    'শুধু দোকানের ওয়াই-ফাইতে থাকা ফোন PayDesk-এ ফিরে আসে: মোবাইল ডেটায় গ্রাহক টাকা দিতে পারবেন, কিন্তু অর্ডারটি অপেক্ষমাণ থেকে যাবে। আগে গ্রাহককে ওয়াই-ফাইতে যুক্ত হতে বলুন।',
  reach_unreachable: () =>
    'এই লিংক থেকে কোনো গ্রাহক PayDesk-এ ফিরবেন না: এটি তাঁদের এমন ঠিকানায় ফেরায় যা এই কম্পিউটারের আর নেই (নেটওয়ার্ক অন্য ঠিকানা দিয়েছে)।',

  tunnel_name_missing: () => '“cloudflared tunnel create” দিয়ে টানেলকে যে নাম দিয়েছিলেন, সেটি লিখুন।',
  tunnel_name_dash: () => 'টানেলের নাম “-” দিয়ে শুরু হতে পারে না।',
  tunnel_name_invalid: () =>
    'টানেলের নামে বড়জোর ৬৪টি ইংরেজি অক্ষর, অঙ্ক, “-” ও “_” থাকে, ফাঁকা জায়গা ছাড়া: “cloudflared tunnel create”-কে যে নাম দিয়েছিলেন।',
  tunnel_needs_return_address: () => 'আগে আপনার টানেল যে ইন্টারনেটের ফেরার ঠিকানা দেয় তা সংরক্ষণ করুন; তারপর PayDesk টানেলটি চালাতে পারবে।',
  tunnel_not_installed: () =>
    'PayDesk এই কম্পিউটারে “cloudflared” খুঁজে পাচ্ছে না। “Cloudflare” থেকে এটি ইনস্টল করুন, তারপর PayDesk আপনার টানেল চালাতে পারবে।',
  tunnel_listener_elsewhere: () =>
    'PayDesk-এর ফেরার ঠিকানা অন্য একটি প্রোগ্রাম চালাচ্ছে, তাই এখানে টানেল চালু করলে গ্রাহকদের পৌঁছে দেওয়ার মতো কিছু থাকবে না।',
  tunnel_gone: () => 'PayDesk টানেলটি আবার চালু করতে পারছে না: “cloudflared” এই কম্পিউটারে আর নেই।',
  tunnel_would_not_start: (p) =>
    `PayDesk “cloudflared” চালু করতে পারেনি${p.code === null ? '' : ` (${p.code})`}: এটি ঠিকমতো ইনস্টল করা আছে কিনা দেখুন।`,

  page_paid_title: () => 'টাকা পাওয়া গেছে',
  page_paid_body: (p, f) => `ধন্যবাদ। অর্ডার ${p.ref}-এর জন্য আপনার ${f.money(p.amountMinor)} পেমেন্ট জমা হয়েছে।`,
  page_paid_transaction: (p) => `লেনদেন নম্বর: ${p.transactionId}`,
  page_close: () => 'এই পাতাটি এখন বন্ধ করতে পারেন।',
  page_cancelled_title: () => 'পেমেন্ট বাতিল হয়েছে',
  page_cancelled_body: (p) => `অর্ডার ${p.ref}-এর টাকা দেওয়া হয়নি। কোনো টাকা কাটা হয়নি।`,
  page_cancelled_again: () => 'টাকা দিতে চাইলে দোকান থেকে নতুন পেমেন্ট লিংক নিন।',
  page_already_paid_title: () => 'আগেই পরিশোধিত',
  page_already_paid_body: (p) => `অর্ডার ${p.ref} আগেই পরিশোধিত। আর কোনো টাকা কাটা হয়নি।`,
  page_conflict_title: () => 'পাতাটি দোকানে দেখান',
  page_conflict_body: (p) => `অর্ডার ${p.ref}-এ আগেই অন্য একটি পেমেন্ট জমা আছে, তাই এটি নেওয়া হয়নি। দোকানকে জানানো হয়েছে।`,
  page_not_found_title: () => 'লিংকটি চেনা যায়নি',
  page_not_found_body: () => 'এই পেমেন্ট লিংক PayDesk-এর তৈরি নয়, অথবা এটি পুরোটা কপি হয়নি। কিছুই জমা হয়নি।',
  page_bad_return_title: () => 'লেনদেন নম্বর পাওয়া যায়নি',
  page_bad_return_body: () => 'গেটওয়ে কাজে লাগার মতো কোনো লেনদেন নম্বর পাঠায়নি, তাই কিছুই জমা হয়নি। পাতাটি দোকানে দেখান।',
  page_refused_title: () => 'পাওয়া যাচ্ছে না',
  page_refused_body: () => 'এই ঠিকানা শুধু পেমেন্টের পরে ফেরার জন্য।',
  page_unavailable_title: () => 'আবার চেষ্টা করুন',
  page_unavailable_body: () => 'PayDesk এই মুহূর্তে এটি জমা করতে পারেনি। একটু পরে পাতাটি আবার খুলুন; কিছুই হারায়নি।',
  page_waiting_title: () => 'ধন্যবাদ',
  page_waiting_body: () => 'PayDesk আপনার পেমেন্টের খবর পেয়েছে এবং তা দোকানের অর্ডারের খাতায় লিখছে। আপনাকে আর কিছু করতে হবে না।',
  page_cancel_waiting_title: () => 'পেমেন্ট শেষ হয়নি',
  page_cancel_waiting_body: () => 'আপনি পেমেন্টের পাতা ছেড়ে এসেছেন, দোকান তা দেখতে পাবে। টাকা দিতে চাইলে দোকান থেকে নতুন পেমেন্ট লিংক নিন।',
  page_too_many_title: () => 'একটু অপেক্ষা করুন',
  page_too_many_body: () => 'এই ঠিকানা থেকে অনেক বেশি অনুরোধ এসেছে। এক মিনিট পরে পাতাটি আবার খুলুন; কিছুই হারায়নি।',
  page_probe_title: () => 'PayDesk এই যাচাই শুনেছে',
  page_probe_body: () => 'PayDesk-এর ফেরার ঠিকানায় এই অনুরোধ পৌঁছেছে।',
  page_phone_title: () => 'PayDesk এই ফোনের সাড়া পাচ্ছে',
  page_phone_body: () => 'এই ফোন থেকে দোকানের PayDesk-এ পৌঁছানো যায়, তাই এমন ফোনে টাকা দিলে গ্রাহক পেমেন্টের পরে PayDesk-এ ফিরে আসবেন।',
  page_phone_used_title: () => 'এই পরীক্ষাটি আগেই ব্যবহার হয়েছে',
  page_phone_used_body: () =>
    'এই পরীক্ষার পাতা প্রথম যে ডিভাইস খুলেছে, PayDesk তার সাড়া পেয়েছে। আবার পরীক্ষা করতে PayDesk-এ নতুন পরীক্ষা শুরু করুন।',
};
