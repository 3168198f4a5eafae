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
import type { ConnectionReport } from '../../../shared/contract';
import { isLoopbackHost } from '../values/loopback';
import { errorCode, HTTP_TIMEOUT_CODES } from './error-code';
import { endpointOf, parseUrl, webUrl } from '../values/web-address';

export type ConnectionCheckOptions = {
  /** The limit for each step. */
  timeoutMs?: number;
  /** For tests only: trust this CA instead of the system's. */
  ca?: string | Buffer;
};

export type Passed<T> = { ok: true; detail: string; value: T };
export type Outcome<T> = Passed<T> | Failure;
/** `detail` is the step's own line; `message` is the report's one sentence, with what to check. */
export type Failure = { ok: false; detail: string; message: string };

export const passed = <T>(detail: string, value: T): Outcome<T> => ({ ok: true, detail, value });
export const failed = (detail: string, message: string): Failure => ({ ok: false, detail, message });

/**
 * What a check is about, in the words its sentences use ("check the port in {address} and that {server} is
 * running"), so the return-address check walks the same steps and says what to fix in its own terms.
 */
export type CheckSubject = { address: string; server: string; admin: string };

const GATEWAY: CheckSubject = { address: 'the Base URL', server: 'the gateway', admin: 'the gateway’s administrator' };

/** The steps of one check in the order taken: `record` keeps a step and says whether the check may go on. */
export function stepLadder<S extends string>() {
  const steps: Array<{ step: S; ok: boolean; detail: string }> = [];
  const warnings: string[] = [];
  return {
    warn: (warning: string) => void warnings.push(warning),
    record<T>(step: S, outcome: Outcome<T>): outcome is Passed<T> {
      steps.push({ step, ok: outcome.ok, detail: outcome.detail });
      return outcome.ok;
    },
    finish: (message: string) => ({
      ok: steps.every((step) => step.ok),
      steps,
      warning: warnings.length === 0 ? null : warnings.join(' '),
      message,
    }),
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
  if (mode === 'live' && url.protocol === 'http:' && !isLoopbackHost(hostname)) {
    warn(
      'This Base URL starts with http://, so the API key and every payment request would cross the network unencrypted, where others could read them; use the gateway’s https:// address for a live profile.',
    );
  }

  const names = await lookUp(hostname, timeoutMs, GATEWAY);
  if (!record('dns', names)) return finish(names.message);

  const connection = await connectTcp(names.value, port, timeoutMs, GATEWAY);
  if (!record('tcp', connection)) return finish(connection.message);

  if (url.protocol === 'https:') {
    const certificate = await checkTls(connection.value, hostname, port, timeoutMs, options.ca, GATEWAY);
    if (!record('tls', certificate)) return finish(certificate.message);
  }

  const answer = await getBaseUrl(url, timeoutMs, options.ca);
  if (!record('http', answer)) return finish(answer.message);
  if (answer.value !== null) warn(answer.value);
  return finish(`Connected to ${url.host}: the gateway answers.`);
}

// ---- url ----

function checkUrl(typed: string): Outcome<URL> {
  const text = typed.trim();
  const copyAgain = 'copy the Base URL again from the gateway’s API Settings page';
  if (text === '') return failed('No Base URL was given.', `Type the gateway’s Base URL first; ${copyAgain}.`);
  const url = webUrl(text);
  if (url === null) {
    const detail = `“${quote(text)}” is not a web address starting with https:// or http://.`;
    return failed(detail, `${detail.slice(0, -1)}; ${copyAgain}.`);
  }
  if (url.username !== '' || url.password !== '') {
    return failed(
      'The Base URL has a user name or password in it.',
      'The Base URL has a user name or password in it (the part before “@”); remove that part, because PayDesk sends the API key instead.',
    );
  }
  const kind = url.protocol === 'https:' ? 'an encrypted (https)' : 'an unencrypted (http)';
  return passed(`${url.host} is ${kind} web address.`, url);
}

// ---- dns ----

export async function lookUp(hostname: string, timeoutMs: number, subject: CheckSubject): Promise<Outcome<string[]>> {
  if (isIP(hostname) !== 0) return passed(`${hostname} is a numeric address, so there is no name to look up.`, [hostname]);
  try {
    const found = await withTimeout(dns.lookup(hostname, { all: true }), timeoutMs);
    const addresses = [...new Set(found.map((entry) => entry.address))];
    return passed(`${hostname} is at ${listed(addresses)}.`, addresses);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOTFOUND' || code === 'ENODATA') {
      return failed(
        `No address was found for ${hostname}.`,
        `PayDesk could not find ${hostname}: check the spelling of ${subject.address} and that this computer is connected to the internet.`,
      );
    }
    const why = error instanceof TimedOut ? `within ${seconds(timeoutMs)}` : `(${code || 'no answer'})`;
    return failed(
      `The name ${hostname} could not be looked up ${why}.`,
      `PayDesk could not look up ${hostname} because the name server did not answer: check that this computer is connected to the internet, then try again.`,
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
      return passed(`Connected to ${where(address, port)}.`, address);
    } catch (error) {
      lastError = error;
    }
  }
  const place = where(tried, port);
  const code = errorCode(lastError);
  if (lastError instanceof TimedOut) {
    return failed(
      `${place} did not accept a connection within ${seconds(timeoutMs)}.`,
      `${place} did not accept a connection within ${seconds(timeoutMs)}: check the internet connection, the port in ${subject.address}, and any firewall between this computer and ${subject.server}.`,
    );
  }
  if (code === 'ECONNREFUSED') {
    return failed(
      `Nothing is accepting connections at ${place}.`,
      `Nothing is accepting connections at ${place}: check the port in ${subject.address} and that ${subject.server} is running.`,
    );
  }
  if (code === 'ENETUNREACH' || code === 'EHOSTUNREACH') {
    return failed(
      `There is no network route to ${place}.`,
      `This computer has no network route to ${place}: check that it is connected to the internet or to ${subject.server}’s network.`,
    );
  }
  return failed(
    `The connection to ${place} failed (${code || 'no reason given'}).`,
    `The connection to ${place} failed: check the internet connection and try again.`,
  );
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
      resolve(
        failed(
          `${hostname} did not finish the secure connection within ${seconds(timeoutMs)}.`,
          `${hostname} did not finish setting up a secure connection within ${seconds(timeoutMs)}: check the internet connection and try again.`,
        ),
      );
    });
    socket.on('error', (error) => resolve(handshakeFailure(hostname, port, error, subject)));
  });
}

