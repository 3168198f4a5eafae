import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import {
  createCheckoutClient,
  type CheckoutClientOptions,
  type CheckoutResult,
  type GatewayErrorKind,
} from '../../electron/core/gateway/checkout-client';
import type { MessageCode } from '../../shared/messages/en';
import { render } from '../../shared/messages/say';
import { startSandboxGateway, type SandboxGateway } from '../../electron/sandbox/sandbox-gateway';
import {
  answer,
  dribblingGateway,
  HTML_PAGE,
  httpGateway,
  hugeBodyGateway,
  resettingGateway,
  silentGateway,
  tlsGateway,
} from '../support/misbehaving-gateways';
import { canMakeCertificates, makeCertificate } from '../support/self-signed';

const API_KEY = 'sk_live_Xq7SECRETvalue2931';
const BENGALI_ERROR = 'অপর্যাপ্ত তথ্য। অনুগ্রহ করে আবার চেষ্টা করুন।';

const checkout = {
  amountMinor: 15050,
  customerName: 'Rahim Uddin',
  customerEmail: 'rahim@example.com',
  successUrl: 'http://127.0.0.1:9/r/token123',
  cancelUrl: 'http://127.0.0.1:9/r/token123/cancel',
  orderRef: 'PD-0001',
};

let sandbox: SandboxGateway;
before(async () => {
  sandbox = await startSandboxGateway();
});
after(() => sandbox.close());

/** Runs one checkout against `base` with a fresh client, closing the client afterwards. */
async function run(base: string, options: CheckoutClientOptions = {}, apiKey = API_KEY): Promise<CheckoutResult> {
  const client = createCheckoutClient(options);
  try {
    return await client.createCheckout({ baseUrl: base, apiKey }, checkout);
  } finally {
    await client.close();
  }
}

/** The failure, with PayDesk's explanation as each reader reads it. */
function assertFailure(result: CheckoutResult, kind: GatewayErrorKind, httpStatus: number | null, code: MessageCode) {
  assert.equal(result.ok, false, 'expected a failure');
  if (result.ok) return assert.fail();
  const { error } = result;
  const english = render(error.message, 'en');
  assert.equal(error.kind, kind, english);
  assert.equal(error.message.code, code, english);
  assert.equal(error.httpStatus, httpStatus);
  assert.match(english, /^[A-Z].{20,}[.!]$/s, 'the message is a sentence');
  assert.match(render(error.message, 'bn'), /^\S.{20,}।$/s, 'and a sentence in Bengali');
  assert.ok(!JSON.stringify(error).includes(API_KEY), 'the API key never appears in the error');
  return { ...error, english };
}

test('a checkout against the sandbox returns its payment URL', async () => {
  const result = await run(sandbox.baseUrl, {}, sandbox.apiKey);
  assert.equal(result.ok, true, JSON.stringify(result));
  if (result.ok) assert.ok(result.paymentUrl.startsWith(`${sandbox.origin}/checkout?trx_id=`));
});

test('the gateway receives the documented JSON body, the Base URL exactly as typed and the Bearer key', async () => {
  const seen: { method?: string; url?: string; headers?: IncomingMessage['headers']; body?: string }[] = [];
  const gateway = await httpGateway((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      seen.push({ method: req.method, url: req.url, headers: req.headers, body });
      answer(200, JSON.stringify({ status: 'success', payment_url: 'https://pay.example.com/checkout?trx_id=abc' }))(req, res);
    });
  });
  try {
    const typed = `http://${gateway.origin}/api/`;
    const client = createCheckoutClient();
    const result = await client.createCheckout({ baseUrl: typed, apiKey: API_KEY }, checkout);
    const bare = await client.createCheckout(
      { baseUrl: typed, apiKey: API_KEY },
      { amountMinor: 700, successUrl: checkout.successUrl, cancelUrl: checkout.cancelUrl, orderRef: 'PD-0002' },
    );
    await client.close();

    assert.deepEqual(result, { ok: true, paymentUrl: 'https://pay.example.com/checkout?trx_id=abc' });
    assert.equal(bare.ok, true);
    const [full, minimal] = seen;
    assert.equal(full?.method, 'POST');
    assert.equal(full?.url, '/api/v1/checkout');
    assert.equal(full?.headers?.authorization, `Bearer ${API_KEY}`);
    assert.equal(full?.headers?.['content-type'], 'application/json');
    assert.equal(full?.headers?.accept, 'application/json');
    assert.match(full?.body ?? '', /"amount":150\.5[,}]/);
    const body = JSON.parse(full?.body ?? '') as Record<string, unknown>;
    assert.deepEqual(body, {
      amount: 150.5,
      client_base_url: typed,
      customer_name: 'Rahim Uddin',
      customer_email: 'rahim@example.com',
      success_url: checkout.successUrl,
      cancel_url: checkout.cancelUrl,
      meta_data: '{"order_id":"PD-0001"}',
    });
    assert.equal(typeof body.meta_data, 'string');
    assert.deepEqual(JSON.parse(body.meta_data as string), { order_id: 'PD-0001' });
    assert.deepEqual(Object.keys(JSON.parse(minimal?.body ?? '') as object).sort(), [
      'amount',
      'cancel_url',
      'client_base_url',
      'meta_data',
      'success_url',
    ]);
    assert.equal((JSON.parse(minimal?.body ?? '') as { amount: unknown }).amount, 7);
  } finally {
    await gateway.close();
  }
});

