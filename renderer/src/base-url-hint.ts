import type { AppError } from '../../shared/contract';

/** The gateway turned the link down because PayDesk's Base URL is not exactly the one it has on file. */
export function isDomainMismatch(error: AppError): boolean {
  return error.kind === 'gateway_rejected' && /domain mismatch/i.test(error.gatewayMessage ?? '');
}

/** After a domain mismatch, say what to compare, unless the core's own sentence already says it. */
export function needsBaseUrlHint(error: AppError): boolean {
  return isDomainMismatch(error) && !/compare the base url/i.test(error.message);
}
