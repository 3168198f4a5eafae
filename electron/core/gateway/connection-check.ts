// "Test connection": walks from the Base URL down to an HTTP answer one layer at a time (address, name,
// connection, certificate, web server) and stops at the first layer that fails, so the shopkeeper hears
// what is wrong and what to check before a customer waits at the counter. The gateway sees one GET of
// the Base URL and nothing else: no API key, never a POST, so a check can never create a payment. The name,
// connection and certificate steps are shared with the return-address check (listener/return-check.ts).
import { promises as dns } from 'node:dns';
import { STATUS_CODES } from 'node:http';
import { connect as netConnect, isIP } from 'node:net';
import { connect as tlsConnect, type PeerCertificate } from 'node:tls';
import { Agent, errors, request } from 'undici';
import type { ConnectionReport, Message } from '../../../shared/contract';
import type { CheckSubject } from '../../../shared/messages/en/gateway';
import { say } from '../../../shared/messages/say';
import { isLoopbackHost } from '../values/loopback';
import { errorCode, HTTP_TIMEOUT_CODES } from './error-code';
import { endpointOf, parseUrl, webUrl } from '../values/web-address';

export type { CheckSubject };

export type ConnectionCheckOptions = {
  /** The limit for each step. */
  timeoutMs?: number;
  /** For tests only: trust this CA instead of the system's. */
  ca?: string | Buffer;
};

export type Passed<T> = { ok: true; detail: Message; value: T };
export type Outcome<T> = Passed<T> | Failure;
/** `detail` is the step's own line; `message` is the report's one sentence, with what to check. */
export type Failure = { ok: false; detail: Message; message: Message };

export const passed = <T>(detail: Message, value: T): Outcome<T> => ({ ok: true, detail, value });
export const failed = (detail: Message, message: Message): Failure => ({ ok: false, detail, message });

/** The steps of one check in the order taken: `record` keeps a step and says whether the check may go on. */
export function stepLadder<S extends string>() {
  const steps: Array<{ step: S; ok: boolean; detail: Message }> = [];
  // The first warning is kept: each check raises at most one that matters more than the next.
  let warning: Message | null = null;
  return {
    warn: (message: Message) => void (warning ??= message),
    record<T>(step: S, outcome: Outcome<T>): outcome is Passed<T> {
      steps.push({ step, ok: outcome.ok, detail: outcome.detail });
      return outcome.ok;
    },
    finish: (message: Message) => ({ ok: steps.every((step) => step.ok), steps, warning, message }),
  };
}

/** Leaves a step early when its time is up; it becomes that step's timeout sentence, never escapes. */
class TimedOut extends Error {}

export async function checkConnection(
  baseUrl: string,
  mode: 'live' | 'sandbox',
  options: ConnectionCheckOptions = {},
): Promise<ConnectionReport> {
  const timeoutMs = options.timeoutMs ?? 8000;
  const { record, finish, warn } = stepLadder<ConnectionReport['steps'][number]['step']>();

  const address = checkUrl(baseUrl);
  if (!record('url', address)) return finish(address.message);
  const url = address.value;
  const { hostname, port } = endpointOf(url);
  if (mode === 'live' && url.protocol === 'http:' && !isLoopbackHost(hostname)) warn(say('check_url_plain_http'));

  const names = await lookUp(hostname, timeoutMs, 'gateway');
  if (!record('dns', names)) return finish(names.message);

  const connection = await connectTcp(names.value, port, timeoutMs, 'gateway');
  if (!record('tcp', connection)) return finish(connection.message);

  if (url.protocol === 'https:') {
    const certificate = await checkTls(connection.value, hostname, port, timeoutMs, options.ca, 'gateway');
    if (!record('tls', certificate)) return finish(certificate.message);
  }

  const answer = await getBaseUrl(url, timeoutMs, options.ca);
  if (!record('http', answer)) return finish(answer.message);
  if (answer.value !== null) warn(answer.value);
  return finish(say('check_connected', { host: url.host }));
}

