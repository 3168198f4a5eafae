import type { Translation } from '../catalog';
import { ORDER_STATUS } from './order-status';
import type { share as english } from '../en/share';

const APP = { whatsapp: 'হোয়াটসঅ্যাপ', sms: 'এসএমএস', email: 'ই-মেইল' } as const;

export const share: Translation<typeof english> = {
  share_message: (p, f) =>
    `${p.shop ? `${p.shop} থেকে ` : ''}পেমেন্টের অনুরোধ: ${f.money(p.amountMinor)} (অর্ডার ${p.ref})।\nএই লিংকে পরিশোধ করুন: ${p.url}`,
  share_message_sandbox: () => 'এটি পরীক্ষা: আসল টাকা লেনদেন হবে না।',
  share_email_subject: (p, f) => `${p.shop ? `${p.shop} থেকে ` : ''}পেমেন্টের অনুরোধ: ${f.money(p.amountMinor)}`,
  share_not_pending: (p) => `অর্ডার ${p.ref} এখন ${ORDER_STATUS[p.status]}: শুধু অপেক্ষমাণ লিংক পাঠানো বা ছাপানো যায়।`,
  share_phone_invalid: () =>
    'ফোন নম্বরটি ঠিক মনে হচ্ছে না: ০১৭১১-০০০০০০ এর মতো মোবাইল নম্বর লিখুন; বিদেশের নম্বর দেশের কোডসহ লিখুন, যেমন +৪৪ ৭৭০০ ৯০০১২৩।',
  share_recipient_too_long: (p, f) => `ফোন নম্বর বা ই-মেইল ঠিকানা সর্বোচ্চ ${f.count(p.max)} অক্ষরের হয়।`,
  share_too_long: () => 'এই বার্তাটি অন্য অ্যাপে পাঠানোর জন্য বেশি লম্বা: লিংকটি কপি করে নিজে পাঠান।',
  share_no_app: (p) => `এই কম্পিউটারে ${APP[p.via]} লিংক খোলার কোনো অ্যাপ নেই: লিংকটি কপি করে নিজে পাঠান।`,

  qr_sign_scan: () => 'স্ক্যান করে পরিশোধ করুন',
  qr_sign_title: (p) => `কিউআর কোড ${p.ref}`,
  qr_sign_order: (p) => `অর্ডার ${p.ref}`,
  qr_sign_valid_until: (p, f) => `${f.dateTime(p.validTo)} পর্যন্ত চালু`,
  qr_sign_sandbox: () => 'পরীক্ষা — আসল টাকা লেনদেন হবে না',
  qr_sign_too_long: () => 'এই লিংকটি কিউআর কোডের জন্য বেশি লম্বা: এটি পাঠিয়ে দিন বা কপি করুন।',
  dialog_save_qr_sign_pdf: () => 'কিউআর কোড পিডিএফ হিসেবে রাখুন',
};
