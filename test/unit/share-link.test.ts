// A pending link sent by WhatsApp, SMS or e-mail: the address PayDesk writes for each app (its message in the
// shop's language, encoded so the app reads it back whole), the phone numbers it understands, and the main
// process's allow-list, which hands over nothing else.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Order } from '../../shared/contract';
import { render } from '../../shared/messages/say';
import { internationalPhone, shareLinkUrl, type ShareRequest } from '../../electron/core/values/share-link';
import { renderQrSign } from '../../electron/core/exports/qr-sign-html';
import { canOpenExternally } from '../../electron/main/navigation';

const LINK = 'https://pay.example.com/checkout?trx_id=TRX7Q9&sig=a+b/c';

const pending: Order = {
  ref: 'PD-000123',
  status: 'pending',
  amountMinor: 15050,
  currency: 'BDT',
  customerName: 'রহিম উদ্দিন',
  customerEmail: 'rahim@shop.test',
  note: null,
  paymentUrl: LINK,
  paymentHost: 'pay.example.com',
  paymentHostForeign: false,
  transactionId: null,
  failure: null,
  paidManually: false,
  paymentProof: null,
  verification: null,
  statementAmountMinor: null,
  profileName: 'sandbox',
  counterName: null,
  sandbox: false,
  createdAt: '2026-11-25T11:56:00.000Z',
  expiresAt: '2026-11-26T11:56:00.000Z',
  paidAt: null,
  cancelledAt: null,
};

const request = (overrides: Partial<ShareRequest>): ShareRequest => ({
  order: pending,
  via: 'whatsapp',
  to: null,
  shopName: 'রহমান স্টোর',
  language: 'bn',
  ...overrides,
});

function urlOf(overrides: Partial<ShareRequest>): URL {
  const reply = shareLinkUrl(request(overrides));
  assert.ok(reply.ok, JSON.stringify(reply));
  assert.ok(canOpenExternally(reply.value, 'share'), `the main process hands over ${reply.value}`);
  return new URL(reply.value);
}

test('a Bangladeshi mobile number, however it is written, becomes 880 and its digits', () => {
  for (const written of [
    '01711000000',
    '01711-000000',
    '01711 000 000',
    '০১৭১১-০০০০০০',
    '+8801711000000',
    '+880 1711-000000',
    '008801711000000',
    '8801711000000',
    '1711000000',
    '(01711) 000000',
  ]) {
    assert.equal(internationalPhone(written), '8801711000000', written);
  }
  assert.equal(internationalPhone('01311-222333'), '8801311222333');
  assert.equal(internationalPhone('+44 7700 900123'), '447700900123', 'a number abroad keeps its own country code');
  assert.equal(internationalPhone('0044 7700 900123'), '447700900123');
});

test('what is not a phone number is refused, never passed on', () => {
  for (const written of [
    '',
    '0171100000',
    '017110000000',
    '01211000000',
    '+88001711000000',
    '+8801211000000',
    '447700900123',
    '+0171100000',
    '01711000000&text=x',
    '01711000000?body=x',
    'javascript:alert(1)',
    '+1',
    '+1234567890123456',
    '01711\n000000',
  ]) {
    assert.equal(internationalPhone(written), null, JSON.stringify(written));
  }
});

test('WhatsApp gets wa.me with the number and the Bengali message, spaces and line break encoded', () => {
  const url = urlOf({ via: 'whatsapp', to: '01711-000000' });
  assert.equal(url.origin, 'https://wa.me');
  assert.equal(url.pathname, '/8801711000000');
  assert.deepEqual([...url.searchParams.keys()], ['text']);
  assert.equal(url.searchParams.get('text'), `রহমান স্টোর থেকে পেমেন্টের অনুরোধ: ৳১৫০.৫০ (অর্ডার PD-000123)।\nএই লিংকে পরিশোধ করুন: ${LINK}`);
  const raw = shareLinkUrl(request({ to: '01711000000' }));
  assert.ok(raw.ok);
  assert.doesNotMatch(raw.value, /[ +]|\n/, 'a space is %20 and never a plus, which the app would read as a plus');
  assert.ok(raw.value.includes(encodeURIComponent(LINK)), 'the link inside is encoded whole, its own ?, & and + too');
});

