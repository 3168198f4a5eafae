import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startSandboxGateway, type SandboxGateway } from '../../electron/sandbox/sandbox-gateway';
import { render } from '../../shared/messages/say';
import { APP_SENDER, call, startTestCore, type TestCore } from '../support/core';
import { bookSql } from '../support/book-sql';
import { onPostgres } from '../support/test-engine';
import { decideOnCheckout, follow } from '../support/customer-browser';
import { freePort } from '../support/free-port';
import { captureConsole, filesUnder } from '../support/secret-scan';
import { testCipher } from '../support/test-cipher';

const LIVE_KEY = 'sk_live_Zq9vXw3KpL7mN2bR8tY4';

async function liveGateway(t: { after(fn: () => unknown): void }): Promise<SandboxGateway> {
  const gateway = await startSandboxGateway({ apiKey: LIVE_KEY });
  t.after(() => gateway.close());
  return gateway;
}

async function addLiveProfile(core: TestCore, name: string, baseUrl: string, key = LIVE_KEY) {
  await call(core, 'saveProfile', {
    profile: { name, baseUrl, mode: 'live', listenPort: (await core.profiles.active())!.listenPort || 47400 },
  });
  return call(core, 'setApiKey', { profileName: name, apiKey: key });
}

test('a saved API key is encrypted at rest and appears nowhere: files, WAL, logs, replies', async (t) => {
  const logs = captureConsole(t);
  const gateway = await liveGateway(t);
  const core = await startTestCore(t);
  const profile = await addLiveProfile(core, 'My shop', gateway.baseUrl);
  assert.deepEqual(profile.apiKey, { state: 'saved', hint: `••••${LIVE_KEY.slice(-4)}`, heldElsewhere: [] });
  const replies: unknown[] = [profile];
  replies.push(await call(core, 'switchProfile', { name: 'My shop' }));
  const order = await call(core, 'createPaymentLink', { amount: '99.99', customerName: 'সাকিব' });
  replies.push(order);
  await decideOnCheckout(order.paymentUrl!, 'Pay');
  // A refused request must not echo the key either.
  await call(core, 'saveProfile', { originalName: 'My shop', profile: { name: 'My shop', baseUrl: `${gateway.baseUrl}/`, mode: 'live' } });
  replies.push(await core.router.handle('createPaymentLink', { amount: '1' }, APP_SENDER));
  for (const channel of ['listProfiles', 'getStatus', 'listOrders', 'getShopDetails', 'listBindAddresses']) {
    replies.push(await core.router.handle(channel, {}, APP_SENDER));
  }
  replies.push(core.changes);

  assert.equal((await core.service.listOrders({ limit: 5 })).orders.find((o) => o.ref === order.ref)!.status, 'paid');
  const sealed = await bookSql(core).all<{ ciphertext: Buffer; backend: string }>('SELECT ciphertext, backend FROM secrets');
  assert.equal(sealed.length, 1);
  assert.equal(sealed[0]!.backend, 'test_keychain');

  const needle = Buffer.from(LIVE_KEY);
  const check = () => {
    const files = filesUnder(core.dataDir);
    // A PostgreSQL book keeps nothing in the folder but the log; its rows are the server's, checked above.
    if (!onPostgres)
      assert.ok(
        files.some((f) => f.path.endsWith('paydesk.db-wal')),
        'the WAL is checked while it exists',
      );
    for (const file of files) assert.equal(file.bytes.indexOf(needle), -1, `${file.path} holds the key`);
  };
  check();
  assert.ok(!JSON.stringify(replies).includes(LIVE_KEY), 'no reply carries the key');
  assert.ok(!logs.join('\n').includes(LIVE_KEY), 'no log line carries the key');
  await core.close();
  for (const file of filesUnder(core.dataDir)) assert.equal(file.bytes.indexOf(needle), -1, `${file.path} holds the key`);
});

