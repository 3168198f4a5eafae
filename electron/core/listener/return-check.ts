// "Check the return address": PayDesk requests its own return address (the public one through the shop's tunnel
// or proxy, or the listener's own) for a one-time nonce, and reports whether its listener heard it, one step at a
// time like Check connection (address, name, connection, certificate, heard), each failure with what to fix. The
// only request sent is GET /p/<nonce>; the nonce can mark, reveal or probe no order.
import { Agent, request } from 'undici';
import type { Message, ReturnCheckReport } from '../../../shared/contract';
import { say } from '../../../shared/messages/say';
import {
  addressKind,
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
  listenerProblem: Message | null;
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

export async function checkReturnAddress(input: ReturnCheckInput): Promise<ReturnCheckReport> {
  const timeoutMs = input.timeoutMs ?? 5000;
  const subject: CheckSubject = input.public ? 'tunnel' : 'listener';
  const { record, finish, warn } = stepLadder<Step>();
  const report = (message: Message): ReturnCheckReport => ({ ...finish(message), url: input.returnBaseUrl });

  const address = checkAddress(input);
  if (!record('url', address)) return report(address.message);
  const url = address.value;
  const { hostname, port } = endpointOf(url);
  if (isLoopbackHost(hostname)) warn(say('return_check_loopback_warning', { host: url.host }));
  else if (input.public && url.protocol === 'http:') warn(say('return_check_plain_http'));

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
  return report(say(input.public ? 'return_check_heard_public' : 'return_check_heard_own', { host: url.host }));
}

function checkAddress(input: ReturnCheckInput): Outcome<URL> {
  // The listener's own problem is the sentence: it says what stops customers coming back, and what to change.
  if (input.returnBaseUrl === null)
    return failed(say('return_check_no_listener_detail'), input.listenerProblem ?? say('listener_not_started'));
  const url = webUrl(input.returnBaseUrl);
  if (url === null) {
    const text = quote(input.returnBaseUrl);
    return failed(say('check_url_invalid_detail', { text }), say('return_check_invalid', { text }));
  }
  return passed(addressKind(url), url);
}

/**
 * Requests /p/<nonce> at the return address. Any server can answer 200; only PayDesk's listener marks the nonce
 * heard, so that, not the answer, is what passes the step.
 */
async function hearSelf(url: URL, input: ReturnCheckInput, subject: CheckSubject, timeoutMs: number): Promise<Outcome<null>> {
  const nonce = await input.probes.issue();
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
    await input.probes.settle(nonce);
    return httpFailure(url.host, error, signal.aborted, timeoutMs, subject);
  } finally {
    await agent.destroy();
  }
  const ms = Date.now() - started;
  if (await input.probes.settle(nonce))
    return passed(say('return_check_heard_detail', { host: url.host, status: answered.status, ms }), null);
  return notHeard(url, answered, input);
}

function notHeard(
  url: URL,
  { status, location }: { status: number; location: string | undefined },
  input: ReturnCheckInput,
): Outcome<null> {
  const answer = { host: url.host, status };
  const detail = say('return_check_not_heard_detail', answer);
  const { listenerUrl } = input;
  if (status >= 300 && status < 400 && location !== undefined) {
    return failed(detail, say('return_check_redirected', { ...answer, location: quote(location), listenerUrl }));
  }
  if (status === 421) return failed(detail, say('return_check_host_rewritten', { ...answer, listenerUrl }));
  if (!input.public) return failed(detail, say('return_check_other_program', answer));
  return failed(detail, say('return_check_not_pointed', { ...answer, listenerUrl }));
}
