import { useRef, useState, type ReactNode } from 'react';
import type { AppError, Order } from '../../../shared/contract';
import { ErrorAlert } from '../error-alert';
import type { ReceiptLayoutId } from '../exports/layout-choice';
import { ReceiptSection } from '../exports/receipt-section';
import type { Messages } from '../i18n/english';
import { useLanguage } from '../i18n/language-provider';
import { languageOf } from '../language-of';
import { callPaydesk } from '../paydesk-call';
import { CopyLinkButton } from '../payment-link/copy-link-button';
import { ForeignHostWarning } from '../payment-link/foreign-host-warning';
import { PaymentQrCode } from '../payment-link/payment-qr-code';
import { MessageText } from '../data-text';
import { reachWarns, ReturnReachWarning } from '../payment-link/return-reach-warning';
import { useLinkReach } from '../status/return-way';
import { CancelOrderDialog } from './cancel-order-dialog';
import { CounterClaimDialog } from './counter-claim-dialog';
import { MarkPaidDialog } from './mark-paid-dialog';
import { OrderTimeline } from './order-timeline';
import { StatusBadge } from './status-badge';
import { useOrderDetail } from './use-order-detail';
import { VerificationChip } from './verification-chip';

type Props = {
  orderRef: string;
  onClose(): void;
  /** Says what the shopkeeper just did, for screen readers. */
  announce(message: string): void;
  receiptLayout: ReceiptLayoutId;
  onReceiptLayoutChange(layout: ReceiptLayoutId): void;
};

/**
 * Everything about one order: its fields, for a pending one the link as a large QR code for the customer's
 * phone, for a paid one its receipt, what can still be done with it, and its timeline.
 */
