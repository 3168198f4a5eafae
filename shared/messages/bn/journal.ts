import type { Translation } from '../catalog';
import type { journal as english } from '../en/journal';

export const journal: Translation<typeof english> = {
  link_not_saved: (p) =>
    `গেটওয়ে অর্ডার ${p.ref}-এর লিংক বানিয়েছে, কিন্তু দোকানের সবার অর্ডারের খাতায় পৌঁছানো যায়নি বলে তা লেখা যায়নি, তাই PayDesk ` +
    'লিংকটি দেখায়নি: এই অর্ডারের কোনো লিংক গ্রাহককে দেবেন না। খাতা সাড়া দিলে অর্ডারটি ব্যর্থ হিসেবে লেখা হবে; একটু পরে নতুন লিংক বানান।',
  link_never_handed_out: () => 'লিংকটি বানানোর সময় দোকানের সবার অর্ডারের খাতায় পৌঁছানো যায়নি, তাই লিংকটি কাউকে দেওয়া হয়নি।',
};
