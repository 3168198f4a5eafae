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
};
