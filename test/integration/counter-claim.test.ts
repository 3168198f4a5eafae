// The customer paid on their phone but their browser never came back (mobile data, a closed tab): they show
// the gateway's transaction id at the counter, the shopkeeper types it, and the statement later proves or
// questions it exactly as it would a return.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { StatementMapping, type Order } from '../../shared/contract';
import { render } from '../../shared/messages/say';
import { APP_SENDER, call, startTestCore, type TestCore } from '../support/core';
import { seedBookOrders } from '../support/seed-orders';

const claim = (core: TestCore, ref: string, transactionId: string) =>
  core.router.handle('claimAtCounter', { ref, transactionId }, APP_SENDER);

async function importLine(core: TestCore, transactionId: string, amount: string) {
  core.platform.choices.statement = {
    name: 'statement.csv',
    bytes: new TextEncoder().encode(`Transaction ID,Amount,Date\r\n${transactionId},${amount},${new Date().toISOString()}\r\n`),
  };
  const preview = await call(core, 'chooseStatement', {});
  assert.ok(preview);
  return call(core, 'importStatement', { token: preview.token, mapping: StatementMapping.parse(preview.suggested) });
}

test('a transaction id shown at the counter pays the order as a claim, which the statement then verifies', async (t) => {
  const core = await startTestCore(t);
  const [order] = await seedBookOrders(core, 1, 25000);
  const reply = await claim(core, order!.ref, ' ＣＪＨ１Ｄ２Ｙ４Ｗ１ ');
  assert.equal(reply.ok, true);
  const paid = (reply as { value: Order }).value;
  assert.deepEqual(
    [paid.status, paid.transactionId, paid.paymentProof, paid.verification, paid.paidManually],
    ['paid', 'CJH1D2Y4W1', 'counter', 'unverified', false],
  );
  const detail = await call(core, 'getOrder', { ref: order!.ref });
  assert.deepEqual(detail.timeline.at(-1)!.detail, { transactionId: 'CJH1D2Y4W1' });
  assert.equal(detail.timeline.at(-1)!.kind, 'claimed_at_counter');

  const report = await importLine(core, 'cjh1d2y4w1', '250.00');
  assert.equal(report.verified, 1);
  assert.equal((await core.service.findOrder(order!.ref))!.verification, 'verified');
});

test('a counter claim the statement shows at another amount is questioned, as a return would be', async (t) => {
  const core = await startTestCore(t);
  const [order] = await seedBookOrders(core, 1, 25000);
  assert.equal((await claim(core, order!.ref, 'TRX500')).ok, true);
  const report = await importLine(core, 'TRX500', '25.00');
  assert.equal(report.amountMismatch, 1);
  assert.equal((await core.service.findOrder(order!.ref))!.verification, 'amount_mismatch');
});

test('one transaction id is claimed for one order only, and a later return is a repeat or a conflict', async (t) => {
  const core = await startTestCore(t);
  const [first, second] = await seedBookOrders(core, 2);
  assert.equal((await claim(core, first!.ref, 'SHOWN123')).ok, true);
  const twice = await claim(core, second!.ref, 'shown123');
  assert.equal(twice.ok, false);
  if (!twice.ok) {
    assert.deepEqual(
      [twice.error.code, twice.error.params],
      ['transaction_pays_other_order', { transactionId: 'shown123', ref: first!.ref }],
    );
    assert.equal(render(twice.error, 'bn'), `লেনদেন shown123 দিয়ে আগেই অর্ডার ${first!.ref} পরিশোধিত; এক পেমেন্টে একটিই অর্ডার।`);
    assert.equal(render(twice.error, 'en'), `Transaction shown123 already paid order ${first!.ref}; one payment pays one order.`);
  }
  assert.equal((await core.service.findOrder(second!.ref))!.status, 'pending');
  const again = await claim(core, first!.ref, 'OTHER1');
  assert.equal(again.ok, false, 'a paid order takes no second claim');
  if (!again.ok) assert.deepEqual([again.error.code, again.error.params], ['order_already_paid', { ref: first!.ref }]);

  const origin = core.runtime().returnBaseUrl!;
  const repeat = await fetch(`${origin}${first!.successPath}?transaction_id=shown123`);
  assert.equal(repeat.status, 200, 'the customer’s late return with the same id is thanked, nothing changes');
  const conflict = await fetch(`${origin}${first!.successPath}?transaction_id=DIFFERENT9`);
  assert.equal(conflict.status, 409);
  const stored = (await core.service.findOrder(first!.ref))!;
  assert.deepEqual([stored.transactionId, stored.paymentProof], ['SHOWN123', 'counter']);
  const kinds = (await call(core, 'getOrder', { ref: first!.ref })).timeline.map((e) => e.kind);
  assert.deepEqual(kinds.slice(-2), ['claimed_at_counter', 'return_conflict']);
});

test('a claim with something that is no transaction id is refused with its reason and changes nothing', async (t) => {
  const core = await startTestCore(t);
  const [order] = await seedBookOrders(core, 1);
  for (const typed of ['АВС123', 'TRX 123', '', '=HYPERLINK("x")']) {
    const reply = await claim(core, order!.ref, typed);
    assert.equal(reply.ok, false, typed);
    if (!reply.ok)
      assert.deepEqual(
        [reply.error.kind, reply.error.field, reply.error.code],
        ['invalid_input', 'transactionId', 'transaction_id_invalid'],
        typed,
      );
  }
  assert.equal((await core.service.findOrder(order!.ref))!.status, 'pending');
});
