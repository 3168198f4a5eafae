import { test } from 'node:test';
import assert from 'node:assert/strict';
import { routeRequest } from '../../electron/core/listener/routes';
import { canonicalTransactionId, foldTransactionId } from '../../electron/core/values/transaction-id';

const TOKEN = 'a'.repeat(43);

test('ids that differ only in letter case are one payment', () => {
  assert.equal(canonicalTransactionId('jsgtb1ofn2')!.key, canonicalTransactionId('JSGTB1OFN2')!.key);
  assert.deepEqual(canonicalTransactionId('JsGtB1ofN2'), { id: 'JsGtB1ofN2', key: 'JSGTB1OFN2' });
});

test('a typed or imported id loses its surrounding spaces and full-width forms', () => {
  assert.deepEqual(foldTransactionId('  CJH1D2Y4W1\t'), { id: 'CJH1D2Y4W1', key: 'CJH1D2Y4W1' });
  assert.deepEqual(foldTransactionId('ＣＪＨ１Ｄ２ｙ４Ｗ１'), { id: 'CJH1D2y4W1', key: 'CJH1D2Y4W1' });
});

test('look-alike letters of other scripts and inner spaces are refused, never guessed at', () => {
  for (const lookalike of ['СJH1D2Y4W1' /* Cyrillic С */, 'CJH1D2Y4WΙ' /* Greek Ι */, 'CJH1 D2Y4W1', 'CJH1\u200bD2', '১২৩৪', '']) {
    assert.equal(foldTransactionId(lookalike), null, lookalike);
    assert.equal(canonicalTransactionId(lookalike), null, lookalike);
  }
});

test('a gateway’s return must carry the id exactly: spaces, full-width and look-alike forms are refused at the door', () => {
  for (const offered of [' CJH1D2Y4W1', 'ＡＢＣ１２３', 'АВС123']) {
    const route = routeRequest('GET', `/r/${TOKEN}?transaction_id=${encodeURIComponent(offered)}`);
    assert.equal(route.kind, 'rejected_return', offered);
  }
  const plain = routeRequest('GET', `/r/${TOKEN}?transaction_id=abc123`);
  assert.deepEqual(plain, { kind: 'success', token: TOKEN, transactionId: { id: 'abc123', key: 'ABC123' } });
});
