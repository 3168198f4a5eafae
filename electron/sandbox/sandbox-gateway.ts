// The built-in sandbox gateway: speaks the documented checkout API (including its PHP habits, such as
// validation errors with HTTP 200) and serves a checkout page with Pay and Cancel, so the whole flow
// runs with no account and no network. It holds no money and no secrets.
import { randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { toDecimalString } from '../../shared/money';

export const SANDBOX_API_KEY = 'sk_sandbox_paydesk'; // not a secret: sandbox only

/** `host` is where it binds; `origin` names it as a customer's browser reaches it. */
export type SandboxGateway = { baseUrl: string; origin: string; host: string; apiKey: string; close(): Promise<void> };

const API_PATH = '/api';
const MAX_CHECKOUTS = 10_000;
const MAX_API_BODY = 64 * 1024;
const MAX_FORM_BODY = 8 * 1024;

const httpUrl = z.url({ protocol: /^https?$/ }).max(2048);
const CheckoutBody = z.object({
  amount: z
    .number()
    .positive()
    .max(999_999_999_999.99)
    .refine((n) => Number(n.toFixed(2)) === n, 'at most two decimals'),
  client_base_url: z.string(),
  customer_name: z.string().max(200).optional(),
  customer_email: z.string().max(254).optional(),
  success_url: httpUrl,
  cancel_url: httpUrl,
  meta_data: z.string().max(4096).optional(),
});

type Checkout = {
  amountMinor: number;
  customerName: string | null;
  successUrl: string;
  cancelUrl: string;
  transactionId: string | null;
};

export function startSandboxGateway(
  options: {
    host?: string;
    /** The host its links name (IPv6 in brackets) when that is not `host`: bound to 0.0.0.0, a phone needs one real address. */
    urlHost?: string;
    port?: number;
    apiKey?: string;
  } = {},
): Promise<SandboxGateway> {
  const host = options.host ?? '127.0.0.1';
  const urlHost = options.urlHost ?? (host.includes(':') ? `[${host}]` : host);
  const apiKey = options.apiKey ?? SANDBOX_API_KEY;
  // Insertion-ordered, so the first key is always the oldest checkout.
  const checkouts = new Map<string, Checkout>();
  let origin = '';
  let baseUrl = '';

  async function checkout(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hasBearer(req, apiKey)) return sendJson(res, 401, { status: 'error', message: 'Unauthorized' });
    const raw = await readBody(req, MAX_API_BODY);
    if (raw === null) return sendJson(res, 413, { status: 'error', message: 'Request body too large' });
    const parsed = CheckoutBody.safeParse(parseJson(raw));
    if (!parsed.success) {
      const field = parsed.error.issues[0]?.path.join('.') || 'request body';
      return sendJson(res, 200, { status: 'error', message: `Invalid or missing ${field}.` });
    }
    const body = parsed.data;
    if (body.client_base_url !== baseUrl) {
      return sendJson(res, 200, { status: 'error', message: 'Domain mismatch. দুঃখিত, সংযোগ স্থাপন করা যায়নি।' });
    }
    const trxId = randomBytes(16).toString('hex');
    checkouts.set(trxId, {
      amountMinor: Math.round(body.amount * 100),
      customerName: body.customer_name ?? null,
      successUrl: body.success_url,
      cancelUrl: body.cancel_url,
      transactionId: null,
    });
    if (checkouts.size > MAX_CHECKOUTS) checkouts.delete(checkouts.keys().next().value!);
    sendJson(res, 200, { status: 'success', payment_url: `${origin}/checkout?trx_id=${trxId}` });
  }

  async function decide(req: IncomingMessage, res: ServerResponse, action: 'pay' | 'cancel'): Promise<void> {
    const raw = await readBody(req, MAX_FORM_BODY);
    const trxId = raw === null ? null : new URLSearchParams(raw).get('trx_id');
    const found = trxId === null ? undefined : checkouts.get(trxId);
    if (!found) return sendHtml(res, 404, notFoundPage());
    if (action === 'cancel') return redirect(res, found.cancelUrl);
    found.transactionId ??= transactionId();
    const target = new URL(found.successUrl);
    target.searchParams.set('transaction_id', found.transactionId);
    redirect(res, target.href);
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', origin);
    const endpoint = `${req.method} ${url.pathname}`;
    if (endpoint === `POST ${API_PATH}/v1/checkout`) return checkout(req, res);
    if (endpoint === 'POST /checkout/pay') return decide(req, res, 'pay');
    if (endpoint === 'POST /checkout/cancel') return decide(req, res, 'cancel');
    if (endpoint === 'GET /checkout') {
      const trxId = url.searchParams.get('trx_id');
      const found = trxId === null ? undefined : checkouts.get(trxId);
      return found && trxId !== null ? sendHtml(res, 200, checkoutPage(trxId, found)) : sendHtml(res, 404, notFoundPage());
    }
    sendHtml(res, 404, notFoundPage());
  }

  const server = createServer((req, res) => {
    route(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Internal error');
    });
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      const { port } = server.address() as AddressInfo;
      origin = `http://${urlHost}:${port}`;
      baseUrl = `${origin}${API_PATH}`;
      resolve({
        baseUrl,
        origin,
        host,
        apiKey,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            server.closeAllConnections();
          }),
      });
    });
  });
}

