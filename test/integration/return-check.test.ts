// Proving the way back, through real HTTP on 127.0.0.1: Check the return address passes when PayDesk's own
// listener hears its one-time request (directly, or through a proxy in front of it), and fails at the step that
// is wrong when nothing listens there or another server answers; the phone test page is heard once and says so
// in English and Bengali; neither can mark, reveal or probe an order; and `paydesk return check` exits 0 or 1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Message, PhoneReached, ReturnCheckReport } from '../../shared/contract';
import { render } from '../../shared/messages/say';
import { newReturnToken } from '../../electron/core/orders/return-tokens';
import { paydesk } from '../support/cli';
import { call, startTestCore, type TestCore } from '../support/core';
import { freePort } from '../support/free-port';
import { httpGet } from '../support/http-get';
import { seedOrders } from '../support/seed-orders';

const REVERSE_PROXY = fileURLToPath(new URL('../support/reverse-proxy.ts', import.meta.url));

const useReturnBase = (core: TestCore, returnBaseUrl: string) =>
  call(core, 'saveProfile', {
    originalName: 'sandbox',
    profile: { name: 'sandbox', mode: 'sandbox', baseUrl: 'http://ignored/api', listenHost: '127.0.0.1', listenPort: 47400, returnBaseUrl },
  });

const check = (core: TestCore) => call(core, 'checkReturnAddress', {});
const stepsOf = (report: Pick<ReturnCheckReport, 'steps'>) => report.steps.map(({ step, ok }) => `${step}:${ok ? 'ok' : 'failed'}`);
/** A message as an English reader reads it; '' for none. */
const en = (message: Message | null) => (message ? render(message, 'en') : '');
/** The listener's own address, while no public return address is set. */
const listenerOrigin = (core: TestCore) => `http://127.0.0.1:${new URL(core.runtime().returnBaseUrl!).port}`;

