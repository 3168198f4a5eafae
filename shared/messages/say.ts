// Messages as data: the core says a code and its params; whoever shows it (the renderer, a notification, a
// listener page, a receipt, the CLI) renders it in the shopkeeper's language. English renders for logs.
import type { Message } from '../contract';
import { bn } from './bn';
import type { Language, Phrase } from './catalog';
import { en, type MessageCode, type ParamsOf } from './en';
import { formatsFor, type Formats } from './formats';

const CATALOGS: Record<Language, Record<MessageCode, Phrase<never>>> = { en, bn };

/** A code that needs nothing takes no params; any other takes exactly what its English phrase names. */
type ParamsArg<C extends MessageCode> = ParamsOf<C> extends undefined ? [] : [ParamsOf<C>];

export function say<C extends MessageCode>(code: C, ...[params]: ParamsArg<C>): Message {
  return { code, params: (params ?? {}) as Message['params'] };
}

/** The message as a sentence of `language`. */
export function render(message: Message, language: Language, formats: Formats = formatsFor(language)): string {
  const phrase = CATALOGS[language][message.code] as Phrase<Message['params']>;
  return phrase(message.params, formats);
}

/** The English sentence, for logs and the `message` fallback of errors. */
export const inEnglish = (message: Message): string => render(message, 'en');
