// What a catalog is: for every message code, a phrase that fills the message's params into a sentence of one
// language. English is the source of the codes and their params (en.ts); every other language is typed as a
// translation of it, so a code missing in Bengali fails the typecheck rather than a customer.
import type { Formats } from './formats';

export const LANGUAGES = ['en', 'bn'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A sentence with holes: the message's params and the language's number and date formats fill them. */
export type Phrase<P> = (params: P, f: Formats) => string;

/** What an area's English phrasebook must look like (codes are snake_case, unique across areas). */
export type Phrasebook = Record<string, Phrase<never>>;

/** The same codes with the same params, in another language. */
export type Translation<T> = { [K in keyof T]: T[K] extends (params: infer P, f: Formats) => string ? Phrase<P> : never };
