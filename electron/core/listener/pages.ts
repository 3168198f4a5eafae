// The pages a customer's browser sees after paying or cancelling. Self-contained (no scripts, no remote
// resources), in one language (the shop's, or the customer's browser's when it asks for one of ours), with
// every value HTML-escaped. Pages without order data are made once per language: the listener answers
// floods of those.
import type { Message } from '../../../shared/contract';
import type { Language } from '../../../shared/messages/catalog';
import { render, say } from '../../../shared/messages/say';
import { escapeHtml } from '../values/escape-html';

export type Page = { status: number; html: string };

type Tone = 'good' | 'neutral' | 'bad';

const COLOURS: Record<Tone, string> = { good: '#1b7f4b', neutral: '#4a5560', bad: '#a3302a' };

/** Params shown in a monospace font, so a customer can read a ref or a transaction id out to the shop. */
const MARKED = ['ref', 'transactionId'] as const;

/** A line of the page: the sentence escaped, with its ref or transaction id marked as such. */
function line(message: Message, language: Language): string {
  let html = escapeHtml(render(message, language));
  for (const key of MARKED) {
    const value = message.params[key];
    if (typeof value !== 'string' || value === '') continue;
    const escaped = escapeHtml(value);
    html = html.replace(escaped, () => `<span class="ref" translate="no">${escaped}</span>`);
  }
  return html;
}

function page(status: number, tone: Tone, language: Language, title: Message, lines: Message[]): Page {
  const heading = line(title, language);
  const html = `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${heading}</title>
<style>body{font-family:system-ui,"Noto Sans Bengali",sans-serif;margin:0;background:#f5f6f7;color:#1d2327}
main{max-width:28rem;margin:12vh auto;padding:2rem;background:#fff;border-radius:12px;box-shadow:0 1px 4px #0002}
h1{font-size:1.4rem;color:${COLOURS[tone]};margin-top:0}p{line-height:1.5}.ref{font-family:ui-monospace,monospace}</style>
</head><body><main><h1>${heading}</h1>
${lines.map((message) => `<p>${line(message, language)}</p>`).join('\n')}
</main></body></html>`;
  return { status, html };
}

/** A page that shows no order data, made once per language (and status). */
function madeOnce<A extends unknown[]>(make: (language: Language, ...args: A) => Page): (language: Language, ...args: A) => Page {
  const pages = new Map<string, Page>();
  return (language, ...args) => {
    const key = [language, ...args].join(':');
    let kept = pages.get(key);
    if (!kept) pages.set(key, (kept = make(language, ...args)));
    return kept;
  };
}

type Shown = { ref: string; amountMinor: number; transactionId: string | null };

export const thankYouPage = (order: Shown, language: Language) =>
  page(200, 'good', language, say('page_paid_title'), [
    say('page_paid_body', { ref: order.ref, amountMinor: order.amountMinor }),
    say('page_paid_transaction', { transactionId: order.transactionId ?? '' }),
    say('page_close'),
  ]);

export const cancelledPage = (order: Pick<Shown, 'ref'>, language: Language) =>
  page(200, 'neutral', language, say('page_cancelled_title'), [
    say('page_cancelled_body', { ref: order.ref }),
    say('page_cancelled_again'),
  ]);

export const alreadyPaidPage = (order: Pick<Shown, 'ref'>, language: Language) =>
  page(200, 'neutral', language, say('page_already_paid_title'), [say('page_already_paid_body', { ref: order.ref })]);

export const conflictPage = (order: Pick<Shown, 'ref'>, language: Language) =>
  page(409, 'bad', language, say('page_conflict_title'), [say('page_conflict_body', { ref: order.ref })]);

/** A return journaled while the shop's order book could not be reached: no order to show yet, only the id it brought. */
export const waitingPage = (transactionId: string, language: Language) =>
  page(200, 'good', language, say('page_waiting_title'), [
    say('page_waiting_body'),
    say('page_paid_transaction', { transactionId }),
    say('page_close'),
  ]);

export const cancelWaitingPage = madeOnce((language) =>
  page(200, 'neutral', language, say('page_cancel_waiting_title'), [say('page_cancel_waiting_body')]),
);

export const notFoundPage = madeOnce((language) => page(404, 'bad', language, say('page_not_found_title'), [say('page_not_found_body')]));

export const badReturnPage = madeOnce((language) =>
  page(400, 'bad', language, say('page_bad_return_title'), [say('page_bad_return_body')]),
);

export const refusedPage = madeOnce((language, status: number) =>
  page(status, 'bad', language, say('page_refused_title'), [say('page_refused_body')]),
);

export const unavailablePage = madeOnce((language) =>
  page(503, 'bad', language, say('page_unavailable_title'), [say('page_unavailable_body')]),
);

export const tooManyRequestsPage = madeOnce((language) =>
  page(429, 'bad', language, say('page_too_many_title'), [say('page_too_many_body')]),
);

/** The return-address check's answer: says only that it was heard. */
export const probeHeardPage = madeOnce((language) => page(200, 'good', language, say('page_probe_title'), [say('page_probe_body')]));

export const phoneHeardPage = madeOnce((language) =>
  page(200, 'good', language, say('page_phone_title'), [say('page_phone_body'), say('page_close')]),
);

export const phoneTestUsedPage = madeOnce((language) =>
  page(410, 'neutral', language, say('page_phone_used_title'), [say('page_phone_used_body')]),
);