test('a domain mismatch keeps the gateway words verbatim and says to compare the Base URLs', async () => {
  const result = await run(`${sandbox.baseUrl}/`, {}, sandbox.apiKey);
  const error = assertFailure(result, 'gateway_rejected', 200, 'gateway_refused_domain_mismatch');
  assert.equal(error.gatewayMessage, 'Domain mismatch. দুঃখিত, সংযোগ স্থাপন করা যায়নি।');
  assert.doesNotMatch(error.english, /Domain mismatch/, 'the gateway’s words stand beside PayDesk’s explanation, not inside it');
  assert.match(error.english, /Base URL in PayDesk with the Base URL on the gateway’s API Settings page character by character/);
});

test('a wrong API key refused by the sandbox keeps its words and points at the API key', async () => {
  const error = assertFailure(await run(sandbox.baseUrl, {}, 'sk_sandbox_wrong'), 'gateway_rejected', 401, 'gateway_refused_api_key');
  assert.equal(error.gatewayMessage, 'Unauthorized');
  assert.match(error.english, /API key on the gateway’s API Settings page/);
});

// ---- The fault matrix: one misbehaving gateway per case. ----

const FAST = { connectTimeoutMs: 300, totalTimeoutMs: 1000 };

test('a gateway that accepts the connection but never answers is a timeout', async () => {
  const gateway = await silentGateway();
  try {
    const startedAt = Date.now();
    const error = assertFailure(await run(`http://${gateway.origin}/api`, FAST), 'timeout', null, 'gateway_timeout');
    assert.ok(Date.now() - startedAt < 3000, 'gives up near the total timeout');
    assert.match(error.english, /did not answer in time/);
  } finally {
    await gateway.close();
  }
});

test('a gateway that dribbles its answer slower than the total timeout is a timeout', async () => {
  const gateway = await dribblingGateway();
  try {
    const startedAt = Date.now();
    assertFailure(await run(`http://${gateway.origin}/api`, FAST), 'timeout', 200, 'gateway_timeout');
    assert.ok(Date.now() - startedAt < 3000);
  } finally {
    await gateway.close();
  }
});

test('a 502 HTML page from the proxy is a server error', async () => {
  const gateway = await httpGateway(answer(502, HTML_PAGE('502 Bad Gateway'), 'text/html'));
  try {
    assertFailure(await run(`http://${gateway.origin}/api`), 'server_error', 502, 'gateway_server_error');
  } finally {
    await gateway.close();
  }
});

test('truncated JSON is a malformed response', async () => {
  const gateway = await httpGateway(answer(200, '{"status":"success","payment_url":"https://pay.exa'));
  try {
    assertFailure(await run(`http://${gateway.origin}/api`), 'malformed_response', 200, 'gateway_malformed');
  } finally {
    await gateway.close();
  }
});

test('an HTML page with HTTP 200 is a malformed response', async () => {
  const gateway = await httpGateway(answer(200, HTML_PAGE('Welcome'), 'text/html'));
  try {
    assertFailure(await run(`http://${gateway.origin}/api`), 'malformed_response', 200, 'gateway_malformed');
  } finally {
    await gateway.close();
  }
});

for (const announced of [false, true]) {
  test(`a 50 MB answer is cut off early as too large${announced ? ' when it announces its length' : ''}`, async () => {
    const gateway = await hugeBodyGateway(50 * 1024 * 1024, announced);
    try {
      assertFailure(await run(`http://${gateway.origin}/api`), 'response_too_large', 200, 'gateway_too_large');
      await gateway.closed;
      assert.ok(gateway.sent() < 16 * 1024 * 1024, `stopped after ${gateway.sent()} bytes`);
    } finally {
      await gateway.close();
    }
  });
}