export function OrderDetail({ orderRef, onClose, announce, receiptLayout, onReceiptLayoutChange }: Props) {
  const { t, formats } = useLanguage();
  const { detail, error, reload } = useOrderDetail(orderRef);
  const [dialog, setDialog] = useState<'cancel' | 'mark-paid' | 'counter-claim' | null>(null);
  const [openError, setOpenError] = useState<AppError | null>(null);
  const urlField = useRef<HTMLInputElement>(null);
  const panel = useRef<HTMLElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const order = detail?.order;
  const reach = useLinkReach(order);

  // The dialog closes once the order on screen has changed, so the focus it hands back finds today's buttons.
  async function done(message: string) {
    announce(message);
    try {
      await reload();
    } finally {
      setDialog(null);
    }
  }

  /** After a change the button that opened the dialog may be gone: the order's first action now (its receipt when paid). */
  const nextAction = () =>
    panel.current?.querySelector<HTMLElement>('.receipt-actions button, .detail-actions button') ?? closeButton.current;

  async function openPage(ref: string) {
    setOpenError(null);
    const reply = await callPaydesk('openPaymentPage', { ref });
    if (!reply.ok) setOpenError(reply.error);
  }

  /** A label and its value; `data` marks a value that is the shop's or the customer's own words (translate="no"). */
  const field = (label: string, value: ReactNode, data?: { lang: string | undefined }) => (
    <>
      <dt>{label}</dt>
      <dd lang={data?.lang} translate={data ? 'no' : undefined}>
        {value}
      </dd>
    </>
  );
  const data = (text: string | null) => (text ? { lang: languageOf(text) } : undefined);

  return (
    <aside ref={panel} className="card order-detail" aria-labelledby="order-detail-title">
      <div className="panel-head">
        <h2 id="order-detail-title">
          {t.orderTitle}{' '}
          <span className="ref" translate="no">
            {orderRef}
          </span>
        </h2>
        <button
          ref={closeButton}
          type="button"
          className="icon-button"
          aria-label={t.closeDetail}
          aria-keyshortcuts="Escape"
          onClick={onClose}
        >
          ×
        </button>
      </div>
      {error && <ErrorAlert error={error} />}
      {!order ? (
        !error && <p className="muted">{t.loadingOrder}</p>
      ) : (
        <>
          <div className="detail-summary">
            <p className="detail-amount">{formats.money(order.amountMinor)}</p>
            <StatusBadge order={order} />
            <VerificationChip order={order} />
            {order.sandbox && <span className="sandbox-chip">{t.sandboxChip}</span>}
          </div>

          {order.status === 'pending' && order.paymentUrl && (
            <div className="detail-link">
              {/* Above the code: the warnings are read before the customer scans. */}
              <ReturnReachWarning reach={reach} sandbox={order.sandbox} id="detail-payment-url-reach" />
              <ForeignHostWarning order={order} id="detail-payment-url-host" />
              <PaymentQrCode url={order.paymentUrl} reach={reach} sandbox={order.sandbox} className="detail-qr" />
              <label htmlFor="detail-payment-url">{t.detailLinkLabel}</label>
              <div className="url-row">
                <input
                  id="detail-payment-url"
                  ref={urlField}
                  translate="no"
                  className="url"
                  readOnly
                  value={order.paymentUrl}
                  onFocus={(event) => event.target.select()}
                  aria-describedby={
                    [order.paymentHostForeign && 'detail-payment-url-host', reachWarns(reach) && 'detail-payment-url-reach']
                      .filter(Boolean)
                      .join(' ') || undefined
                  }
                />
                <CopyLinkButton url={order.paymentUrl} field={urlField} />
                <button type="button" className="secondary" onClick={() => openPage(order.ref)}>
                  {t.openInBrowser}
                </button>
              </div>
              {openError && <ErrorAlert error={openError} />}
            </div>
          )}
          {order.status === 'pending' && !order.paymentUrl && <p className="detail-link muted">{t.noLinkToHandOut}</p>}

          {order.status === 'paid' ? (
            <ReceiptSection order={order} layout={receiptLayout} onLayoutChange={onReceiptLayoutChange} />
          ) : (
            <div className="detail-actions">
              <button type="button" className="secondary" onClick={() => setDialog('counter-claim')}>
                {t.customerShowsId}
              </button>
              <button type="button" className="secondary" onClick={() => setDialog('mark-paid')}>
                {t.markPaidManually}
              </button>
              {order.status === 'pending' && (
                <button type="button" className="secondary danger-text" onClick={() => setDialog('cancel')}>
                  {t.cancelLink}
                </button>
              )}
            </div>
          )}

          <dl className="detail-fields">
            {field(t.fieldCustomer, order.customerName ?? '—', data(order.customerName))}
            {order.customerEmail && field(t.fieldEmail, order.customerEmail, data(order.customerEmail))}
            {order.note && field(t.fieldNote, order.note, data(order.note))}
            {field(t.fieldProfile, order.profileName, data(order.profileName))}
            {order.counterName && field(t.fieldCounter, order.counterName, data(order.counterName))}
            {field(t.fieldCreated, <time dateTime={order.createdAt}>{formats.dateTime(order.createdAt)}</time>)}
            {order.expiresAt &&
              (order.status === 'pending' || order.status === 'expired') &&
              field(
                order.status === 'pending' ? t.fieldExpires : t.fieldExpired,
                <time dateTime={order.expiresAt}>{formats.dateTime(order.expiresAt)}</time>,
              )}
            {order.paidAt && field(t.fieldPaid, <time dateTime={order.paidAt}>{formats.dateTime(order.paidAt)}</time>)}
            {order.status === 'paid' && field(t.fieldPaidHow, paidHow(order, t))}
            {order.transactionId &&
              field(t.fieldTransaction, <span className="mono">{order.transactionId}</span>, data(order.transactionId))}
            {order.status === 'paid' && order.verification && field(t.fieldVerification, t.verification[order.verification])}
            {order.verification === 'amount_mismatch' &&
              order.statementAmountMinor !== null &&
              field(t.fieldStatementAmount, <span className="differs">{formats.money(order.statementAmountMinor)}</span>)}
            {order.cancelledAt && field(t.fieldCancelled, <time dateTime={order.cancelledAt}>{formats.dateTime(order.cancelledAt)}</time>)}
            {order.failure && field(t.fieldFailure, <MessageText message={order.failure} />)}
          </dl>

          <h3 className="timeline-title">{t.timelineTitle}</h3>
          <OrderTimeline events={detail.timeline} />

          {dialog === 'cancel' && (
            <CancelOrderDialog
              order={order}
              onClose={() => setDialog(null)}
              returnFocus={nextAction}
              onDone={(changed) => done(t.cancelledAnnouncement(changed.ref))}
            />
          )}
          {dialog === 'counter-claim' && (
            <CounterClaimDialog
              order={order}
              onClose={() => setDialog(null)}
              returnFocus={nextAction}
              onDone={(changed) => done(t.claimedAtCounterAnnouncement(changed.ref))}
            />
          )}
          {dialog === 'mark-paid' && (
            <MarkPaidDialog
              order={order}
              onClose={() => setDialog(null)}
              returnFocus={nextAction}
              onDone={(changed) => done(t.markedPaidAnnouncement(changed.ref))}
            />
          )}
        </>
      )}
    </aside>
  );
}

/** How PayDesk learned of the payment: by hand, from the customer's return, at the counter, or from a statement. */
function paidHow(order: Order, t: Messages): string {
  if (order.paidManually) return t.paidHowManual;
  if (order.paymentProof === 'counter') return t.paidHowCounter;
  if (order.paymentProof === 'statement') return t.paidHowStatement;
  return t.paidHowGateway;
}
