// Plays the customer's browser against real HTTP: opens the sandbox checkout page, submits its Pay or
// Cancel form, and follows the redirects to PayDesk's return listener the way a browser does.
import assert from 'node:assert/strict';

export type Landing = { url: string; status: number; body: string; headers: Headers };

export async function follow(url: string, init: RequestInit = {}): Promise<Landing> {
  let next = url;
  let request = init;
  for (let hop = 0; hop < 10; hop++) {
    const response = await fetch(next, { ...request, redirect: 'manual' });
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      await response.arrayBuffer();
      next = new URL(location, next).toString();
      request = {}; // 303 after a form POST becomes a GET, as in a browser
      continue;
    }
    return { url: next, status: response.status, body: await response.text(), headers: response.headers };
  }
  throw new Error(`too many redirects from ${url}`);
}

/** Submits the checkout page's form whose button starts with `button` ("Pay" or "Cancel"). */
export async function decideOnCheckout(paymentUrl: string, button: 'Pay' | 'Cancel'): Promise<Landing> {
  const page = await fetch(paymentUrl);
  assert.equal(page.status, 200, 'the checkout page opens');
  const html = await page.text();
  const forms = [...html.matchAll(/<form[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/g)];
  const form = forms.find((f) => new RegExp(`<button[^>]*>\\s*${button}`).test(f[2]!));
  assert.ok(form, `the checkout page has a ${button} button`);
  const fields = new URLSearchParams();
  for (const input of form[2]!.matchAll(/<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)) {
    fields.append(input[1]!, input[2]!);
  }
  return follow(new URL(form[1]!, paymentUrl).toString(), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: fields.toString(),
  });
}
