import type { Order } from '../../../shared/contract';
import { ErrorAlert } from '../error-alert';
import { OrderRow } from './order-row';
import type { OrdersState } from './use-orders';

type Props = {
  state: OrdersState;
  allProfiles: boolean;
  onAllProfilesChange(allProfiles: boolean): void;
};

/** The active profile's payment links (or every profile's), newest first, updating as customers pay. */
export function OrdersTable({ state, allProfiles, onAllProfilesChange }: Props) {
  // Sandbox orders are marked wherever they sit next to real ones, so play money is never mistaken for takings.
  const mixed = state.orders.some((order) => order.sandbox) && state.orders.some((order) => !order.sandbox);
  return (
    <section className="card orders" aria-labelledby="orders-title">
      <div className="panel-head">
        <h2 id="orders-title">Orders</h2>
        <div className="orders-tools">
          <label className="checkbox">
            <input type="checkbox" checked={allProfiles} onChange={(event) => onAllProfilesChange(event.target.checked)} />
            All profiles
          </label>
          {!state.loading && <span className="count">{countLabel(state.orders)}</span>}
        </div>
      </div>
      {state.error && <ErrorAlert error={state.error} />}
      {state.loading && state.orders.length === 0 ? (
        <p className="muted">Loading orders…</p>
      ) : state.orders.length === 0 && !state.error ? (
        <p className="muted empty">
          {allProfiles ? 'No orders yet.' : 'No orders for this profile yet.'} Payment links you create appear here.
        </p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">Ref</th>
                {allProfiles && <th scope="col">Profile</th>}
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
                <OrderRow key={order.ref} order={order} showProfile={allProfiles} markSandbox={mixed} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

const countLabel = (orders: Order[]) => (orders.length === 1 ? '1 order' : `${orders.length} orders`);
