import type { Translation } from '../catalog';
import type { Formats } from '../formats';
import type { updates as english } from '../en/updates';

const kb = (bytes: number, f: Formats) => `${f.count(Math.round(bytes / 1024))} কিলোবাইট`;

export const updates: Translation<typeof english> = {
  update_feed_invalid: () =>
    'আপডেটের ঠিকানা https:// দিয়ে শুরু হতে হবে (http:// চলে শুধু এই কম্পিউটারের ঠিকানায়), যেমন https://downloads.example.com/paydesk/।',
  update_feed_unreachable: (p, f) =>
    p.status === null
      ? `PayDesk আপডেটের ঠিকানা ${p.host}-এ পৌঁছাতে পারেনি। ঠিকানাটি আর এই কম্পিউটারের ইন্টারনেট সংযোগ দেখুন।`
      : `আপডেটের ঠিকানা ${p.host} একটি ত্রুটি জানিয়েছে (ত্রুটির নম্বর ${f.count(p.status)})। পরে আবার চেষ্টা করুন, অথবা যিনি PayDesk-এর আপডেট দেন তাঁকে জানান।`,
  update_feed_timeout: (p, f) => `আপডেটের ঠিকানা ${p.host} ${f.count(p.seconds)} সেকেন্ডের মধ্যে সাড়া দেয়নি। পরে আবার চেষ্টা করুন।`,
  update_feed_not_paydesk: (p) =>
    `${p.host} PayDesk-এর আপডেটের ঠিকানা নয়: সেখানে ${p.file} নেই। দেখুন ঠিকানাটি সেই ফোল্ডারের কিনা, যেখানে PayDesk-এর ইনস্টলার রাখা হয়।`,
  update_feed_malformed: (p) =>
    `${p.host}-এর ${p.file} ফাইলটি নষ্ট, অথবা PayDesk যেভাবে পড়ে সেভাবে লেখা নয়। যিনি PayDesk-এর আপডেট দেন তাঁকে জানান।`,
  update_feed_too_large: (p, f) =>
    `${p.host}-এর ${p.file} ফাইলটি ${kb(p.maxBytes, f)}-এর বেশি, আপডেটের ফাইলের পক্ষে অনেক বড়; PayDesk এটি পড়েনি।`,
  update_feed_redirected: (p) =>
    `আপডেটের ঠিকানা ${p.host} PayDesk-কে ${p.location ?? 'অন্য এক ঠিকানায়'} পাঠাতে চেয়েছে, যেখানে PayDesk যায় না (অল্প কয়েক ধাপ, আর শুধু https:// ঠিকানায়)। আপডেটের আসল ঠিকানাটি দিন।`,
  update_download_missing: () => 'ডাউনলোড করার মতো নতুন কোনো PayDesk জানা নেই। আগে আপডেট আছে কিনা দেখুন।',
};
