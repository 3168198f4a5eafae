import type { Order } from '../../../shared/contract';
import { useLanguage } from '../i18n/language-provider';

/**
 * An order's status as a coloured badge; a payment the shopkeeper recorded by hand, or claimed at the counter
 * by the transaction id the customer showed, says so next to it.
 */
export function StatusBadge({ order }: { order: Pick<Order, 'status' | 'paidManually' | 'paymentProof'> }) {
  const { t } = useLanguage();
  return (
    <span className="status">
      <span className={`badge badge-${order.status}`}>{t.status[order.status]}</span>
      {order.status === 'paid' && order.paidManually && <span className="manual-chip">{t.manualChip}</span>}
      {order.status === 'paid' && order.paymentProof === 'counter' && <span className="manual-chip counter-chip">{t.counterChip}</span>}
    </span>
  );
}
