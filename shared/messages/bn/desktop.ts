import type { Translation } from '../catalog';
import type { desktop as english } from '../en/desktop';

export const desktop: Translation<typeof english> = {
  paid_notification_title: (p, f) =>
    `${p.unverified ? 'টাকা পাওয়া গেছে, এখনও যাচাই হয়নি' : 'টাকা পাওয়া গেছে'}: ${f.money(p.amountMinor)}${p.sandbox ? ' (পরীক্ষা)' : ''}`,
  paid_notification_body: (p) =>
    `${p.ref}${p.customerName ? ` · ${p.customerName}` : ''}${p.transactionId ? ` — লেনদেন নম্বর ${p.transactionId}` : ''}` +
    (p.unverified ? '\nস্টেটমেন্টে দেখা গেলে যাচাই হবে।' : ''),
  dialog_save_receipt_pdf: () => 'রসিদটি পিডিএফ হিসেবে রাখুন',
  dialog_save_receipts_pdf: () => 'সব রসিদ একটি পিডিএফ-এ রাখুন',
  dialog_receipts_folder: () => 'রসিদগুলো রাখার ফোল্ডার বেছে নিন',
  dialog_export_csv: () => 'অর্ডারগুলো সিএসভি ফাইলে রাখুন',
  dialog_choose_statement: () => 'মেলানোর জন্য স্টেটমেন্ট বেছে নিন',
  dialog_statement_files: () => 'স্টেটমেন্ট (সিএসভি, এক্সেল)',
  dialog_choose_logo: () => 'দোকানের লোগো বেছে নিন',
  dialog_logo_files: () => 'ছবি (পিএনজি, জেপিজি, ওয়েবপি)',
  open_payment_link_missing: (p) => `অর্ডার ${p.ref}-এর খোলার মতো কোনো পেমেন্ট লিংক নেই।`,
  open_payment_link_not_web: () => 'PayDesk শুধু http:// বা https:// দিয়ে শুরু হওয়া সাধারণ ওয়েব ঠিকানার পেমেন্ট লিংক খোলে।',
  tray_pending_count: (p, f) => (p.count === 0 ? 'কোনো লিংক পেমেন্টের অপেক্ষায় নেই' : `${f.count(p.count)}টি লিংক পেমেন্টের অপেক্ষায়`),
  tray_pending_link: (p, f) => `${p.ref} · ${f.money(p.amountMinor)}`,
  tray_more_pending: (p, f) => `আরও ${f.count(p.more)}টি`,
  tray_open: () => 'PayDesk খুলুন',
  tray_quit: () => 'PayDesk বন্ধ করুন',
  keep_running_title: () => 'PayDesk চালু আছে',
  keep_running_body: (p) =>
    'পেমেন্ট করছেন এমন গ্রাহকেরা যেন ফিরে আসতে পারেন, তাই PayDesk চালু থাকছে। ' +
    (p.where === 'dock'
      ? 'আবার খুলতে বা বন্ধ করতে ডকে এর আইকনটি ব্যবহার করুন।'
      : 'আবার খুলতে বা বন্ধ করতে ঘড়ির পাশে এর আইকনটি ব্যবহার করুন, অথবা অ্যাপের তালিকা থেকে PayDesk আবার চালু করুন।'),
  keep_running_ok: () => 'ঠিক আছে',
  quit_pending_title: () => 'PayDesk বন্ধ করবেন?',
  quit_pending_message: (p, f) => `${f.count(p.count)} জন গ্রাহক এখনও পেমেন্ট করে ফিরে আসতে পারেন।`,
  quit_pending_detail: () =>
    'PayDesk বন্ধ থাকলে পেমেন্ট করা গ্রাহক এখানে ফিরে আসতে পারবেন না, আর স্টেটমেন্টের সঙ্গে হিসাব মেলানো পর্যন্ত অর্ডারটি অপেক্ষমাণ থাকবে।',
  quit_anyway: () => 'তবুও বন্ধ করুন',
  quit_keep_running: () => 'চালু রাখুন',
  menu_file: () => 'ফাইল',
  menu_edit: () => 'সম্পাদনা',
  menu_view: () => 'দেখা',
  menu_help: () => 'সাহায্য',
  menu_close_window: () => 'জানালা বন্ধ করুন',
  menu_undo: () => 'আগের মতো করুন',
  menu_redo: () => 'আবার করুন',
  menu_cut: () => 'কাটুন',
  menu_copy: () => 'কপি করুন',
  menu_paste: () => 'বসান',
  menu_select_all: () => 'সব বাছুন',
  menu_zoom_in: () => 'বড় করুন',
  menu_zoom_out: () => 'ছোট করুন',
  menu_actual_size: () => 'আসল মাপ',
  menu_full_screen: () => 'পুরো পর্দা',
  menu_hide: () => 'PayDesk লুকান',
  menu_hide_others: () => 'অন্যগুলো লুকান',
  menu_show_all: () => 'সব দেখান',
  menu_about: () => 'PayDesk সম্পর্কে',
  menu_logs_folder: () => 'লগ ফোল্ডার খুলুন',
};
