// Which return a request is, decided from its method and URL alone (no I/O), so the rules for hostile
// input are plain to read and to test. Order secrets live on /r/ and /c/ only; the checks' nonces on /p/ and
// /t/ are looked up in books of their own, so neither path can ever reach an order.
import { TOKEN_PATTERN } from '../orders/return-tokens';
import { canonicalTransactionId, type TransactionId } from '../values/transaction-id';

export const MAX_URL_LENGTH = 2048;

export type Route =
  | { kind: 'success'; token: string; transactionId: TransactionId }
  | { kind: 'cancel'; token: string }
  /** A request for a return link that cannot be honoured; audited against the token when it is one. */
  | {
      kind: 'rejected_return';
      token: string;
      reason: 'missing_transaction_id' | 'repeated_transaction_id' | 'invalid_transaction_id';
      offered: string;
    }
  /** The return-address check's request (/p/<nonce>) and the phone test page (/t/<nonce>): never an order. */
  | { kind: 'probe'; nonce: string }
  | { kind: 'phone_test'; nonce: string }
  | { kind: 'head' }
  | { kind: 'refuse'; status: 400 | 404 | 405 | 414; reason: string };

export function routeRequest(method: string | undefined, rawUrl: string | undefined): Route {
  if (method !== 'GET' && method !== 'HEAD') return { kind: 'refuse', status: 405, reason: 'method' };
  const target = rawUrl ?? '';
  if (target.length > MAX_URL_LENGTH) return { kind: 'refuse', status: 414, reason: 'url_too_long' };
  if (!target.startsWith('/')) return { kind: 'refuse', status: 400, reason: 'bad_target' };

  const queryAt = target.indexOf('?');
  const path = queryAt === -1 ? target : target.slice(0, queryAt);
  const match = /^\/([rcpt])\/([^/]+)$/.exec(path);
  if (!match || !TOKEN_PATTERN.test(match[2]!)) return { kind: 'refuse', status: 404, reason: 'not_found' };
  if (method === 'HEAD') return { kind: 'head' };

  const token = match[2]!;
  if (match[1] === 'c') return { kind: 'cancel', token };
  if (match[1] === 'p') return { kind: 'probe', nonce: token };
  if (match[1] === 't') return { kind: 'phone_test', nonce: token };

  const offered = new URLSearchParams(queryAt === -1 ? '' : target.slice(queryAt + 1)).getAll('transaction_id');
  if (offered.length === 0) return { kind: 'rejected_return', token, reason: 'missing_transaction_id', offered: '' };
  if (offered.length > 1) {
    return { kind: 'rejected_return', token, reason: 'repeated_transaction_id', offered: offered.join(',') };
  }
  // An id that is not one (see transaction-id.ts) is refused and audited with what it offered, so a gateway
  // with another format shows up in the order's history instead of being believed.
  const transactionId = canonicalTransactionId(offered[0]!);
  if (!transactionId) return { kind: 'rejected_return', token, reason: 'invalid_transaction_id', offered: offered[0]! };
  return { kind: 'success', token, transactionId };
}
