import { useRef, useState } from 'react';
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
import { ShareLink } from './share-link';

type Props = {
  order: Order | null;
  /** The shopkeeper moves on from a finished link: the form, empty, for the next customer. */
  onNextSale(): void;
  /** A new link for the amount of this finished one. */
  onSameAmount(amountMinor: number): void;
};

/**
 * The link just made, ready to hand to the customer; its status follows the order as it changes. Once paid it says
 * so in large type and stays so until the shopkeeper moves on; a link that is over offers no Copy or Open.
 */
export function PaymentLinkPanel({ order, onNextSale, onSameAmount }: Props) {
  const { t } = useLanguage();
  if (!order?.paymentUrl) {
    return (
      <section className="card link-panel panel-empty" aria-labelledby="link-title">
        <h2 id="link-title">{t.linkTitle}</h2>
        <p>{t.linkEmpty}</p>
      </section>
    );
  }
  if (order.status === 'paid') return <PaidLink order={order} onNextSale={onNextSale} onSameAmount={onSameAmount} />;
  if (order.status !== 'pending') return <FinishedLink order={order} onNextSale={onNextSale} onSameAmount={onSameAmount} />;
  return <PendingLink key={order.ref} order={order} paymentUrl={order.paymentUrl} />;
}

function PanelHead({ order }: { order: Order }) {
  const { t } = useLanguage();
  return (
    <div className="panel-head">
      <h2 id="link-title">
        {t.linkTitle}{' '}
        <span className="ref" translate="no">
          {order.ref}
        </span>
      </h2>
      <StatusBadge order={order} />
    </div>
  );
}

function Customer({ order }: { order: Order }) {
  const { t } = useLanguage();
  if (!order.customerName) return null;
  return (
    <p className="link-customer">
      {t.linkCustomer}{' '}
      <span lang={languageOf(order.customerName)} translate="no">
        {order.customerName}
      </span>
    </p>
  );
}

function PendingLink({ order, paymentUrl }: { order: Order; paymentUrl: string }) {
  const { t, formats } = useLanguage();
  const urlField = useRef<HTMLInputElement>(null);
  const [opening, setOpening] = useState(false);
  const [openError, setOpenError] = useState<AppError | null>(null);
  const reach = useLinkReach(order);
  const describedBy = [order.paymentHostForeign && 'payment-url-host', reachWarns(reach) && 'payment-url-reach'].filter(Boolean).join(' ');

  async function open() {
    setOpening(true);
    setOpenError(null);
    const reply = await callPaydesk('openPaymentPage', { ref: order.ref });
    setOpening(false);
    if (!reply.ok) setOpenError(reply.error);
  }

  return (
    <section className="card link-panel" aria-labelledby="link-title">
      <PanelHead order={order} />
      <div className="link-body">
        <div className="link-text">
          <p className="link-amount">{formats.money(order.amountMinor)}</p>
          <Customer order={order} />
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
            {/* A new link puts the focus on handing it out: Enter copies it, Tab reaches Open. */}
            <CopyLinkButton url={paymentUrl} field={urlField} autoFocus />
            <button type="button" className="secondary" onClick={open} disabled={opening}>
              {t.openInBrowser}
            </button>
          </div>
          {openError && <ErrorAlert error={openError} />}
        </div>
        <PaymentQrCode url={paymentUrl} reach={reach} sandbox={order.sandbox} size={168} className="link-qr" />
      </div>
      <ShareLink order={order} />
    </section>
  );
}

type FinishedProps = { order: Order; onNextSale(): void; onSameAmount(amountMinor: number): void };

/** What a shopkeeper does after a link: the next customer, or the same sum again. */
function NextActions({ order, onNextSale, onSameAmount, nextFirst }: FinishedProps & { nextFirst: boolean }) {
  const { t } = useLanguage();
  return (
    <div className="next-actions">
      <button type="button" className={nextFirst ? 'confirm' : 'secondary'} onClick={onNextSale}>
        {t.nextSale}{' '}
        <kbd className="shortcut" translate="no">
          F2
        </kbd>
      </button>
      <button type="button" className={nextFirst ? 'secondary' : 'confirm'} onClick={() => onSameAmount(order.amountMinor)}>
        {t.sameAmountAgain}
      </button>
    </div>
  );
}

/** Paid: unmistakable from across the counter, with what proves it, until the shopkeeper moves on. */
function PaidLink(props: FinishedProps) {
  const { order } = props;
  const { t, formats } = useLanguage();
  const proof = order.paidManually ? t.paidHowManual : order.paymentProof === 'counter' ? t.paidHowCounter : null;
  return (
    <section className="card link-panel is-paid" aria-labelledby="link-title">
      <PanelHead order={order} />
      <div className="paid-state" role="status">
        <p className="paid-mark">
          {t.paidMark} <span aria-hidden="true">✓</span>
        </p>
        <p className="link-amount">{formats.money(order.amountMinor)}</p>
        <Customer order={order} />
        {proof && <p className="paid-proof">{proof}</p>}
        {order.transactionId && (
          <p className="paid-transaction">
            {t.paidTransactionLabel}{' '}
            <span className="mono" translate="no">
              {order.transactionId}
            </span>
          </p>
        )}
      </div>
      <NextActions {...props} nextFirst />
    </section>
  );
}

/** Cancelled or expired: nothing left to hand out, and a new link one press away. */
function FinishedLink(props: FinishedProps) {
  const { order } = props;
  const { t, formats } = useLanguage();
  return (
    <section className="card link-panel is-finished" aria-labelledby="link-title">
      <PanelHead order={order} />
      <p className="link-amount">{formats.money(order.amountMinor)}</p>
      <Customer order={order} />
      <p className="link-over">{t.linkOver}</p>
      <NextActions {...props} nextFirst={false} />
    </section>
  );
}
