import type { Translation } from '../catalog';
import { ORDER_STATUS } from './order-status';
import type { closing as english } from '../en/closing';

export const closing: Translation<typeof english> = {
  closing_heading: () => 'দিন শেষের হিসাব',
  closing_title: (p, f) => `দিন শেষের হিসাব, ${f.dayLong(p.day)}`,
  closing_as_of: (p, f) => `${f.dateTime(p.at)} পর্যন্ত হিসাব`,
  closing_profile: () => 'প্রোফাইল',
  closing_column_orders: () => 'অর্ডার',
  closing_column_amount: () => 'টাকা',
  closing_paid_section: () => 'এই দিনে পরিশোধিত',
  closing_way: (p) =>
    ({ return: 'গেটওয়ে থেকে ফেরা', counter: 'কাউন্টারে দাবি', statement: 'স্টেটমেন্ট থেকে', by_hand: 'হাতে পরিশোধিত' })[p.way],
  closing_paid_total: () => 'মোট পরিশোধিত',
  closing_counter: () => 'কাউন্টার',
  closing_counters_section: () => 'লিংক যে কাউন্টারে তৈরি, সেই অনুযায়ী পরিশোধিত',
  closing_counter_line: (p) => p.name,
  closing_no_counter: () => 'কাউন্টার লেখা নেই',
  closing_counter_unknown: () => 'এই কাউন্টারটি এই অর্ডারের খাতায় কাজ করে না।',
  closing_statements_section: () => 'স্টেটমেন্টের সঙ্গে হিসাব মেলানো',
  closing_standing: (p) =>
    ({
      verified: 'যাচাই হয়েছে',
      not_yet_verified: 'এখনও যাচাই হয়নি',
      amount_mismatch: 'টাকার অঙ্ক মেলেনি',
      missing: 'স্টেটমেন্টে নেই',
      reconciled_by_hand: 'হাতে মেলানো',
    })[p.standing],
  closing_links_section: () => 'এই দিনে তৈরি পেমেন্ট লিংক',
  closing_links_made: () => 'মোট তৈরি লিংক',
  closing_made_status: (p) => (p.status === 'failed' ? 'ব্যর্থ (লিংক হয়নি)' : ORDER_STATUS[p.status]),
  closing_nothing: () => 'এই দিনে কোনো পেমেন্ট বা লিংক নেই।',
  closing_how_counted: () => 'টাকা যেদিন এসেছে সেদিনের হিসাবে পেমেন্ট ধরা হয়েছে; লিংক যেদিন তৈরি হয়েছে সেদিনের হিসাবে।',
  dialog_save_closing_pdf: () => 'দিন শেষের হিসাব পিডিএফ হিসেবে রাখুন',
};
