import type { Message } from '../../shared/contract';
import { useLanguage } from './i18n/language-provider';
import { languageOf } from './language-of';

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A sentence with data in it (a transaction ID, a ref, a file name, a statement's own words): each place the data
 * appears is its own element marked translate="no", so a translator, and the check that a Bengali screen has no
 * Latin words, leave the data as it is and read the words around it.
 */
export function DataText({ text, data }: { text: string; data: ReadonlyArray<string | null | undefined> }) {
  const pieces = [...new Set(data.filter((piece): piece is string => !!piece))].sort((a, b) => b.length - a.length);
  if (pieces.length === 0) return <>{text}</>;
  // With the pattern in a group, split keeps each match, at the odd places.
  const parts = text.split(new RegExp(`(${pieces.map(escaped).join('|')})`, 'u'));
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <span key={i} translate="no" lang={languageOf(part)}>
            {part}
          </span>
        ) : (
          part
        ),
      )}
    </>
  );
}

/** What the core said, in the shopkeeper's language, its text params (the data it names) marked as data. */
export function MessageText({ message }: { message: Message }) {
  const { say } = useLanguage();
  const data = Object.values(message.params).flatMap((value) => (typeof value === 'string' ? [value] : Array.isArray(value) ? value : []));
  return <DataText text={say(message)} data={data} />;
}
