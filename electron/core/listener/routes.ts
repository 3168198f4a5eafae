// Which return a request is, decided from its method and URL alone (no I/O), so the rules for hostile
// input are plain to read and to test.
import { TOKEN_PATTERN } from '../return-tokens';

/**
 * Gateways use short references of letters and digits (e.g. CJH1D2Y4W1), at most with a dash, dot or
 * underscore inside. Anything else is not a proof of payment: markup, quotes and SQL, a leading = + - @ that
 * a spreadsheet runs as a formula, slashes, lookalike letters. Such a return is refused and audited with
 * what it offered, so a gateway with another format shows up in the order's history instead of being believed.
 */
export const TRANSACTION_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
export const MAX_URL_LENGTH = 2048;

export type Route =
  | { kind: 'success'; token: string; transactionId: string }
  | { kind: 'cancel'; token: string }
  /** A request for a return link that cannot be honoured; audited against the token when it is one. */
  | { kind: 'rejected_return'; token: string; reason: 'missing_transaction_id' | 'repeated_transaction_id' | 'invalid_transaction_id'; offered: string }
  | { kind: 'head' }
  | { kind: 'refuse'; status: 400 | 404 | 405 | 414; reason: string };

export function routeRequest(method: string | undefined, rawUrl: string | undefined): Route {
  if (method !== 'GET' && method !== 'HEAD') return { kind: 'refuse', status: 405, reason: 'method' };
  const target = rawUrl ?? '';
  if (target.length > MAX_URL_LENGTH) return { kind: 'refuse', status: 414, reason: 'url_too_long' };
  if (!target.startsWith('/')) return { kind: 'refuse', status: 400, reason: 'bad_target' };

  const queryAt = target.indexOf('?');
  const path = queryAt === -1 ? target : target.slice(0, queryAt);
  const match = /^\/([rc])\/([^/]+)$/.exec(path);
  if (!match || !TOKEN_PATTERN.test(match[2]!)) return { kind: 'refuse', status: 404, reason: 'not_found' };
  if (method === 'HEAD') return { kind: 'head' };

  const token = match[2]!;
  if (match[1] === 'c') return { kind: 'cancel', token };

  const offered = new URLSearchParams(queryAt === -1 ? '' : target.slice(queryAt + 1)).getAll('transaction_id');
  if (offered.length === 0) return { kind: 'rejected_return', token, reason: 'missing_transaction_id', offered: '' };
  if (offered.length > 1) {
    return { kind: 'rejected_return', token, reason: 'repeated_transaction_id', offered: offered.join(',') };
  }
  const transactionId = offered[0]!;
  if (!TRANSACTION_ID_PATTERN.test(transactionId)) {
    return { kind: 'rejected_return', token, reason: 'invalid_transaction_id', offered: transactionId };
  }
  return { kind: 'success', token, transactionId };
}
