// A customer's phone with a real browser: Debian's Chromium opens a payment link, presses Pay on the
// checkout page and follows wherever the gateway sends it, run inside the phone's own network namespace:
//   node --import tsx test/support/phone-chromium.ts PAYMENT_URL
// Prints one JSON line: where the browser ended up and the page's heading, or why it stopped.
import { launchChromium } from './chromium-pdf';

const [paymentUrl] = process.argv.slice(2);
if (!paymentUrl) {
  console.error('usage: phone-chromium.ts PAYMENT_URL');
  process.exit(2);
}
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  await page.goto(paymentUrl, { timeout: 10_000 });
  await Promise.all([
    page.waitForURL((url) => url.pathname.startsWith('/r/'), { timeout: 10_000 }),
    page.getByRole('button', { name: /^Pay / }).click(),
  ]);
  console.log(JSON.stringify({ url: page.url(), heading: await page.locator('h1').first().textContent() }));
} catch (error) {
  console.log(JSON.stringify({ failed: (error as Error).message.split('\n')[0] }));
} finally {
  await browser.close();
}
