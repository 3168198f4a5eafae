import type { Translation } from '../catalog';
import { ORDER_STATUS } from './order-status';
import type { cli as english } from '../en/cli';

const STEP: Record<string, string> = {
  url: 'ঠিকানা',
  dns: 'নাম',
  tcp: 'সংযোগ',
  tls: 'সার্টিফিকেট',
  http: 'উত্তর',
  heard: 'শোনা গেছে',
};

// The commands and their options stay as they are typed.
export const cli: Translation<typeof english> = {
  cli_unknown_command: (p) => `“${p.command}” নামে কোনো কমান্ড নেই। তালিকা দেখতে paydesk --help চালান।`,
  cli_unknown_language: (p) => `PayDesk কথা বলে en (ইংরেজি) বা bn (বাংলা) ভাষায়, “${p.language}” নয়।`,
  cli_option_needs_value: (p) => `${p.option}-এর পরে একটি মান দিন।`,
  cli_option_takes_no_value: (p) => `${p.option}-এর পরে কোনো মান লাগে না।`,
  cli_unknown_option: (p) => `এখানে ${p.option} নামে কোনো অপশন নেই। তালিকা দেখতে paydesk --help চালান।`,
  cli_unexpected_word: (p) => `“${p.word}” এখানে বোঝা গেল না। তালিকা দেখতে paydesk --help চালান।`,
  cli_failed: (p) => `কাজটি হয়নি: ${p.reason}`,
  cli_warning: () => 'সাবধান:',

  cli_profile_add_needs_name: () => 'profile add-এর পরে প্রোফাইলের একটি নাম দিন।',
  cli_profile_add_needs_base_url: () => 'profile add-এর সঙ্গে --base-url দিন (গেটওয়ের এপিআই সেটিংস পাতার গেটওয়ের ঠিকানা)।',
  cli_profile_exists: (p) => `“${p.name}” নামে একটি প্রোফাইল আগে থেকেই আছে।`,
  cli_profile_added: (p) => `${p.name} প্রোফাইল যোগ হয়েছে। চালু করতে: paydesk profile use ${p.name}`,
  cli_no_profiles: () =>
    'এখনও কোনো প্রোফাইল নেই। অ্যাপ আর `paydesk sandbox` একটি পরীক্ষার প্রোফাইল তৈরি করে; নিজেরটি যোগ করুন `paydesk profile add` দিয়ে।',
  cli_profile_use_needs_name: () => 'profile use-এর পরে প্রোফাইলের নাম দিন।',
  cli_no_such_profile: (p) => `“${p.name}” নামে কোনো প্রোফাইল নেই। দেখুন paydesk profile list।`,
  cli_no_such_counter: (p) => `এই অর্ডারের খাতায় “${p.name}” নামে কোনো কাউন্টার নেই।`,
  cli_profile_active: (p) => `চালু প্রোফাইল: ${p.name} (${p.sandbox ? 'পরীক্ষা' : 'আসল'})।`,
  cli_profile_takes: () => 'profile-এর পরে add, list বা use দিন।',
  cli_column_name: () => 'নাম',
  cli_column_mode: () => 'ধরন',
  cli_column_listen: () => 'ফেরার ঠিকানা',
  cli_column_base_url: () => 'গেটওয়ের ঠিকানা',
  cli_mode: (p) => (p.sandbox ? 'পরীক্ষা' : 'আসল'),

  cli_link_needs_amount: () => 'link-এর সঙ্গে --amount দিন, যেমন --amount 150.50।',
  cli_link_unexpected: (p) => `“${p.word}” এখানে বোঝা গেল না। আপনি কি --amount ${p.word} বোঝাতে চেয়েছেন?`,

  cli_no_orders: () => 'কোনো অর্ডার নেই।',
  cli_column_ref: () => 'অর্ডার',
  cli_column_status: () => 'অবস্থা',
  cli_column_amount: () => 'টাকা',
  cli_column_created: () => 'তৈরি',
  cli_column_transaction: () => 'লেনদেন নম্বর',
  cli_column_customer: () => 'গ্রাহক',
  cli_column_counter: () => 'কাউন্টার',
  cli_order_status: (p) => (p.manual ? `${ORDER_STATUS[p.status]} (হাতে)` : ORDER_STATUS[p.status]),

  cli_export_takes_csv: () => 'export-এর পরে csv দিন: paydesk export csv --out FILE।',
  cli_export_needs_out: () => 'export csv-এর সঙ্গে --out FILE দিন।',
  cli_export_wrote: (p, f) => `${f.count(p.count)}টি অর্ডার ${p.file} ফাইলে লেখা হয়েছে।`,

  cli_receipt_needs_ref: () => 'receipt-এর পরে একটি অর্ডার দিন, যেমন: paydesk receipt PD-000123 --out receipt.html।',
  cli_receipt_needs_out: () => 'receipt-এর সঙ্গে --out FILE.html দিন।',
  cli_receipt_layout: () => '--layout হয় a4, নয়তো roll80।',
  cli_receipt_wrote: (p) => `${p.ref}-এর রসিদ ${p.file} ফাইলে লেখা হয়েছে।`,

  cli_reconcile_needs_file: () => 'reconcile-এর পরে একটি স্টেটমেন্ট ফাইল দিন, যেমন: paydesk reconcile statement.csv।',
  cli_map_pair: (p) => `--map নেয় trx=COL,amount=COL,time=COL (চাইলে sender=, reference=), “${p.pair}” নয়।`,
  cli_map_twice: (p) => `--map-এ ${p.field} কলাম দুবার দেওয়া হয়েছে।`,
  cli_cannot_read: (p) => `${p.path} পড়া গেল না: ${p.reason ?? 'এমন কোনো ফাইল নেই'}।`,
  cli_statement_summary: (p, f) =>
    `${p.file}: ${f.count(p.lines)}টি লাইন, ${f.count(p.imported)}টি নতুন` +
    (p.from && p.to ? `, ${f.dayLong(p.from)} থেকে ${f.dayLong(p.to)} পর্যন্ত।` : '।'),
  cli_statement_verified: () => 'যাচাই হয়েছে',
  cli_statement_amount_mismatch: () => 'অঙ্ক মেলেনি',
  cli_statement_missing: () => 'স্টেটমেন্টে নেই',
  cli_statement_unclaimed: () => 'কোনো অর্ডারে না-মেলা পেমেন্ট',
  cli_statement_already_known: () => 'আগেই জানা',
  cli_statement_rejected: () => 'বাদ পড়েছে',
  cli_statement_rejected_line: (p, f) => `লাইন ${f.count(p.line)}: ${p.reason}: ${p.text}`,
  cli_statement_more_rejected: (p, f) => `…আরও ${f.count(p.count)}টি লাইন বাদ পড়েছে।`,

  cli_return_takes_check: () => 'return-এর পরে check দিন: paydesk return check [--json]।',
  cli_report_day: () => '--day-এর পরে দিনটি YYYY-MM-DD আকারে দিন।',
  cli_report_unexpected: (p) => `report-এর পরে “${p.word}” বোঝা গেল না: paydesk report [--day YYYY-MM-DD] [--json]।`,
  cli_check_passed: () => 'ঠিক আছে',
  cli_check_failed: () => 'হয়নি',
  cli_check_step: (p) => STEP[p.step] ?? p.step,

  cli_port_invalid: (p) => `${p.option} হবে একটি পোর্ট নম্বর (০–৬৫৫৩৫)।`,
  cli_sandbox_running: (p) => `পরীক্ষার গেটওয়ে চালু: ${p.url} (গেটওয়ের ঠিকানা ${p.baseUrl})`,
  cli_listening: (p) => `ফেরার ঠিকানা চালু: ${p.url}`,
  cli_order_changed: (p) => `${p.ref} ${ORDER_STATUS[p.status]}${p.transactionId ? ` ${p.transactionId}` : ''}`,
};
