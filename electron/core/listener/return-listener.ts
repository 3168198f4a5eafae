// The return listener: the small HTTP server the gateway sends customers' browsers back to. It answers
// only GET/HEAD on /r/<token> and /c/<token> (and the checks' /p/<nonce> and /t/<nonce>), commits every
// change to the order book before it answers (or, while a shared book cannot be reached, to the local journal),
// and keeps hostile clients short (bounded URL, headers, connections and time, per client and in all), answering
// only requests addressed to a host PayDesk published.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_LISTEN_HOST, DEFAULT_LISTEN_PORT, type Message } from '../../../shared/contract';
import type { Language } from '../../../shared/messages/catalog';
import { say } from '../../../shared/messages/say';
import type { Arrival, ReturnJournal } from '../journal/return-journal';
import type { OrdersService } from '../orders/orders-service';
import { consoleLog, errorText, type Log } from '../log/log';
import { OrderBookUnreachable } from '../storage/order-book-unreachable';
import { createHostAllowList, type HostAllowList } from './allowed-hosts';
import { createClientGate, type ClientLimits } from './client-limits';
import {
  alreadyPaidPage,
  badReturnPage,
  cancelledPage,
  cancelWaitingPage,
  conflictPage,
  notFoundPage,
  phoneHeardPage,
  phoneTestUsedPage,
  probeHeardPage,
  refusedPage,
  thankYouPage,
  tooManyRequestsPage,
  unavailablePage,
  waitingPage,
  type Page,
} from './pages';
import { pageLanguage } from './page-language';
import type { PhoneTests } from './phone-tests';
import type { ReturnProbes } from './return-probes';
import { routeRequest, type Route } from './routes';

export type ReturnHandlers = Pick<OrdersService, 'recordReturn' | 'recordCancel' | 'rejectReturn' | 'batch'>;

/** Where returns wait while the shared order book cannot be reached (journal/return-journal.ts). */
export type ListenerJournal = Pick<ReturnJournal, 'append' | 'waiting'>;

/** The books the checks' nonces are in: the return-address check's and the phone test's. */
export type ListenerChecks = { probes: Pick<ReturnProbes, 'hear'>; phoneTests: Pick<PhoneTests, 'open'> };

/** What the listener refused, counted and nothing more: connections and requests over a client's share, foreign hosts. */
export type Refusals = { connections: number; requests: number; misdirected: number };

export type ReturnListener = {
  url: string;
  host: string;
  port: number;
  refusals(): Refusals;
  /** Reads the published return addresses again (after the profile changed). */
  refreshHosts(): void;
  close(): Promise<void>;
};

/** `problem` stands alone as a sentence: "PayDesk cannot take payments: port 47400 on 127.0.0.1 is already used…". */
export type ListenResult = { ok: true; listener: ReturnListener } | { ok: false; problem: Message };

/** How long and how many: what keeps a slow or flooding client from holding the listener. */
export type ListenerLimits = {
  /** The whole header block must arrive within this. */
  headersTimeoutMs: number;
  /** The whole request must arrive within this (at least headersTimeoutMs). */
  requestTimeoutMs: number;
  /** How long a socket may wait for its next request after an answer. */
  keepAliveTimeoutMs: number;
  /** A socket with no traffic either way for this long is closed, whatever state it is in. */
  idleTimeoutMs: number;
  /**
   * How often Node checks the two timeouts above. Node's default (30 s) would let a slow client hold a
   * socket for 30 s whatever the timeouts say.
   */
  checkIntervalMs: number;
  /** Connections beyond this are closed as they arrive, so a flood cannot exhaust memory or descriptors. */
  maxConnections: number;
} & ClientLimits;

export const DEFAULT_LISTENER_LIMITS: ListenerLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 15_000,
  keepAliveTimeoutMs: 5_000,
  idleTimeoutMs: 10_000,
  checkIntervalMs: 1_000,
  maxConnections: 256,
  // Well below maxConnections, so one client can never lock the others out; far above what a browser opens.
  connectionsPerClient: 32,
  requestsPerClientPerMinute: 300,
  clientsTracked: 4096,
  proxyAddresses: ['127.0.0.1', '::1'],
};

const HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
};

type OrderRoute = Exclude<Route, { kind: 'probe' | 'phone_test' }>;

/** A request waiting for the order book, with the instant it arrived (a journaled return is recorded at it). */
type Waiting = { route: OrderRoute; language: Language; at: string };

/** What a journal does for a request: where its answer says the book will have it; the old "try again" when there is none. */
type Keeping = { journal: ListenerJournal | undefined; log: Log };

async function answer(route: OrderRoute, handlers: ReturnHandlers, language: Language): Promise<Page | null> {
  switch (route.kind) {
    case 'refuse':
      return refusedOrMissing(route.status, language);
    case 'head':
      return null;
    case 'rejected_return':
      await handlers.rejectReturn(route.token, route.reason, { offered: route.offered });
      return badReturnPage(language);
    case 'cancel': {
      const result = await handlers.recordCancel(route.token);
      if (result.kind === 'unknown_token') return notFoundPage(language);
      return result.order.status === 'paid' ? alreadyPaidPage(result.order, language) : cancelledPage(result.order, language);
    }
    case 'success': {
      const result = await handlers.recordReturn(route.token, route.transactionId);
      switch (result.kind) {
        case 'unknown_token':
          return notFoundPage(language);
        case 'paid':
        case 'repeat':
        case 'identified':
          return thankYouPage(result.order, language);
        case 'conflict':
        case 'duplicate_transaction':
          return conflictPage(result.order, language);
      }
    }
  }
}

/**
 * The page for one request, in a transaction of its own; a return that cannot be written gets a page that says try
 * again, or, when the shared book cannot be reached, is journaled.
 */
async function answerAlone(waiting: Waiting, handlers: ReturnHandlers, keeping: Keeping): Promise<Page | null> {
  try {
    return await handlers.batch(() => answer(waiting.route, handlers, waiting.language));
  } catch (error) {
    if (error instanceof OrderBookUnreachable) return journaled([waiting], error, keeping)[0]!;
    // The database could not take the write (disk full, locked too long). Say so, so the customer
    // retries; the link stays valid and the return is not lost.
    report(keeping.log, error);
    return unavailablePage(waiting.language);
  }
}

/**
 * The pages of requests the shared order book could not take because it cannot be reached: their returns and cancels
 * go into the local journal, in one transaction committed before any answer, and each customer is told the payment is
 * being recorded; a refused return is only refused (its audit is not worth keeping). When the journal cannot be
 * written either, the page says try again, as it did before there was a journal.
 */
function journaled(burst: readonly Waiting[], unreachable: OrderBookUnreachable, { journal, log }: Keeping): Array<Page | null> {
  const arrivals: Arrival[] = [];
  for (const { route, at } of burst) {
    if (route.kind === 'success') arrivals.push({ kind: 'return', token: route.token, transactionId: route.transactionId.id, at });
    else if (route.kind === 'cancel') arrivals.push({ kind: 'cancel', token: route.token, at });
  }
  let kept = journal !== undefined;
  try {
    journal?.append(arrivals);
  } catch (error) {
    kept = false;
    log.error('journal_not_written', `the return journal could not be written: ${errorText(error)}`);
  }
  if (!kept) report(log, unreachable);
  else if (arrivals.length > 0) {
    log.warn(
      'returns_journaled',
      `${arrivals.length} customer returns could not be written to the order book (${errorText(unreachable.cause)}) and were ` +
        `journaled; ${journal!.waiting()} waiting.`,
    );
  }
  return burst.map(({ route, language }) => {
    switch (route.kind) {
      case 'success':
        return kept ? waitingPage(route.transactionId.id, language) : unavailablePage(language);
      case 'cancel':
        return kept ? cancelWaitingPage(language) : unavailablePage(language);
      case 'rejected_return':
        return badReturnPage(language);
      case 'refuse':
        return refusedOrMissing(route.status, language);
      case 'head':
        return null;
    }
  });
}

