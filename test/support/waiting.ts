// Waiting for something to become true, in the page or in the test's own process.
//
// In the page: Playwright's waitForFunction polls by compiling the
// expression inside the page, which the app's Content-Security-Policy (no 'unsafe-eval') rightly refuses;
// page.evaluate goes through the DevTools protocol instead, so the CSP under test stays as it ships.
import type { Page } from 'playwright-core';

export async function untilInPage(page: Page, expression: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await page.evaluate(`Boolean(${expression})`)) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for: ${expression}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Polls a condition in the test's process (the core's state, a platform's record) until it holds. */
export async function eventually(condition: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the core');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
