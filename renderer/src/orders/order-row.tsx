import type { Order } from '../../../shared/contract';
import { formatTaka } from '../../../shared/money';
import { languageOf } from '../language-of';
import { StatusBadge } from './status-badge';

const TIME = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  hour: 'numeric',
  minute: '2-digit',
  hour12: true,
});

type Props = {
  order: Order;
  /** The all-profiles view names each order's profile. */
  showProfile: boolean;
  /** Sandbox and live orders are listed together: tag the sandbox ones. */
  markSandbox: boolean;
};

export function OrderRow({ order, showProfile, markSandbox }: Props) {
  return (
    <tr data-status={order.status}>
      <td>
        <span className="mono">{order.ref}</span>
        {markSandbox && order.sandbox && <span className="sandbox-chip">sandbox</span>}
      </td>
      {showProfile && (
        <td>
          <span lang={languageOf(order.profileName)}>{order.profileName}</span>
        </td>
      )}
      <td>
        <time dateTime={order.createdAt}>{TIME.format(new Date(order.createdAt))}</time>
      </td>
      <td className="customer">
        {order.customerName ? (
          <span lang={languageOf(order.customerName)}>{order.customerName}</span>
        ) : (
          <span className="muted">—</span>
        )}
        {order.customerEmail && <span className="secondary-line">{order.customerEmail}</span>}
      </td>
      <td className="num">{formatTaka(order.amountMinor)}</td>
      <td>
        <StatusBadge status={order.status} />
        {order.status === 'failed' && order.failure && (
          <span className="secondary-line failure" title={order.failure}>
            {order.failure}
          </span>
        )}
      </td>
      <td className="mono">{order.transactionId ?? <span className="muted">—</span>}</td>
    </tr>
  );
}
