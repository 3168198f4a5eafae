import type { Translation } from '../catalog';
import { ORDER_STATUS } from './order-status';
import type { orders as english } from '../en/orders';

export const orders: Translation<typeof english> = {
  order_not_found: (p) => `${p.ref} নামে কোনো অর্ডার নেই।`,
  order_of_removed_profile: (p) => `অর্ডার ${p.ref} একটি সরিয়ে ফেলা প্রোফাইলের, তাই এটি আর বদলানো যাবে না।`,
  no_profile_yet: () => 'এখনও কোনো মার্চেন্ট প্রোফাইল নেই। সেটিংসে একটি যোগ করুন, অথবা পরীক্ষার মোড ব্যবহার করুন।',
  listener_not_started: () => 'ফেরার ঠিকানা চালু না হওয়া পর্যন্ত PayDesk পেমেন্ট নিতে পারবে না।',
  api_key_missing: (p) => `“${p.profile}” প্রোফাইলের জন্য কোনো এপিআই কী রাখা নেই। সেটিংসে যোগ করুন, অথবা কমান্ড লাইনের জন্য ${p.variable} দিন।`,
  cancel_not_pending: (p) => `অর্ডার ${p.ref} এখন ${ORDER_STATUS[p.status]}; শুধু অপেক্ষমাণ লিংক বাতিল করা যায়।`,
  order_already_paid: (p) => `অর্ডার ${p.ref} আগেই পরিশোধিত।`,
  transaction_id_invalid: () => 'লেনদেন নম্বরে শুধু ইংরেজি অক্ষর, অঙ্ক আর . _ - থাকে, গ্রাহকের পেমেন্টের পর্দায় যেমন দেখায়; আবার লিখুন।',
  transaction_pays_other_order: (p) => `লেনদেন ${p.transactionId} দিয়ে আগেই অর্ডার ${p.ref} পরিশোধিত; এক পেমেন্টে একটিই অর্ডার।`,
  link_failure_recorded: (p) => p.sentence,
  order_book_newer: (p, f) =>
    `এই অর্ডারের খাতা PayDesk-এর নতুন কোনো সংস্করণে লেখা (খাতার সংস্করণ ${f.count(p.schema)}); খুলতে PayDesk হালনাগাদ করুন।`,
};