// ---- url ----

function checkUrl(typed: string): Outcome<URL> {
  const text = typed.trim();
  if (text === '') return failed(say('check_url_missing_detail'), say('check_url_missing'));
  const url = webUrl(text);
  if (url === null) return failed(say('check_url_invalid_detail', { text: quote(text) }), say('check_url_invalid', { text: quote(text) }));
  if (url.username !== '' || url.password !== '') return failed(say('check_url_credentials_detail'), say('check_url_credentials'));
  return passed(addressKind(url), url);
}

/** "pay.example.com is an encrypted (https) web address.": the address step passed. */
export const addressKind = (url: URL): Message => say('check_url_ok', { host: url.host, encrypted: url.protocol === 'https:' });

// ---- dns ----

export async function lookUp(hostname: string, timeoutMs: number, subject: CheckSubject): Promise<Outcome<string[]>> {
  if (isIP(hostname) !== 0) return passed(say('check_dns_numeric', { host: hostname }), [hostname]);
  try {
    const found = await withTimeout(dns.lookup(hostname, { all: true }), timeoutMs);
    const addresses = [...new Set(found.map((entry) => entry.address))];
    return passed(say('check_dns_found', { host: hostname, addresses }), addresses);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOTFOUND' || code === 'ENODATA') {
      return failed(say('check_dns_not_found_detail', { host: hostname }), say('check_dns_not_found', { host: hostname, subject }));
    }
    const timedOut = error instanceof TimedOut;
    return failed(
      say('check_dns_no_answer_detail', {
        host: hostname,
        seconds: timedOut ? seconds(timeoutMs) : null,
        code: timedOut ? null : code || null,
      }),
      say('check_dns_no_answer', { host: hostname }),
    );
  }
}

// ---- tcp ----

/** Tries each address in turn within one time limit; the address that answered is the value. */
export async function connectTcp(addresses: string[], port: number, timeoutMs: number, subject: CheckSubject): Promise<Outcome<string>> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown = new TimedOut();
  let tried = addresses[0] ?? '';
  for (const address of addresses) {
    const left = deadline - Date.now();
    if (left <= 0) break;
    tried = address;
    try {
      await openAndClose(address, port, left);
      return passed(say('check_tcp_ok', { host: address, port }), address);
    } catch (error) {
      lastError = error;
    }
  }
  const place = { host: tried, port };
  const code = errorCode(lastError);
  if (lastError instanceof TimedOut) {
    const timing = { ...place, seconds: seconds(timeoutMs) };
    return failed(say('check_tcp_timeout_detail', timing), say('check_tcp_timeout', { ...timing, subject }));
  }
  if (code === 'ECONNREFUSED') return failed(say('check_tcp_refused_detail', place), say('check_tcp_refused', { ...place, subject }));
  if (code === 'ENETUNREACH' || code === 'EHOSTUNREACH') {
    return failed(say('check_tcp_no_route_detail', place), say('check_tcp_no_route', { ...place, subject }));
  }
  return failed(say('check_tcp_failed_detail', { ...place, code: code || null }), say('check_tcp_failed', place));
}

function openAndClose(address: string, port: number, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = netConnect({ host: address, port, timeout: timeoutMs });
    socket.once('connect', () => {
      socket.destroy();
      resolve();
    });
    socket.once('timeout', () => {
      socket.destroy();
      reject(new TimedOut());
    });
    socket.on('error', reject);
  });
}

// ---- tls ----

/**
 * Completes a handshake without rejecting the certificate, then judges it here: a rejected handshake
 * only says "failed", whereas the finished one lets the sentence name the date, the names and the issuer.
 * Nothing is ever sent over this connection, so an unverified server learns nothing.
 */
