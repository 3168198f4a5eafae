import { useCallback, useState } from 'react';
import type { Order } from '../../shared/contract';
import { Announcer } from './announcer';
import { OrdersTable } from './orders/orders-table';
import { STATUS_LABELS } from './orders/status-badge';
import { useOrders } from './orders/use-orders';
import { PaymentLinkForm } from './payment-link/payment-link-form';
import { PaymentLinkPanel } from './payment-link/payment-link-panel';
import { ModeBanner } from './status/mode-banner';
import { useAppStatus } from './status/use-app-status';

export function App() {
  const status = useAppStatus();
  const [announcement, setAnnouncement] = useState('');
  const [created, setCreated] = useState<Order | null>(null);

  const orders = useOrders(
    useCallback((order: Order, before: Order | undefined) => {
      if (before && before.status !== order.status && order.status !== 'pending') {
        setAnnouncement(`Order ${order.ref} is now ${STATUS_LABELS[order.status]}.`);
      }
    }, []),
  );

  const onCreated = useCallback((order: Order) => {
    setCreated(order);
    setAnnouncement(`Payment link created for order ${order.ref}.`);
  }, []);

  // The panel shows the order as it is now, so it turns Paid together with its row.
  const shown = created ? (orders.orders.find((order) => order.ref === created.ref) ?? created) : null;

  return (
    <div className="app">
      <ModeBanner state={status} />
      <main className="workspace">
        <div className="create-row">
          <PaymentLinkForm onSending={() => setCreated(null)} onCreated={onCreated} />
          <PaymentLinkPanel order={shown} />
        </div>
        <OrdersTable state={orders} />
      </main>
      <Announcer message={announcement} />
    </div>
  );
}
