import { useEffect, useRef, useState } from 'react';
import type { Order } from '../../../shared/contract';
import { useLanguage } from '../i18n/language-provider';
import { languageOf } from '../language-of';
import { onPaydeskEvent } from '../paydesk-call';

/** Long enough to read from across the counter. */
const SHOW_MS = 8000;
/** More payments at once than this push the oldest toast out. */
const MAX_TOASTS = 3;

type Toast = { id: number; order: Order };

/**
 * "Paid" the moment the listener records a return (the desktop notification comes from the main
 * process). Polite: a screen reader finishes what it is saying first. A toast opens its order when clicked.
 */
export function PaidToasts({ onOpen }: { onOpen(ref: string): void }) {
  const [toasts, setToasts] = useState<Toast[]>([]);

  useEffect(() => {
    let next = 0;
    return onPaydeskEvent('orderPaid', (order) =>
      setToasts((shown) => [...shown.filter((toast) => toast.order.ref !== order.ref), { id: next++, order }].slice(-MAX_TOASTS)),
    );
  }, []);

  const dismiss = (id: number) => setToasts((shown) => shown.filter((toast) => toast.id !== id));

  return (
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
