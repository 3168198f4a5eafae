// The gateway client: one POST to `{base}/v1/checkout`, turned into a payment link or an error value.
// The gateway is a PHP app behind nginx we do not control, so every answer is treated as hostile:
// never retried (a retry could make a second checkout), never redirected, size-capped, time-capped,
// and validated before anything reaches the shopkeeper.
import { Agent, request } from 'undici';
import { z } from 'zod';
import type { Message } from '../../../shared/contract';
import { say } from '../../../shared/messages/say';
import { MAX_PAYMENT_URL_LENGTH, paymentLinkProblem, type PaymentLinkProblem } from '../values/payment-link';
import { isDomainMismatch } from '../../../shared/gateway-refusals';
import { toGatewayAmount } from '../../../shared/money';
import { BodyTooLarge, readCappedBody } from './capped-body';
import { errorCode, HTTP_TIMEOUT_CODES } from './error-code';
import { webUrl } from '../values/web-address';

export type GatewayErrorKind =
  'gateway_rejected' | 'unauthorized' | 'server_error' | 'malformed_response' | 'response_too_large' | 'timeout' | 'network';
/**
 * Why no payment link was made: a kind for code paths, PayDesk's explanation as a message (what went wrong and
 * what to check, without the gateway's words), and the gateway's own words verbatim beside it, if it gave any.
 */
export type GatewayError = {
  kind: GatewayErrorKind;
  message: Message;
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
      // TextDecoder drops the byte-order mark some PHP files leave in front of their JSON.
      const text = new TextDecoder().decode(await readCappedBody(response.body, response.headers['content-length'], maxResponseBytes));
      return interpret(status, text, redact(host), redact);
    } catch (error) {
      const kind = failureKind(error, signal);
      const message = kind === 'network' ? networkProblem(error, redact(host)) : say(KIND_CODES[kind]);
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
  if (error instanceof BodyTooLarge) return 'response_too_large';
  return signal.aborted || HTTP_TIMEOUT_CODES.has(errorCode(error)) ? 'timeout' : 'network';
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
        message: linkProblem(problem, host, paymentUrl.length),
        gatewayMessage: null,
        httpStatus: status,
      },
    };
  }
  const kind = status === 401 || status === 403 ? 'unauthorized' : status >= 500 ? 'server_error' : 'malformed_response';
  const message =
    kind === 'server_error'
      ? say('gateway_server_error', { status })
      : kind === 'malformed_response' && status >= 300 && status < 400
        ? say('gateway_redirect', { host })
        : say(KIND_CODES[kind]);
  return { ok: false, error: { kind, message, gatewayMessage: null, httpStatus: status } };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The gateway's words go verbatim into gatewayMessage; PayDesk's explanation says what to do about the two usual causes. */
function rejectedError(gatewayMessage: string, status: number): GatewayError {
  const words = gatewayMessage.trim();
  const message =
    words === ''
      ? say('gateway_refused_silently')
      : isDomainMismatch(words)
        ? say('gateway_refused_domain_mismatch')
        : status === 401 || status === 403
          ? say('gateway_refused_api_key')
          : say('gateway_refused');
  return { kind: 'gateway_rejected', message, gatewayMessage, httpStatus: status };
}

function linkProblem(problem: PaymentLinkProblem, host: string, length: number): Message {
  switch (problem) {
    case 'too_long':
      return say('gateway_link_too_long', { host, length, max: MAX_PAYMENT_URL_LENGTH });
    case 'user_info':
      return say('gateway_link_user_info', { host });
    case 'not_web':
      return say('gateway_link_not_web', { host });
    case 'hidden_characters':
      return say('gateway_link_hidden_characters', { host });
  }
}

/** The kinds whose explanation needs nothing but the kind. */
const KIND_CODES = {
  unauthorized: 'gateway_unauthorized',
  malformed_response: 'gateway_malformed',
  response_too_large: 'gateway_too_large',
  timeout: 'gateway_timeout',
} as const;

/** The host to name in sentences, or null when the Base URL is not an http(s) address at all. */
const hostOf = (baseUrl: string): string | null => webUrl(baseUrl)?.host ?? null;

function badBaseUrl(baseUrl: string): GatewayError {
  return { kind: 'network', message: say('gateway_base_url_invalid', { baseUrl }), gatewayMessage: null, httpStatus: null };
}

function networkProblem(error: unknown, host: string): Message {
  const code = errorCode(error);
  if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|HOSTNAME_MISMATCH/.test(code)) return say('gateway_certificate', { host });
  if (/^ERR_(SSL|TLS)_/.test(code)) return say('gateway_tls', { host });
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return say('gateway_not_found', { host });
  if (code === 'ECONNREFUSED') return say('gateway_connection_refused', { host });
  return say('gateway_connection_failed', { host });
}

type Redact = (text: string) => string;

/**
 * Masks the API key in text that came from outside (the Base URL, the gateway's words), the only places
 * it could hide: a gateway that echoes the key back must not carry it into a message or a log.
 */
function redactor(apiKey: string): Redact {
  return (text) => (apiKey === '' ? text : text.split(apiKey).join('••••'));
}