/** The checks' pages touch no order, so they are answered at once, outside the order book's transactions. */
async function answerCheck(
  route: Extract<Route, { kind: 'probe' | 'phone_test' }>,
  address: string,
  checks: ListenerChecks | undefined,
  language: Language,
  log: Log,
): Promise<Page> {
  try {
    if (route.kind === 'probe') return (await checks?.probes.hear(route.nonce)) ? probeHeardPage(language) : notFoundPage(language);
    const opened = checks?.phoneTests.open(route.nonce, address) ?? 'unknown';
    return opened === 'reached' ? phoneHeardPage(language) : opened === 'used' ? phoneTestUsedPage(language) : notFoundPage(language);
  } catch (error) {
    report(log, error);
    return unavailablePage(language);
  }
}

function report(log: Log, error: unknown): void {
  log.error('return_not_recorded', `a return could not be recorded: ${errorText(error)}`);
}

function refusedOrMissing(status: 400 | 404 | 405 | 414, language: Language): Page {
  return status === 404 ? notFoundPage(language) : refusedPage(language, status);
}

/** How long the shop's language is taken as read: the listener answers each request in it, a lookup each would cost. */
const SHOP_LANGUAGE_MS = 1000;

function send(request: IncomingMessage, response: ServerResponse, page: Page | null, extra: Record<string, string | number> = {}): void {
  const headers: Record<string, string | number> = { ...HEADERS, ...extra };
  if (request.method !== 'GET' && request.method !== 'HEAD') headers.Allow = 'GET, HEAD';
  if (!page) {
    response.writeHead(200, headers).end();
    return;
  }
  const body = Buffer.from(page.html, 'utf8');
  headers['Content-Length'] = body.length;
  response.writeHead(page.status, headers);
  response.end(request.method === 'HEAD' ? undefined : body);
}

