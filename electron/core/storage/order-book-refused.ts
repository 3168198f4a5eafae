// An order book PayDesk will not open (a schema newer than it knows, on either engine): raised by the migrations,
// carried to the shopkeeper as its Message.
import type { Message } from '../../../shared/contract';
import { inEnglish } from '../../../shared/messages/say';

/** `said` is what to tell the shopkeeper; `message` is its English sentence, for the log. */
export class OrderBookRefused extends Error {
  constructor(readonly said: Message) {
    super(inEnglish(said));
  }
}
