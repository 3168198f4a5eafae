// How scripts/start.js and scripts/dist.js tell "could not download it" from any other failure of a step, so
// that each can say so in one sentence instead of a stack trace.
const NETWORK_FAILURE =
  /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|getaddrinfo|socket hang up|RequestError|TimeoutError|network connectivity/;

/**
 * Whether a step failed for want of a connection (or ran out of time waiting for one).
 * @param {{ error?: { code?: string, message?: string } | null, output: string }} step what the step threw and printed
 */
export function failedForNetwork(step) {
  return step.error?.code === 'ETIMEDOUT' || NETWORK_FAILURE.test(`${step.error?.message ?? ''}\n${step.output}`);
}
