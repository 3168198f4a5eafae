import type { OrderStatus } from '../../contract';
import type { Phrasebook } from '../catalog';

/** The apps a pending link can be sent through, as a sentence names them. */
const APP: Record<'whatsapp' | 'sms' | 'email', string> = { whatsapp: 'WhatsApp', sms: 'SMS', email: 'e-mail' };

/** Sending a pending link to a customer who is not at the counter, and the QR code printed as a counter sign. */
export const share = {
  /** The message handed to WhatsApp, SMS or e-mail; `shop` is the shop's name, empty when it has none. */
  share_message: (p: { shop: string; amountMinor: number; ref: string; url: string }, f) =>
    `Payment request${p.shop ? ` from ${p.shop}` : ''}: ${f.money(p.amountMinor)} (order ${p.ref}).\nPay at this link: ${p.url}`,
  share_message_sandbox: () => 'This is a sandbox test: no real money moves.',
  share_email_subject: (p: { shop: string; amountMinor: number }, f) =>
    `Payment request${p.shop ? ` from ${p.shop}` : ''}: ${f.money(p.amountMinor)}`,
  share_not_pending: (p: { ref: string; status: OrderStatus }) =>
    `Order ${p.ref} is ${p.status}: only a link still waiting for payment can be sent or printed.`,
  share_phone_invalid: () =>
    'That phone number does not look right: write a mobile number such as 01711-000000, or one abroad with its country code, such as +44 7700 900123.',
  share_recipient_too_long: (p: { max: number }, f) => `A phone number or e-mail address has at most ${f.count(p.max)} characters.`,
  share_too_long: () => 'This message is too long to hand to another app: copy the link and send it yourself.',
  share_no_app: (p: { via: 'whatsapp' | 'sms' | 'email' }) =>
    `No app on this computer opens ${APP[p.via]} links: copy the link and send it yourself.`,

  qr_sign_scan: () => 'Scan to pay',
  /** The sign's window and document title. */
  qr_sign_title: (p: { ref: string }) => `QR code ${p.ref}`,
  qr_sign_order: (p: { ref: string }) => `Order ${p.ref}`,
  qr_sign_valid_until: (p: { validTo: string }, f) => `Valid until ${f.dateTime(p.validTo)}`,
  qr_sign_sandbox: () => 'SANDBOX — no real money moves',
  qr_sign_too_long: () => 'This link is too long for a QR code: send it or copy it instead.',
  dialog_save_qr_sign_pdf: () => 'Save the QR code as PDF',
} satisfies Phrasebook;
