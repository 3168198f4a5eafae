import type { AppError } from '../../shared/contract';

export const BASE_URL_HINT =
  'Compare the Base URL in Settings with the Base URL on your gateway’s API Settings page, character by character (including http/https, www and a trailing slash).';

/** The gateway turned the link down because PayDesk's Base URL is not exactly the one it has on file. */
export function isDomainMismatch(error: AppError): boolean {
  return error.kind === 'gateway_rejected' && /domain mismatch/i.test(error.gatewayMessage ?? '');
}

/** What to check after a domain mismatch, unless the core's own sentence already says it. */
export function baseUrlHint(error: AppError): string | null {
  return isDomainMismatch(error) && !/compare the base url/i.test(error.message) ? BASE_URL_HINT : null;
}
