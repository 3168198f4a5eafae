// "Test with a phone": one-time test pages on the return address. Held in memory by the process whose listener
// serves them (the app), which is also where the window that says "a phone reached PayDesk" lives. A test's nonce
// is its own (never an order's secret), so its page can mark, reveal or probe no order.
import type { PhoneReached } from '../../../shared/contract';
import { newReturnToken } from '../orders/return-tokens';

export const PHONE_TEST_VALID_MS = 10 * 60_000;
/** Tests open at once; a newer one pushes out the oldest. */
const KEPT = 8;

export type PhoneTests = {
  /** A new test: its nonce (the page is /t/<nonce>) and until when it can be opened. */
  start(): { nonce: string; expiresAt: string };
  /** A device opened /t/<nonce>: reached the first time within its time (announced), used after, else unknown. */
  open(nonce: string, address: string): 'reached' | 'used' | 'unknown';
};

export function createPhoneTests(reached: (event: PhoneReached) => void, now: () => number = Date.now): PhoneTests {
  const tests = new Map<string, { expiresAt: number; used: boolean }>();
  const forgetExpired = () => {
    for (const [nonce, test] of tests) if (test.expiresAt <= now()) tests.delete(nonce);
  };
  return {
    start() {
      forgetExpired();
      if (tests.size >= KEPT) tests.delete(tests.keys().next().value!);
      const nonce = newReturnToken();
      const expiresAt = now() + PHONE_TEST_VALID_MS;
      tests.set(nonce, { expiresAt, used: false });
      return { nonce, expiresAt: new Date(expiresAt).toISOString() };
    },
    open(nonce, address) {
      forgetExpired();
      const test = tests.get(nonce);
      if (!test) return 'unknown';
      if (test.used) return 'used';
      test.used = true;
      reached({ address, at: new Date(now()).toISOString() });
      return 'reached';
    },
  };
}
