import type { Translation } from '../catalog';
import type { common as english } from '../en/common';

export const common: Translation<typeof english> = {
  unknown_operation: (p) => `PayDesk-এ “${p.name}” নামে কোনো কাজ নেই।`,
  untrusted_sender: () => 'অনুরোধটি PayDesk-এর জানালা থেকে আসেনি, তাই ফিরিয়ে দেওয়া হয়েছে।',
  input_invalid: () => 'যা লেখা হয়েছে তা ঠিক নেই।',
  internal_error: () => 'PayDesk-এর ভেতরে একটা সমস্যা হয়েছে। কিছুই পাঠানো হয়নি; আবার চেষ্টা করুন।',
  core_unreachable: () => 'PayDesk তার ভেতরের অংশের সাথে যোগাযোগ করতে পারছে না। বারবার এমন হলে PayDesk বন্ধ করে আবার খুলুন।',
};
