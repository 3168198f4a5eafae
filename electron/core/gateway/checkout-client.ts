// The gateway client: one POST to `{base}/v1/checkout`, turned into a payment link or an error value.
// The gateway is a PHP app behind nginx we do not control, so every answer is treated as hostile:
// never retried (a retry could make a second checkout), never redirected, size-capped, time-capped,
// and validated before anything reaches the shopkeeper.
import { Agent, request } from 'undici';
import { z } from 'zod';
import { MAX_PAYMENT_URL_LENGTH, paymentLinkProblem } from '../values/payment-link';
import { isDomainMismatch } from '../../../shared/gateway-refusals';
import { toGatewayAmount } from '../../../shared/money';
import { errorCode, HTTP_TIMEOUT_CODES } from './error-code';
import { webUrl } from '../values/web-address';

export type GatewayErrorKind =
  'gateway_rejected' | 'unauthorized' | 'server_error' | 'malformed_response' | 'response_too_large' | 'timeout' | 'network';
export type GatewayError = {
  kind: GatewayErrorKind;
  message: string;
  gatewayMessage: string | null;
  httpStatus: number | null;
};
export type GatewayCredentials = { baseUrl: string; apiKey: string };
export type CheckoutRequest = {
  amountMinor: number;
  customerName?: string;
  customerEmail?: string;
  successUrl: string;
  cancelUrl: string;
  orderRef: string;
};
export type CheckoutResult = { ok: true; paymentUrl: string } | { ok: false; error: GatewayError };
export type CheckoutClientOptions = {
  connectTimeoutMs?: number;
  totalTimeoutMs?: number;
  maxResponseBytes?: number;
  /** For tests only: trust this CA instead of the system's. */
  tls?: { ca?: string | Buffer };
};
export interface CheckoutClient {
  createCheckout(credentials: GatewayCredentials, request: CheckoutRequest): Promise<CheckoutResult>;
  close(): Promise<void>;
}

const SuccessBody = z.object({
  status: z.literal('success'),
  // Zod's url() with the http protocol pattern also insists on a literal "http(s)://" prefix, so
  // "javascript:" or "http:evil" never becomes a link the shopkeeper opens or prints as a QR code.
  payment_url: z.url({ protocol: /^https?$/ }),
});
const ErrorBody = z.object({ status: z.literal('error'), message: z.string() });

/** Leaves the read loop early; it becomes the response_too_large error value, never escapes. */
class ResponseTooLarge extends Error {}

export function createCheckoutClient(options: CheckoutClientOptions = {}): CheckoutClient {
  const connectTimeoutMs = options.connectTimeoutMs ?? 10_000;
  const totalTimeoutMs = options.totalTimeoutMs ?? 20_000;
  const maxResponseBytes = options.maxResponseBytes ?? 1024 * 1024;
  const ca = options.tls?.ca;
  const agent = new Agent({
    connect: { timeout: connectTimeoutMs, ...(ca === undefined ? {} : { ca }) },
    headersTimeout: totalTimeoutMs,
    bodyTimeout: totalTimeoutMs,
  });

  async function createCheckout(credentials: GatewayCredentials, checkout: CheckoutRequest): Promise<CheckoutResult> {
    const redact = redactor(credentials.apiKey);
    const host = hostOf(credentials.baseUrl);
    if (host === null) return { ok: false, error: badBaseUrl(redact(credentials.baseUrl)) };
    const signal = AbortSignal.timeout(totalTimeoutMs);
    let status: number | null = null;
    try {
      const response = await request(`${credentials.baseUrl.replace(/\/+$/, '')}/v1/checkout`, {
        method: 'POST',
        dispatcher: agent,
        signal,
        headers: {
          authorization: `Bearer ${credentials.apiKey}`,
          'content-type': 'application/json',
          accept: 'application/json',
        },
        body: JSON.stringify(requestBody(credentials.baseUrl, checkout)),
      });
      status = response.statusCode;
      const text = await readCapped(response.body, response.headers['content-length'], maxResponseBytes);
      return interpret(status, text, redact(host), redact);
    } catch (error) {
      const kind = failureKind(error, signal);
      const message = kind === 'network' ? networkSentence(error, redact(host)) : SENTENCES[kind]();
      return { ok: false, error: { kind, message, gatewayMessage: null, httpStatus: status } };
    }
  }

  return { createCheckout, close: () => agent.close() };
}

