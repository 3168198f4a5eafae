// Node's and undici's errors name what went wrong on the network by a code (ECONNREFUSED,
// UND_ERR_CONNECT_TIMEOUT), often on a cause or inside an AggregateError rather than on the error itself.

/** undici's codes for a request that got no answer in time (connecting, the headers, the body). */
export const HTTP_TIMEOUT_CODES: ReadonlySet<string> = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

/** The system or undici error code of the error, else of its cause or its aggregated errors. */
export function errorCode(error: unknown): string {
  if (!(error instanceof Error)) return '';
  const own = (error as { code?: unknown }).code;
  if (typeof own === 'string') return own;
  const nested = [error.cause, ...(error instanceof AggregateError ? error.errors : [])];
  return nested.map(errorCode).find((code) => code !== '') ?? '';
}
