// An order as it leaves the core: without its row id, its profile's id and its transaction key.
import type { Order } from '../../../shared/contract';
import type { StoredOrder } from '../storage/orders-repo';

export function toPublicOrder({ id: _id, profileId: _profileId, transactionKey: _key, ...order }: StoredOrder): Order {
  return order;
}
