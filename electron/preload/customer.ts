// The customer view's door to the main process: what its screen shows and how to close it, nothing of the shop's
// orders. The window faces the customer, so it is given only what it needs.
import { CUSTOMER_VIEW_CHANNELS, CUSTOMER_VIEW_EVENTS } from '../../shared/contract';
import { exposePaydesk } from './expose';

exposePaydesk(CUSTOMER_VIEW_CHANNELS, CUSTOMER_VIEW_EVENTS);
