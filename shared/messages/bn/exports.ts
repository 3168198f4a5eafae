import type { Translation } from '../catalog';
import { ORDER_STATUS } from './order-status';
import type { exports as english } from '../en/exports';

export const exports: Translation<typeof english> = {
  receipts_paid_only: () => 'রসিদ শুধু পরিশোধিত অর্ডারের হয়; "পরিশোধিত" ফিল্টার বেছে নিন, অথবা অবস্থার ফিল্টার তুলে দিন।',
  receipts_none_match: () => 'এই ফিল্টারে কোনো পরিশোধিত অর্ডার নেই, তাই রসিদ বানানোর কিছু নেই।',
  export_running: () => 'আরেকটি এক্সপোর্ট এখনও চলছে; সেটি শেষ হওয়া পর্যন্ত অপেক্ষা করুন, অথবা সেটি থামান।',
  receipt_not_paid: (p) => `অর্ডার ${p.ref} এখন ${ORDER_STATUS[p.status]}; রসিদ শুধু পরিশোধিত অর্ডারের হয়।`,
  csv_write_failed: (p) => `অর্ডারগুলো ${p.file} ফাইলে লেখা যায়নি (${p.problem})।`,
  receipts_failed: (p) => `রসিদগুলো বানানো যায়নি (${p.problem})।`,

  receipt_heading: () => 'পেমেন্টের রসিদ',
  receipt_title: (p) => `রসিদ ${p.ref}`,
  receipt_number: () => 'রসিদ নং',
  receipt_date: () => 'তারিখ',
  receipt_customer: () => 'গ্রাহক',
  receipt_email: () => 'ই-মেইল',
  receipt_note: () => 'নোট',
  receipt_amount: () => 'পরিশোধিত টাকা',
  receipt_transaction: () => 'লেনদেন নম্বর',
  receipt_counter: () => 'কাউন্টার',
  receipt_status: () => 'অবস্থা',
  receipt_paid: () => 'পরিশোধিত',
  receipt_paid_by_hand: () => 'পরিশোধিত — হাতে লিপিবদ্ধ',
  receipt_verification: () => 'যাচাই',
  receipt_verified: () => 'স্টেটমেন্টের সাথে মিলিয়ে যাচাই হয়েছে',
  receipt_sandbox: () => 'পরীক্ষা — আসল টাকা লেনদেন হয়নি',
  receipt_thanks: () => 'কেনাকাটার জন্য ধন্যবাদ।',
};
