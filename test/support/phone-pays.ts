// A customer's phone: opens a payment link, presses Pay on the checkout page and follows the redirects
// as a browser does (customer-browser.ts), run inside the phone's own network namespace:
//   node --import tsx test/support/phone-pays.ts PAYMENT_URL
// Prints one JSON line: every address it requested in order, and where it landed or why it stopped.
import { decideOnCheckout } from './customer-browser';

const [paymentUrl] = process.argv.slice(2);
if (!paymentUrl) {
  console.error('usage: phone-pays.ts PAYMENT_URL');
  process.exit(2);
}
const requested: string[] = [];
const browserFetch = globalThis.fetch;
globalThis.fetch = (input, init) => {
  requested.push(String(input));
  // A phone that cannot connect gives up; a bounded wait keeps a silent address from hanging the test.
  return browserFetch(input, { ...init, signal: AbortSignal.timeout(5000) });
};
try {
  const landing = await decideOnCheckout(paymentUrl, 'Pay');
  console.log(JSON.stringify({ requested, landing: { url: landing.url, status: landing.status, body: landing.body } }));
} catch (error) {
  const cause = (error as { cause?: { code?: string } }).cause;
  console.log(JSON.stringify({ requested, failed: cause?.code ?? (error as Error).name, message: (error as Error).message }));
}
