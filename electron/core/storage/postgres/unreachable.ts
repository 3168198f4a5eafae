// Which of node-postgres's and the server's errors mean the server or the network is away, rather than a refusal of
// what was asked (a constraint, a privilege, a syntax error): the former become OrderBookUnreachable, worth trying
// again and, for a customer's return, worth journaling.
import { OrderBookUnreachable } from '../order-book-unreachable';

/**
 * The system's words for a peer that is not there, or went away mid-conversation, or a network that is down. A name
 * that does not resolve is one too at run time: the name worked when the server was chosen (the setup check says
 * "unknown host" for a mistyped one), so now it means the shop's DNS or network is away.
 */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'EADDRNOTAVAIL',
  'EPIPE',
  'EAI_AGAIN',
  'ENOTFOUND',
]);

/**
 * node-postgres's own words, on errors with no code: a socket that ended ("Connection terminated unexpectedly", "…due
 * to connection timeout"), the pool's wait for a connection, a statement's client-side time limit, and a connection
 * that broke earlier and cannot be used again.
 */
const UNREACHABLE_TEXT =
  /^(Connection terminated|timeout exceeded when trying to connect|Query read timeout|Client has encountered a connection error)/;

/**
 * SQLSTATEs: class 08 (connection exception) and the server shutting down (57P01 admin_shutdown, 57P02 crash_shutdown)
 * or not yet taking connections (57P03 cannot_connect_now, while it starts or recovers).
 */
const SHUTTING_DOWN = new Set(['57P01', '57P02', '57P03']);

export function isUnreachable(error: unknown): boolean {
  if (error instanceof OrderBookUnreachable) return true;
  // Node tries each address of a name in turn and reports them all together.
  if (error instanceof AggregateError) return error.errors.length > 0 && error.errors.every(isUnreachable);
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') return UNREACHABLE_CODES.has(code) || SHUTTING_DOWN.has(code) || /^08[0-9A-Z]{3}$/.test(code);
  return UNREACHABLE_TEXT.test(error.message);
}

/** `error` as OrderBookUnreachable when it means the server is away; otherwise `error` itself, unchanged. */
export function asUnreachable(error: unknown): unknown {
  return isUnreachable(error) && !(error instanceof OrderBookUnreachable) ? new OrderBookUnreachable('postgres', error) : error;
}
