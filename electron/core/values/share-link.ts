// A pending link handed to the app that sends it to a customer who is not at the counter: WhatsApp (wa.me, which
// opens the WhatsApp app where there is one and WhatsApp Web where not), SMS (sms:) or e-mail (mailto:). The
// address is built here from the order and the shop, never taken from the page: the page names only the app and
// the recipient, who must be a phone number or one e-mail address. The main process still checks every address
// against its own allow-list before handing it over (electron/main/navigation.ts).
import type { AppError, Order, Reply, ShareVia } from '../../../shared/contract';
import type { Language } from '../../../shared/messages/catalog';
import { render, say } from '../../../shared/messages/say';
import { appError, fail, ok } from '../app-error';
import { paymentLinkProblem } from './payment-link';

/** Windows hands another app at most 2,083 characters (ShellExecute); kept under it everywhere. */
export const MAX_SHARE_URL_LENGTH = 2048;

const BENGALI_DIGIT = /[০-৯]/g;

/** A Bangladeshi mobile number without its country code: 01, then the operator (3–9), then 8 digits. */
const BANGLADESH_MOBILE = /^01[3-9]\d{8}$/;

/**
 * A phone number as WhatsApp and SMS want it: its country code and digits only (8801711000000). A Bangladeshi
 * mobile may be written as the shop says it (01711-000000, ০১৭১১ ০০০০০০), with 880 or +880 before it, or without
 * its 0; a number abroad with + or 00 and its country code. Null for anything else.
 */
export function internationalPhone(text: string): string | null {
  const written = text.replace(BENGALI_DIGIT, (digit) => String(digit.charCodeAt(0) - 0x09e6)).trim();
  if (!/^\+?[\d \-().]+$/.test(written)) return null;
  const digits = written.replace(/\D/g, '');
  const abroad = written.startsWith('+') ? digits : digits.startsWith('00') ? digits.slice(2) : null;
  if (abroad !== null) {
    if (abroad.startsWith('880')) return BANGLADESH_MOBILE.test(`0${abroad.slice(3)}`) ? abroad : null;
    return /^[1-9]\d{7,14}$/.test(abroad) ? abroad : null;
  }
  if (BANGLADESH_MOBILE.test(digits)) return `88${digits}`;
  if (BANGLADESH_MOBILE.test(`0${digits}`)) return `880${digits}`;
  if (digits.startsWith('880') && BANGLADESH_MOBILE.test(`0${digits.slice(3)}`)) return digits;
  return null;
}

/** One plain address, nothing a mail app could read as a second recipient or a header (?, &, %, commas). */
const EMAIL = /^[A-Za-z0-9._'+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;

export type ShareRequest = {
  order: Order;
  via: ShareVia;
  /** A phone number (WhatsApp, SMS) or an e-mail address; absent to choose the contact in the app itself. */
  to: string | null;
  /** The shop's name, empty when it has none. */
  shopName: string;
  /** The language of the message. */
  language: Language;
};

const invalidRecipient = (code: 'share_phone_invalid' | 'email_invalid'): Reply<never> =>
  fail(appError('invalid_input', say(code), { field: 'to' }));

/** The address that opens the app with the message written (shop, amount, ref, link), or why there is none. */
export function shareLinkUrl({ order, via, to, shopName, language }: ShareRequest): Reply<string> {
  const refusal = notPendingRefusal(order);
  if (refusal) return fail(refusal);
  const link = order.paymentUrl!;
  const shop = shopName.trim();
  const lines = [render(say('share_message', { shop, amountMinor: order.amountMinor, ref: order.ref, url: link }), language)];
  if (order.sandbox) lines.push(render(say('share_message_sandbox'), language));
  const message = lines.join('\n');

  let url: string;
  if (via === 'email') {
    const address = to ?? order.customerEmail;
    if (address !== null && !EMAIL.test(address)) return invalidRecipient('email_invalid');
    const subject = render(say('share_email_subject', { shop, amountMinor: order.amountMinor }), language);
    // A mail body breaks lines with CRLF (RFC 6068); %20 for spaces, since mail apps read a + as a plus.
    url = `mailto:${address ?? ''}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(message.replace(/\n/g, '\r\n'))}`;
  } else {
    const phone = to === null ? null : internationalPhone(to);
    if (to !== null && phone === null) return invalidRecipient('share_phone_invalid');
    url =
      via === 'whatsapp'
        ? `https://wa.me/${phone ?? ''}?text=${encodeURIComponent(message)}`
        : `sms:${phone === null ? '' : `+${phone}`}?body=${encodeURIComponent(message)}`;
  }
  if (url.length > MAX_SHARE_URL_LENGTH) return fail(appError('invalid_input', say('share_too_long')));
  return ok(url);
}

/**
 * Why an order's link cannot be sent or printed: only a pending order holds a link the customer can still pay.
 * Null when it can.
 */
export function notPendingRefusal(order: Order): AppError | null {
  if (order.status !== 'pending') return appError('invalid_input', say('share_not_pending', { ref: order.ref, status: order.status }));
  if (!order.paymentUrl || paymentLinkProblem(order.paymentUrl) !== null) {
    return appError('not_found', say('open_payment_link_missing', { ref: order.ref }));
  }
  return null;
}
