// The Host allow-list through the listener PayDesk runs: a page that rebinds its own name to this computer (so
// the shop's browser sends Host: evil.example) gets 421 and changes nothing, on returns, cancels and the checks'
// pages alike; the addresses PayDesk published are answered, a newly saved public return address at once; and
// HEAD never changes anything.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { call, startTestCore, type TestCore } from '../support/core';
import { httpGet } from '../support/http-get';
import { seedOrders } from '../support/seed-orders';

/** The sandbox profile with a public return address (its listen address unchanged, so the test's port holds). */
const useReturnBase = (core: TestCore, returnBaseUrl: string) =>
  call(core, 'saveProfile', {
    originalName: 'sandbox',
    profile: { name: 'sandbox', mode: 'sandbox', baseUrl: 'http://ignored/api', listenHost: '127.0.0.1', listenPort: 47400, returnBaseUrl },
  });

const listenerUrl = (core: TestCore) => {
  const { port } = new URL(core.runtime().returnBaseUrl!);
  return `http://127.0.0.1:${port}`;
};

const eventCount = (core: TestCore) => (core.db.prepare('SELECT count(*) AS n FROM order_events').get() as { n: number }).n;

test('a request naming a host PayDesk never published gets 421 and changes nothing', async (t) => {
  const core = await startTestCore(t);
  const [order] = seedOrders(core.db, (await core.profiles.active())!.id, 1);
  const phone = await call(core, 'startPhoneTest', {});
  const reached: unknown[] = [];
  core.events.on('phoneReached', (event) => reached.push(event));
  const base = listenerUrl(core);
  const port = new URL(base).port;
  const events = eventCount(core);

  const foreign = { Host: `evil.example:${port}` };
  const paths = [`${order!.successPath}?transaction_id=REBOUND1`, order!.cancelPath, new URL(phone.url).pathname, `/p/${order!.token}`];
  for (const path of paths) {
    const answer = await httpGet(`${base}${path}`, { headers: foreign });
    assert.equal(answer.status, 421, path);
    assert.doesNotMatch(answer.body, /PD-|REBOUND1/, 'nothing about the order');
  }
  for (const host of ['127.0.0.1', `127.0.0.1:${Number(port) + 1}`, `evil.example`, `127.0.0.1.evil.example:${port}`]) {
    assert.equal((await httpGet(`${base}${order!.successPath}?transaction_id=REBOUND2`, { headers: { Host: host } })).status, 421, host);
  }
  assert.equal((await core.service.findOrder(order!.ref))!.status, 'pending');
  assert.equal(eventCount(core), events, 'no audit row, no refusal row');
  assert.deepEqual(reached, [], 'the phone test was not opened');
  assert.equal((await httpGet(phone.url)).status, 200, 'and can still be');
});

test('the listener’s own address, localhost and the public return address are answered; a newly saved one at once', async (t) => {
  const core = await startTestCore(t);
  const [own, local, tunnelled, withPort] = seedOrders(core.db, (await core.profiles.active())!.id, 4);
  const base = listenerUrl(core);
  const port = new URL(base).port;

  assert.equal((await httpGet(`${base}${own!.successPath}?transaction_id=OWNHOST1`)).status, 200);
  assert.equal(
    (await httpGet(`${base}${local!.successPath}?transaction_id=LOCALHOST1`, { headers: { Host: `localhost:${port}` } })).status,
    200,
  );
  const beforeSaving = await httpGet(`${base}${tunnelled!.successPath}?transaction_id=TUNNEL1`, { headers: { Host: 'pay.shop.example' } });
  assert.equal(beforeSaving.status, 421);

  await useReturnBase(core, 'https://pay.shop.example');
  // As a tunnel passes it on: the public name, without the port or with https's own.
  assert.equal(
    (await httpGet(`${base}${tunnelled!.successPath}?transaction_id=TUNNEL1`, { headers: { Host: 'pay.shop.example' } })).status,
    200,
  );
  assert.equal(
    (await httpGet(`${base}${withPort!.successPath}?transaction_id=TUNNEL2`, { headers: { Host: 'Pay.Shop.Example:443' } })).status,
    200,
  );
  assert.equal(
    (await httpGet(`${base}${withPort!.successPath}?transaction_id=TUNNEL2`, { headers: { Host: `pay.shop.example:${port}` } })).status,
    421,
  );
  for (const order of [own, local, tunnelled, withPort])
    assert.equal((await core.service.findOrder(order!.ref))!.status, 'paid', order!.ref);
});

test('HEAD changes nothing: not a return, not a cancel, not the phone test, not the return check', async (t) => {
  const core = await startTestCore(t);
  const [order] = seedOrders(core.db, (await core.profiles.active())!.id, 1);
  const phone = await call(core, 'startPhoneTest', {});
  const reached: unknown[] = [];
  core.events.on('phoneReached', (event) => reached.push(event));
  const base = listenerUrl(core);
  const events = eventCount(core);

  for (const url of [
    `${base}${order!.successPath}?transaction_id=HEAD1`,
    `${base}${order!.cancelPath}`,
    phone.url,
    `${base}/p/${order!.token}`,
  ]) {
    const answer = await httpGet(url, { method: 'HEAD' });
    assert.deepEqual([answer.status, answer.body], [200, ''], url);
  }
  assert.equal((await core.service.findOrder(order!.ref))!.status, 'pending');
  assert.equal(eventCount(core), events);
  assert.deepEqual(reached, []);
  assert.equal((await httpGet(phone.url)).status, 200, 'the phone test is still unopened');
  assert.equal(reached.length, 1);
});
