// "Check the return address": PayDesk requests its own return address (the public one through the shop's tunnel
// or proxy, or the listener's own) for a one-time nonce, and reports whether its listener heard it, one step at a
// time like Check connection (address, name, connection, certificate, heard), each failure with what to fix. The
// only request sent is GET /p/<nonce>; the nonce can mark, reveal or probe no order.
import { STATUS_CODES } from 'node:http';
import { Agent, request } from 'undici';
import type { ReturnCheckReport } from '../../../shared/contract';
import {
  checkTls,
  connectTcp,
  failed,
  httpFailure,
  lookUp,
  passed,
  quote,
  stepLadder,
  type CheckSubject,
  type Outcome,
} from '../gateway/connection-check';
import { isLoopbackHost } from '../values/loopback';
import { endpointOf, webUrl } from '../values/web-address';
import type { ReturnProbes } from './return-probes';

export type ReturnCheckInput = {
  /** Where links send customers back (the runtime's returnBaseUrl); null while the listener does not run. */
  returnBaseUrl: string | null;
  /** Why the listener does not run, as the runtime says it. */
  listenerProblem: string | null;
  /** True when returnBaseUrl is the profile's public return address, a tunnel or proxy in front of PayDesk. */
  public: boolean;
  /** Where a tunnel or proxy must send requests: the listener's own address. */
  listenerUrl: string;
  probes: Pick<ReturnProbes, 'issue' | 'settle'>;
  /** The limit for each step. */
  timeoutMs?: number;
  /** For tests only: trust this CA instead of the system's. */
  ca?: string | Buffer;
};

type Step = ReturnCheckReport['steps'][number]['step'];

const THROUGH_TUNNEL: CheckSubject = {
  address: 'the public return address',
  server: 'your tunnel or proxy',
  admin: 'whoever runs your tunnel or proxy',
};
const OWN_LISTENER: CheckSubject = {
  address: 'the return listener’s address',
  server: 'PayDesk’s return listener',
  admin: 'whoever set up this computer',
};

export async function checkReturnAddress(input: ReturnCheckInput): Promise<ReturnCheckReport> {
  const timeoutMs = input.timeoutMs ?? 5000;
  const subject = input.public ? THROUGH_TUNNEL : OWN_LISTENER;
  const { record, finish, warn } = stepLadder<Step>();
  const report = (message: string): ReturnCheckReport => ({ ...finish(message), url: input.returnBaseUrl });

  const address = checkAddress(input);
  if (!record('url', address)) return report(address.message);
  const url = address.value;
  const { hostname, port } = endpointOf(url);
  if (isLoopbackHost(hostname)) {
    warn(
      `The return address ${url.host} is this computer itself: a customer who pays on a phone is sent back to the phone, not to PayDesk. Choose where customers pay in Settings → Return listener.`,
    );
  } else if (input.public && url.protocol === 'http:') {
    warn(
      'This public return address starts with http://, so each order’s secret would cross the internet unencrypted; use your tunnel’s https:// address.',
    );
  }

  const names = await lookUp(hostname, timeoutMs, subject);
  if (!record('dns', names)) return report(names.message);

  const connection = await connectTcp(names.value, port, timeoutMs, subject);
  if (!record('tcp', connection)) return report(connection.message);

  if (url.protocol === 'https:') {
    const certificate = await checkTls(connection.value, hostname, port, timeoutMs, input.ca, subject);
    if (!record('tls', certificate)) return report(certificate.message);
  }

  const heard = await hearSelf(url, input, subject, timeoutMs);
  if (!record('heard', heard)) return report(heard.message);
  return report(
    input.public
      ? `Customers can come back to PayDesk through ${url.host}: its listener heard itself there.`
      : `PayDesk’s listener heard itself at ${url.host}.`,
  );
}

