import type { AppError } from '../../shared/contract';
import { isDomainMismatch } from '../../shared/gateway-refusals';

/** The core's explanation of a domain mismatch, which already says what to compare. */
const EXPLAINED = 'gateway_refused_domain_mismatch';

/** The gateway turned the link down because PayDesk's Base URL is not exactly the one it has on file. */
export const isBaseUrlRefusal = (error: AppError): boolean =>
  error.code === EXPLAINED || (error.kind === 'gateway_rejected' && isDomainMismatch(error.gatewayMessage));

/** After a domain mismatch, say what to compare, unless the core's own explanation already says it. */
export const needsBaseUrlHint = (error: AppError): boolean => isBaseUrlRefusal(error) && error.code !== EXPLAINED;
