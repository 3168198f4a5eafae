import type { AppError } from '../../shared/contract';
import { isDomainMismatch } from '../../shared/gateway-refusals';

/** The gateway turned the link down because PayDesk's Base URL is not exactly the one it has on file. */
export const isBaseUrlRefusal = (error: AppError): boolean => error.kind === 'gateway_rejected' && isDomainMismatch(error.gatewayMessage);

/** After a domain mismatch, say what to compare, unless the core's own sentence already says it. */
export function needsBaseUrlHint(error: AppError): boolean {
  return isBaseUrlRefusal(error) && !/compare the base url/i.test(error.message);
}
