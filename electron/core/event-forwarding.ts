// Core events → the page: the one way an event leaves for the window, used by the main process and by the tests'
// browser bridge alike. Each payload is parsed against its schema in the contract, as the router parses replies,
// so the page receives only the fields the contract names; a payload that does not fit is logged and dropped,
// never sent. It lives in the core, not in electron/main, because it needs nothing of Electron.
import { events, ipcEvent, type EventName } from '../../shared/contract';
import type { EventBus } from './event-bus';
import type { CoreEvents } from './core-events';
import { consoleLog, type Log } from './log/log';

/** Sends each core event to `send` as its IPC channel and parsed payload; returns a function that stops it. */
export function forwardEvents(
  bus: Pick<EventBus<CoreEvents>, 'on'>,
  send: (channel: string, payload: unknown) => void,
  log: Log = consoleLog,
): () => void {
  const stops = (Object.keys(events) as EventName[]).map((name) =>
    bus.on(name, (payload) => {
      const parsed = events[name].safeParse(payload);
      if (!parsed.success) {
        // The payload itself is not logged: whatever made it wrong could be something the log must not hold.
        const issue = parsed.error.issues[0];
        log.error(
          'event_not_sent',
          `the ${name} event did not fit the contract (${issue?.path.join('.')}: ${issue?.message}); it was not sent.`,
        );
        return;
      }
      send(ipcEvent(name), parsed.data);
    }),
  );
  return () => stops.forEach((stop) => stop());
}
