import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAmount, toDecimalString, toGatewayAmount, formatTaka } from '../../shared/money';

test('a decimal amount becomes integer poisha', () => {
  assert.deepEqual(parseAmount('150.50'), { ok: true, minor: 15050 });
  assert.deepEqual(parseAmount('150.5'), { ok: true, minor: 15050 });
  assert.deepEqual(parseAmount(' 7 '), { ok: true, minor: 700 });
  assert.deepEqual(parseAmount('0.01'), { ok: true, minor: 1 });
  assert.deepEqual(parseAmount('999999999999.99'), { ok: true, minor: 99999999999999 });
});

test('Bengali digits and correct thousands grouping are understood', () => {
  assert.deepEqual(parseAmount('১৫০.৫০'), { ok: true, minor: 15050 });
  assert.deepEqual(parseAmount('1,500.50'), { ok: true, minor: 150050 });
  assert.deepEqual(parseAmount('15,00,000'), { ok: true, minor: 150000000 });
});

test('amounts that are not a positive taka sum are rejected with a sentence', () => {
  for (const bad of [
    '',
    '   ',
    '0',
    '0.00',
    '-1',
    'abc',
    '1.234',
    '1e3',
    '1,2',
    '1.',
    '.5',
    '+5',
    '১২৩৪৫৬৭৮৯০১২৩',
    '1234567890123',
    'NaN',
    'Infinity',
    '0x10',
  ]) {
    const parsed = parseAmount(bad);
    assert.equal(parsed.ok, false, `"${bad}" should be rejected`);
    if (!parsed.ok) assert.match(parsed.message, /\.$/);
  }
});

test('poisha are shown as a plain decimal and sent to the gateway as a float', () => {
  assert.equal(toDecimalString(15050), '150.50');
  assert.equal(toDecimalString(7), '0.07');
  assert.equal(toGatewayAmount(15050), 150.5);
  assert.equal(JSON.stringify({ amount: toGatewayAmount(99999999999999) }), '{"amount":999999999999.99}');
  assert.equal(formatTaka(150050), '৳1,500.50');
});