test('without a number, WhatsApp opens to choose the contact', () => {
  const url = urlOf({ via: 'whatsapp', to: null, language: 'en', shopName: '' });
  assert.equal(url.href.split('?')[0], 'https://wa.me/');
  assert.equal(url.searchParams.get('text'), `Payment request: ৳150.50 (order PD-000123).\nPay at this link: ${LINK}`);
});

test('an SMS goes to +880 and the number, with the message as its body', () => {
  const url = urlOf({ via: 'sms', to: '০১৮১১ ২২২৩৩৩', language: 'en' });
  assert.equal(url.protocol, 'sms:');
  assert.equal(url.pathname, '+8801811222333');
  assert.deepEqual([...url.searchParams.keys()], ['body']);
  assert.equal(url.searchParams.get('body'), `Payment request from রহমান স্টোর: ৳150.50 (order PD-000123).\nPay at this link: ${LINK}`);
});

test('an e-mail goes to the order’s customer, with a subject, and lines broken as mail breaks them', () => {
  const url = urlOf({ via: 'email' });
  assert.equal(url.protocol, 'mailto:');
  assert.equal(url.pathname, 'rahim@shop.test');
  assert.deepEqual([...url.searchParams.keys()], ['subject', 'body']);
  assert.equal(url.searchParams.get('subject'), 'রহমান স্টোর থেকে পেমেন্টের অনুরোধ: ৳১৫০.৫০');
  assert.equal(url.searchParams.get('body'), `রহমান স্টোর থেকে পেমেন্টের অনুরোধ: ৳১৫০.৫০ (অর্ডার PD-000123)।\r\nএই লিংকে পরিশোধ করুন: ${LINK}`);
  assert.equal(urlOf({ via: 'email', to: 'karim@mail.test' }).pathname, 'karim@mail.test', 'or to the address typed');
  assert.equal(urlOf({ via: 'email', order: { ...pending, customerEmail: null } }).pathname, '', 'or to nobody yet');
});

test('a sandbox link says in its message that no real money moves', () => {
  const url = urlOf({ via: 'sms', language: 'en', order: { ...pending, sandbox: true } });
  assert.match(url.searchParams.get('body')!, /\nThis is a sandbox test: no real money moves\.$/);
});

test('a recipient that is not a phone number or one plain address is refused, and nothing is written', () => {
  for (const [via, to, code] of [
    ['whatsapp', '01711000000&text=pay elsewhere', 'share_phone_invalid'],
    ['sms', '01711000000?body=x', 'share_phone_invalid'],
    ['whatsapp', 'call me', 'share_phone_invalid'],
    ['email', 'a@b.test?attach=/etc/passwd', 'email_invalid'],
    ['email', 'a@b.test,c@d.test', 'email_invalid'],
    ['email', 'a@b.test%0D%0ABcc:c@d.test', 'email_invalid'],
  ] as const) {
    const reply = shareLinkUrl(request({ via, to }));
    assert.ok(!reply.ok, `${via} to ${to}`);
    assert.deepEqual([reply.error.code, reply.error.field], [code, 'to']);
  }
});

test('only a pending link can be sent: a paid, cancelled or expired order says why, in both languages', () => {
  for (const status of ['paid', 'cancelled', 'expired', 'failed'] as const) {
    const reply = shareLinkUrl(request({ order: { ...pending, status } }));
    assert.ok(!reply.ok);
    assert.deepEqual([reply.error.code, reply.error.params], ['share_not_pending', { ref: 'PD-000123', status }]);
  }
  const paid = shareLinkUrl(request({ order: { ...pending, status: 'paid' } }));
  assert.ok(!paid.ok);
  assert.equal(render(paid.error, 'en'), 'Order PD-000123 is paid: only a link still waiting for payment can be sent or printed.');
  assert.equal(render(paid.error, 'bn'), 'অর্ডার PD-000123 এখন পরিশোধিত: শুধু অপেক্ষমাণ লিংক পাঠানো বা ছাপানো যায়।');
  const noLink = shareLinkUrl(request({ order: { ...pending, paymentUrl: 'javascript:alert(1)' } }));
  assert.ok(!noLink.ok);
  assert.equal(noLink.error.code, 'open_payment_link_missing');
});