test('without a secure key store a key lives for the session only, unless weak storage is accepted', async (t) => {
  const gateway = await liveGateway(t);
  const core = await startTestCore(t, { keys: { cipher: testCipher({ backend: 'basic_text' }) } });
  const vault = (await call(core, 'listProfiles', {})).vault;
  assert.equal(vault.protection, 'weak');
  assert.deepEqual(vault.sentence, { code: 'vault_weak_session', params: {} });

  const profile = await addLiveProfile(core, 'Shop', gateway.baseUrl);
  assert.equal(profile.apiKey.state, 'session');
  const rows = async () => (await bookSql(core).all<{ backend: string }>('SELECT backend FROM secrets')).map((r) => r.backend);
  assert.deepEqual(await rows(), []);
  await call(core, 'switchProfile', { name: 'Shop' });
  assert.ok((await call(core, 'createPaymentLink', { amount: '5' })).paymentUrl, 'a session key works');

  const accepted = await call(core, 'acceptWeakKeyStorage', { accept: true });
  assert.equal(accepted.weakAccepted, true);
  assert.deepEqual(await rows(), ['basic_text']);
  const listed = await call(core, 'listProfiles', {});
  assert.equal(listed.profiles.find((p) => p.name === 'Shop')!.apiKey.state, 'saved');

  await call(core, 'acceptWeakKeyStorage', { accept: false });
  assert.deepEqual(await rows(), [], 'taking the choice back takes the key off the disk');
  const after = await call(core, 'listProfiles', {});
  assert.equal(after.profiles.find((p) => p.name === 'Shop')!.apiKey.state, 'session');
});

test('where the OS cannot encrypt at all, the key is gone after a restart and PayDesk says so', async (t) => {
  const gateway = await liveGateway(t);
  const first = await startTestCore(t, { keys: { cipher: testCipher({ available: false }) } });
  assert.equal((await addLiveProfile(first, 'Shop', gateway.baseUrl)).apiKey.state, 'session');
  await call(first, 'switchProfile', { name: 'Shop' });
  await first.close();
  const second = await startTestCore(t, { dataDir: first.dataDir, keys: { cipher: testCipher({ available: false }) } });
  const shop = (await call(second, 'listProfiles', {})).profiles.find((p) => p.name === 'Shop')!;
  assert.deepEqual(shop.apiKey, { state: 'missing', hint: null, heldElsewhere: [] });
  const reply = await second.router.handle('createPaymentLink', { amount: '5' }, APP_SENDER);
  assert.equal(reply.ok, false);
  if (!reply.ok) {
    assert.equal(reply.error.kind, 'not_configured');
    assert.deepEqual([reply.error.code, reply.error.params], ['api_key_missing', { profile: 'Shop', variable: 'PAYDESK_API_KEY' }]);
    assert.match(render(reply.error, 'en'), /^No API key is saved for the profile “Shop”/);
    assert.match(render(reply.error, 'bn'), /^“Shop” প্রোফাইলের জন্য কোনো এপিআই কী রাখা নেই।/);
  }
});

test('a key encrypted by another key store is not guessed at: it must be entered again', async (t) => {
  const gateway = await liveGateway(t);
  const first = await startTestCore(t);
  await addLiveProfile(first, 'Shop', gateway.baseUrl);
  await first.close();
  const second = await startTestCore(t, { dataDir: first.dataDir, keys: { cipher: testCipher({ backend: 'kwallet5' }) } });
  const shop = () => call(second, 'listProfiles', {}).then((r) => r.profiles.find((p) => p.name === 'Shop')!);
  assert.equal((await shop()).apiKey.state, 'needs_reentry');
  await call(second, 'setApiKey', { profileName: 'Shop', apiKey: LIVE_KEY });
  assert.equal((await shop()).apiKey.state, 'saved');
});

test('a malformed API key is refused with a sentence and the stored one is kept', async (t) => {
  const gateway = await liveGateway(t);
  const core = await startTestCore(t);
  await addLiveProfile(core, 'Shop', gateway.baseUrl);
  for (const apiKey of ['short', 'has a space in it', 'ক'.repeat(20), 'x'.repeat(600)]) {
    const reply = await core.router.handle('setApiKey', { profileName: 'Shop', apiKey }, APP_SENDER);
    assert.equal(reply.ok, false);
    if (!reply.ok) {
      assert.equal(reply.error.kind, 'invalid_input');
      assert.equal(reply.error.field, 'apiKey');
    }
  }
  const shop = (await call(core, 'listProfiles', {})).profiles.find((p) => p.name === 'Shop')!;
  assert.equal(shop.apiKey.hint, `••••${LIVE_KEY.slice(-4)}`);
  const sandbox = await core.router.handle('setApiKey', { profileName: 'sandbox', apiKey: LIVE_KEY }, APP_SENDER);
  assert.equal(sandbox.ok, false);
  if (!sandbox.ok) assert.equal(sandbox.error.code, 'sandbox_needs_no_key');
});

