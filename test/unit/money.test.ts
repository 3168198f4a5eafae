import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAmount, toDecimalString, toGatewayAmount, formatTaka } from '../../shared/money';
import { render } from '../../shared/messages/say';

test('a decimal amount becomes integer poisha', () => {
  assert.deepEqual(parseAmount('150.50'), { ok: true, minor: 15050 });
  assert.deepEqual(parseAmount('150.5'), { ok: true, minor: 15050 });
  assert.deepEqual(parseAmount(' 7 '), { ok: true, minor: 700 });
  assert.deepEqual(parseAmount('0.01'), { ok: true, minor: 1 });
  assert.deepEqual(parseAmount('999999999999.99'), { ok: true, minor: 99999999999999 });
});

test('Bengali digits and correct thousands grouping are understood', () => {
  assert.deepEqual(parseAmount('১৫০.৫০'), { ok: true, minor: 15050 });
  assert.deepEqual(parseAmount('১,৫০০'), { ok: true, minor: 150000 });
  assert.deepEqual(parseAmount('1,500.50'), { ok: true, minor: 150050 });
  assert.deepEqual(parseAmount('15,00,000'), { ok: true, minor: 150000000 });
});

test('a sum written as a shopkeeper writes it is understood: the taka sign, টাকা, Tk, BDT and /-', () => {
  const written: Array<[string, number]> = [
    ['৳500', 50000],
    ['৳ 500', 50000],
    ['500৳', 50000],
    ['500 টাকা', 50000],
    ['৫০০ টাকা', 50000],
    ['500 tk', 50000],
    ['500TK', 50000],
    ['Tk 500', 50000],
    ['Tk. 1,500.50', 150050],
    ['BDT 1500', 150000],
    ['1500 taka', 150000],
    ['1500/-', 150000],
    ['১৫০০/-', 150000],
    ['৫০০/=', 50000],
    ['Tk 1,500/-', 150000],
    ['৳১,৫০,০০০', 15000000],
  ];
  for (const [typed, minor] of written) assert.deepEqual(parseAmount(typed), { ok: true, minor }, typed);
});

test('what is not a positive taka sum is refused with the code that says why', () => {
  const refused: Array<[string, string]> = [
    ['', 'amount_empty'],
    ['   ', 'amount_empty'],
    ['৳', 'amount_empty'],
    ['টাকা', 'amount_empty'],
    ['0', 'amount_zero'],
    ['0.00', 'amount_zero'],
    ['৳0', 'amount_zero'],
    ['1.234', 'amount_decimals'],
    ['1,2', 'amount_commas'],
    ['1234567890123', 'amount_too_large'],
    ['১২৩৪৫৬৭৮৯০১২৩', 'amount_too_large'],
  ];
  for (const [typed, code] of refused) assert.deepEqual(parseAmount(typed), { ok: false, code }, typed);
  for (const typed of [
    '-1',
    'abc',
    '1e3',
    '1.',
    '.5',
    '+5',
    'NaN',
    'Infinity',
    '0x10',
    '-৳500',
    '৳-500',
    '500 dollars',
    'Tk Tk 500',
    '500/-/-',
    '$500',
  ]) {
    assert.deepEqual(parseAmount(typed), { ok: false, code: 'amount_not_number' }, typed);
  }
});

test('each refusal reads as a sentence in English and in Bengali', () => {
  for (const typed of ['', '0', '1.234', '1,2', 'abc', '1234567890123']) {
    const parsed = parseAmount(typed);
    assert.ok(!parsed.ok);
    assert.match(render({ code: parsed.code, params: {} }, 'en'), /^[A-Z].*\.$/);
    assert.match(render({ code: parsed.code, params: {} }, 'bn'), /[\u0980-\u09ff].*।$/);
  }
});

test('poisha are shown as a plain decimal and sent to the gateway as a float', () => {
  assert.equal(toDecimalString(15050), '150.50');
  assert.equal(toDecimalString(7), '0.07');
  assert.equal(toGatewayAmount(15050), 150.5);
  assert.equal(JSON.stringify({ amount: toGatewayAmount(99999999999999) }), '{"amount":999999999999.99}');
});

test('taka are written with ৳ before the number and lakh grouping, in Bengali digits in Bengali', () => {
  assert.equal(formatTaka(150050), '৳1,500.50');
  assert.equal(formatTaka(15000000), '৳1,50,000.00');
  assert.equal(formatTaka(1234567800), '৳1,23,45,678.00');
  assert.equal(formatTaka(150050, 'bn'), '৳১,৫০০.৫০');
  assert.equal(formatTaka(15000000, 'bn-BD'), '৳১,৫০,০০০.০০');
  assert.equal(formatTaka(7, 'bn'), '৳০.০৭');
  assert.equal(formatTaka(-50000), '-৳500.00');
});