function trusted(hostname: string, certificate: PeerCertificate): Outcome<null> {
  return passed(
    `The security certificate of ${hostname} is valid until ${day(certificate.valid_to)}, issued by ${issuerOf(certificate)}.`,
    null,
  );
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
  const certificateOf = `The security certificate of ${hostname}`;
  if (code === 'CERT_HAS_EXPIRED') {
    const detail = `${certificateOf} expired on ${day(certificate.valid_to)}.`;
    return failed(
      detail,
      `${detail.slice(0, -1)}, so PayDesk cannot trust the connection: check that this computer’s date is right, and if it is, ask ${subject.admin} to renew the certificate.`,
    );
  }
  if (code === 'CERT_NOT_YET_VALID') {
    const detail = `${certificateOf} is valid only from ${day(certificate.valid_from)}.`;
    return failed(
      detail,
      `${detail.slice(0, -1)}, so PayDesk cannot trust the connection yet: check that this computer’s date and time are right.`,
    );
  }
  if (SELF_SIGNED.has(code)) {
    return failed(
      `${certificateOf} is self-signed: nobody vouches that it belongs to the real ${bare(subject.server)}.`,
      `${certificateOf} is self-signed, so nobody vouches that this is the real ${bare(subject.server)}: ask ${subject.admin} to install a certificate from a recognised authority such as Let’s Encrypt.`,
    );
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    const names = certificateNames(certificate);
    const detail = `The security certificate shown at ${hostname} is for ${names}, not for ${hostname}.`;
    return failed(
      detail,
      `${detail.slice(0, -1)}: check the spelling of ${subject.address}, or ask ${subject.admin} to fix the certificate.`,
    );
  }
  if (UNTRUSTED_ISSUER.has(code)) {
    const detail = `${certificateOf} was issued by ${issuerOf(certificate)}, which this computer does not trust.`;
    return failed(
      detail,
      `${detail.slice(0, -1)} (or the server leaves out part of its certificate chain): ask ${subject.admin} to install a certificate from a recognised authority, with its full chain.`,
    );
  }
  return failed(
    `${certificateOf} could not be verified (${code}).`,
    `${certificateOf} could not be verified (${code}), so PayDesk cannot trust the connection: ask ${subject.admin} to check the certificate.`,
  );
}

function handshakeFailure(hostname: string, port: number, error: Error, subject: CheckSubject): Failure {
  const code = errorCode(error);
  const place = where(hostname, port);
  if (code === 'ECONNRESET' || code === 'EPIPE') {
    return failed(
      `${place} closed the connection while setting up https.`,
      `${place} closed the connection while setting up a secure (https) connection: check whether ${subject.address} should start with http:// instead, and the port.`,
    );
  }
  return failed(
    `${place} does not speak https (${code || error.message}).`,
    `${place} does not answer in https: check whether ${subject.address} should start with http:// instead of https://, and the port.`,
  );
}

