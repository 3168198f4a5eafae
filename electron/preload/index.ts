// The shopkeeper's window's only door to the main process: every contract channel, every event.
// Bundled into one CommonJS file, because a sandboxed preload can require nothing but 'electron'.
import { CHANNELS, events, type EventName } from '../../shared/contract';
import { exposePaydesk } from './expose';

exposePaydesk(CHANNELS, Object.keys(events) as EventName[]);
