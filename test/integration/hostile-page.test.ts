// A compromised page can call every channel of the contract. These tests make the calls it would make and
// check that the API key, the customers' return secrets and the shop's network stay where the shopkeeper put
// them: through the real router, a real SQLite file and real servers on 127.0.0.1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { IncomingHttpHeaders } from 'node:http';
import type { Order } from '../../shared/contract';
import { render } from '../../shared/messages/say';
import { APP_SENDER, call, startTestCore, type TestCore } from '../support/core';
import { freePort } from '../support/free-port';
import { httpGateway } from '../support/misbehaving-gateways';
import { testCipher } from '../support/test-cipher';

const KEY = 'sk_live_B0undToItsOrigin';

/** A gateway that records what it was sent and answers every checkout with `paymentUrl`. */
async function recordingGateway(t: { after(fn: () => unknown): void }, paymentUrl = 'https://pay.example/checkout?trx_id=1') {
  const seen: IncomingHttpHeaders[] = [];
  const bodies: Array<Record<string, unknown>> = [];
  const gateway = await httpGateway((request, response) => {
    seen.push(request.headers);
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      if (body) bodies.push(JSON.parse(body));
      response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ status: 'success', payment_url: paymentUrl }));
    });
  });
  t.after(() => gateway.close());
  return { seen, bodies, baseUrl: `http://${gateway.origin}/api`, origin: gateway.origin };
}

async function liveProfile(core: TestCore, baseUrl: string, extra: Record<string, unknown> = {}) {
  await call(core, 'saveProfile', { profile: { name: 'My shop', baseUrl, mode: 'live', ...extra } });
  await call(core, 'setApiKey', { profileName: 'My shop', apiKey: KEY });
  await call(core, 'switchProfile', { name: 'My shop' });
}

const edit = (core: TestCore, profile: Record<string, unknown>) =>
  core.router.handle('saveProfile', { originalName: 'My shop', profile: { name: 'My shop', mode: 'live', ...profile } }, APP_SENDER);

const keyState = async (core: TestCore) => (await call(core, 'listProfiles', {})).profiles.find((p) => p.name === 'My shop')!.apiKey.state;

test('a stored API key is never sent to a host the Base URL was moved to, until it is entered again for it', async (t) => {
  const core = await startTestCore(t);
  const gateway = await recordingGateway(t);
  const elsewhere = await recordingGateway(t);
  await liveProfile(core, gateway.baseUrl);
  await call(core, 'createPaymentLink', { amount: '10' });
  assert.equal(gateway.seen.at(-1)!.authorization, `Bearer ${KEY}`);

  // A path-only fix keeps the key: same scheme, host and port.
  assert.equal((await edit(core, { baseUrl: `${gateway.baseUrl}/` })).ok, true);
  assert.equal(await keyState(core), 'saved');
  await call(core, 'createPaymentLink', { amount: '11' });
  assert.equal(gateway.seen.length, 2);

  // Another origin: the key stays where it was given.
  assert.equal((await edit(core, { baseUrl: elsewhere.baseUrl })).ok, true);
  assert.equal(await keyState(core), 'needs_reentry');
  const refused = await core.router.handle('createPaymentLink', { amount: '12' }, APP_SENDER);
  assert.equal(refused.ok, false);
  if (!refused.ok) assert.equal(refused.error.kind, 'not_configured');
  assert.equal(elsewhere.seen.length, 0, 'the other host was sent nothing, least of all an Authorization header');

  // Entered again for the new origin, it goes there.
  await call(core, 'setApiKey', { profileName: 'My shop', apiKey: KEY });
  await call(core, 'createPaymentLink', { amount: '13' });
  assert.equal(elsewhere.seen.at(-1)!.authorization, `Bearer ${KEY}`);
});

test('a key kept for the session only is bound to its origin too', async (t) => {
  const core = await startTestCore(t, { keys: { cipher: testCipher({ backend: 'basic_text' }) } });
  const gateway = await recordingGateway(t);
  const elsewhere = await recordingGateway(t);
  await liveProfile(core, gateway.baseUrl);
  assert.equal(await keyState(core), 'session');
  await edit(core, { baseUrl: elsewhere.baseUrl });
  assert.equal(await keyState(core), 'needs_reentry');
  assert.equal((await core.router.handle('createPaymentLink', { amount: '12' }, APP_SENDER)).ok, false);
  assert.deepEqual(elsewhere.seen, []);
});