export function startReturnListener(options: {
  host?: string;
  port?: number;
  handlers: ReturnHandlers;
  limits?: Partial<ListenerLimits>;
  /** The public return addresses links were made with (beyond the listener's own), for the Host allow-list. */
  published?: () => readonly string[];
  checks?: ListenerChecks;
  /** The shop's language, for customers whose browser does not ask for one of PayDesk's; English by default. */
  language?: () => Language;
  /** Where a return that could not be recorded is told (the core's log; the console by default). */
  log?: Log;
  /** Where returns wait while a shared order book cannot be reached; without one, such a return is answered "try again". */
  journal?: ListenerJournal;
}): Promise<ListenResult> {
  const log = options.log ?? consoleLog;
  const keeping: Keeping = { journal: options.journal, log };
  const host = options.host ?? DEFAULT_LISTEN_HOST;
  const port = options.port ?? DEFAULT_LISTEN_PORT;
  const limits = { ...DEFAULT_LISTENER_LIMITS, ...options.limits };
  const gate = createClientGate(limits);
  let misdirected = 0;
  // Made once the port is known; no request arrives before.
  let hosts: HostAllowList | null = null;
  // Requests that arrive together are recorded together: one transaction, one commit, then every answer.
  // Should any of them fail to write, the burst is rolled back and each request gets a transaction of its
  // own, so one failing return never takes the others with it (and the common case pays for no savepoints).
  let waiting: Array<Waiting & { request: IncomingMessage; response: ServerResponse }> = [];
  let shop: { language: Language; until: number } = { language: 'en', until: 0 };
  const shopLanguage = (): Language => {
    if (!options.language) return 'en';
    const now = performance.now();
    if (now >= shop.until) shop = { language: options.language(), until: now + SHOP_LANGUAGE_MS };
    return shop.language;
  };
  const flush = async () => {
    const burst = waiting;
    waiting = [];
    let pages: Array<Page | null>;
    let began = false;
    try {
      pages = await options.handlers.batch(async () => {
        began = true;
        const answered: Array<Page | null> = [];
        for (const { route, language } of burst) answered.push(await answer(route, options.handlers, language));
        return answered;
      });
    } catch (error) {
      // A transaction that could not even begin (the order book stayed locked past its timeout) would not
      // begin for each request either: say try again to all at once rather than wait again for each. A book that
      // cannot be reached would not answer each one either: the whole burst is journaled at once.
      if (error instanceof OrderBookUnreachable) {
        pages = journaled(burst, error, keeping);
      } else if (began) {
        pages = [];
        for (const item of burst) pages.push(await answerAlone(item, options.handlers, keeping));
      } else {
        report(log, error);
        pages = burst.map(({ language }) => unavailablePage(language));
      }
    }
    burst.forEach(({ request, response }, i) => send(request, response, pages[i]!));
  };
  const server = createServer(
    {
      maxHeaderSize: 8 * 1024,
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      connectionsCheckingInterval: limits.checkIntervalMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
    },
    (request, response) => {
      // A return carries no body; do not read one.
      request.resume();
      const client = gate.clientOf(request.socket.remoteAddress, request.headers['x-forwarded-for']);
      const language = pageLanguage(request.headers['accept-language'], shopLanguage());
      const retryAfter = gate.request(client.key);
      if (retryAfter !== null) {
        send(request, response, tooManyRequestsPage(language), { 'Retry-After': retryAfter, Connection: 'close' });
        return;
      }
      if (!hosts?.allows(request.headers.host)) {
        misdirected++;
        send(request, response, refusedPage(language, 421));
        return;
      }
      const route = routeRequest(request.method, request.url);
      if (route.kind === 'probe' || route.kind === 'phone_test') {
        void answerCheck(route, client.address, options.checks, language, log).then((page) => send(request, response, page));
        return;
      }
      if (waiting.push({ request, response, route, language, at: new Date().toISOString() }) === 1) setImmediate(() => void flush());
    },
  );
  server.on('connection', (socket) => {
    const key = gate.connect(socket.remoteAddress);
    if (key === false) socket.destroy();
    else socket.once('close', () => gate.disconnect(key));
  });
  server.maxConnections = limits.maxConnections;
  server.setTimeout(limits.idleTimeoutMs);
  server.maxHeadersCount = 50;
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) {
      socket.destroy();
    } else if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
      // A client too slow to finish its request has had its time: say so and let go of the socket now.
      socket.end('HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n', () => socket.destroy());
    } else {
      // The client may still read the answer; one that never closes its side is dropped by the idle timeout.
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    }
  });

  return new Promise((resolve) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      resolve({ ok: false, problem: listenProblem(error, host, port) });
    });
    server.listen(port, host, () => {
      const bound = (server.address() as AddressInfo).port;
      const shownHost = host.includes(':') ? `[${host}]` : host;
      const allowList = createHostAllowList({ host, port: bound }, options.published ?? (() => []));
      hosts = allowList;
      resolve({
        ok: true,
        listener: {
          url: `http://${shownHost}:${bound}`,
          host,
          port: bound,
          refusals: () => ({ ...gate.refused(), misdirected }),
          refreshHosts: allowList.refresh,
          close: () =>
            new Promise<void>((done) => {
              server.close(() => done());
              server.closeIdleConnections();
            }),
        },
      });
    });
  });
}

function listenProblem(error: NodeJS.ErrnoException, host: string, port: number): Message {
  const cause =
    error.code === 'EADDRINUSE'
      ? 'port_in_use'
      : error.code === 'EACCES'
        ? 'port_forbidden'
        : error.code === 'EADDRNOTAVAIL'
          ? 'address_not_here'
          : 'failed';
  return say('listener_down', { cause, host, port, error: cause === 'failed' ? (error.code ?? error.message) : null });
}
