import { useEffect, useRef, useState } from 'react';
import type { AppError, Order } from '../../../shared/contract';
import { ErrorAlert } from '../error-alert';
import { useLanguage } from '../i18n/language-provider';
import { languageOf } from '../language-of';
import { StatusBadge } from '../orders/status-badge';
import { callPaydesk } from '../paydesk-call';
import { CopyLinkButton } from './copy-link-button';
import { ForeignHostWarning } from './foreign-host-warning';
import { useLinkReach } from '../status/return-way';
import { PaymentQrCode } from './payment-qr-code';
import { reachWarns, ReturnReachWarning } from './return-reach-warning';

/** The link just made, ready to hand to the customer; its status follows the order as it changes. */
export function PaymentLinkPanel({ order }: { order: Order | null }) {
  const { t } = useLanguage();
  if (!order?.paymentUrl) {
    return (
      <section className="card panel-empty" aria-labelledby="link-title">
        <h2 id="link-title">{t.linkTitle}</h2>
        <p>{t.linkEmpty}</p>
      </section>
    );
  }
  return <CreatedLink key={order.ref} order={order} paymentUrl={order.paymentUrl} />;
}

function CreatedLink({ order, paymentUrl }: { order: Order; paymentUrl: string }) {
  const { t, formats } = useLanguage();
  const urlField = useRef<HTMLInputElement>(null);
  const [opening, setOpening] = useState(false);
  const [openError, setOpenError] = useState<AppError | null>(null);
  const reach = useLinkReach(order);
  const describedBy = [order.paymentHostForeign && 'payment-url-host', reachWarns(reach) && 'payment-url-reach'].filter(Boolean).join(' ');

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
          {t.linkTitle}{' '}
          <span className="ref" translate="no">
            {order.ref}
          </span>
        </h2>
        <StatusBadge order={order} />
      </div>
      <div className="link-body">
        <div className="link-text">
          <p className="link-amount">{formats.money(order.amountMinor)}</p>
          {order.customerName && (
            <p className="link-customer">
              {t.linkCustomer}{' '}
              <span lang={languageOf(order.customerName)} translate="no">
                {order.customerName}
              </span>
            </p>
          )}
          <ReturnReachWarning reach={reach} sandbox={order.sandbox} id="payment-url-reach" />
          <ForeignHostWarning order={order} id="payment-url-host" />
          <label htmlFor="payment-url">{t.linkForCustomer}</label>
          <div className="url-row">
            <input
              id="payment-url"
              ref={urlField}
              translate="no"
              className="url"
              readOnly
              value={paymentUrl}
              onFocus={(e) => e.target.select()}
              aria-describedby={describedBy || undefined}
            />
            <CopyLinkButton url={paymentUrl} field={urlField} />
            <button type="button" className="secondary" onClick={open} disabled={opening}>
              {t.openInBrowser}
            </button>
          </div>
          {order.status === 'paid' && (
            <p className="paid-note">
              {order.paidManually ? (
                t.paidHowManual
              ) : (
                <>
                  {order.paymentProof === 'counter' ? t.paidAtCounterNote : t.paidNote}{' '}
                  <span className="mono" translate="no">
                    {order.transactionId}
                  </span>
                </>
              )}
            </p>
          )}
          {openError && <ErrorAlert error={openError} />}
        </div>
        {order.status === 'pending' && (
          <PaymentQrCode url={paymentUrl} reach={reach} sandbox={order.sandbox} size={168} className="link-qr" />
        )}
      </div>
    </section>
  );
}
