// Which words of a text are in the wrong script for the language on show: in Bengali, Latin letters and Latin
// digits (numbers are written ১২৩); in English, Bengali script. The Bengali walk (test/e2e/bengali-walk.test.ts)
// and the catalog test (test/unit/message-catalogs.test.ts) both judge with it, so they allow the same few things.
import type { Language } from '../../shared/messages/catalog';

/** The brand stays in Latin letters in every language. */
export const BRAND = 'PayDesk';
/** Other products' names PayDesk says in their own letters. */
const PRODUCTS = ['PostgreSQL'];

/**
 * What a sentence names in its own form whatever its language, and that cannot carry a mark of its own inside
 * the sentence: a web address (or the scheme a shopkeeper types, "https://"), an e-mail address, and Latin
 * words quoted whole, “…” or `…`, as they are typed or shown elsewhere (a command, the gateway's page name).
 */
const DATA_FORMS = [/\bhttps?:\/\/[^\s,;()“”"'।]*/g, /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, /“[^“”\u0980-\u09ff]*”/g, /`[^`\u0980-\u09ff]*`/g];

const LATIN = /[A-Za-z0-9]/;
// The Bengali block, less the taka sign ৳ (U+09F3), which English writes too.
const BENGALI = /[\u0980-\u09f2\u09f4-\u09ff]/;
const LETTERS: Record<Language, RegExp> = { en: /[A-Za-z]/, bn: /[\u0985-\u09b9]/ };

/** Whether `text` has a letter of `language`: a sentence of it (perhaps carrying data), not data alone. */
export const inLanguage = (text: string, language: Language): boolean => LETTERS[language].test(text);

/** `text` with the data it carries set aside: the brand, web and e-mail addresses, and each of `data` as it is. */
export function setAside(text: string, data: Iterable<string>): string {
  let rest = DATA_FORMS.reduce((sofar, form) => sofar.replace(form, ' '), text);
  // Longest first, so a name is not cut by a shorter one inside it.
  for (const value of [...data].filter((d) => d.trim() !== '').sort((a, b) => b.length - a.length)) {
    rest = rest.split(value).join(' ');
  }
  return rest;
}

/** The words of `text` in the wrong script for `language` (the brand and the products' names aside). */
export function wrongWords(text: string, language: Language): string[] {
  const wrong = language === 'bn' ? LATIN : BENGALI;
  return text
    .split(new RegExp([BRAND, ...PRODUCTS].join('|')))
    .join(' ')
    .split(/\s+/)
    .filter((word) => wrong.test(word));
}
