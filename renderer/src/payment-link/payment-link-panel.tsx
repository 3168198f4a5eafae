import { useEffect, useRef, useState } from 'react';
import type { AppError, Order } from '../../../shared/contract';
import { formatTaka } from '../../../shared/money';
import { ErrorAlert } from '../error-alert';
import { languageOf } from '../language-of';
import { StatusBadge } from '../orders/status-badge';
import { callPaydesk } from '../paydesk-call';
import { CopyLinkButton } from './copy-link-button';

/** The link just made, ready to hand to the customer; its status follows the order as it changes. */
export function PaymentLinkPanel({ order }: { order: Order | null }) {
  if (!order?.paymentUrl) {
    return (
      <section className="card panel-empty" aria-labelledby="link-title">
        <h2 id="link-title">Payment link</h2>
        <p>
          Enter an amount and choose <strong>Create payment link</strong>. The link appears here, ready to copy or
          open for the customer.
        </p>
      </section>
    );
  }
  return <CreatedLink key={order.ref} order={order} paymentUrl={order.paymentUrl} />;
}

function CreatedLink({ order, paymentUrl }: { order: Order; paymentUrl: string }) {
  const urlField = useRef<HTMLInputElement>(null);
  const [opening, setOpening] = useState(false);
  const [openError, setOpenError] = useState<AppError | null>(null);

  // A new link takes the focus, selected, so Tab reaches Copy and Ctrl+C works at once.
  useEffect(() => {
    urlField.current?.focus();
    urlField.current?.select();
  }, []);

  async function open() {
    setOpening(true);
    setOpenError(null);
    const reply = await callPaydesk('openPaymentPage', { ref: order.ref });
    setOpening(false);
    if (!reply.ok) setOpenError(reply.error);
  }

  return (
    <section className="card link-panel" aria-labelledby="link-title">
      <div className="panel-head">
        <h2 id="link-title">
          Payment link <span className="ref">{order.ref}</span>
        </h2>
        <StatusBadge status={order.status} />
      </div>
      <p className="link-amount">{formatTaka(order.amountMinor)}</p>
      {order.customerName && (
        <p className="link-customer">
          for <span lang={languageOf(order.customerName)}>{order.customerName}</span>
        </p>
      )}
      <label htmlFor="payment-url">Link for the customer</label>
      <div className="url-row">
        <input id="payment-url" ref={urlField} className="url" readOnly value={paymentUrl} onFocus={(e) => e.target.select()} />
        <CopyLinkButton url={paymentUrl} field={urlField} />
        <button type="button" className="secondary" onClick={open} disabled={opening}>
          Open in browser
        </button>
      </div>
      {order.status === 'paid' && (
        <p className="paid-note">
          Paid · transaction <span className="mono">{order.transactionId}</span>
        </p>
      )}
      {openError && <ErrorAlert error={openError} />}
    </section>
  );
}
