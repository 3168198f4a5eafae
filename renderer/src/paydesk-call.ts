// The renderer's one way to the core. A rejected call (the bridge gone, the main process restarting) comes
// back as an error value like any other, so no screen has to handle two kinds of failure.
import type { AppError, Channel, ChannelInput, ChannelValue, EventName, EventPayload, Reply } from '../../shared/contract';
import { inEnglish, say } from '../../shared/messages/say';

const unreachableMessage = say('core_unreachable');
const unreachable: AppError = {
  kind: 'internal',
  ...unreachableMessage,
  message: inEnglish(unreachableMessage),
  gatewayMessage: null,
  field: null,
};

export async function callPaydesk<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Reply<ChannelValue<C>>> {
  try {
    const method = window.paydesk[channel] as (request: ChannelInput<C>) => Promise<Reply<ChannelValue<C>>>;
    return await method(input);
  } catch {
    return { ok: false, error: unreachable };
  }
}

export function onPaydeskEvent<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  try {
    return window.paydesk.on(event, listener);
  } catch {
    return () => {};
  }
}