test('profiles are created, switched, edited and removed; a removed profile keeps its orders, read-only', async (t) => {
  const gateway = await liveGateway(t);
  const core = await startTestCore(t);
  await addLiveProfile(core, 'Counter A', gateway.baseUrl);
  await addLiveProfile(core, 'Counter B', gateway.baseUrl);
  const duplicate = await core.router.handle('saveProfile', { profile: { name: 'counter a', baseUrl: gateway.baseUrl } }, APP_SENDER);
  assert.equal(duplicate.ok, false);
  if (!duplicate.ok) {
    assert.equal(duplicate.error.field, 'profile.name');
    assert.deepEqual([duplicate.error.code, duplicate.error.params], ['profile_name_taken', { name: 'counter a' }]);
  }

  const status = await call(core, 'switchProfile', { name: 'Counter A' });
  assert.deepEqual([status.mode, status.profileName], ['live', 'Counter A']);
  const sold = await call(core, 'createPaymentLink', { amount: '10' });
  assert.equal(sold.profileName, 'Counter A');
  assert.equal(sold.sandbox, false);

  await call(core, 'switchProfile', { name: 'Counter B' });
  assert.deepEqual((await call(core, 'listOrders', {})).orders, [], 'another profile’s orders stay out of view');
  await call(core, 'saveProfile', { originalName: 'Counter A', profile: { name: 'Front counter', baseUrl: gateway.baseUrl } });
  const all = (await call(core, 'listOrders', { allProfiles: true })).orders;
  assert.deepEqual(
    all.map((o) => [o.ref, o.profileName]),
    [[sold.ref, 'Front counter']],
  );

  await call(core, 'removeProfile', { name: 'Front counter' });
  const profiles = (await call(core, 'listProfiles', {})).profiles;
  assert.deepEqual(
    profiles.map((p) => [p.name, p.removed, p.active]),
    [
      ['Counter B', false, true],
      ['sandbox', false, false],
      ['Front counter', true, false],
    ],
  );
  assert.equal((await call(core, 'listOrders', { allProfiles: true })).orders.length, 1);
  for (const [channel, payload] of [
    ['switchProfile', { name: 'Front counter' }],
    ['saveProfile', { originalName: 'Front counter', profile: { name: 'Front counter', baseUrl: gateway.baseUrl } }],
    ['setApiKey', { profileName: 'Front counter', apiKey: LIVE_KEY }],
  ] as const) {
    const reply = await core.router.handle(channel, payload, APP_SENDER);
    assert.equal(reply.ok, false, `${channel} on a removed profile is refused`);
    if (!reply.ok) assert.deepEqual([reply.error.code, reply.error.params], ['profile_not_found', { name: 'Front counter' }]);
  }
  // The customer of the removed profile's order still pays: the money moved, so it is recorded.
  await decideOnCheckout(sold.paymentUrl!, 'Pay');
  assert.equal((await core.service.findOrder(sold.ref))!.status, 'paid');

  // The name of a removed profile can be used again.
  await addLiveProfile(core, 'Front counter', gateway.baseUrl);
  const removeSandbox = await core.router.handle('removeProfile', { name: 'sandbox' }, APP_SENDER);
  assert.equal(removeSandbox.ok, false);
  if (!removeSandbox.ok) assert.equal(removeSandbox.error.code, 'sandbox_not_removable');
  await call(core, 'removeProfile', { name: 'Counter B' });
  const after = await call(core, 'getStatus', {});
  assert.equal(after.mode, 'sandbox', 'removing the active profile falls back to the sandbox');
});

