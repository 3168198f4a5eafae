import { useEffect, useRef, useState } from 'react';
import type { Order } from '../../../shared/contract';
import { useLanguage } from '../i18n/language-provider';
import { languageOf } from '../language-of';
import { onPaydeskEvent } from '../paydesk-call';
import { PaidChime } from '../sound/paid-chime';

/** Long enough to read from across the counter. */
const SHOW_MS = 8000;
/** More payments at once than this push the oldest toast out. */
const MAX_TOASTS = 3;

type Toast = { id: number; order: Order };

type Props = {
  onOpen(ref: string): void;
  /** The order whose Paid the screen on show already says, large (the link panel): no toast for it. */
  shownRef?: string | null;
};

/**
 * "Paid" the moment the listener records a return, with the chime (the desktop notification comes from the main
 * process). A toast is for a payment that arrives while the shopkeeper is elsewhere: the link on show turns Paid
 * where it is. Polite: a screen reader finishes what it is saying first. A toast opens its order when clicked.
 */
export function PaidToasts({ onOpen, shownRef = null }: Props) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const shown = useRef(shownRef);
  shown.current = shownRef;

  useEffect(() => {
    let next = 0;
    return onPaydeskEvent('orderPaid', (order) => {
      if (order.ref === shown.current) return;
      setToasts((on) => [...on.filter((toast) => toast.order.ref !== order.ref), { id: next++, order }].slice(-MAX_TOASTS));
    });
  }, []);

  const dismiss = (id: number) => setToasts((shown) => shown.filter((toast) => toast.id !== id));

  return (
    <>
      <PaidChime />
      <div className="toasts" role="status" aria-live="polite">
        {toasts.map((toast) => (
          <PaidToast
            key={toast.id}
            order={toast.order}
            onOpen={() => {
              dismiss(toast.id);
              onOpen(toast.order.ref);
            }}
            onDismiss={() => dismiss(toast.id)}
          />
        ))}
      </div>
    </>
  );
}

function PaidToast({ order, onOpen, onDismiss }: { order: Order; onOpen(): void; onDismiss(): void }) {
  const { t, formats } = useLanguage();
  const [held, setHeld] = useState(false);
  const dismiss = useRef(onDismiss);
  dismiss.current = onDismiss;

  // Hovering or focusing the toast holds it; it goes once let go of.
  useEffect(() => {
    if (held) return;
    const timer = setTimeout(() => dismiss.current(), SHOW_MS);
    return () => clearTimeout(timer);
  }, [held]);

  // A gateway's return is the customer's browser saying "paid": a claim until a statement shows the money.
  const unverified = !order.paidManually && order.verification === 'unverified';
  const amount = formats.money(order.amountMinor);

  return (
    <div
      className="toast"
      data-ref={order.ref}
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={() => setHeld(false)}
    >
      <button type="button" className="toast-body" onClick={onOpen}>
        <span className="toast-title">{unverified ? t.toastPaidUnverifiedTitle(amount) : t.toastPaidTitle(amount)}</span>
        <span className="toast-line">
          <span className="mono" translate="no">
            {order.ref}
          </span>
          {order.customerName && (
            <>
              {' · '}
              <span lang={languageOf(order.customerName)} translate="no">
                {order.customerName}
              </span>
            </>
          )}
        </span>
        {unverified && <span className="toast-note">{t.toastUnverifiedNote}</span>}
        <span className="toast-action">{t.toastOpen}</span>
      </button>
      <button type="button" className="toast-close" aria-label={t.dismissToast} onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