function requestBody(baseUrl: string, checkout: CheckoutRequest) {
  return {
    amount: toGatewayAmount(checkout.amountMinor),
    // Verbatim: the gateway compares it character by character with the Base URL it has stored.
    client_base_url: baseUrl,
    ...(checkout.customerName === undefined ? {} : { customer_name: checkout.customerName }),
    ...(checkout.customerEmail === undefined ? {} : { customer_email: checkout.customerEmail }),
    success_url: checkout.successUrl,
    cancel_url: checkout.cancelUrl,
    meta_data: JSON.stringify({ order_id: checkout.orderRef }),
  };
}

function failureKind(error: unknown, signal: AbortSignal): 'timeout' | 'response_too_large' | 'network' {
  if (error instanceof ResponseTooLarge) return 'response_too_large';
  return signal.aborted || HTTP_TIMEOUT_CODES.has(errorCode(error)) ? 'timeout' : 'network';
}

/** Reads the body as it streams in and hangs up the moment it passes the limit. */
async function readCapped(
  body: AsyncIterable<Buffer> & { destroy(): unknown },
  contentLength: string | string[] | undefined,
  limit: number,
): Promise<string> {
  if (typeof contentLength === 'string' && Number(contentLength) > limit) {
    body.destroy();
    throw new ResponseTooLarge();
  }
  const chunks: Buffer[] = [];
  let received = 0;
  for await (const chunk of body) {
    received += chunk.length;
    if (received > limit) {
      body.destroy();
      throw new ResponseTooLarge();
    }
    chunks.push(chunk);
  }
  // TextDecoder drops the byte-order mark some PHP files leave in front of their JSON.
  return new TextDecoder().decode(Buffer.concat(chunks));
}

