// Which of the core's happenings reach the log, and in which words. Orders are named by their ref only: the
// customer's name, e-mail and note stay in the order book.
import { inEnglish } from '../../../shared/messages/say';
import type { CoreEvents } from '../core-events';
import type { EventBus } from '../event-bus';
import type { Runtime } from '../orders/orders-service';
import type { Log } from './log';

/** Logs the events support asks about: a link the gateway refused, the listener following a new address, the tunnel. */
export function logCoreEvents(events: Pick<EventBus<CoreEvents>, 'on'>, log: Log): () => void {
  let tunnel: string | null = null;
  const stops = [
    events.on('orderChanged', (order) => {
      if (order.status !== 'failed' || !order.failure) return;
      log.warn('gateway_error', `${order.ref}: no payment link (${order.failure.code}): ${inEnglish(order.failure)}`);
    }),
    events.on('listenAddressMoved', ({ from, to, pending }) => {
      const waiting = pending.length ? ` ${pending.length} waiting links name the old address: ${pending.join(', ')}.` : '';
      log.warn('listener_moved', `this computer's address changed from ${from} to ${to}; the return listener moved with it.${waiting}`);
    }),
    events.on('tunnelChanged', ({ state, exitCode, problem }) => {
      if (state === tunnel) return;
      tunnel = state;
      const why = problem ? `: ${inEnglish(problem)}` : exitCode !== null ? ` (exit code ${exitCode})` : '';
      log[state === 'exited' || problem ? 'warn' : 'info'](`tunnel_${state}`, `the tunnel is ${state.replace('_', ' ')}${why}.`);
    }),
  ];
  return () => stops.forEach((stop) => stop());
}

/** Logs where the return listener answers each time that changes, and why it does not when it cannot. */
export function listenerLogger(log: Log): (state: Runtime) => void {
  let last: string | null = null;
  return ({ returnBaseUrl, listenerProblem, listenerWarning }) => {
    const now = listenerProblem ? `problem:${inEnglish(listenerProblem)}` : `at:${returnBaseUrl}`;
    if (now === last) return;
    last = now;
    if (listenerProblem)
      log.warn('listener_problem', `the return listener is not running (${listenerProblem.code}): ${inEnglish(listenerProblem)}`);
    else {
      const exposed = listenerWarning ? ` ${inEnglish(listenerWarning)}` : '';
      log.info('listener_started', `customers come back to ${returnBaseUrl ?? 'another PayDesk on this order book'}.${exposed}`);
    }
  };
}
