// What a payment link the gateway hands back must be before a customer sees it as a QR code or a link: a
// plain web address of sane length whose host is what it shows. A link with user info
// (https://pay.example@evil.host/…) reads as the gateway's yet leads elsewhere, so it is refused on every
// path: when the gateway answers, when it is opened, and when an order holding one is shown.
import { webUrl } from './web-address';

/** Longer links make QR codes no phone camera reads at a counter; no checkout page needs one. */
export const MAX_PAYMENT_URL_LENGTH = 2048;

export type PaymentLinkProblem = 'too_long' | 'not_web' | 'user_info' | 'hidden_characters';

/**
 * Characters a browser drops, turns or reads otherwise than a person does: controls (NUL included), spaces,
 * bidi controls that reverse how the link reads, and the backslash a browser takes for a slash
 * (https://evil.example\@pay.example/ opens evil.example).
 */
const HIDDEN = /[\u0000-\u0020\u007f-\u00a0\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\\]/;

export function paymentLinkProblem(text: string): PaymentLinkProblem | null {
  if (text.length > MAX_PAYMENT_URL_LENGTH) return 'too_long';
  if (HIDDEN.test(text)) return 'hidden_characters';
  const url = webUrl(text);
  if (url === null) return 'not_web';
  if (url.username !== '' || url.password !== '') return 'user_info';
  return null;
}
