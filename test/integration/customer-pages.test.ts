// The pages a customer's browser sees when it comes back, through the real listener of a real core: in the shop's
// language, or in the customer's browser's when it asks for one of PayDesk's, and `<html lang>` says which.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Language } from '../../shared/messages/catalog';
import { call, startTestCore, type TestCore } from '../support/core';
import { httpGet } from '../support/http-get';
import { seedOrders } from '../support/seed-orders';

async function shopSpeaks(core: TestCore, language: Language) {
  await call(core, 'savePreferences', { ...(await call(core, 'getPreferences', {})), language });
}

/** The page's visible text without its data: what a customer reads as words. */
const wordsOf = (html: string, ...data: string[]) =>
  data
    .reduce((text, value) => text.replaceAll(value, ''), /<body>([\s\S]*)<\/body>/.exec(html)![1]!.replace(/<[^>]+>/g, ' '))
    .replaceAll('PayDesk', '');

test('a Bengali shop’s thank-you page is Bengali, and a customer whose browser asks for English gets English', async (t) => {
  const core = await startTestCore(t);
  await shopSpeaks(core, 'bn');
  const [first, second] = seedOrders(core.db, (await core.profiles.active())!.id, 2, 15050);
  const origin = core.runtime().returnBaseUrl!;

  const bengali = await httpGet(`${origin}${first!.successPath}?transaction_id=CJH1D2Y4W1`);
  assert.equal(bengali.status, 200);
  assert.match(bengali.body, /<html lang="bn">/);
  assert.match(bengali.body, /<h1>টাকা পাওয়া গেছে<\/h1>/);
  assert.ok(bengali.body.includes('১৫০.৫০'), 'the amount in Bengali digits');
  assert.doesNotMatch(wordsOf(bengali.body, first!.ref, 'CJH1D2Y4W1'), /[A-Za-z]/, 'no English word on the page');

  const english = await httpGet(`${origin}${second!.successPath}?transaction_id=CJH1D2Y4W2`, {
    headers: { 'accept-language': 'en-US,en;q=0.9' },
  });
  assert.equal(english.status, 200);
  assert.match(english.body, /<html lang="en">/);
  assert.match(english.body, /<h1>Payment received<\/h1>/);
  assert.match(english.body, /Your payment of ৳150\.50 for order <span class="ref" translate="no">PD-\d+<\/span> is recorded\./);

  const repeat = await httpGet(`${origin}${first!.successPath}?transaction_id=CJH1D2Y4W1`, { headers: { 'accept-language': 'fr-FR' } });
  assert.match(repeat.body, /<html lang="bn">/, 'a language PayDesk does not speak leaves the shop’s');
});

test('the customers’ pages follow the shop’s language once it changes', async (t) => {
  const core = await startTestCore(t);
  const origin = core.runtime().returnBaseUrl!;
  const unknown = `${origin}/r/${'A'.repeat(43)}?transaction_id=CJH1D2Y4W1`;
  assert.match((await httpGet(unknown)).body, /<html lang="en">[\s\S]*Link not recognised/);
  await shopSpeaks(core, 'bn');
  // The listener takes the shop's language as read for a second at most.
  let body = '';
  for (const deadline = Date.now() + 3000; Date.now() < deadline && !body.includes('lang="bn"');) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    body = (await httpGet(unknown)).body;
  }
  assert.match(body, /<html lang="bn">[\s\S]*লিংকটি চেনা যায়নি/);
});
