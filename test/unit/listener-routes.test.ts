import { test } from 'node:test';
import assert from 'node:assert/strict';
import { routeRequest } from '../../electron/core/listener/routes';
import { allowedHosts, hostOf } from '../../electron/core/listener/allowed-hosts';
import { clientKey, createClientGate } from '../../electron/core/listener/client-limits';
import { escapeHtml } from '../../electron/core/values/escape-html';
import { thankYouPage, notFoundPage } from '../../electron/core/listener/pages';
import { decideCancel, decideReturn } from '../../electron/core/storage/return-decisions';

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
  for (const path of [
    '/',
    '/r/',
    '/r/short',
    `/r/${TOKEN}/x`,
    `/x/${TOKEN}`,
    `/r/${'a'.repeat(44)}`,
    '/../etc/passwd',
    `/r/${TOKEN.slice(1)}%2F`,
    'http://evil/r/x',
    '*',
  ]) {
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
  for (const language of ['en', 'bn'] as const) {
    const page = thankYouPage({ ref: 'PD-000001', amountMinor: 15050, transactionId: '"><img src=x onerror=alert(1)>' }, language);
    assert.equal(page.status, 200);
    assert.ok(!page.html.includes('<img'));
    assert.ok(page.html.includes('<span class="ref" translate="no">&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</span>'));
    assert.ok(!/<script|https?:\/\//.test(page.html), 'no scripts, no remote resources');
    assert.equal(notFoundPage(language).status, 404);
  }
});