function checkAddress(input: ReturnCheckInput): Outcome<URL> {
  if (input.returnBaseUrl === null) {
    const why = input.listenerProblem ?? 'it is stopped.';
    return failed(
      'PayDesk has no return address: its return listener is not running.',
      `PayDesk’s return listener is not running, so no customer can come back: ${why}`,
    );
  }
  const url = webUrl(input.returnBaseUrl);
  if (url === null) {
    const detail = `“${quote(input.returnBaseUrl)}” is not a web address starting with https:// or http://.`;
    return failed(detail, `${detail.slice(0, -1)}; correct the public return address in Settings → Return listener.`);
  }
  const kind = url.protocol === 'https:' ? 'an encrypted (https)' : 'an unencrypted (http)';
  return passed(`${url.host} is ${kind} web address.`, url);
}

/**
 * Requests /p/<nonce> at the return address. Any server can answer 200; only PayDesk's listener marks the nonce
 * heard, so that, not the answer, is what passes the step.
 */
async function hearSelf(url: URL, input: ReturnCheckInput, subject: CheckSubject, timeoutMs: number): Promise<Outcome<null>> {
  const nonce = input.probes.issue();
  // Put together as the links are (orders/orders-service.ts), so the check takes the very path a customer's return takes.
  const target = `${url.href.replace(/\/+$/, '')}/p/${nonce}`;
  const agent = new Agent({
    connect: { timeout: timeoutMs, ...(input.ca === undefined ? {} : { ca: input.ca }) },
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });
  const signal = AbortSignal.timeout(timeoutMs);
  const started = Date.now();
  let answered: { status: number; location: string | undefined };
  try {
    // undici's request follows no redirects; the body is not needed, only who heard the request.
    const response = await request(target, {
      method: 'GET',
      dispatcher: agent,
      signal,
      headers: { accept: 'text/html', 'user-agent': 'PayDesk return check' },
    });
    response.body.on('error', () => {});
    response.body.destroy();
    const location = response.headers.location;
    answered = { status: response.statusCode, location: Array.isArray(location) ? location[0] : location };
  } catch (error) {
    input.probes.settle(nonce);
    return httpFailure(url.host, error, signal.aborted, timeoutMs, subject);
  } finally {
    await agent.destroy();
  }
  const ms = Date.now() - started;
  if (input.probes.settle(nonce)) {
    return passed(`PayDesk’s return listener heard the check through ${url.host} (HTTP ${answered.status}, ${ms} ms).`, null);
  }
  return notHeard(url, answered, input);
}

function notHeard(
  url: URL,
  { status, location }: { status: number; location: string | undefined },
  input: ReturnCheckInput,
): Outcome<null> {
  const answer = `HTTP ${status}${STATUS_CODES[status] ? ` (${STATUS_CODES[status]})` : ''}`;
  const detail = `${url.host} answered ${answer}, but PayDesk’s return listener never heard the check.`;
  const arrived = `The check reached a server at ${url.host} (it answered ${answer}), but not PayDesk`;
  if (status >= 300 && status < 400 && location !== undefined) {
    return failed(
      detail,
      `${arrived}: it redirects to “${quote(location)}”, and a customer’s return must not depend on a redirect; use the address it redirects to as the public return address, or point it straight at ${input.listenerUrl}.`,
    );
  }
  if (status === 421) {
    return failed(
      detail,
      `${arrived} under the name it was sent to: a proxy that rewrites the Host header makes PayDesk refuse the request. Have it pass the return address’s own host name (for nginx: proxy_set_header Host $host;), or point it at ${input.listenerUrl}.`,
    );
  }
  if (!input.public) {
    return failed(
      detail,
      `${arrived}: another program (or another copy of PayDesk with another order book) answers at ${url.host}. Close it, or choose another port in Settings → Return listener.`,
    );
  }
  return failed(detail, `${arrived}: point your tunnel or proxy at ${input.listenerUrl}, where PayDesk’s return listener is.`);
}
