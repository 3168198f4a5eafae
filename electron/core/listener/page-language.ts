// Which language a customer's page is in: the one the customer's browser asks for first among PayDesk's
// (Accept-Language, by its q weights), else the shop's. Runs for every request on the listener, so it reads a
// bounded part of the header and keeps no state per client.
import { LANGUAGES, type Language } from '../../../shared/messages/catalog';

/** More ranges than any browser sends; the rest of a longer header is not read. */
const MAX_RANGES = 16;

export function pageLanguage(acceptLanguage: string | string[] | undefined, shop: Language): Language {
  if (typeof acceptLanguage !== 'string' || acceptLanguage === '') return shop;
  let best: Language | null = null;
  let bestWeight = 0;
  const ranges = acceptLanguage.split(',', MAX_RANGES);
  for (const range of ranges) {
    const [tag = '', ...parameters] = range.split(';');
    const primary = tag.trim().toLowerCase().split('-', 1)[0] as Language;
    if (!LANGUAGES.includes(primary)) continue;
    const q = parameters.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    // q=0 says "not this one"; an unreadable weight counts for nothing. The first of equal weights wins.
    if (Number.isFinite(weight) && weight > bestWeight) {
      best = primary;
      bestWeight = weight;
    }
  }
  return best ?? shop;
}
