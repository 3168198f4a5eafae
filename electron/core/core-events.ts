// The core's events are the contract's: what the renderer receives is exactly what the core announces.
import type { EventName, EventPayload } from '../../shared/contract';

export type CoreEvents = { [E in EventName]: EventPayload<E> };