test('returns arriving while the listener moves to another port are each recorded exactly once', async (t) => {
  const [first, second] = [await freePort(), await freePort()];
  const core = await startTestCore(t, { listen: { host: '127.0.0.1', port: first }, listenerGraceMs: 1500 });
  const orders = await Promise.all(Array.from({ length: 20 }, () => call(core, 'createPaymentLink', { amount: '3' })));
  // The sandbox answers Pay with a redirect to the success URL; take it without following it yet.
  const successUrls = await Promise.all(
    orders.map(async (order) => {
      const page = await (await fetch(order.paymentUrl!)).text();
      const trx = /name="trx_id" value="([^"]+)"/.exec(page)![1]!;
      const pay = await fetch(new URL('/checkout/pay', order.paymentUrl!), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ trx_id: trx }),
        redirect: 'manual',
      });
      return pay.headers.get('location')!;
    }),
  );
  assert.ok(successUrls.every((url) => url.startsWith(`http://127.0.0.1:${first}/r/`)));

  const returns = successUrls.map((url) =>
    follow(url).then(
      (r) => r.status,
      () => 'refused' as const,
    ),
  );
  const move = call(core, 'saveProfile', {
    originalName: 'sandbox',
    profile: { name: 'sandbox', baseUrl: 'http://ignored/api', mode: 'sandbox', listenHost: '127.0.0.1', listenPort: second },
  });
  const [statuses] = await Promise.all([Promise.all(returns), move]);

  assert.deepEqual(statuses, Array(20).fill(200), 'links given out before the move still bring customers back');
  // A customer reloading the thank-you page after the move changes nothing.
  assert.equal((await follow(successUrls[0]!)).status, 200);
  const [paid] = await bookSql(core).all<{ n: number; orders: number }>(
    `SELECT count(*) AS n, count(DISTINCT order_id) AS orders FROM order_events WHERE kind = 'paid'`,
  );
  assert.deepEqual(paid, { n: 20, orders: 20 }, 'every return is recorded once, none twice');
  const status = await call(core, 'getStatus', {});
  assert.equal(status.returnUrl, `http://127.0.0.1:${second}`);
  await new Promise((resolve) => setTimeout(resolve, 2000));
  assert.equal(
    await follow(successUrls[0]!).then(
      () => 'answered',
      () => 'refused',
    ),
    'refused',
    'after the grace period the old port is closed',
  );
  const next = await call(core, 'createPaymentLink', { amount: '3' });
  const landing = await decideOnCheckout(next.paymentUrl!, 'Pay');
  assert.ok(landing.url.startsWith(`http://127.0.0.1:${second}/r/`));
  assert.equal((await core.service.findOrder(next.ref))!.status, 'paid');
});

test('binding beyond loopback is allowed and says in one line what it exposes', async (t) => {
  const core = await startTestCore(t);
  assert.equal((await call(core, 'getStatus', {})).listenerWarning, null);
  const addresses = (await call(core, 'listBindAddresses', {})).addresses;
  assert.deepEqual(addresses[0], { ...addresses[0], address: '127.0.0.1', loopback: true });
});

test('first start offers the welcome until a choice is made', async (t) => {
  const core = await startTestCore(t);
  assert.equal((await call(core, 'getStatus', {})).welcome, true);
  const after = await call(core, 'finishWelcome', { choice: 'sandbox' });
  assert.deepEqual([after.welcome, after.mode], [false, 'sandbox']);
  const sandbox = (await call(core, 'listProfiles', {})).profiles[0]!;
  assert.deepEqual(sandbox.apiKey, { state: 'not_needed', hint: null, heldElsewhere: [] });
});

test('shop details and logo are kept for receipts; a bad logo is refused and changes nothing', async (t) => {
  const core = await startTestCore(t);
  const saved = await call(core, 'saveShopDetails', {
    name: 'রহমান স্টোর',
    address: 'House 12, Road 5, Dhanmondi, Dhaka',
    phone: '+880 1711-000000',
  });
  assert.equal(saved.name, 'রহমান স্টোর');
  const png = Buffer.from(
    '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
      '1f15c4890000000d49444154789c63f8cfc0f01f0005000201' +
      'c7d3cb6d0000000049454e44ae426082',
    'hex',
  );
  core.platform.choices.logo = png;
  const withLogo = await call(core, 'chooseShopLogo', {});
  assert.match(withLogo.logoDataUrl!, /^data:image\/png;base64,/);
  core.platform.choices.logo = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
  const refused = await core.router.handle('chooseShopLogo', {}, APP_SENDER);
  assert.equal(refused.ok, false);
  if (!refused.ok) assert.deepEqual([refused.error.field, refused.error.code], ['logo', 'logo_svg']);
  core.platform.choices.logo = null;
  assert.equal((await call(core, 'chooseShopLogo', {})).logoDataUrl, withLogo.logoDataUrl);
  assert.equal((await call(core, 'removeShopLogo', {})).logoDataUrl, null);
});
