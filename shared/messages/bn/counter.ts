import type { Translation } from '../catalog';
import type { counter as english } from '../en/counter';

export const counter: Translation<typeof english> = {
  counter_amount_range: () => 'কাউন্টারের টাকার পরিমাণ শূন্যের বেশি হতে হবে, যেমন ৫০০।',
  quick_amounts_too_many: (p, f) => `কাউন্টারে বড়জোর ${f.count(p.max)}টি চটজলদি পরিমাণ রাখা যায়।`,
  item_presets_too_many: (p, f) => `কাউন্টারে বড়জোর ${f.count(p.max)}টি পণ্য রাখা যায়।`,
  item_name_missing: () => 'পণ্যের একটি নাম দিন, যেমন “চা”।',
  item_name_too_long: (p, f) => `পণ্যের নাম বড়জোর ${f.count(p.max)} অক্ষরের হতে পারে।`,
};
