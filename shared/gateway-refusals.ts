// What the gateway's own words in a refusal mean, for the core's sentence and the page's hint alike.

/** The gateway refuses a checkout with "Domain mismatch" when the Base URL is not, character for character, the one it has stored. */
export const isDomainMismatch = (gatewayMessage: string | null): boolean => /domain mismatch/i.test(gatewayMessage ?? '');
