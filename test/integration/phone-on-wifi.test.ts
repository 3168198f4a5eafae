// Customers pay on their own phones, over a real network: the shop, the phone, the gateway out on the
// internet and the shop's reverse proxy are hosts in network namespaces (test/support/netns.ts). PayDesk runs
// in the shop as the app (startCore) or the CLI runs it; the phone follows the gateway's redirects with a real
// HTTP client, and in one test with Chromium. Needs root and iproute2; skipped, with the reason, elsewhere.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startCore, type PaydeskCore } from '../../electron/core/paydesk-core';
import { DEFAULT_LISTEN_HOST, DEFAULT_LISTEN_PORT } from '../../shared/contract';
import { BIN } from '../support/cli';
import { buildNetwork, type Host } from '../support/netns';
import { tempDir } from '../support/temp-dir';

const script = (name: string) => fileURLToPath(new URL(`../support/${name}`, import.meta.url));
const tsx = (name: string, ...args: string[]) => [process.execPath, '--import', 'tsx', script(name), ...args];
const cli = (dataDir: string, ...args: string[]) => [process.execPath, BIN, '--data-dir', dataDir, ...args];

const execFileAsync = promisify(execFile);

const SHOP = '198.18.0.1';
const GATEWAY = '198.18.1.1';
const GATEWAY_KEY = 'sk_live_gateway_on_the_internet';
const LIMITS = { timeout: 60_000 };

type PhoneVisit = {
  requested: string[];
  landing?: { url: string; status: number; body: string };
  failed?: string;
};

async function phonePays(phone: Host, paymentUrl: string): Promise<PhoneVisit> {
  const run = await phone.exec(tsx('phone-pays.ts', paymentUrl));
  assert.equal(run.code, 0, run.stderr);
  return JSON.parse(run.stdout) as PhoneVisit;
}

async function makeLink(shop: Host, dataDir: string, env: NodeJS.ProcessEnv = {}) {
  const run = await shop.exec(cli(dataDir, 'link', '--amount', '150.50', '--json'), { env });
  assert.equal(run.code, 0, run.stderr);
  // stderr: what `paydesk link` warns about where this link's customer can come back from.
  return { ...(JSON.parse(run.stdout) as { ref: string; payment_url: string }), stderr: run.stderr };
}

/** Opens the shop's order book in the test's own process, as `paydesk orders` does (no network needed). */
async function withOrderBook<T>(dataDir: string, use: (core: PaydeskCore) => T | Promise<T>): Promise<T> {
  const core = await startCore({ dataDir, keys: { env: {} }, listener: 'elsewhere', startSandbox: false });
  try {
    return await use(core);
  } finally {
    await core.close();
  }
}

const orderIn = (dataDir: string, ref: string) =>
  withOrderBook(dataDir, async (core) => {
    const order = await core.service.findOrder(ref);
    assert.ok(order, `${ref} is in the order book`);
    return order;
  });

/** A live profile for the gateway out on the internet, made active. */
const useLiveProfile = (dataDir: string, listen: { listenHost?: string; returnBaseUrl?: string } = {}) =>
  withOrderBook(dataDir, async (core) => {
    const profile = await core.profiles.add({
      name: 'shop',
      mode: 'live',
      baseUrl: `http://${GATEWAY}:8000/api`,
      listenHost: listen.listenHost ?? DEFAULT_LISTEN_HOST,
      listenPort: DEFAULT_LISTEN_PORT,
      returnBaseUrl: listen.returnBaseUrl ?? null,
    });
    await core.profiles.setActive(profile.id);
  });

/** The shop computer and a customer's phone on the shop's Wi-Fi. */
const shopAndPhone = (t: Parameters<typeof buildNetwork>[0]) =>
  buildNetwork(t, [
    { name: 'shop', on: 'lan', address: SHOP },
    { name: 'phone', on: 'lan', address: '198.18.0.2' },
  ]);

/** Times each step of a test and prints them in one line when it ends. */
function stopwatch(t: { diagnostic(message: string): void; after(fn: () => unknown): void }) {
  const laps: string[] = [];
  let last = performance.now();
  const started = last;
  const lap = (step: string) => {
    const now = performance.now();
    laps.push(`${step} ${Math.round(now - last)} ms`);
    last = now;
  };
  t.after(() => {
    lap('checks');
    t.diagnostic(`${laps.join(', ')}; ${Math.round(performance.now() - started)} ms in all`);
  });
  return lap;
}

