import { useEffect, useRef, useState } from 'react';
import type { AppError, Order } from '../../../shared/contract';
import { ErrorAlert } from '../error-alert';
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
  const dialog = useRef<HTMLDialogElement>(null);
  const [cancelling, setCancelling] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    const element = dialog.current;
    element?.showModal();
    return () => element?.close();
  }, []);

  async function cancel() {
    setCancelling(true);
    setError(null);
    const reply = await callPaydesk('cancelOrder', { ref: order.ref });
    setCancelling(false);
    if (reply.ok) onDone(reply.value);
    else setError(reply.error);
  }

  return (
    <dialog
      ref={dialog}
      className="confirm-dialog"
      aria-labelledby="cancel-order-title"
      aria-describedby="cancel-order-consequence"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id="cancel-order-title">{t.cancelOrderTitle(order.ref, formats.money(order.amountMinor))}</h2>
      <p id="cancel-order-consequence">{t.cancelOrderConsequence}</p>
      {error && <ErrorAlert error={error} />}
      <div className="dialog-actions">
        <button type="button" className="secondary" autoFocus onClick={onClose} disabled={cancelling}>
          {t.keepLink}
        </button>
        <button type="button" className="danger" onClick={cancel} disabled={cancelling}>
          {cancelling ? t.cancellingLink : t.cancelLinkConfirm}
        </button>
      </div>
    </dialog>
  );
}
