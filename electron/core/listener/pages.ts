// The pages a customer's browser sees after paying or cancelling. Self-contained (no scripts, no remote
// resources), in English and Bengali, and every value in them is HTML-escaped.
import { formatTaka } from '../../../shared/money';
import { escapeHtml } from '../values/escape-html';

export type Page = { status: number; html: string };

type Tone = 'good' | 'neutral' | 'bad';

const COLOURS: Record<Tone, string> = { good: '#1b7f4b', neutral: '#4a5560', bad: '#a3302a' };

function page(status: number, tone: Tone, title: string, lines: string[]): Page {
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,"Noto Sans Bengali",sans-serif;margin:0;background:#f5f6f7;color:#1d2327}
main{max-width:28rem;margin:12vh auto;padding:2rem;background:#fff;border-radius:12px;box-shadow:0 1px 4px #0002}
h1{font-size:1.4rem;color:${COLOURS[tone]};margin-top:0}p{line-height:1.5}.ref{font-family:ui-monospace,monospace}</style>
</head><body><main><h1>${escapeHtml(title)}</h1>
${lines.map((line) => `<p>${line}</p>`).join('\n')}
</main></body></html>`;
  return { status, html };
}

type Shown = { ref: string; amountMinor: number; transactionId: string | null };

export const thankYouPage = (order: Shown) =>
  page(200, 'good', 'Payment received — ধন্যবাদ!', [
    `Thank you. Your payment of <strong>${escapeHtml(formatTaka(order.amountMinor))}</strong> for order
     <span class="ref">${escapeHtml(order.ref)}</span> is recorded. আপনার পেমেন্ট গ্রহণ করা হয়েছে।`,
    `Transaction: <span class="ref">${escapeHtml(order.transactionId ?? '')}</span>`,
    'You can close this page. এই পাতাটি বন্ধ করতে পারেন।',
  ]);

export const cancelledPage = (order: Pick<Shown, 'ref'>) =>
  page(200, 'neutral', 'Payment cancelled — পেমেন্ট বাতিল', [
    `Order <span class="ref">${escapeHtml(order.ref)}</span> was not paid. Nothing was charged.
     কোনো টাকা কাটা হয়নি।`,
    'Ask the shop for a new payment link if you want to pay. আবার পেমেন্ট করতে দোকান থেকে নতুন লিংক নিন।',
  ]);

export const alreadyPaidPage = (order: Pick<Shown, 'ref'>) =>
  page(200, 'neutral', 'Already paid — আগেই পরিশোধিত', [
    `Order <span class="ref">${escapeHtml(order.ref)}</span> is already paid. Nothing more was charged.`,
  ]);

export const conflictPage = (order: Pick<Shown, 'ref'>) =>
  page(409, 'bad', 'Please show this to the shop — দোকানে দেখান', [
    `Order <span class="ref">${escapeHtml(order.ref)}</span> already has a different payment recorded, so
     this one was not accepted. The shop has been told.`,
  ]);

export const notFoundPage = () =>
  page(404, 'bad', 'Link not recognised — লিংকটি চেনা যায়নি', [
    'This payment link is not one PayDesk made, or it was copied incompletely. Nothing was recorded.',
  ]);

export const badReturnPage = () =>
  page(400, 'bad', 'Payment reference missing — রেফারেন্স পাওয়া যায়নি', [
    'The gateway did not send a usable payment reference, so nothing was recorded. Please show this page to the shop.',
  ]);

export const refusedPage = (status: number) => page(status, 'bad', 'Not available', ['This address serves payment returns only.']);

export const unavailablePage = () =>
  page(503, 'bad', 'Please try again — আবার চেষ্টা করুন', [
    'PayDesk could not record this just now. Please reload this page in a moment; nothing is lost.',
  ]);

export const tooManyRequestsPage = () =>
  page(429, 'bad', 'Please wait a moment — একটু অপেক্ষা করুন', [
    'Too many requests came from this address. Please reload this page in a minute; nothing is lost. এক মিনিট পরে পাতাটি আবার খুলুন।',
  ]);

/** The return-address check's answer: says only that it was heard. */
export const probeHeardPage = () => page(200, 'good', 'PayDesk heard this check', ['PayDesk’s return listener received this request.']);

export const phoneHeardPage = () =>
  page(200, 'good', 'PayDesk can hear this phone — PayDesk এই ফোনের সাড়া পাচ্ছে', [
    'This phone reached PayDesk at the shop, so a customer paying on a phone like this one comes back to PayDesk after paying.',
    'এই ফোন থেকে দোকানের PayDesk-এ পৌঁছানো যায়, তাই এমন ফোনে পেমেন্ট করলে গ্রাহক পেমেন্টের পরে PayDesk-এ ফিরে আসবেন।',
    'You can close this page. এই পাতাটি বন্ধ করতে পারেন।',
  ]);

export const phoneTestUsedPage = () =>
  page(410, 'neutral', 'This test was already used — এই পরীক্ষাটি আগেই ব্যবহার হয়েছে', [
    'PayDesk heard the first device that opened this test page. To test again, start a new test in PayDesk.',
    'আবার পরীক্ষা করতে PayDesk-এ নতুন পরীক্ষা শুরু করুন।',
  ]);