test('a return pays an unpaid order once and never replaces a recorded transaction id', () => {
  assert.deepEqual(decideReturn({ status: 'pending', transactionId: null, transactionKey: null }, 'T1', null), {
    action: 'mark_paid',
    from: 'pending',
  });
  assert.deepEqual(decideReturn({ status: 'cancelled', transactionId: null, transactionKey: null }, 'T1', null), {
    action: 'mark_paid',
    from: 'cancelled',
  });
  assert.deepEqual(decideReturn({ status: 'paid', transactionId: 'T1', transactionKey: 'T1' }, 'T1', 'PD-000001'), { action: 'repeat' });
  assert.deepEqual(decideReturn({ status: 'paid', transactionId: 'T1', transactionKey: 'T1' }, 'T2', null), {
    action: 'conflict',
    recorded: 'T1',
  });
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

test('the checks’ paths are routed to their own books, never to an order, and HEAD on them changes nothing', () => {
  assert.deepEqual(routeRequest('GET', `/p/${TOKEN}`), { kind: 'probe', nonce: TOKEN });
  assert.deepEqual(routeRequest('GET', `/t/${TOKEN}?transaction_id=X`), { kind: 'phone_test', nonce: TOKEN });
  for (const path of [`/p/${TOKEN}`, `/t/${TOKEN}`]) assert.deepEqual(routeRequest('HEAD', path), { kind: 'head' });
  for (const path of ['/p/', '/t/short', `/p/${TOKEN}/x`, `/t/${TOKEN}x`]) assert.equal(routeRequest('GET', path).kind, 'refuse', path);
});

test('the Host allow-list holds the listener’s own address and the published return addresses, nothing else', () => {
  const loopback = allowedHosts({ host: '127.0.0.1', port: 47400 }, ['https://pay.shop.example', 'http://Tunnel.Example:8080/base'], []);
  for (const host of ['127.0.0.1:47400', 'localhost:47400', 'pay.shop.example', 'pay.shop.example:443', 'tunnel.example:8080']) {
    assert.ok(loopback.has(hostOf(host)!), host);
  }
  for (const host of [
    'evil.example:47400',
    '127.0.0.1',
    '127.0.0.1:47401',
    'pay.shop.example:47400',
    'tunnel.example',
    '192.0.2.2:47400',
  ]) {
    assert.ok(!loopback.has(hostOf(host) ?? ''), host);
  }

  const everywhere = allowedHosts({ host: '0.0.0.0', port: 80 }, [], ['192.168.1.5']);
  for (const host of ['192.168.1.5', '192.168.1.5:80', '127.0.0.1:80', 'localhost']) assert.ok(everywhere.has(hostOf(host)!), host);
  assert.ok(!everywhere.has('192.168.1.6'));
  const lanOnly = allowedHosts({ host: '192.168.1.5', port: 47400 }, [], []);
  assert.deepEqual([...lanOnly], ['192.168.1.5:47400'], 'a LAN listener is not reached as localhost');
  assert.ok(allowedHosts({ host: '::1', port: 47400 }, [], []).has('[::1]:47400'));
});

test('a Host header is read as a browser writes it, and anything else is no host at all', () => {
  assert.equal(hostOf('PAY.Shop.Example.'), 'pay.shop.example');
  assert.equal(hostOf(' 127.0.0.1:47400 '), '127.0.0.1:47400');
  assert.equal(hostOf('localhost:080'), 'localhost:80');
  assert.equal(hostOf('[::1]:47400'), '[::1]:47400');
  for (const header of [undefined, '', 'a b', 'user@host', 'host:port', 'host:1:2', '::1', 'host/path', 'host:123456', 'host:99999']) {
    assert.equal(hostOf(header), null, String(header));
  }
});

test('each client gets its own share of connections and of requests a minute, and is told when to come back', () => {
  let now = 1_000_000;
  const gate = createClientGate(
    { connectionsPerClient: 2, requestsPerClientPerMinute: 3, clientsTracked: 100, proxyAddresses: ['127.0.0.1'] },
    () => now,
  );
  const [first, second] = [gate.connect('198.51.100.7'), gate.connect('::ffff:198.51.100.7')];
  assert.deepEqual(
    [first, second, gate.connect('198.51.100.7')],
    ['198.51.100.7', '198.51.100.7', false],
    'an IPv4 client seen over IPv6 is the same client',
  );
  assert.equal(gate.connect('198.51.100.8'), '198.51.100.8', 'another client is not affected');
  gate.disconnect(first as string);
  assert.equal(gate.connect('198.51.100.7'), '198.51.100.7', 'a closed connection frees its place');

  const key = '198.51.100.7';
  assert.deepEqual([gate.request(key), gate.request(key), gate.request(key)], [null, null, null]);
  now += 15_000;
  assert.equal(gate.request(key), 45, 'Retry-After: the seconds left of its minute');
  assert.equal(gate.request('198.51.100.8'), null);
  now += 45_000;
  assert.equal(gate.request(key), null, 'a new minute, a new share');
  assert.deepEqual(gate.refused(), { connections: 1, requests: 1 });
});

test('a proxy on this computer is not one client: its requests count by the address it forwarded last', () => {
  const gate = createClientGate({
    connectionsPerClient: 1,
    requestsPerClientPerMinute: 1,
    clientsTracked: 100,
    proxyAddresses: ['127.0.0.1', '::1'],
  });
  assert.deepEqual(
    [gate.connect('127.0.0.1'), gate.connect('127.0.0.1'), gate.connect('::1')],
    [null, null, null],
    'its connections are not capped per client',
  );
  assert.deepEqual(gate.clientOf('127.0.0.1', 'spoofed, 203.0.113.7'), { key: '203.0.113.7', address: '203.0.113.7' });
  assert.deepEqual(gate.clientOf('127.0.0.1', ['1.1.1.1', '203.0.113.9']), { key: '203.0.113.9', address: '203.0.113.9' });
  assert.deepEqual(gate.clientOf('127.0.0.1', 'not an address'), { key: null, address: '127.0.0.1' }, 'the shop’s own browser');
  assert.deepEqual(
    gate.clientOf('198.51.100.7', '203.0.113.7'),
    { key: '198.51.100.7', address: '198.51.100.7' },
    'only a proxy may forward',
  );
  assert.equal(gate.request(null), null);
});

test('an IPv6 client is counted by its /64, and the table of clients never outgrows its size', () => {
  assert.equal(clientKey('2001:db8:1:2:aaaa::1'), '2001:db8:1:2::/64');
  assert.equal(clientKey('2001:db8:1:2:bbbb:cccc:dddd:eeee'), '2001:db8:1:2::/64');
  assert.equal(clientKey('2001:db8::1'), '2001:db8:0:0::/64');
  assert.equal(clientKey('fe80::1%eth0'), 'fe80:0:0:0::/64');
  assert.equal(clientKey('198.51.100.7'), '198.51.100.7');

  const gate = createClientGate({ connectionsPerClient: 1, requestsPerClientPerMinute: 1, clientsTracked: 3, proxyAddresses: [] });
  const holding = gate.connect('10.0.0.1') as string;
  for (let i = 2; i <= 50; i++) gate.request(`10.0.0.${i}`);
  // The client holding a connection was never forgotten (its share still holds); the oldest others were.
  assert.equal(gate.connect('10.0.0.1'), false);
  gate.disconnect(holding);
  assert.equal(gate.request('10.0.0.2'), null, 'a forgotten client starts afresh');
  assert.notEqual(gate.request('10.0.0.50'), null, 'a recent one is still counted');
});
