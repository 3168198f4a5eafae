import type { Order } from '../../../shared/contract';
import { useLanguage } from '../i18n/language-provider';

/**
 * How a paid order stands against the imported statements, as a small chip; nothing for an unpaid order. An
 * amount that differs names both amounts in its tooltip and for screen readers.
 */
export function VerificationChip({ order }: { order: Pick<Order, 'status' | 'verification' | 'amountMinor' | 'statementAmountMinor'> }) {
  const { t, formats } = useLanguage();
  if (order.status !== 'paid' || !order.verification) return null;
  const label = t.verification[order.verification];
  const differs = order.verification === 'amount_mismatch' && order.statementAmountMinor !== null;
  const detail = differs
    ? `${label}: ${t.amountDiffers(formats.money(order.amountMinor), formats.money(order.statementAmountMinor!))}`
    : undefined;
  return (
    <span className={`verification-chip is-${order.verification}`} data-verification={order.verification} title={detail}>
      <span aria-hidden="true" className="verification-mark" />
      {label}
      {detail && (
        <span className="visually-hidden">
          : {t.amountDiffers(formats.money(order.amountMinor), formats.money(order.statementAmountMinor!))}
        </span>
      )}
    </span>
  );
}