export function checkTls(
  address: string,
  hostname: string,
  port: number,
  timeoutMs: number,
  ca: string | Buffer | undefined,
  subject: CheckSubject,
): Promise<Outcome<null>> {
  return new Promise((resolve) => {
    const socket = tlsConnect({
      host: address,
      port,
      // SNI and the host name check use the name in the Base URL; an IP address is not sent as SNI.
      ...(isIP(hostname) === 0 ? { servername: hostname } : {}),
      ...(ca === undefined ? {} : { ca }),
      rejectUnauthorized: false,
    });
    socket.setTimeout(timeoutMs);
    socket.once('secureConnect', () => {
      const certificate = socket.getPeerCertificate();
      const problem = socket.authorized ? null : verifyCode(socket.authorizationError);
      socket.destroy();
      resolve(problem === null ? trusted(hostname, certificate) : untrusted(hostname, problem, certificate, subject));
    });
    socket.once('timeout', () => {
      socket.destroy();
      const timing = { host: hostname, seconds: seconds(timeoutMs) };
      resolve(failed(say('check_tls_timeout_detail', timing), say('check_tls_timeout', timing)));
    });
    socket.on('error', (error) => resolve(handshakeFailure(hostname, port, error, subject)));
  });
}

function trusted(hostname: string, certificate: PeerCertificate): Outcome<null> {
  return passed(say('check_tls_ok', { host: hostname, validTo: instant(certificate.valid_to), issuer: issuerOf(certificate) }), null);
}

const SELF_SIGNED = new Set(['DEPTH_ZERO_SELF_SIGNED_CERT']);
const UNTRUSTED_ISSUER = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'CERT_UNTRUSTED',
  'INVALID_CA',
]);

function untrusted(hostname: string, code: string, certificate: PeerCertificate, subject: CheckSubject): Failure {
  const host = hostname;
  if (code === 'CERT_HAS_EXPIRED') {
    const validTo = instant(certificate.valid_to);
    return failed(say('check_tls_expired_detail', { host, validTo }), say('check_tls_expired', { host, validTo, subject }));
  }
  if (code === 'CERT_NOT_YET_VALID') {
    const validFrom = instant(certificate.valid_from);
    return failed(say('check_tls_not_yet_detail', { host, validFrom }), say('check_tls_not_yet', { host, validFrom }));
  }
  if (SELF_SIGNED.has(code)) {
    return failed(say('check_tls_self_signed_detail', { host, subject }), say('check_tls_self_signed', { host, subject }));
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    const names = certificateNames(certificate);
    return failed(say('check_tls_wrong_name_detail', { host, ...names }), say('check_tls_wrong_name', { host, ...names, subject }));
  }
  if (UNTRUSTED_ISSUER.has(code)) {
    const issuer = issuerOf(certificate);
    return failed(say('check_tls_untrusted_detail', { host, issuer }), say('check_tls_untrusted', { host, issuer, subject }));
  }
  return failed(say('check_tls_unverified_detail', { host, code }), say('check_tls_unverified', { host, code, subject }));
}

function handshakeFailure(hostname: string, port: number, error: Error, subject: CheckSubject): Failure {
  const code = errorCode(error);
  const place = { host: hostname, port };
  if (code === 'ECONNRESET' || code === 'EPIPE') {
    return failed(say('check_tls_reset_detail', place), say('check_tls_reset', { ...place, subject }));
  }
  return failed(
    say('check_tls_not_https_detail', { ...place, code: quote(code || error.message) }),
    say('check_tls_not_https', { ...place, subject }),
  );
}

/** Node gives the verification result as a code string, although its type says Error. */
function verifyCode(problem: unknown): string {
  if (typeof problem === 'string') return problem;
  return errorCode(problem) || (problem instanceof Error ? problem.message : 'unknown problem');
}

/** The issuer's organisation or common name, as the certificate spells it; null when it names none. */
function issuerOf(certificate: PeerCertificate): string | null {
  const issuer = certificate.issuer as Record<string, string | string[] | undefined> | undefined;
  const name = first(issuer?.O) ?? first(issuer?.CN);
  return name === undefined ? null : quote(name);
}