/** Node gives the verification result as a code string, although its type says Error. */
function verifyCode(problem: unknown): string {
  if (typeof problem === 'string') return problem;
  return errorCode(problem) || (problem instanceof Error ? problem.message : 'unknown problem');
}

function issuerOf(certificate: PeerCertificate): string {
  const issuer = certificate.issuer as Record<string, string | string[] | undefined> | undefined;
  const name = first(issuer?.O) ?? first(issuer?.CN);
  return name === undefined ? 'an unnamed authority' : `“${quote(name)}”`;
}

function certificateNames(certificate: PeerCertificate): string {
  const altNames = (certificate.subjectaltname ?? '')
    .split(',')
    .map((entry) => entry.trim().replace(/^(DNS|IP Address):/, ''))
    .filter((name) => name !== '');
  const names = altNames.length > 0 ? altNames : [first(certificate.subject?.CN) ?? ''].filter((name) => name !== '');
  if (names.length === 0) return 'no name at all';
  const shown = names.slice(0, 3).map((name) => quote(name));
  return names.length > 3 ? `${shown.join(', ')} and ${names.length - 3} more` : listed(shown);
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

// ---- http ----

/** One GET of the Base URL; any HTTP answer means a web server is there. The value is a warning or null. */
async function getBaseUrl(url: URL, timeoutMs: number, ca: string | Buffer | undefined): Promise<Outcome<string | null>> {
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
    return httpFailure(url.host, error, signal.aborted, timeoutMs, GATEWAY);
  } finally {
    await agent.destroy();
  }
}

function judgeAnswer(url: URL, status: number, location: string | undefined): Outcome<string | null> {
  const answered = `The gateway answered HTTP ${status}${STATUS_CODES[status] ? ` (${STATUS_CODES[status]})` : ''}`;
  if (status >= 300 && status < 400 && location !== undefined) {
    const target = parseUrl(location, url);
    // A redirect within the same site (e.g. /api to /api/) is harmless; one to another scheme or host
    // means the checkout POST would be redirected too, and PayDesk never follows a redirect with it.
    const elsewhere = target !== null && target.origin !== url.origin;
    const shown = quote(target?.href ?? location);
    return passed(
      `${answered}, a redirect to “${shown}”, which PayDesk did not follow.`,
      elsewhere
        ? `The gateway sends this address on to “${shown}”; payment links are never made through a redirect, so use that address’s start as the Base URL if the gateway’s API Settings page agrees.`
        : null,
    );
  }
  if (status >= 500) {
    return passed(
      `${answered}, an error on its own side.`,
      `The gateway’s server reported an error of its own (HTTP ${status}); payment links may fail until its administrator fixes it.`,
    );
  }
  return passed(`${answered}; any answer shows it is reachable.`, null);
}

/** Why an HTTP request got no answer: no time left, not HTTP at all, or hung up on. */
export function httpFailure(host: string, error: unknown, aborted: boolean, timeoutMs: number, subject: CheckSubject): Failure {
  const code = errorCode(error);
  if (aborted || HTTP_TIMEOUT_CODES.has(code)) {
    return failed(
      `${host} accepted the connection but gave no answer within ${seconds(timeoutMs)}.`,
      `${host} accepted the connection but gave no answer within ${seconds(timeoutMs)}: check the port in ${subject.address}, and try again in a few minutes in case ${subject.server} is busy.`,
    );
  }
  if (error instanceof errors.HTTPParserError || code.startsWith('HPE_')) {
    return failed(
      `${host} answered, but not as a web server (HTTP).`,
      `${host} answered, but not as a web server: check the port in ${subject.address}, and whether it should start with http or https.`,
    );
  }
  if (code === 'UND_ERR_SOCKET' || code === 'ECONNRESET') {
    return failed(
      `${host} closed the connection without answering.`,
      `${host} closed the connection without answering: check the port in ${subject.address}, and whether it should start with http or https.`,
    );
  }
  return failed(
    `The request to ${host} failed (${code || 'no reason given'}).`,
    `The request to ${host} failed: check the internet connection and try again.`,
  );
}

// ---- words ----

function where(address: string, port: number): string {
  return `${address} port ${port}`;
}

function listed(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function seconds(ms: number): string {
  const value = Math.round(ms / 100) / 10;
  return `${value} second${value === 1 ? '' : 's'}`;
}

/** A certificate date ("Jan  2 00:00:00 2020 GMT") as "2 January 2020". */
function day(text: string): string {
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) return text;
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** Text from outside (typed, or sent by a server) shortened for a sentence. */
export function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 100 ? `${flat.slice(0, 100)}…` : flat;
}

/** "the gateway" → "gateway", for "the real gateway". */
const bare = (server: string) => server.replace(/^(the|your) /, '');

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimedOut()), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