/** A web server that answers 200 to everything and remembers what it was asked: a tunnel pointing elsewhere. */
async function answersEverything(t: { after(fn: () => unknown): void }) {
  const asked: string[] = [];
  const server = createServer((request, response) => {
    asked.push(request.url ?? '');
    response.writeHead(200, { 'content-type': 'text/html' }).end('<h1>Welcome to nginx!</h1>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, asked };
}

/** test/support/reverse-proxy.ts in front of the listener: the stand-in for the shop's tunnel. */
async function reverseProxy(t: { after(fn: () => unknown): void }, target: string) {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', REVERSE_PROXY, '127.0.0.1', String(port), target], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  t.after(() => child.kill('SIGKILL'));
  const log: string[] = [];
  const lines = createInterface({ input: child.stdout! });
  const ready = new Promise<void>((resolve) => lines.on('line', (line) => (line === 'ready' ? resolve() : log.push(line))));
  await Promise.race([ready, once(child, 'exit').then(() => assert.fail('the reverse proxy did not start'))]);
  return { origin: `http://127.0.0.1:${port}`, log };
}

test('the check passes on the listener’s own loopback address, and warns that a phone cannot come back to it', async (t) => {
  const core = await startTestCore(t);
  const report = await check(core);
  assert.equal(report.ok, true, en(report.message));
  assert.deepEqual(stepsOf(report), ['url:ok', 'dns:ok', 'tcp:ok', 'heard:ok']);
  assert.equal(report.url, core.runtime().returnBaseUrl);
  assert.equal(report.steps[3]!.detail.code, 'return_check_heard_detail');
  assert.match(en(report.steps[3]!.detail), /^PayDesk heard the check through 127\.0\.0\.1:\d+ \(HTTP 200, \d+ ms\)\.$/);
  assert.deepEqual(report.message, { code: 'return_check_heard_own', params: { host: new URL(report.url!).host } });
  assert.equal(report.warning?.code, 'return_check_loopback_warning');
  assert.match(en(report.warning), /this computer itself: a customer who pays on a phone is sent back to the phone/);
  assert.equal((await call(core, 'getStatus', {})).returnChecked, true, 'the status remembers the pass');
});

test('through a proxy in front of the listener the check passes, and its nonce is good for one hearing only', async (t) => {
  const core = await startTestCore(t);
  const own = listenerOrigin(core);
  const proxy = await reverseProxy(t, own);
  await useReturnBase(core, proxy.origin);
  const report = await check(core);
  assert.equal(report.ok, true, en(report.message));
  assert.deepEqual(stepsOf(report), ['url:ok', 'dns:ok', 'tcp:ok', 'heard:ok']);
  assert.equal(report.message.code, 'return_check_heard_public');
  assert.match(en(report.message), /^Customers can come back to PayDesk through 127\.0\.0\.1:\d+: PayDesk heard itself there\.$/);

  const probe = /^GET (\/p\/\S+) -> 200$/.exec(proxy.log.find((line) => line.startsWith('GET /p/')) ?? '');
  assert.ok(probe, `the proxy forwarded the check: ${proxy.log.join('; ')}`);
  assert.equal((await httpGet(`${own}${probe[1]}`)).status, 404, 'a heard nonce is forgotten');
});

test('a return address where nothing listens fails at the connection step and says what to check', async (t) => {
  const core = await startTestCore(t);
  const closed = await freePort();
  await useReturnBase(core, `http://127.0.0.1:${closed}`);
  const report = await check(core);
  assert.equal(report.ok, false);
  assert.deepEqual(stepsOf(report), ['url:ok', 'dns:ok', 'tcp:failed']);
  assert.deepEqual(report.message, { code: 'check_tcp_refused', params: { host: '127.0.0.1', port: closed, subject: 'tunnel' } });
  assert.equal(
    en(report.message),
    `Nothing is accepting connections at 127.0.0.1 port ${closed}: check the port in the public return address and that your tunnel or proxy is running.`,
  );
  assert.equal(
    render(report.message, 'bn'),
    `127.0.0.1-এর ${closed} পোর্টে কেউ সংযোগ নিচ্ছে না: ইন্টারনেটের ফেরার ঠিকানার পোর্ট দেখুন, আর আপনার টানেল বা প্রক্সি চালু আছে কিনা দেখুন।`,
  );
  assert.equal((await call(core, 'getStatus', {})).returnChecked, false);
});

test('a return address whose name does not resolve fails at the name look-up', async (t) => {
  const core = await startTestCore(t);
  await useReturnBase(core, 'https://return.paydesk.invalid');
  const report = await check(core);
  assert.deepEqual(stepsOf(report), ['url:ok', 'dns:failed']);
  assert.match(en(report.message), /return\.paydesk\.invalid.*(spelling of the public return address|connected to the internet)/);
});

test('a server that answers but is not PayDesk fails at “heard”: the tunnel points elsewhere', async (t) => {
  const core = await startTestCore(t);
  const own = listenerOrigin(core);
  const elsewhere = await answersEverything(t);
  await useReturnBase(core, elsewhere.origin);
  const report = await check(core);
  assert.equal(report.ok, false);
  assert.deepEqual(stepsOf(report), ['url:ok', 'dns:ok', 'tcp:ok', 'heard:failed']);
  assert.match(en(report.steps[3]!.detail), /answered HTTP 200, but PayDesk never heard the check/);
  assert.deepEqual(report.message, {
    code: 'return_check_not_pointed',
    params: { host: new URL(elsewhere.origin).host, status: 200, listenerUrl: own },
  });
  assert.equal(
    en(report.message),
    `The check reached a server at ${new URL(elsewhere.origin).host} (it answered HTTP 200), but not PayDesk: point your tunnel or proxy at ${own}, where PayDesk listens.`,
  );
  // What it was sent is a nonce that is now forgotten: at the listener itself it is nothing.
  assert.equal(elsewhere.asked.length, 1);
  assert.match(elsewhere.asked[0]!, /^\/p\/[A-Za-z0-9_-]{43}$/);
  assert.equal((await httpGet(`${own}${elsewhere.asked[0]}`)).status, 404);
});

test('a phone opening the test page is told so in its language, and PayDesk announces it once', async (t) => {
  const core = await startTestCore(t);
  const reached: PhoneReached[] = [];
  core.events.on('phoneReached', (event) => reached.push(event));
  const phone = await call(core, 'startPhoneTest', {});
  assert.match(phone.url, new RegExp(`^${core.runtime().returnBaseUrl}/t/[A-Za-z0-9_-]{43}$`));
  const validMs = Date.parse(phone.expiresAt) - Date.now();
  assert.ok(validMs > 9 * 60_000 && validMs <= 10 * 60_000, `valid for ${validMs} ms`);

  const opened = await httpGet(phone.url, { from: '127.0.0.2', headers: { 'accept-language': 'bn-BD,bn;q=0.9,en;q=0.5' } });
  assert.equal(opened.status, 200);
  assert.match(opened.body, /<html lang="bn">/);
  assert.match(opened.body, /PayDesk এই ফোনের সাড়া পাচ্ছে/);
  assert.doesNotMatch(opened.body, /PayDesk can hear this phone/);
  assert.equal(reached.length, 1);
  assert.equal(reached[0]!.address, '127.0.0.2');
  assert.ok(Math.abs(Date.parse(reached[0]!.at) - Date.now()) < 5000);

  const again = await httpGet(phone.url, { from: '127.0.0.3' });
  assert.equal(again.status, 410);
  assert.match(again.body, /already used/, 'a phone that asks for no language gets the shop’s');
  assert.equal((await httpGet(`${listenerOrigin(core)}/t/${newReturnToken()}`)).status, 404);
  assert.equal(reached.length, 1, 'a used or unknown test is announced never again');
});

test('the checks’ pages can neither mark nor reveal an order, and an order’s secret opens neither', async (t) => {
  const core = await startTestCore(t);
  const [order] = seedOrders(core.db, (await core.profiles.active())!.id, 1);
  const reached: PhoneReached[] = [];
  core.events.on('phoneReached', (event) => reached.push(event));
  const phone = await call(core, 'startPhoneTest', {});
  const phoneNonce = new URL(phone.url).pathname.slice('/t/'.length);
  const origin = listenerOrigin(core);

  for (const path of [
    `/t/${order!.token}`,
    `/p/${order!.token}`,
    `/t/${order!.cancelToken}`,
    `/r/${phoneNonce}?transaction_id=TESTPAGE1`,
    `/c/${phoneNonce}`,
    `/p/${phoneNonce}`,
  ]) {
    const answer = await httpGet(`${origin}${path}`);
    assert.equal(answer.status, 404, path);
    assert.doesNotMatch(answer.body, new RegExp(order!.ref), path);
  }
  assert.equal((await core.service.findOrder(order!.ref))!.status, 'pending');
  assert.deepEqual(reached, []);
  const opened = await httpGet(phone.url);
  assert.doesNotMatch(opened.body, /PD-\d/, 'the test page names no order');
});

test('paydesk return check exits 0 when the running listener heard it and 1 at the failing step, as --json or as lines', async (t) => {
  const core = await startTestCore(t);
  const heard = await paydesk(['--data-dir', core.dataDir, 'return', 'check', '--json']);
  assert.equal(heard.code, 0, heard.stderr);
  const passed = JSON.parse(heard.stdout) as ReturnCheckReport;
  assert.deepEqual(
    [passed.ok, stepsOf(passed), passed.url],
    [true, ['url:ok', 'dns:ok', 'tcp:ok', 'heard:ok'], core.runtime().returnBaseUrl],
  );

  const closed = await freePort();
  await useReturnBase(core, `http://127.0.0.1:${closed}`);
  const failedJson = await paydesk(['--data-dir', core.dataDir, 'return', 'check', '--json']);
  assert.equal(failedJson.code, 1);
  // The CLI's JSON says each sentence in English beside its code, whatever the language.
  const failed = JSON.parse(failedJson.stdout) as Pick<ReturnCheckReport, 'steps'> & { message: string; code: string };
  assert.deepEqual(stepsOf(failed), ['url:ok', 'dns:ok', 'tcp:failed']);
  assert.equal(failed.code, 'check_tcp_refused');
  assert.match(failed.message, new RegExp(`127\\.0\\.0\\.1 port ${closed}`));

  const failedText = await paydesk(['--data-dir', core.dataDir, 'return', 'check']);
  assert.equal(failedText.code, 1);
  assert.match(failedText.stdout, /^ok\s+url\s+127\.0\.0\.1:\d+ is an unencrypted \(http\) web address\.$/m);
  assert.match(failedText.stdout, /^FAILED\s+tcp\s+Nothing is accepting connections/m);
  assert.match(failedText.stderr, /^paydesk: Nothing is accepting connections at 127\.0\.0\.1 port \d+: check the port/m);

  assert.equal((await paydesk(['--data-dir', core.dataDir, 'return'])).code, 2);
});