test('a 401 HTML page is unauthorized and points at the API key', async () => {
  const gateway = await httpGateway(answer(401, HTML_PAGE('401 Authorization Required'), 'text/html'));
  try {
    const error = assertFailure(await run(`http://${gateway.origin}/api`), 'unauthorized', 401, 'gateway_unauthorized');
    assert.match(error.english, /API key on the gateway’s API Settings page/);
  } finally {
    await gateway.close();
  }
});

test('an error with HTTP 200 is a rejection that keeps the Bengali message verbatim', async () => {
  const gateway = await httpGateway(answer(200, JSON.stringify({ status: 'error', message: BENGALI_ERROR })));
  try {
    const error = assertFailure(await run(`http://${gateway.origin}/api`), 'gateway_rejected', 200, 'gateway_refused');
    assert.equal(error.gatewayMessage, BENGALI_ERROR);
    assert.doesNotMatch(error.english, /Base URL/);
  } finally {
    await gateway.close();
  }
});

test('an error JSON with HTTP 500 is a rejection, not a server error', async () => {
  const gateway = await httpGateway(answer(500, JSON.stringify({ status: 'error', message: 'Merchant is suspended' })));
  try {
    const error = assertFailure(await run(`http://${gateway.origin}/api`), 'gateway_rejected', 500, 'gateway_refused');
    assert.equal(error.gatewayMessage, 'Merchant is suspended');
  } finally {
    await gateway.close();
  }
});

test('a gateway that echoes the API key back never gets it into the error', async () => {
  const gateway = await httpGateway(answer(200, JSON.stringify({ status: 'error', message: `Invalid key ${API_KEY}` })));
  try {
    const error = assertFailure(await run(`http://${gateway.origin}/api`), 'gateway_rejected', 200, 'gateway_refused');
    assert.equal(error.gatewayMessage, 'Invalid key ••••');
  } finally {
    await gateway.close();
  }
});

test('a connection reset is a network error', async () => {
  const gateway = await resettingGateway();
  try {
    assertFailure(await run(`http://${gateway.origin}/api`), 'network', null, 'gateway_connection_failed');
  } finally {
    await gateway.close();
  }
});

test('a refused connection is a network error that names the address', async () => {
  const gateway = await silentGateway();
  await gateway.close();
  const error = assertFailure(await run(`http://${gateway.origin}/api`), 'network', null, 'gateway_connection_refused');
  assert.deepEqual(error.message.params, { host: gateway.origin });
  assert.ok(error.english.includes(gateway.origin));
});

test('a self-signed certificate is a network error about the security certificate', async (t) => {
  if (!canMakeCertificates(t)) return;
  const { key, cert } = makeCertificate(t);
  const gateway = await tlsGateway({ key, cert });
  try {
    const error = assertFailure(await run(`https://${gateway.origin}/api`), 'network', null, 'gateway_certificate');
    assert.match(error.english, /security certificate/);
    // The same server is fine once its certificate is trusted, so the failure above was the certificate.
    assert.equal((await run(`https://${gateway.origin}/api`, { tls: { ca: cert } })).ok, true);
  } finally {
    await gateway.close();
  }
});

test('a redirect is a malformed response and is not followed', async () => {
  let followed = false;
  const elsewhere = await httpGateway((req, res) => {
    followed = true;
    answer(200, JSON.stringify({ status: 'success', payment_url: 'https://evil.example/pay' }))(req, res);
  });
  const gateway = await httpGateway((_req, res) => {
    res.writeHead(302, { location: `http://${elsewhere.origin}/api/v1/checkout` });
    res.end();
  });
  try {
    const error = assertFailure(await run(`http://${gateway.origin}/api`), 'malformed_response', 302, 'gateway_redirect');
    assert.match(error.english, /redirect/);
    assert.equal(followed, false);
  } finally {
    await gateway.close();
    await elsewhere.close();
  }
});

test('a payment URL that is not an http(s) address is a malformed response', async () => {
  for (const paymentUrl of ['javascript:alert(document.cookie)', 'http:evil.example', '/checkout?trx_id=1', 'file:///etc/passwd']) {
    const gateway = await httpGateway(answer(200, JSON.stringify({ status: 'success', payment_url: paymentUrl })));
    try {
      assertFailure(await run(`http://${gateway.origin}/api`), 'malformed_response', 200, 'gateway_malformed');
    } finally {
      await gateway.close();
    }
  }
});

test('a Base URL that is not a web address fails before anything is sent', async () => {
  const error = assertFailure(await run('your-domain.com/api'), 'network', null, 'gateway_base_url_invalid');
  assert.match(error.english, /not a web address/);
});
