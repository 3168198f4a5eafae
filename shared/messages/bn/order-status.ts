import type { OrderStatus } from '../../contract';

/** An order's status in Bengali, the one word for it on screens, receipts, the CLI and in sentences. */
export const ORDER_STATUS: Record<OrderStatus, string> = {
  pending: 'অপেক্ষমাণ',
  paid: 'পরিশোধিত',
  cancelled: 'বাতিল',
  expired: 'মেয়াদোত্তীর্ণ',
  failed: 'ব্যর্থ',
};
