import { test } from 'node:test';
import assert from 'node:assert/strict';
import { routeRequest } from '../../electron/core/listener/routes';
import { escapeHtml, thankYouPage, notFoundPage } from '../../electron/core/listener/pages';
import { decideCancel, decideReturn } from '../../electron/core/return-decisions';

const TOKEN = 'a'.repeat(43);

test('a success link with one printable transaction id is a return', () => {
  assert.deepEqual(routeRequest('GET', `/r/${TOKEN}?transaction_id=CJH1D2Y4W1`), {
    kind: 'success',
    token: TOKEN,
    transactionId: { id: 'CJH1D2Y4W1', key: 'CJH1D2Y4W1' },
  });
  assert.deepEqual(routeRequest('GET', `/r/${TOKEN}?utm=x&transaction_id=AB%2DC`).kind, 'success');
});

test('a cancel link is a cancel, whatever its query', () => {
  assert.deepEqual(routeRequest('GET', `/c/${TOKEN}?transaction_id=X`), { kind: 'cancel', token: TOKEN });
});

test('only GET and HEAD are answered, and HEAD never changes anything', () => {
  for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', undefined]) {
    assert.deepEqual(routeRequest(method, `/r/${TOKEN}?transaction_id=X`), { kind: 'refuse', status: 405, reason: 'method' });
  }
  assert.deepEqual(routeRequest('HEAD', `/r/${TOKEN}?transaction_id=X`), { kind: 'head' });
});

test('paths that are not return links are refused without touching the order book', () => {
  for (const path of ['/', '/r/', '/r/short', `/r/${TOKEN}/x`, `/x/${TOKEN}`, `/r/${'a'.repeat(44)}`, '/../etc/passwd', `/r/${TOKEN.slice(1)}%2F`, 'http://evil/r/x', '*']) {
    const route = routeRequest('GET', path);
    assert.equal(route.kind, 'refuse', path);
  }
  assert.deepEqual(routeRequest('GET', `/r/${TOKEN}?${'x'.repeat(3000)}`), { kind: 'refuse', status: 414, reason: 'url_too_long' });
});

test('a missing, repeated, unprintable or non-identifier transaction id is a rejected return', () => {
  const cases: Array<[string, string]> = [
    ['', 'missing_transaction_id'],
    ['?transaction_id=', 'invalid_transaction_id'],
    ['?transaction_id=a&transaction_id=b', 'repeated_transaction_id'],
    ['?transaction_id=a%20b', 'invalid_transaction_id'],
    ['?transaction_id=%00', 'invalid_transaction_id'],
    ['?transaction_id=%FF%FE', 'invalid_transaction_id'],
    ['?transaction_id=%E0%A6%95', 'invalid_transaction_id'],
    [`?transaction_id=${'x'.repeat(129)}`, 'invalid_transaction_id'],
    ['?transaction_id=%3Csvg%2Fonload%3Dalert(1)%3E', 'invalid_transaction_id'],
    ["?transaction_id='OR'1'='1'--", 'invalid_transaction_id'],
    ['?transaction_id=%3DHYPERLINK(%22x%22)', 'invalid_transaction_id'],
    ['?transaction_id=-2%2B3', 'invalid_transaction_id'],
    ['?transaction_id=..%2F..%2Fetc%2Fpasswd', 'invalid_transaction_id'],
  ];
  for (const [query, reason] of cases) {
    const route = routeRequest('GET', `/r/${TOKEN}${query}`);
    assert.equal(route.kind, 'rejected_return', query);
    if (route.kind === 'rejected_return') assert.equal(route.reason, reason, query);
  }
});

test('everything shown to the customer is HTML-escaped', () => {
  assert.equal(escapeHtml(`<script>alert("x")</script>&'`), '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;');
  const page = thankYouPage({ ref: 'PD-000001', amountMinor: 15050, transactionId: '"><img src=x onerror=alert(1)>' });
  assert.equal(page.status, 200);
  assert.ok(!page.html.includes('<img'));
  assert.ok(page.html.includes('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;'));
  assert.ok(!/<script|https?:\/\//.test(page.html), 'no scripts, no remote resources');
  assert.equal(notFoundPage().status, 404);
});

test('a return pays an unpaid order once and never replaces a recorded transaction id', () => {
  assert.deepEqual(decideReturn({ status: 'pending', transactionId: null, transactionKey: null }, 'T1', null), { action: 'mark_paid', from: 'pending' });
  assert.deepEqual(decideReturn({ status: 'cancelled', transactionId: null, transactionKey: null }, 'T1', null), { action: 'mark_paid', from: 'cancelled' });
  assert.deepEqual(decideReturn({ status: 'paid', transactionId: 'T1', transactionKey: 'T1' }, 'T1', 'PD-000001'), { action: 'repeat' });
  assert.deepEqual(decideReturn({ status: 'paid', transactionId: 'T1', transactionKey: 'T1' }, 'T2', null), { action: 'conflict', recorded: 'T1' });
  assert.deepEqual(decideReturn({ status: 'pending', transactionId: null, transactionKey: null }, 'T1', 'PD-000009'), {
    action: 'duplicate_transaction',
    otherRef: 'PD-000009',
  });
});

test('only a pending order can be cancelled by the customer', () => {
  assert.deepEqual(decideCancel({ status: 'pending' }), { action: 'mark_cancelled' });
  for (const status of ['paid', 'cancelled', 'failed'] as const) {
    assert.deepEqual(decideCancel({ status }), { action: 'none', status });
  }
});