test('a new return base or an exposed listen address is saved only when the shopkeeper confirms it', async (t) => {
  const core = await startTestCore(t);
  const gateway = await recordingGateway(t);
  const listenPort = await freePort();
  await liveProfile(core, gateway.baseUrl, { listenHost: '127.0.0.1', listenPort });
  assert.deepEqual(
    core.platform.confirmations.map((q) => q.confirmLabel),
    ['Connect'],
    'a new gateway is confirmed too',
  );
  core.platform.confirmations.length = 0;
  core.platform.choices.confirm = false;

  const toTunnel = await edit(core, { baseUrl: gateway.baseUrl, listenPort, returnBaseUrl: 'https://collector.example' });
  assert.equal(toTunnel.ok, false);
  if (!toTunnel.ok) assert.equal(toTunnel.error.kind, 'forbidden');
  const exposed = await edit(core, { baseUrl: gateway.baseUrl, listenHost: '0.0.0.0', listenPort });
  assert.equal(exposed.ok, false);
  assert.deepEqual(
    core.platform.confirmations.map((q) => q.confirmLabel),
    ['Use this address', 'Listen there'],
  );
  const stored = (await call(core, 'listProfiles', {})).profiles.find((p) => p.name === 'My shop')!;
  assert.deepEqual([stored.returnBaseUrl, stored.listenHost], [null, '127.0.0.1']);
  await call(core, 'createPaymentLink', { amount: '20' });
  assert.match(
    String(gateway.bodies.at(-1)!.success_url),
    new RegExp(`^http://127\\.0\\.0\\.1:${listenPort}/r/`),
    'return secrets still go to this computer',
  );

  core.platform.choices.confirm = true;
  assert.equal((await edit(core, { baseUrl: gateway.baseUrl, listenPort, returnBaseUrl: 'https://tunnel.example' })).ok, true);
  await call(core, 'createPaymentLink', { amount: '21' });
  assert.match(String(gateway.bodies.at(-1)!.success_url), /^https:\/\/tunnel\.example\/r\//);
  // Saving the same return base again asks nothing more.
  const asked = core.platform.confirmations.length;
  assert.equal((await edit(core, { baseUrl: gateway.baseUrl, listenPort, returnBaseUrl: 'https://tunnel.example/' })).ok, true);
  assert.equal(core.platform.confirmations.length, asked);
});

test('a Bengali shop is asked in Bengali, and a refused change names the question as it was asked', async (t) => {
  const core = await startTestCore(t);
  await call(core, 'savePreferences', { ...(await call(core, 'getPreferences', {})), language: 'bn' });
  const gateway = await recordingGateway(t);
  core.platform.choices.confirm = false;
  const refused = await core.router.handle(
    'saveProfile',
    { profile: { name: 'My shop', baseUrl: gateway.baseUrl, mode: 'live' } },
    APP_SENDER,
  );
  const [asked] = core.platform.confirmations;
  assert.deepEqual(asked, {
    title: 'এই গেটওয়ের সাথে যুক্ত হবেন?',
    message: `পেমেন্ট লিংকের জন্য PayDesk http://${gateway.origin}-এর সাথে যুক্ত হবে।`,
    detail: asked!.detail,
    confirmLabel: 'যুক্ত করুন',
    cancelLabel: 'থাক',
  });
  assert.match(asked!.detail, /^পেমেন্টের অনুরোধ/);
  assert.equal(refused.ok, false);
  if (refused.ok) return;
  assert.deepEqual(
    [refused.error.kind, refused.error.code, refused.error.params],
    ['forbidden', 'change_not_confirmed', { title: asked!.title }],
  );
  assert.equal(render(refused.error, 'bn'), 'কিছুই সংরক্ষণ হয়নি: “এই গেটওয়ের সাথে যুক্ত হবেন?” প্রশ্নে সম্মতি দেওয়া হয়নি।');
  assert.equal(refused.error.message, 'Nothing was saved: “এই গেটওয়ের সাথে যুক্ত হবেন?” was not confirmed.');

  await call(core, 'savePreferences', { ...(await call(core, 'getPreferences', {})), language: 'en' });
  await core.router.handle('saveProfile', { profile: { name: 'My shop', baseUrl: gateway.baseUrl, mode: 'live' } }, APP_SENDER);
  const english = core.platform.confirmations.at(-1)!;
  assert.deepEqual([english.title, english.confirmLabel, english.cancelLabel], ['Connect to this gateway?', 'Connect', 'Cancel']);
});

test('weak key storage is switched on only when the shopkeeper confirms it', async (t) => {
  const core = await startTestCore(t, { keys: { cipher: testCipher({ backend: 'basic_text' }) } });
  core.platform.choices.confirm = false;
  const declined = await call(core, 'acceptWeakKeyStorage', { accept: true });
  assert.equal(declined.weakAccepted, false);
  assert.equal(core.platform.confirmations.length, 1);
  assert.deepEqual(
    [core.platform.confirmations[0]!.title, core.platform.confirmations[0]!.cancelLabel],
    ['Keep API keys under weak protection?', 'Cancel'],
  );
  core.platform.choices.confirm = true;
  assert.equal((await call(core, 'acceptWeakKeyStorage', { accept: true })).weakAccepted, true);
  // Taking it back needs no question.
  assert.equal((await call(core, 'acceptWeakKeyStorage', { accept: false })).weakAccepted, false);
  assert.equal(core.platform.confirmations.length, 2);
});

test('a Base URL moved to another host is saved only when the shopkeeper confirms it, so no page can aim Check connection', async (t) => {
  const core = await startTestCore(t);
  const gateway = await recordingGateway(t);
  const target = await recordingGateway(t);
  await liveProfile(core, gateway.baseUrl);
  core.platform.choices.confirm = false;
  const moved = await edit(core, { baseUrl: target.baseUrl });
  assert.equal(moved.ok, false);
  assert.equal((await edit(core, { baseUrl: `${gateway.baseUrl}/` })).ok, true, 'a path-only fix asks nothing');
  await call(core, 'checkConnection', { profileName: 'My shop' });
  assert.deepEqual(target.seen, []);
});

test('check connection tests only a saved profile’s own Base URL, never an address the page names', async (t) => {
  const core = await startTestCore(t);
  const probed = await recordingGateway(t);
  const scan = await core.router.handle('checkConnection', { baseUrl: `http://${probed.origin}/`, mode: 'live' }, APP_SENDER);
  assert.equal(scan.ok, false);
  const unknown = await core.router.handle('checkConnection', { profileName: 'Nobody' }, APP_SENDER);
  assert.equal(unknown.ok, false);
  assert.deepEqual(probed.seen, []);
  await liveProfile(core, probed.baseUrl);
  const report = await call(core, 'checkConnection', { profileName: 'My shop' });
  assert.ok(report.steps.some((step) => step.step === 'http' && step.ok));
  assert.equal(probed.seen.length, 1);
});

test('a profile stays live or sandbox, and every order remembers which it was', async (t) => {
  const core = await startTestCore(t);
  const sandboxOrder = await call(core, 'createPaymentLink', { amount: '5' });
  const gateway = await recordingGateway(t);
  await liveProfile(core, gateway.baseUrl);
  const liveOrder = await call(core, 'createPaymentLink', { amount: '6' });
  const flip = await edit(core, { baseUrl: gateway.baseUrl, mode: 'sandbox' });
  assert.equal(flip.ok, false);
  if (!flip.ok) assert.deepEqual([flip.error.field, flip.error.code], ['profile.mode', 'profile_mode_fixed']);
  assert.throws(() => core.db.prepare(`UPDATE profiles SET mode = 'sandbox' WHERE name = 'My shop'`).run(), /keeps its mode/);
  const flags = core.db.prepare(`SELECT ref, sandbox FROM orders ORDER BY id`).all();
  assert.deepEqual(flags, [
    { ref: sandboxOrder.ref, sandbox: 1 },
    { ref: liveOrder.ref, sandbox: 0 },
  ]);
  assert.deepEqual([sandboxOrder.sandbox, liveOrder.sandbox], [true, false]);
});

test('a payment link that is too long or hides its host is refused; one on another host is flagged', async (t) => {
  const core = await startTestCore(t);
  const cases: Array<[string, 'refused' | 'foreign' | 'fine']> = [
    [`https://pay.example/checkout?trx_id=${'a'.repeat(2400)}`, 'refused'],
    ['https://127.0.0.1@evil.example/checkout', 'refused'],
    ['https://pay.example:x@evil.example/checkout', 'refused'],
    ['https://evil.example/checkout?trx_id=1', 'foreign'],
  ];
  for (const [paymentUrl, expected] of cases) {
    const gateway = await recordingGateway(t, paymentUrl);
    const saved = await core.profiles.findByName('My shop');
    if (saved) await edit(core, { baseUrl: gateway.baseUrl });
    else await call(core, 'saveProfile', { profile: { name: 'My shop', baseUrl: gateway.baseUrl, mode: 'live' } });
    await call(core, 'setApiKey', { profileName: 'My shop', apiKey: KEY });
    await call(core, 'switchProfile', { name: 'My shop' });
    const reply = await core.router.handle('createPaymentLink', { amount: '7' }, APP_SENDER);
    if (expected === 'refused') {
      assert.equal(reply.ok, false, paymentUrl.slice(0, 60));
      if (!reply.ok) {
        assert.equal(reply.error.kind, 'malformed_response');
        assert.match(reply.error.message, /characters long|hides where it really leads/);
      }
      const failed = (await core.service.listOrders({ limit: 1 })).orders[0]!;
      assert.deepEqual([failed.status, failed.paymentUrl], ['failed', null]);
    } else {
      assert.equal(reply.ok, true);
      const order = reply.ok ? (reply.value as Order) : null;
      assert.deepEqual([order?.paymentHost, order?.paymentHostForeign], ['evil.example', true]);
    }
  }
});

test('a search with a control character in it is refused with a sentence', async (t) => {
  const core = await startTestCore(t);
  for (const search of ['PD\u0000', 'a\u001b[2J']) {
    const reply = await core.router.handle('listOrders', { search }, APP_SENDER);
    assert.equal(reply.ok, false);
    if (!reply.ok)
      assert.deepEqual([reply.error.kind, reply.error.field, reply.error.code], ['invalid_input', 'search', 'search_control_character']);
  }
  assert.equal((await core.router.handle('listOrders', { search: 'রহিম' }, APP_SENDER)).ok, true);
});
