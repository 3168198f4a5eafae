import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startSandboxGateway, type SandboxGateway } from '../../electron/sandbox/sandbox-gateway';

let sandbox: SandboxGateway;
before(async () => {
  sandbox = await startSandboxGateway();
});
after(() => sandbox.close());

const SUCCESS_URL = 'http://127.0.0.1:9/r/token123';
const CANCEL_URL = 'http://127.0.0.1:9/r/token123/cancel';

function postCheckout(body: Record<string, unknown>, apiKey: string | null = sandbox.apiKey): Promise<Response> {
  return fetch(`${sandbox.baseUrl}/v1/checkout`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(apiKey === null ? {} : { authorization: `Bearer ${apiKey}` }),
    },
    body: JSON.stringify(body),
  });
}

const validBody = (overrides: Record<string, unknown> = {}) => ({
  amount: 150.5,
  client_base_url: sandbox.baseUrl,
  customer_name: 'Rahim Uddin',
  success_url: SUCCESS_URL,
  cancel_url: CANCEL_URL,
  meta_data: JSON.stringify({ order_id: 'PD-1' }),
  ...overrides,
});

async function newPaymentUrl(overrides: Record<string, unknown> = {}): Promise<string> {
  const response = await postCheckout(validBody(overrides));
  const json = (await response.json()) as { status: string; payment_url: string };
  assert.equal(json.status, 'success');
  return json.payment_url;
}

function trxIdOf(paymentUrl: string): string {
  return new URL(paymentUrl).searchParams.get('trx_id')!;
}

function decide(action: 'pay' | 'cancel', trxId: string): Promise<Response> {
  return fetch(`${sandbox.origin}/checkout/${action}`, {
    method: 'POST',
    body: new URLSearchParams({ trx_id: trxId }),
    redirect: 'manual',
  });
}

test('the base URL is the API address a shopkeeper would type', () => {
  assert.match(sandbox.baseUrl, /^http:\/\/127\.0\.0\.1:\d+\/api$/);
  assert.equal(sandbox.baseUrl, `${sandbox.origin}/api`);
});

