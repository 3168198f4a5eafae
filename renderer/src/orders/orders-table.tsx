import type { Order } from '../../../shared/contract';
import { ErrorAlert } from '../error-alert';
import { OrderRow } from './order-row';
import type { OrdersState } from './use-orders';

/** Every payment link of the active profile, newest first, updating as customers pay. */
export function OrdersTable({ state }: { state: OrdersState }) {
  return (
    <section className="card orders" aria-labelledby="orders-title">
      <div className="panel-head">
        <h2 id="orders-title">Orders</h2>
        {!state.loading && <span className="count">{countLabel(state.orders)}</span>}
      </div>
      {state.error && <ErrorAlert error={state.error} />}
      {state.loading ? (
        <p className="muted">Loading orders…</p>
      ) : state.orders.length === 0 && !state.error ? (
        <p className="muted empty">No orders yet. Payment links you create appear here.</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">Ref</th>
                <th scope="col">Time</th>
                <th scope="col">Customer</th>
                <th scope="col" className="num">
                  Amount
                </th>
                <th scope="col">Status</th>
                <th scope="col">Transaction</th>
              </tr>
            </thead>
            <tbody>
              {state.orders.map((order) => (
                <OrderRow key={order.ref} order={order} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

const countLabel = (orders: Order[]) => (orders.length === 1 ? '1 order' : `${orders.length} orders`);
