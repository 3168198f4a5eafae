import type { Translation } from '../catalog';
import type { about as english } from '../en/about';

export const about: Translation<typeof english> = {
  folder_not_opened: (p) =>
    `PayDesk ${p.folder === 'data' ? 'ডেটা ফোল্ডার' : 'লগ ফোল্ডার'} (${p.path}) খুলতে পারেনি; ফাইল ম্যানেজারে নিজে খুলুন।`,
};