test('the Base URL and links name the host customers reach the sandbox by, where that is not the one it binds', async () => {
  // As when bound to 0.0.0.0 and named by a LAN address; these tests bind only 127.0.0.1, so localhost stands in.
  const named = await startSandboxGateway({ host: '127.0.0.1', urlHost: 'localhost' });
  try {
    const { port } = new URL(named.origin);
    assert.equal(named.host, '127.0.0.1');
    assert.equal(named.baseUrl, `http://localhost:${port}/api`);
    const response = await fetch(`http://127.0.0.1:${port}/api/v1/checkout`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${named.apiKey}` },
      body: JSON.stringify(validBody({ client_base_url: named.baseUrl })),
    });
    const json = (await response.json()) as { status: string; payment_url: string };
    assert.equal(json.status, 'success');
    assert.ok(json.payment_url.startsWith(`http://localhost:${port}/checkout?trx_id=`));
  } finally {
    await named.close();
  }
});

test('a valid checkout gets a payment URL on the sandbox checkout page', async () => {
  const paymentUrl = await newPaymentUrl();
  assert.ok(paymentUrl.startsWith(`${sandbox.origin}/checkout?trx_id=`));
});

test('the checkout page shows the amount in taka with Pay and Cancel buttons and a strict policy', async () => {
  const response = await fetch(await newPaymentUrl());
  const html = await response.text();
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type')!, /^text\/html; charset=utf-8/);
  assert.match(response.headers.get('content-security-policy')!, /default-src 'none'/);
  assert.match(html, /<title>Sandbox checkout<\/title>/);
  assert.match(html, /<html lang="en">/);
  assert.ok(html.includes('150.50'));
  assert.ok(html.includes('<button type="submit" class="pay">Pay ৳150.50</button>'));
  assert.ok(html.includes('<button type="submit">Cancel</button>'));
  assert.ok(html.includes('Rahim Uddin'));
  assert.doesNotMatch(html, /<script|src=|href=/);
});

test('the customer name is escaped on the checkout page', async () => {
  const html = await (await fetch(await newPaymentUrl({ customer_name: '<b>Rahim & "Sons"</b>' }))).text();
  assert.ok(html.includes('&#60;b&#62;Rahim &#38; &#34;Sons&#34;&#60;/b&#62;'));
  assert.ok(!html.includes('<b>Rahim'));
});

test('paying redirects to the success URL with a ten-character transaction id', async () => {
  const response = await decide('pay', trxIdOf(await newPaymentUrl()));
  assert.equal(response.status, 303);
  const location = new URL(response.headers.get('location')!);
  assert.equal(`${location.origin}${location.pathname}`, SUCCESS_URL);
  assert.match(location.searchParams.get('transaction_id')!, /^[A-Z0-9]{10}$/);
});

test('paying keeps a query string the success URL already has', async () => {
  const response = await decide('pay', trxIdOf(await newPaymentUrl({ success_url: `${SUCCESS_URL}?a=1` })));
  assert.equal(response.status, 303);
  const location = new URL(response.headers.get('location')!);
  assert.equal(location.searchParams.get('a'), '1');
  assert.match(location.searchParams.get('transaction_id')!, /^[A-Z0-9]{10}$/);
  assert.match(location.href, /^http:\/\/127\.0\.0\.1:9\/r\/token123\?a=1&transaction_id=[A-Z0-9]{10}$/);
});

test('paying a checkout twice returns the same transaction id', async () => {
  const trxId = trxIdOf(await newPaymentUrl());
  const first = (await decide('pay', trxId)).headers.get('location');
  const second = (await decide('pay', trxId)).headers.get('location');
  assert.equal(second, first);
});

test('cancelling redirects to the cancel URL unchanged', async () => {
  const response = await decide('cancel', trxIdOf(await newPaymentUrl()));
  assert.equal(response.status, 303);
  assert.equal(response.headers.get('location'), CANCEL_URL);
});

test('an unknown checkout is a 404 page, for viewing and for paying', async () => {
  const page = await fetch(`${sandbox.origin}/checkout?trx_id=nope`);
  assert.equal(page.status, 404);
  assert.match(await page.text(), /Checkout not found/);
  assert.equal((await decide('pay', 'nope')).status, 404);
});

test('a wrong or missing API key is refused with 401', async () => {
  for (const key of ['sk_wrong', null]) {
    const response = await postCheckout(validBody(), key);
    assert.equal(response.status, 401);
    assert.deepEqual(await response.json(), { status: 'error', message: 'Unauthorized' });
  }
});

test('a client base URL that differs by one character is a domain mismatch with HTTP 200', async () => {
  const response = await postCheckout(validBody({ client_base_url: `${sandbox.baseUrl}/` }));
  assert.equal(response.status, 200);
  assert.deepEqual(await response.json(), {
    status: 'error',
    message: 'Domain mismatch. দুঃখিত, সংযোগ স্থাপন করা যায়নি।',
  });
});

test('invalid input is an error with HTTP 200, as the PHP gateway does', async () => {
  const bad = [
    { amount: 1.234 },
    { amount: '150.50' },
    { amount: 0 },
    { success_url: 'javascript:alert(1)' },
    { cancel_url: '/relative' },
    { meta_data: { order_id: 'PD-1' } },
    { client_base_url: undefined },
  ];
  for (const overrides of bad) {
    const response = await postCheckout(validBody(overrides));
    assert.equal(response.status, 200);
    const json = (await response.json()) as { status: string; message: string };
    assert.equal(json.status, 'error', JSON.stringify(overrides));
    assert.match(json.message, /^Invalid or missing \w+\.$/);
  }
});

test('a request body over 64 KiB is refused with 413', async () => {
  const response = await postCheckout(validBody({ customer_name: 'x'.repeat(70 * 1024) }));
  assert.equal(response.status, 413);
});
