// The language the `paydesk` command speaks: English unless `--lang` or PAYDESK_LANG says bn (the flag first).
// It shapes only what a person reads; --json output and exit codes are the same in every language.
import type { Message } from '../../shared/contract';
import { LANGUAGES, type Language } from '../../shared/messages/catalog';
import { render, say } from '../../shared/messages/say';
import { formatsFor, type Formats } from '../../shared/messages/formats';

const isLanguage = (text: string): text is Language => (LANGUAGES as readonly string[]).includes(text);

/** PAYDESK_LANG's language, or English where it is unset, empty or not one PayDesk speaks. */
export const environmentLanguage = (env: NodeJS.ProcessEnv): Language =>
  env.PAYDESK_LANG && isLanguage(env.PAYDESK_LANG) ? env.PAYDESK_LANG : 'en';

/** The language asked for, or the refusal of one PayDesk does not speak. */
export function chosenLanguage(flag: string | undefined, env: NodeJS.ProcessEnv): Language | Message {
  const asked = flag ?? (env.PAYDESK_LANG || undefined);
  if (asked === undefined) return 'en';
  return isLanguage(asked) ? asked : say('cli_unknown_language', { language: asked });
}

export type Words = {
  language: Language;
  /** The message as a sentence of the chosen language. */
  (message: Message): string;
  /** Numbers, taka and dates as that language writes them. */
  f: Formats;
};

/**
 * A start pays about 20 ms for the first Intl formatter (ICU loads its data), so the formats are built only when
 * a sentence or a table first uses one: --help and every --json never do.
 */
const formatsWhenUsed = (language: Language): Formats =>
  new Proxy({} as Formats, { get: (_target, key) => formatsFor(language)[key as keyof Formats] });

export function wordsIn(language: Language): Words {
  const f = formatsWhenUsed(language);
  return Object.assign((message: Message) => render(message, language, f), { language, f });
}
