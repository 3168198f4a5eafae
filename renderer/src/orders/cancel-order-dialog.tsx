import { useState } from 'react';
import type { AppError, Order } from '../../../shared/contract';
import { Dialog } from '../dialog';
import { useLanguage } from '../i18n/language-provider';
import { callPaydesk } from '../paydesk-call';

type Props = {
  order: Order;
  onDone(order: Order): void;
  onClose(): void;
};

/** Asks before a pending link is withdrawn. Escape or "Keep the link" backs out. */
export function CancelOrderDialog({ order, onDone, onClose }: Props) {
  const { t, formats } = useLanguage();
  const [cancelling, setCancelling] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  async function cancel() {
    setCancelling(true);
    setError(null);
    const reply = await callPaydesk('cancelOrder', { ref: order.ref });
    setCancelling(false);
    if (reply.ok) onDone(reply.value);
    else setError(reply.error);
  }

  return (
    <Dialog
      titleId="cancel-order-title"
      descriptionId="cancel-order-consequence"
      title={t.cancelOrderTitle(order.ref, formats.money(order.amountMinor))}
      description={t.cancelOrderConsequence}
      onClose={onClose}
      busy={cancelling}
      error={error}
      closeLabel={t.keepLink}
      focusClose
      confirm={
        <button type="button" className="danger" onClick={cancel} disabled={cancelling}>
          {cancelling ? t.cancellingLink : t.cancelLinkConfirm}
        </button>
      }
    />
  );
}