/** Judges a complete answer by its JSON first: PHP gateways send "status":"error" with any HTTP code. */
function interpret(status: number, text: string, host: string, redact: Redact): CheckoutResult {
  const json = parseJson(text);
  const rejected = ErrorBody.safeParse(json);
  if (rejected.success) {
    return { ok: false, error: rejectedError(redact(rejected.data.message), status) };
  }
  const accepted = SuccessBody.safeParse(json);
  if (accepted.success && status >= 200 && status < 300) {
    const paymentUrl = accepted.data.payment_url;
    const problem = paymentLinkProblem(paymentUrl);
    if (problem === null) return { ok: true, paymentUrl };
    return {
      ok: false,
      error: {
        kind: 'malformed_response',
        message: LINK_SENTENCES[problem](host, paymentUrl.length),
        gatewayMessage: null,
        httpStatus: status,
      },
    };
  }
  const kind = status === 401 || status === 403 ? 'unauthorized' : status >= 500 ? 'server_error' : 'malformed_response';
  const message =
    kind === 'malformed_response' && status >= 300 && status < 400
      ? `The gateway at ${host} answered with a redirect instead of a payment link, so no payment link was made; check the Base URL, including whether it starts with http or https.`
      : SENTENCES[kind](status);
  return { ok: false, error: { kind, message, gatewayMessage: null, httpStatus: status } };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function rejectedError(gatewayMessage: string, status: number): GatewayError {
  const words = gatewayMessage.trim();
  // The sentence quotes at most a screenful; gatewayMessage keeps every word.
  const quoted = words.length > 300 ? `${words.slice(0, 300)}…` : words;
  const refusal =
    words === ''
      ? 'The gateway refused the request without saying why, so no payment link was made.'
      : `The gateway refused the request: “${quoted}” — no payment link was made.`;
  return { kind: 'gateway_rejected', message: refusal + rejectionHint(words, status), gatewayMessage, httpStatus: status };
}

/** The gateway's words say what failed; these say what the shopkeeper can do about the two usual causes. */
function rejectionHint(words: string, status: number): string {
  if (isDomainMismatch(words)) {
    return ' Compare the Base URL in PayDesk with the Base URL on the gateway’s API Settings page character by character, including any slash at the end: they must be exactly the same.';
  }
  if (status === 401 || status === 403) return ' Check the API key on the gateway’s API Settings page.';
  return '';
}

const LINK_SENTENCES = {
  too_long: (host: string, length: number) =>
    `The gateway at ${host} answered with a payment link ${length.toLocaleString('en')} characters long, more than the ${MAX_PAYMENT_URL_LENGTH.toLocaleString('en')} a link can be, so no payment link was made; ask the gateway’s administrator.`,
  user_info: (host: string) =>
    `The gateway at ${host} answered with a payment link that hides where it really leads (a name and @ before its address), so no payment link was made; ask the gateway’s administrator.`,
  not_web: (host: string) => `The gateway at ${host} answered with a payment link that is not a web address, so no payment link was made.`,
  hidden_characters: (host: string) =>
    `The gateway at ${host} answered with a payment link holding characters that would make it read as another address, so no payment link was made; ask the gateway’s administrator.`,
};

const SENTENCES = {
  unauthorized: () =>
    'The gateway did not accept the API key, so no payment link was made; check the API key on the gateway’s API Settings page.',
  server_error: (status: number) =>
    `The gateway had a problem of its own (HTTP ${status}), so no payment link was made; try again in a few minutes, and if it keeps happening tell the gateway’s administrator.`,
  malformed_response: () =>
    'The gateway’s answer was not a payment link PayDesk understands, so no payment link was made; check that the Base URL is the one on the gateway’s API Settings page (it usually ends in /api).',
  response_too_large: () =>
    'The gateway sent back far more data than a payment link needs, so PayDesk stopped reading and no payment link was made; check the Base URL.',
  timeout: () =>
    'The gateway did not answer in time, so PayDesk has no payment link for this sale; check the internet connection and try again.',
} as const;

/** The host to name in sentences, or null when the Base URL is not an http(s) address at all. */
const hostOf = (baseUrl: string): string | null => webUrl(baseUrl)?.host ?? null;

function badBaseUrl(baseUrl: string): GatewayError {
  return {
    kind: 'network',
    message: `The Base URL “${baseUrl}” is not a web address starting with http:// or https://, so no payment link was made; copy it again from the gateway’s API Settings page.`,
    gatewayMessage: null,
    httpStatus: null,
  };
}

function networkSentence(error: unknown, host: string): string {
  const code = errorCode(error);
  if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|HOSTNAME_MISMATCH/.test(code)) {
    return `The gateway at ${host} did not show a valid security certificate, so PayDesk did not send the request and no payment link was made; check the Base URL, or ask the gateway’s administrator to renew the certificate.`;
  }
  if (/^ERR_(SSL|TLS)_/.test(code)) {
    return `PayDesk could not set up a secure connection to ${host} because of a security certificate or https problem, so no payment link was made; check whether the Base URL should start with http or https.`;
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return `PayDesk could not find the gateway at ${host}, so no payment link was made; check the spelling of the Base URL and the internet connection.`;
  }
  if (code === 'ECONNREFUSED') {
    return `Nothing is accepting connections at ${host}, so no payment link was made; check the Base URL, including the port, and that the gateway is running.`;
  }
  return `The connection to the gateway at ${host} failed, so PayDesk has no payment link for this sale; check the internet connection and try again.`;
}

type Redact = (text: string) => string;

/**
 * Masks the API key in text that came from outside (the Base URL, the gateway's words), the only places
 * it could hide: a gateway that echoes the key back must not carry it into a message or a log.
 */
function redactor(apiKey: string): Redact {
  return (text) => (apiKey === '' ? text : text.split(apiKey).join('••••'));
}
