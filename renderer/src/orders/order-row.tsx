import { memo } from 'react';
import type { Order } from '../../../shared/contract';
import { useLanguage } from '../i18n/language-provider';
import { languageOf } from '../language-of';
import { MessageText } from '../data-text';
import { StatusBadge } from './status-badge';
import { VerificationChip } from './verification-chip';

type Props = {
  index: number;
  /** Undefined while its page is on its way. */
  order: Order | undefined;
  selected: boolean;
  /** The all-profiles view names each order's profile. */
  showProfile: boolean;
  /** Several counters work on the book: name the one that made the order ("—" for one made before counters had names). */
  showCounter: boolean;
  /** Sandbox and live orders are listed together: tag the sandbox ones. */
  markSandbox: boolean;
  onPick(index: number, ref: string): void;
};

export const rowId = (index: number) => `order-row-${index}`;

/**
 * One order as a grid row of fixed height; long text is cut with an ellipsis and shown whole on hover. Each cell is
 * named by its class, so a narrow list can stack them (styles.css).
 */
export const OrderRow = memo(function OrderRow({ index, order, selected, showProfile, showCounter, markSandbox, onPick }: Props) {
  const { t, formats, say } = useLanguage();
  if (!order) {
    return (
      <div role="row" id={rowId(index)} aria-rowindex={index + 2} className="order-row is-loading" aria-busy="true">
        <span role="gridcell" className="cell-loading">
          {t.loadingRow}
        </span>
      </div>
    );
  }
  return (
    <div
      role="row"
      id={rowId(index)}
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-ref={order.ref}
      data-status={order.status}
      className={`order-row${selected ? ' is-selected' : ''}`}
      onClick={() => onPick(index, order.ref)}
    >
      <span role="gridcell" className="cell-ref">
        <span className="mono" translate="no">
          {order.ref}
        </span>
        {markSandbox && order.sandbox && <span className="sandbox-chip">{t.sandboxChip}</span>}
      </span>
      {showProfile && (
        <span role="gridcell" className="cell-profile">
          {/* The title with the name, inside translate="no": both are the shop's words. */}
          <span className="cell-line" lang={languageOf(order.profileName)} title={order.profileName} translate="no">
            {order.profileName}
          </span>
        </span>
      )}
      <span role="gridcell" className="cell-time">
        <time dateTime={order.createdAt}>
          <span className="cell-line">{formats.date(order.createdAt)}</span>
          <span className="cell-line secondary">{formats.time(order.createdAt)}</span>
        </time>
      </span>
      <span role="gridcell" className="cell-customer">
        {order.customerName ? (
          <span className="cell-line" lang={languageOf(order.customerName)} title={order.customerName} translate="no">
            {order.customerName}
          </span>
        ) : (
          <span className="cell-line muted">—</span>
        )}
        {order.customerEmail && (
          <span className="cell-line secondary" title={order.customerEmail} translate="no">
            {order.customerEmail}
          </span>
        )}
      </span>
      {showCounter && (
        <span role="gridcell" className="cell-counter">
          {order.counterName ? (
            <span className="cell-line" lang={languageOf(order.counterName)} title={order.counterName} translate="no">
              {order.counterName}
            </span>
          ) : (
            <span className="cell-line muted">—</span>
          )}
        </span>
      )}
      <span role="gridcell" className="cell-amount">
        {order.verification === 'amount_mismatch' && order.statementAmountMinor !== null ? (
          <>
            <span className="cell-line">{formats.money(order.amountMinor)}</span>
            <span className="cell-line secondary differs">{t.statementShows(formats.money(order.statementAmountMinor))}</span>
          </>
        ) : (
          formats.money(order.amountMinor)
        )}
      </span>
      <span role="gridcell" className="cell-status">
        <StatusBadge order={order} />
        <VerificationChip order={order} />
        {order.status === 'failed' && order.failure && (
          <span className="cell-line secondary failure" title={say(order.failure)}>
            <MessageText message={order.failure} />
          </span>
        )}
      </span>
      <span
        role="gridcell"
        className="cell-text cell-transaction mono"
        title={order.transactionId ?? undefined}
        translate={order.transactionId ? 'no' : undefined}
      >
        {order.transactionId ?? <span className="muted">—</span>}
      </span>
    </div>
  );
});