function hasBearer(req: IncomingMessage, apiKey: string): boolean {
  const given = Buffer.from(req.headers.authorization ?? '');
  const expected = Buffer.from(`Bearer ${apiKey}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The body as text, or null once it passes `limit` (the rest is not read). */
function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.pause();
        resolve(null);
      } else {
        chunks.push(chunk);
      }
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Ten characters of A-Z and 0-9, shaped like the gateway's own ids (e.g. CJH1D2Y4W1). */
function transactionId(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  return Array.from({ length: 10 }, () => alphabet[randomInt(alphabet.length)]).join('');
}

function sendJson(res: ServerResponse, status: number, body: object): void {
  // Closing after an oversized body stops the client from pushing the rest of it at us.
  const close = status === 413 ? { connection: 'close' } : {};
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...close });
  res.end(JSON.stringify(body));
}

function redirect(res: ServerResponse, location: string): void {
  res.writeHead(303, { location, 'cache-control': 'no-store' });
  res.end();
}

// The form posts lead to a redirect to PayDesk's return listener on another origin, and browsers apply
// form-action to that redirect too, so it has to allow any http(s) target.
const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' http: https:; base-uri 'none'; frame-ancestors 'none'",
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, PAGE_HEADERS);
  res.end(html);
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 28rem; margin: 3rem auto; padding: 0 1rem; color: #1f2933; }
.amount { font-size: 2.5rem; font-weight: 600; margin: 0.5rem 0 1.5rem; }
.note { color: #52606d; font-size: 0.9rem; }
form { display: inline-block; margin-right: 0.75rem; }
button { font-size: 1.1rem; padding: 0.6rem 1.4rem; border-radius: 0.4rem; border: 1px solid #9aa5b1; background: #fff; cursor: pointer; }
button.pay { background: #0b7a3e; border-color: #0b7a3e; color: #fff; }
</style>
</head>
<body>
${body}
</body>
</html>
`;
}

function checkoutPage(trxId: string, checkout: Checkout): string {
  const amount = escapeHtml(`৳${toDecimalString(checkout.amountMinor)}`);
  const trx = escapeHtml(trxId);
  const customer = checkout.customerName === null ? '' : `<p>Customer: ${escapeHtml(checkout.customerName)}</p>`;
  return page(
    'Sandbox checkout',
    `<h1>Sandbox checkout</h1>
<p class="note">This is PayDesk's practice gateway. No real money moves.</p>
<p class="amount">${amount}</p>
${customer}
<form method="post" action="/checkout/pay"><input type="hidden" name="trx_id" value="${trx}"><button type="submit" class="pay">Pay ${amount}</button></form>
<form method="post" action="/checkout/cancel"><input type="hidden" name="trx_id" value="${trx}"><button type="submit">Cancel</button></form>`,
  );
}

function notFoundPage(): string {
  return page(
    'Checkout not found',
    '<h1>Checkout not found</h1>\n<p>This payment link is unknown or has expired. Ask the shop for a new one.</p>',
  );
}
