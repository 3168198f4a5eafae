// What the log never holds: masking is a pure function over any text a caller hands the log.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { maskSecrets } from '../../electron/core/log/log-masking';
import { newReturnToken } from '../../electron/core/orders/return-tokens';

test('a return link keeps its address and path kind but never its token', () => {
  const success = newReturnToken();
  const cancel = newReturnToken();
  const text = `customer came back to http://192.168.1.20:47400/r/${success}?transaction_id=TRX7Q9 then /c/${cancel}`;
  const masked = maskSecrets(text);
  assert.ok(!masked.includes(success) && !masked.includes(cancel));
  assert.equal(masked, 'customer came back to http://192.168.1.20:47400/r/[hidden]?transaction_id=TRX7Q9 then /c/[hidden]');
});

test('a phone test page and a return check lose their nonces too', () => {
  const nonce = newReturnToken();
  assert.equal(maskSecrets(`opened /t/${nonce} and /p/${nonce}`), 'opened /t/[hidden] and /p/[hidden]');
});

test('keys are masked: the known one exactly (also percent-encoded), any in a gateway key’s shape, any after Bearer', () => {
  const key = 'my shop key/42+x';
  const masked = maskSecrets(`sent ${key} and ${encodeURIComponent(key)}; also sk_live_abc123XYZ and Authorization: Bearer tok_9f8e7d`, [
    key,
  ]);
  assert.equal(masked, 'sent [hidden] and [hidden]; also [hidden] and Authorization: Bearer [hidden]');
});

test('secret parameters of a query string are masked, the others kept', () => {
  assert.equal(
    maskSecrets('https://pay.example.com/checkout?trx_id=TRX1&sig=a+b/c&api_key=K1&token=T2&amount=150.50'),
    'https://pay.example.com/checkout?trx_id=TRX1&sig=[hidden]&api_key=[hidden]&token=[hidden]&amount=150.50',
  );
});

test('customers’ e-mail addresses and phone numbers are masked; refs, transaction ids and amounts are not', () => {
  assert.equal(
    maskSecrets('PD-000123 for rahim@example.com, 01711-000001 or +8801811000002, TRX7Q9, ৳150.50, port 47400'),
    'PD-000123 for [e-mail], [phone] or [phone], TRX7Q9, ৳150.50, port 47400',
  );
});

test('a known customer name is masked wherever it appears; text without secrets comes back as it was', () => {
  assert.equal(maskSecrets('Invalid customer_name: রহিম উদ্দিন', ['রহিম উদ্দিন', null, undefined]), 'Invalid customer_name: [hidden]');
  const plain = 'PayDesk 0.1.0 started on linux x64; data folder /home/shop/.config/PayDesk; storage SQLite.';
  assert.equal(maskSecrets(plain), plain);
});

test('the encoded forms text from elsewhere uses are masked too: JSON-escaped and percent-encoded links, JSON keys, headers', () => {
  const token = newReturnToken();
  const phpEcho = `{"success_url":"http:\\/\\/192.168.1.5:8080\\/r\\/${token}","api_key":"shop-key-1","amount":"150.50"}`;
  assert.equal(maskSecrets(phpEcho), '{"success_url":"http:\\/\\/192.168.1.5:8080\\/r\\/[hidden]","api_key":"[hidden]","amount":"150.50"}');
  assert.equal(
    maskSecrets(`success_url=http%3A%2F%2F192.168.1.5%3A8080%2Fr%2F${token}&customer_email=rahim%40example.com`),
    'success_url=http%3A%2F%2F192.168.1.5%3A8080%2Fr%2F[hidden]&customer_email=[e-mail]',
  );
  assert.equal(maskSecrets('X-Api-Key: abc123 and Authorization: Token t0k3n'), 'X-Api-Key: [hidden] and Authorization: Token [hidden]');
});

test('phone numbers are masked in Bengali digits and in any spacing', () => {
  assert.equal(maskSecrets('call ০১৭১২৩৪৫৬৭৮ or 01712 345 678 or +88 017-1234-5678'), 'call [phone] or [phone] or [phone]');
  assert.equal(maskSecrets('PD-0171234 costs ৳১,৫০০ on 2026-12-01'), 'PD-0171234 costs ৳১,৫০০ on 2026-12-01');
});