test('a message longer than another app can take is refused rather than cut', () => {
  const reply = shareLinkUrl(request({ order: { ...pending, paymentUrl: `https://pay.example.com/${'x'.repeat(1900)}` } }));
  assert.ok(!reply.ok);
  assert.equal(reply.error.code, 'share_too_long');
});

test('the main process hands over WhatsApp, SMS and e-mail in the one shape PayDesk writes', () => {
  for (const url of [
    'https://wa.me/8801711000000?text=hi%20there',
    'https://wa.me/?text=hi',
    'whatsapp://send?phone=8801711000000&text=hi',
    'whatsapp://send?text=hi',
    'sms:+8801711000000?body=hi',
    'sms:?body=hi',
    'mailto:rahim@shop.test?subject=s&body=b',
    'mailto:?subject=s&body=b',
  ]) {
    assert.equal(canOpenExternally(url, 'share'), true, url);
  }
});

test('the main process hands over no other scheme, host or field', () => {
  for (const url of [
    'javascript:alert(1)',
    'file:///etc/passwd',
    'data:text/html,hi',
    'smb://server/share',
    'tel:+8801711000000',
    'https://pay.example.com/checkout',
    'http://wa.me/8801711000000?text=hi',
    'https://wa.me.evil.example/?text=hi',
    'https://evil.example/wa.me/?text=hi',
    'https://evil.example@wa.me/?text=hi',
    'https://wa.me:8443/?text=hi',
    'https://wa.me/8801711000000/extra?text=hi',
    'https://wa.me/8801711000000?text=hi#x',
    'https://wa.me/8801711000000?text=hi&text=again',
    'https://wa.me/8801711000000?text=hi&app_absent=1',
    'whatsapp://send?phone=8801711000000&text=hi&extra=1',
    'whatsapp://send?phone=+8801711000000&text=hi',
    'whatsapp://send?phone=abc&text=hi',
    'whatsapp://chat?code=abc',
    'whatsapp://send/path?text=hi',
    'sms:+8801711000000?body=hi&to=8801811000000',
    'sms:8801711000000,8801811000000?body=hi',
    'mailto:rahim@shop.test?subject=s&body=b&attach=/etc/passwd',
    'mailto:rahim@shop.test?bcc=spy@evil.example&body=b',
    'mailto:rahim@shop.test,spy@evil.example?body=b',
    'mailto:rahim@shop.test%0ABcc:spy@evil.example?body=b',
    'mailto:rahim@shop.test?body=hi there',
    `https://wa.me/?text=${'x'.repeat(2100)}`,
    '',
  ]) {
    assert.equal(canOpenExternally(url, 'share'), false, url);
  }
  assert.equal(canOpenExternally('https://wa.me/?text=hi'), true, 'wa.me is still a web address for the browser');
  assert.equal(canOpenExternally('mailto:rahim@shop.test'), false, 'and the browser still gets web addresses only');
});

test('a link too long for a code a phone camera can read is not printed as a sign', () => {
  const shop = { name: 'রহমান স্টোর', address: '', phone: '', logoDataUrl: null };
  const long = { ...pending, paymentUrl: `https://pay.example.com/${'x'.repeat(1200)}` };
  const refused = renderQrSign({ order: long, shop, layout: 'a4', language: 'en', clock: '12h' });
  assert.ok(!refused.ok);
  assert.equal(refused.error.code, 'qr_sign_too_long');
  const sign = renderQrSign({ order: pending, shop, layout: 'roll80', language: 'bn', clock: '12h' });
  assert.ok(sign.ok);
  assert.equal(sign.value.fileName, 'qr-PD-000123.pdf');
  assert.equal(sign.value.title, 'কিউআর কোড PD-000123');
});
