// A moved listener keeps answering at its old address for links already handed out; the status says so (and
// whether other machines can reach it, and until when), and the shopkeeper can stop it at once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { call, startTestCore, type TestCore } from '../support/core';
import { freePort } from '../support/free-port';
import { seedOrders } from '../support/seed-orders';
import { eventually } from '../support/waiting';

const GRACE_MS = 60_000;

const moveTo = (core: TestCore, listenHost: string, listenPort: number) =>
  call(core, 'saveProfile', {
    originalName: 'sandbox',
    profile: { name: 'sandbox', baseUrl: 'http://ignored/api', mode: 'sandbox', listenHost, listenPort },
  });

const status = (core: TestCore) => call(core, 'getStatus', {});

test('after moving off all networks the old listener is shown as exposed until its grace ends, and stopping it closes it', async (t) => {
  const [old, next] = [await freePort(), await freePort()];
  const core = await startTestCore(t, { listen: { host: '0.0.0.0', port: old }, listenerGraceMs: GRACE_MS });
  assert.deepEqual((await status(core)).oldListeners, []);
  const [order] = seedOrders(core.db, (await core.profiles.active())!.id, 1);

  const movedAt = Date.now();
  await moveTo(core, '127.0.0.1', next);
  const moved = await status(core);
  assert.equal(moved.returnUrl, `http://127.0.0.1:${next}`);
  assert.deepEqual(
    moved.oldListeners.map(({ url, exposed }) => ({ url, exposed })),
    [{ url: `http://0.0.0.0:${old}`, exposed: true }],
  );
  const until = Date.parse(moved.oldListeners[0]!.until);
  assert.ok(until >= movedAt + GRACE_MS && until <= Date.now() + GRACE_MS, 'until is when its grace ends');

  // A customer holding a link to the old address still gets through.
  const late = await fetch(`http://127.0.0.1:${old}${order!.successPath}?transaction_id=OLDADDR1`);
  assert.equal(late.status, 200);
  assert.equal((await core.service.findOrder(order!.ref))!.status, 'paid');

  const stopped = await call(core, 'stopOldListeners', {});
  assert.deepEqual(stopped.oldListeners, []);
  await assert.rejects(
    fetch(`http://127.0.0.1:${old}${order!.successPath}?transaction_id=OLDADDR1`),
    'the old address refuses connections',
  );
  assert.equal((await fetch(`http://127.0.0.1:${next}${order!.successPath}?transaction_id=OLDADDR1`)).status, 200, 'the new one answers');
});

test('the list of old listeners follows them: a loopback one is not exposed, one moved back to is gone, one whose time is up is gone', async (t) => {
  const [a, b] = [await freePort(), await freePort()];
  // Long enough that a noisy machine's two moves finish inside it; its end is then waited for, not slept through.
  const core = await startTestCore(t, { listen: { host: '127.0.0.1', port: a }, listenerGraceMs: 4000 });
  await moveTo(core, '127.0.0.1', b);
  assert.deepEqual(
    (await status(core)).oldListeners.map(({ url, exposed }) => [url, exposed]),
    [[`http://127.0.0.1:${a}`, false]],
  );
  const movedBackAt = Date.now();
  await moveTo(core, '127.0.0.1', a);
  const back = await status(core);
  assert.equal(back.returnUrl, `http://127.0.0.1:${a}`);
  assert.deepEqual(
    back.oldListeners.map(({ url }) => url),
    [`http://127.0.0.1:${b}`],
    'the revived one is the listener again',
  );
  await eventually(async () => (await status(core)).oldListeners.length === 0, 15_000);
  assert.ok(Date.now() - movedBackAt >= 4000 - 50, 'the old listener is shown until its grace ends');
  await assert.rejects(fetch(`http://127.0.0.1:${b}/`));
});