/** The names a certificate is for: the first three, and how many more. */
function certificateNames(certificate: PeerCertificate): { names: string[]; more: number } {
  const altNames = (certificate.subjectaltname ?? '')
    .split(',')
    .map((entry) => entry.trim().replace(/^(DNS|IP Address):/, ''))
    .filter((name) => name !== '');
  const names = altNames.length > 0 ? altNames : [first(certificate.subject?.CN) ?? ''].filter((name) => name !== '');
  return { names: names.slice(0, 3).map((name) => quote(name)), more: Math.max(names.length - 3, 0) };
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

// ---- http ----

/** One GET of the Base URL; any HTTP answer means a web server is there. The value is a warning or null. */
async function getBaseUrl(url: URL, timeoutMs: number, ca: string | Buffer | undefined): Promise<Outcome<Message | null>> {
  const agent = new Agent({
    connect: { timeout: timeoutMs, ...(ca === undefined ? {} : { ca }) },
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    // undici's request follows no redirects, and the body is never read: only the status line matters.
    const response = await request(url, {
      method: 'GET',
      dispatcher: agent,
      signal,
      headers: { accept: '*/*', 'user-agent': 'PayDesk connection check' },
    });
    // Hanging up on the body makes it report an abort, which is exactly what was meant.
    response.body.on('error', () => {});
    response.body.destroy();
    return judgeAnswer(url, response.statusCode, first(response.headers.location));
  } catch (error) {
    return httpFailure(url.host, error, signal.aborted, timeoutMs, 'gateway');
  } finally {
    await agent.destroy();
  }
}

function judgeAnswer(url: URL, status: number, location: string | undefined): Outcome<Message | null> {
  const answered = { status, statusText: STATUS_CODES[status] ?? null };
  if (status >= 300 && status < 400 && location !== undefined) {
    const target = parseUrl(location, url);
    // A redirect within the same site (e.g. /api to /api/) is harmless; one to another scheme or host
    // means the checkout POST would be redirected too, and PayDesk never follows a redirect with it.
    const elsewhere = target !== null && target.origin !== url.origin;
    const shown = quote(target?.href ?? location);
    return passed(
      say('check_http_redirect_detail', { ...answered, location: shown }),
      elsewhere ? say('check_http_redirect_warning', { location: shown }) : null,
    );
  }
  if (status >= 500) return passed(say('check_http_server_error_detail', answered), say('check_http_server_error_warning', { status }));
  return passed(say('check_http_ok_detail', answered), null);
}

/** Why an HTTP request got no answer: no time left, not HTTP at all, or hung up on. */
export function httpFailure(host: string, error: unknown, aborted: boolean, timeoutMs: number, subject: CheckSubject): Failure {
  const code = errorCode(error);
  if (aborted || HTTP_TIMEOUT_CODES.has(code)) {
    const timing = { host, seconds: seconds(timeoutMs) };
    return failed(say('check_http_timeout_detail', timing), say('check_http_timeout', { ...timing, subject }));
  }
  if (error instanceof errors.HTTPParserError || code.startsWith('HPE_')) {
    return failed(say('check_http_not_web_detail', { host }), say('check_http_not_web', { host, subject }));
  }
  if (code === 'UND_ERR_SOCKET' || code === 'ECONNRESET') {
    return failed(say('check_http_hung_up_detail', { host }), say('check_http_hung_up', { host, subject }));
  }
  return failed(say('check_http_failed_detail', { host, code: code || null }), say('check_http_failed', { host }));
}

// ---- params ----

/** A time limit in seconds, to a tenth. */
const seconds = (ms: number): number => Math.round(ms / 100) / 10;

/** A certificate date ("Jan  2 00:00:00 2020 GMT") as an ISO instant, for the catalog to write as a date. */
function instant(text: string): string {
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? new Date(0).toISOString() : date.toISOString();
}

/** Text from outside (typed, or sent by a server) shortened for a sentence. */
export function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 100 ? `${flat.slice(0, 100)}…` : flat;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimedOut()), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
