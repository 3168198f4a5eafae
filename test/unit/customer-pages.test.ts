import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pageLanguage } from '../../electron/core/listener/page-language';
import { notFoundPage, refusedPage, thankYouPage } from '../../electron/core/listener/pages';

const ORDER = { ref: 'PD-000042', amountMinor: 150050, transactionId: 'CJH1D2Y4W1' };

/** The page's visible text: tags out, entities of the values in. */
const textOf = (html: string) => /<body>([\s\S]*)<\/body>/.exec(html)![1]!.replace(/<[^>]+>/g, ' ');

test('a customer’s page is in the language the browser asks for first among PayDesk’s, else in the shop’s', () => {
  assert.equal(pageLanguage(undefined, 'bn'), 'bn');
  assert.equal(pageLanguage('', 'en'), 'en');
  assert.equal(pageLanguage('en-US,en;q=0.9', 'bn'), 'en');
  assert.equal(pageLanguage('bn-BD,bn;q=0.9,en-US;q=0.8,en;q=0.7', 'en'), 'bn');
  assert.equal(pageLanguage('fr-FR,fr;q=0.9', 'bn'), 'bn', 'a language PayDesk does not speak leaves the shop’s');
  assert.equal(pageLanguage('fr-FR,fr;q=0.9,en;q=0.5', 'bn'), 'en', 'a browser that reads English before Bengali gets English');
  assert.equal(pageLanguage('en;q=0.3,BN;q=0.8', 'en'), 'bn', 'by weight, not by order');
  assert.equal(pageLanguage('en;q=0', 'bn'), 'bn', 'q=0 refuses a language');
  assert.equal(pageLanguage('*', 'bn'), 'bn');
  assert.equal(pageLanguage(['en'], 'bn'), 'bn', 'a repeated header is not guessed at');
  assert.equal(pageLanguage(`${'xx,'.repeat(5000)}en`, 'bn'), 'bn', 'only the first ranges of a huge header are read');
});

test('a Bengali page is Bengali throughout, with the order’s ref and transaction id marked and html lang="bn"', () => {
  const page = thankYouPage(ORDER, 'bn');
  assert.match(page.html, /<html lang="bn">/);
  assert.match(page.html, /<title>টাকা পাওয়া গেছে<\/title>/);
  assert.ok(page.html.includes('<span class="ref" translate="no">PD-000042</span>'));
  assert.ok(page.html.includes('<span class="ref" translate="no">CJH1D2Y4W1</span>'));
  assert.ok(page.html.includes('১,৫০০.৫০'), 'the amount in Bengali digits');
  const words = textOf(page.html).replaceAll(ORDER.ref, '').replaceAll(ORDER.transactionId, '').replaceAll('PayDesk', '');
  assert.doesNotMatch(words, /[A-Za-z]/, words);
});

test('an English page is English, with html lang="en"', () => {
  const page = thankYouPage(ORDER, 'en');
  assert.match(page.html, /<html lang="en">/);
  assert.match(page.html, /Payment received/);
  assert.ok(page.html.includes('৳1,500.50'));
  assert.doesNotMatch(textOf(page.html).replaceAll('৳', ''), /[\u0980-\u09ff]/, 'no Bengali letters (the taka sign is a symbol)');
});

test('a page without order data is made once per language and status', () => {
  assert.equal(notFoundPage('bn'), notFoundPage('bn'));
  assert.notEqual(notFoundPage('bn').html, notFoundPage('en').html);
  assert.equal(refusedPage('en', 421).status, 421);
  assert.equal(refusedPage('en', 405).status, 405);
  assert.equal(refusedPage('en', 421), refusedPage('en', 421));
});