test('a phone on the shop’s Wi-Fi opens the sandbox checkout, pays, and its return turns the order Paid', LIMITS, async (t) => {
  const lap = stopwatch(t);
  const net = await shopAndPhone(t);
  if (!net) return;
  lap('network');
  const dataDir = tempDir(t);
  const paydeskInShop = await net.host('shop').start(tsx('sandbox-shop.ts', dataDir, SHOP), { ready: /^\{/ });
  lap('PayDesk started');
  const running = JSON.parse(paydeskInShop.lines[0]!) as { sandboxUrl: string; returnBaseUrl: string; baseUrl: string };
  assert.match(running.returnBaseUrl, /^http:\/\/198\.18\.0\.1:\d+$/);
  assert.match(running.sandboxUrl, /^http:\/\/198\.18\.0\.1:\d+$/, 'the sandbox gateway listens beside the return listener');
  assert.equal(running.baseUrl, `${running.sandboxUrl}/api`);

  const order = await makeLink(net.host('shop'), dataDir);
  lap('link made');
  assert.ok(order.payment_url.startsWith(`${running.sandboxUrl}/checkout?`), 'the checkout page is on the shop’s LAN address');

  const visit = await phonePays(net.host('phone'), order.payment_url);
  lap('phone paid');
  assert.equal(visit.failed, undefined, `the phone got through: ${JSON.stringify(visit)}`);
  assert.equal(visit.landing!.status, 200);
  assert.match(visit.landing!.body, /Payment received/);
  assert.ok(visit.landing!.url.startsWith(`${running.returnBaseUrl}/r/`), 'the phone came back to the listener on the LAN');

  await paydeskInShop.line(new RegExp(`^${order.ref} paid$`));
  const paid = await orderIn(dataDir, order.ref);
  assert.equal(paid.status, 'paid');
  assert.equal(paid.transactionId, new URL(visit.landing!.url).searchParams.get('transaction_id'));
});

test('a phone’s own browser (Chromium) on the shop’s Wi-Fi pays the sandbox checkout and comes back to PayDesk', LIMITS, async (t) => {
  const lap = stopwatch(t);
  const net = await shopAndPhone(t);
  if (!net) return;
  lap('network');
  const dataDir = tempDir(t);
  const paydeskInShop = await net.host('shop').start(tsx('sandbox-shop.ts', dataDir, SHOP), { ready: /^\{/ });
  const running = JSON.parse(paydeskInShop.lines[0]!) as { returnBaseUrl: string };
  lap('PayDesk started');
  const order = await makeLink(net.host('shop'), dataDir);
  lap('link made');

  const browser = await net.host('phone').exec(tsx('phone-chromium.ts', order.payment_url));
  assert.equal(browser.code, 0, browser.stderr);
  const visit = JSON.parse(browser.stdout) as { url?: string; heading?: string; failed?: string };
  assert.equal(visit.failed, undefined, visit.failed);
  assert.ok(visit.url!.startsWith(`${running.returnBaseUrl}/r/`));
  assert.match(visit.heading!, /Payment received/);
  lap('phone paid in Chromium');
  await paydeskInShop.line(new RegExp(`^${order.ref} paid$`));
  assert.equal((await orderIn(dataDir, order.ref)).transactionId, new URL(visit.url!).searchParams.get('transaction_id'));
});

test('listening on every network, the sandbox’s links name the shop’s LAN address and a phone pays through them', LIMITS, async (t) => {
  const lap = stopwatch(t);
  const net = await shopAndPhone(t);
  if (!net) return;
  lap('network');
  const dataDir = tempDir(t);
  const paydeskInShop = await net.host('shop').start(tsx('sandbox-shop.ts', dataDir, '0.0.0.0'), { ready: /^\{/ });
  lap('PayDesk started');
  const running = JSON.parse(paydeskInShop.lines[0]!) as { sandboxUrl: string; returnBaseUrl: string };
  assert.match(running.sandboxUrl, /^http:\/\/198\.18\.0\.1:\d+$/, 'not 0.0.0.0, which no phone can open');
  assert.match(running.returnBaseUrl, /^http:\/\/198\.18\.0\.1:\d+$/);

  const order = await makeLink(net.host('shop'), dataDir);
  lap('link made');
  const visit = await phonePays(net.host('phone'), order.payment_url);
  lap('phone paid');
  assert.equal(visit.landing?.status, 200, JSON.stringify(visit));
  await paydeskInShop.line(new RegExp(`^${order.ref} paid$`));
  assert.equal((await orderIn(dataDir, order.ref)).status, 'paid');
});

test(
  'choosing the shop’s Wi-Fi moves the sandbox’s checkout page onto the LAN; choosing this computer or a live profile takes it off',
  LIMITS,
  async (t) => {
    const lap = stopwatch(t);
    const net = await shopAndPhone(t);
    if (!net) return;
    lap('network');
    const dataDir = tempDir(t);
    type Running = { saved: string | null; sandboxUrl: string; returnBaseUrl: string };
    const paydeskInShop = await net.host('shop').start(tsx('sandbox-shop.ts', dataDir, '127.0.0.1'), { ready: /^\{/ });
    const onLoopback = JSON.parse(paydeskInShop.lines[0]!) as Running;
    assert.match(onLoopback.sandboxUrl, /^http:\/\/127\.0\.0\.1:\d+$/, 'this computer only: the sandbox stays on loopback');
    lap('PayDesk started');

    let answers = 1; // the first is the one it printed when it started
    const choose = async (command: string) => {
      paydeskInShop.send(command);
      const answer = await paydeskInShop.line(/^\{"after":/, { nth: ++answers });
      const running = JSON.parse(answer) as Running & { after: string };
      assert.deepEqual([running.after, running.saved], [command, 'saved']);
      return running;
    };
    const onWifi = await choose(`listen ${SHOP}`);
    assert.equal(onWifi.returnBaseUrl, `http://${SHOP}:${DEFAULT_LISTEN_PORT}`);
    assert.match(onWifi.sandboxUrl, /^http:\/\/198\.18\.0\.1:\d+$/);
    const order = await makeLink(net.host('shop'), dataDir);
    assert.ok(order.payment_url.startsWith(`${onWifi.sandboxUrl}/checkout?`));
    const visit = await phonePays(net.host('phone'), order.payment_url);
    assert.equal(visit.landing?.status, 200, JSON.stringify(visit));
    await paydeskInShop.line(new RegExp(`^${order.ref} paid$`));
    lap('moved to the LAN and paid');

    const back = await choose('listen 127.0.0.1');
    assert.match(back.sandboxUrl, /^http:\/\/127\.0\.0\.1:\d+$/);
    const later = await makeLink(net.host('shop'), dataDir);
    assert.ok(later.payment_url.startsWith(`${back.sandboxUrl}/checkout?`));
    const refused = await phonePays(net.host('phone'), order.payment_url);
    assert.equal(refused.failed, 'ECONNREFUSED', 'the sandbox no longer answers on the LAN address');
    lap('moved back');

    const again = await choose(`listen ${SHOP}`);
    const live = await choose(`live http://${GATEWAY}:8000/api`);
    assert.equal(live.returnBaseUrl, `http://127.0.0.1:${DEFAULT_LISTEN_PORT + 1}`);
    const closed = await phonePays(net.host('phone'), `${again.sandboxUrl}/checkout?trx_id=0`);
    assert.equal(closed.failed, 'ECONNREFUSED', 'taking real money, PayDesk keeps no practice gateway on the LAN');
    lap('switched to live');
  },
);

test('with the listener on this computer only, a phone’s return cannot arrive and the order stays pending', LIMITS, async (t) => {
  const lap = stopwatch(t);
  const net = await buildNetwork(t, [
    { name: 'shop', on: 'lan', address: SHOP },
    { name: 'phone', on: 'lan', address: '198.18.0.2' },
    { name: 'gateway', on: 'wan', address: GATEWAY },
  ]);
  if (!net) return;
  lap('network');
  const dataDir = tempDir(t);
  await net.host('gateway').start(tsx('gateway-host.ts', GATEWAY, '8000', GATEWAY_KEY), { ready: /^\{/ });
  lap('gateway started');
  await useLiveProfile(dataDir); // the default: 127.0.0.1:47400
  const env = { PAYDESK_API_KEY: GATEWAY_KEY };
  const listening = await net.host('shop').start(cli(dataDir, 'listen'), { ready: /^listening on /, env });
  lap('listener started');
  assert.equal(listening.lines.at(-1), 'listening on http://127.0.0.1:47400');

  const order = await makeLink(net.host('shop'), dataDir, env);
  lap('link made');
  assert.ok(order.payment_url.startsWith(`http://${GATEWAY}:8000/checkout?`));
  assert.match(order.stderr, /^paydesk: warning: .*this computer/m, 'the shopkeeper is told before handing the link out');
  const visit = await phonePays(net.host('phone'), order.payment_url);
  lap('phone paid');
  // The phone reached the gateway and paid; the gateway then sent it to 127.0.0.1, which is the phone.
  assert.match(visit.requested.at(-1)!, /^http:\/\/127\.0\.0\.1:47400\/r\//);
  assert.equal(visit.failed, 'ECONNREFUSED', JSON.stringify(visit));
  assert.equal((await orderIn(dataDir, order.ref)).status, 'pending');
});

test(
  'a return through the shop’s reverse proxy reaches the listener from a phone on mobile data and turns the order Paid',
  LIMITS,
  async (t) => {
    const lap = stopwatch(t);
    const PROXY = '198.18.1.2';
    const net = await buildNetwork(t, [
      { name: 'shop', on: 'lan', address: SHOP },
      { name: 'gateway', on: 'wan', address: GATEWAY },
      { name: 'proxy', on: 'wan', address: PROXY },
      // On mobile data: the internet side only, no way into the shop's LAN but the proxy.
      { name: 'phone', on: 'wan', address: '198.18.1.3', routed: false },
    ]);
    if (!net) return;
    lap('network');
    const dataDir = tempDir(t);
    await net.host('gateway').start(tsx('gateway-host.ts', GATEWAY, '8000', GATEWAY_KEY), { ready: /^\{/ });
    lap('gateway started');
    const proxy = await net.host('proxy').start(tsx('reverse-proxy.ts', PROXY, '8080', `http://${SHOP}:47400`), { ready: /^ready$/ });
    lap('proxy started');
    await useLiveProfile(dataDir, { listenHost: SHOP, returnBaseUrl: `http://${PROXY}:8080` });
    const env = { PAYDESK_API_KEY: GATEWAY_KEY };
    const listening = await net.host('shop').start(cli(dataDir, 'listen'), { ready: /^listening on /, env });
    lap('listener started');
    assert.equal(listening.lines.at(-1), `listening on http://${PROXY}:8080`);

    const direct = await net
      .host('phone')
      .exec([
        process.execPath,
        '-e',
        `fetch('http://${SHOP}:47400/').then(() => console.log('reached'), (e) => console.log(e.cause?.code ?? e.name))`,
      ]);
    assert.equal(direct.stdout.trim(), 'ENETUNREACH', 'the phone cannot reach the shop directly');

    const order = await makeLink(net.host('shop'), dataDir, env);
    lap('link made');
    const visit = await phonePays(net.host('phone'), order.payment_url);
    lap('phone paid');
    assert.equal(visit.landing?.status, 200, JSON.stringify(visit));
    assert.match(visit.landing!.body, /Payment received/);
    assert.ok(visit.landing!.url.startsWith(`http://${PROXY}:8080/r/`), 'the phone came back to the public return address');
    await proxy.line(/^GET \/r\/\S+ -> 200$/);
    await listening.line(new RegExp(`^${order.ref} paid `));
    const paid = await orderIn(dataDir, order.ref);
    assert.equal(paid.status, 'paid');
    assert.equal(paid.transactionId, new URL(visit.landing!.url).searchParams.get('transaction_id'));
  },
);

test(
  'when the Wi-Fi gives the shop computer another address, the listener follows it, names the links left behind, and phones pay again',
  LIMITS,
  async (t) => {
    const lap = stopwatch(t);
    const net = await shopAndPhone(t);
    if (!net) return;
    lap('network');
    const dataDir = tempDir(t);
    const shop = net.host('shop');
    const paydeskInShop = await shop.start(tsx('sandbox-shop.ts', dataDir, '127.0.0.1', '200'), { ready: /^\{/ });
    paydeskInShop.send(`listen ${SHOP}`);
    await paydeskInShop.line(/^\{"after":"listen/);
    const left = await makeLink(shop, dataDir);
    lap('PayDesk on the Wi-Fi, one link handed out');

    // The router hands out another address, as a DHCP lease after a restart does.
    const NEW = '198.18.0.7';
    // (Deleting first: removing a primary address takes the secondaries of its subnet with it.)
    for (const args of [
      ['addr', 'del', `${SHOP}/24`, 'dev', 'eth0'],
      ['addr', 'add', `${NEW}/24`, 'dev', 'eth0'],
    ]) {
      const run = await execFileAsync('ip', ['-n', shop.ns, ...args]);
      assert.equal(run.stderr, '');
    }
    const moved = JSON.parse(await paydeskInShop.line(/^\{"moved":/)) as {
      moved: { from: string; to: string; pending: string[] };
      returnBaseUrl: string;
    };
    lap('listener followed');
    assert.deepEqual([moved.moved.from, moved.moved.to, moved.moved.pending], [SHOP, NEW, [left.ref]]);
    assert.equal(moved.returnBaseUrl, `http://${NEW}:${DEFAULT_LISTEN_PORT}`);

    const order = await makeLink(shop, dataDir);
    assert.ok(new URL(order.payment_url).hostname === NEW, 'the sandbox moved with the listener');
    const visit = await phonePays(net.host('phone'), order.payment_url);
    assert.equal(visit.landing?.status, 200, JSON.stringify(visit));
    await paydeskInShop.line(new RegExp(`^${order.ref} paid$`));
    lap('phone paid at the new address');
  },
);
