// Check-and-tell against a real release feed: an HTTP server on 127.0.0.1 serving what electron-builder's generic
// publisher writes, asked by the real core through its router. It tells only: nothing is downloaded, and
// nothing at all is asked while the setting is off.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import type { AppError, UpdateCheck } from '../../shared/contract';
import { render } from '../../shared/messages/say';
import type { UpdateCheckOptions } from '../../electron/core/updates/update-check';
import { APP_SENDER, call, startTestCore, type TestCore } from '../support/core';
import { freePort } from '../support/free-port';
import { everyPlatform, releaseYml, serveReleaseFeed, type FeedFile } from '../support/release-feed';
import { tempDir } from '../support/temp-dir';
import { eventually } from '../support/waiting';

const LINUX = { platform: 'linux', arch: 'x64', appImage: true } as const;

type Context = { after(fn: () => unknown): void };

async function coreOn(t: Context, feedUrl: string, updates: UpdateCheckOptions = {}, dataDir?: string): Promise<TestCore> {
  const core = await startTestCore(t, { updates: { version: '0.1.0', target: LINUX, ...updates }, ...(dataDir ? { dataDir } : {}) });
  const preferences = await call(core, 'getPreferences', {});
  await call(core, 'savePreferences', { ...preferences, updateChecks: true, updateFeedUrl: feedUrl });
  return core;
}

async function checkFails(core: TestCore): Promise<AppError> {
  const reply = await core.router.handle('checkForUpdates', {}, APP_SENDER);
  assert.ok(!reply.ok, `the check should fail, not answer ${JSON.stringify(reply)}`);
  return reply.error;
}

/** A feed serving one linux release file. */
const feedOf = (t: Context, file: FeedFile) => serveReleaseFeed(t, { 'latest-linux.yml': file });

test('a newer PayDesk on the feed is told, with its download, and nothing is downloaded', async (t) => {
  const feed = await feedOf(t, releaseYml('0.2.0'));
  const core = await coreOn(t, feed.url);
  const statuses: unknown[] = [];
  core.events.on('updateStatus', (status) => statuses.push(status));

  const check = await call(core, 'checkForUpdates', {});
  assert.deepEqual({ ...check, checkedAt: undefined }, {
    state: 'available',
    version: '0.2.0',
    running: '0.1.0',
    // This computer runs the AppImage, so the AppImage is offered; the feed named it by an https address.
    downloadUrl: 'https://downloads.paydesk.example/releases/PayDesk-0.2.0.AppImage',
    releaseDate: '2026-03-14T09:30:00.000Z',
    checkedAt: undefined,
  } satisfies Record<string, unknown>);
  assert.deepEqual(feed.requests, ['/paydesk/latest-linux.yml'], 'one GET of the linux release file, nothing else');
  assert.deepEqual(await call(core, 'getUpdateStatus', {}), { check, problem: null });
  assert.deepEqual(statuses, [{ check, problem: null }], 'the header hears of it');

  await call(core, 'openUpdateDownload', {});
  assert.deepEqual(core.platform.opened, ['https://downloads.paydesk.example/releases/PayDesk-0.2.0.AppImage']);
  assert.equal(feed.requests.length, 1, 'opening the download is the browser’s job: PayDesk fetched nothing more');
});

test('the same or an older version on the feed is current', async (t) => {
  for (const version of ['0.1.0', '0.0.9', '0.1.0-rc.2', '0.1.0+build.9']) {
    const feed = await feedOf(t, releaseYml(version));
    const core = await coreOn(t, feed.url);
    const check = await call(core, 'checkForUpdates', {});
    assert.equal(check.state, 'current', version);
    assert.equal((check as Extract<UpdateCheck, { state: 'current' }>).version, '0.1.0');
  }
});

test('a release comes after its pre-releases', async (t) => {
  const release = await feedOf(t, releaseYml('0.2.0'));
  const onBeta = await coreOn(t, release.url, { version: '0.2.0-beta.1' });
  assert.equal((await call(onBeta, 'checkForUpdates', {})).state, 'available', '0.2.0-beta.1 → 0.2.0');
  const beta = await feedOf(t, releaseYml('0.2.0-beta.1'));
  const onRelease = await coreOn(t, beta.url, { version: '0.2.0' });
  assert.equal((await call(onRelease, 'checkForUpdates', {})).state, 'current', '0.2.0 is newer than 0.2.0-beta.1');
  const nextBeta = await feedOf(t, releaseYml('0.2.0-beta.2'));
  const onEarlierBeta = await coreOn(t, nextBeta.url, { version: '0.2.0-beta.1' });
  assert.equal((await call(onEarlierBeta, 'checkForUpdates', {})).state, 'available', 'beta.1 → beta.2');
  const onStable = await coreOn(t, nextBeta.url, { version: '0.1.0' });
  assert.equal((await call(onStable, 'checkForUpdates', {})).state, 'current', 'a shop on a release is not offered 0.2.0-beta.2');
});

test('plain http goes only to a loopback address or localhost itself, never to a *.localhost name the resolver answers', async (t) => {
  const feed = await feedOf(t, releaseYml('0.2.0'));
  const named = feed.url.replace('127.0.0.1', 'feed.localhost');
  assert.equal((await checkFails(await coreOn(t, named))).code, 'update_feed_invalid');
  assert.equal(feed.requests.length, 0, 'nothing was asked');
});

test('a feed that is not a PayDesk feed, a broken release file, or an error page each say so', async (t) => {
  const html = (_req: unknown, res: ServerResponse) =>
    res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>version: 9.9.9</body></html>');
  const cases: Array<[string, FeedFile | null, AppError['kind'], string]> = [
    ['no release file there (404)', null, 'not_found', 'update_feed_not_paydesk'],
    ['a web page instead', html, 'not_found', 'update_feed_not_paydesk'],
    ['some other file', 'name: something else\nsize: 3\n', 'not_found', 'update_feed_not_paydesk'],
    ['a release file out of shape', 'version: 0.2\nfiles:\n  - sha512: abc\n', 'malformed_response', 'update_feed_malformed'],
    ['a server error', (_req, res) => res.writeHead(503).end('busy'), 'network', 'update_feed_unreachable'],
  ];
  for (const [what, file, kind, code] of cases) {
    const feed = await serveReleaseFeed(t, file === null ? {} : { 'latest-linux.yml': file });
    const core = await coreOn(t, feed.url);
    const error = await checkFails(core);
    assert.deepEqual([error.kind, error.code], [kind, code], what);
    assert.equal(error.params.host, new URL(feed.url).host, what);
    const status = await call(core, 'getUpdateStatus', {});
    assert.equal(status.problem?.code, code, `${what}: Settings can say it`);
    assert.equal(status.check, null, `${what}: nothing is believed`);
  }
  const feed = await feedOf(t, (_req, res) => res.writeHead(503).end());
  const error = await checkFails(await coreOn(t, feed.url));
  assert.equal(error.params.status, 503);
  assert.match(render(error, 'en'), /answered with an error \(HTTP 503\)/);
  assert.match(render(error, 'bn'), /ত্রুটির নম্বর ৫০৩/);
});

test('a release file too large is not read past the limit, whether or not it says its size', async (t) => {
  const big = `version: 0.2.0\nreleaseNotes: |-\n${'  more notes\n'.repeat(10_000)}path: a.AppImage\n`;
  const chunked = (_req: unknown, res: ServerResponse) => {
    res.writeHead(200, { 'content-type': 'text/yaml' });
    res.write('version: 0.2.0\nreleaseNotes: |-\n');
    // Streams on for as long as it is read: PayDesk must hang up.
    const timer = setInterval(() => res.write(`  ${'x'.repeat(16 * 1024)}\n`), 5);
    res.on('close', () => clearInterval(timer));
  };
  for (const file of [big, chunked]) {
    const core = await coreOn(t, (await feedOf(t, file)).url);
    const error = await checkFails(core);
    assert.deepEqual([error.kind, error.code, error.params.maxBytes], ['response_too_large', 'update_feed_too_large', 64 * 1024]);
  }
});

test('a feed too slow to answer is given up on in bounded time', async (t) => {
  const silent = () => {}; // the headers never come
  const dripping = (_req: unknown, res: ServerResponse) => {
    res.writeHead(200, { 'content-type': 'text/yaml' });
    const timer = setInterval(() => res.write('#'), 100); // a byte now and then, never the end
    res.on('close', () => clearInterval(timer));
  };
  for (const file of [silent, dripping]) {
    const core = await coreOn(t, (await feedOf(t, file)).url, { limits: { timeoutMs: 600 } });
    const started = Date.now();
    const error = await checkFails(core);
    assert.deepEqual([error.kind, error.code], ['timeout', 'update_feed_timeout']);
    assert.ok(Date.now() - started < 3000, `gave up after ${Date.now() - started} ms`);
  }
});

test('a feed nobody answers at, or one that sends PayDesk elsewhere, is refused with its reason', async (t) => {
  const closed = await coreOn(t, `http://127.0.0.1:${await freePort()}/paydesk/`);
  assert.equal((await checkFails(closed)).code, 'update_feed_unreachable');

  const moved = await serveReleaseFeed(t, {
    'latest-linux.yml': (_req, res) => res.writeHead(302, { location: '/paydesk/current/latest-linux.yml' }).end(),
    'current/latest-linux.yml': releaseYml('0.2.0'),
  });
  assert.equal((await call(await coreOn(t, moved.url), 'checkForUpdates', {})).state, 'available', 'a redirect on the feed is followed');

  const away = await feedOf(t, (_req, res) => res.writeHead(301, { location: 'http://downloads.example.com/latest-linux.yml' }).end());
  const error = await checkFails(await coreOn(t, away.url));
  assert.deepEqual([error.code, error.params.location], ['update_feed_redirected', 'http://downloads.example.com/latest-linux.yml']);

  const loop = await feedOf(t, (_req, res) => res.writeHead(302, { location: '/paydesk/latest-linux.yml' }).end());
  assert.equal((await checkFails(await coreOn(t, loop.url))).code, 'update_feed_redirected');
  assert.equal(loop.requests.length, 4, 'the first request and three redirects, no more');
});

test('nothing is asked while the setting is off, no feed is set, or the feed is not https', async (t) => {
  const feed = await serveReleaseFeed(t);
  const dataDir = tempDir(t);
  const off = await startTestCore(t, { dataDir, updates: { scheduled: true, version: '0.1.0', target: LINUX } });
  const preferences = await call(off, 'getPreferences', {});
  assert.equal(preferences.updateChecks, false, 'off by default');
  assert.equal(preferences.updateFeedUrl, '', 'no feed by default');
  await call(off, 'savePreferences', { ...preferences, updateFeedUrl: feed.url });
  assert.deepEqual(await call(off, 'checkForUpdates', {}), { state: 'off' });
  assert.deepEqual(await call(off, 'getUpdateStatus', {}), { check: { state: 'off' }, problem: null });
  await call(off, 'savePreferences', { ...preferences, updateChecks: true, updateFeedUrl: '' });
  assert.deepEqual(await call(off, 'checkForUpdates', {}), { state: 'off' });
  await off.close();

  // Off at start: a scheduled core asks nothing.
  const restarted = await startTestCore(t, { dataDir, updates: { scheduled: true, version: '0.1.0', target: LINUX, everyMs: 50 } });
  await call(restarted, 'savePreferences', { ...preferences, updateChecks: false, updateFeedUrl: feed.url });
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.deepEqual(feed.requests, [], 'the feed heard nothing');

  await call(restarted, 'savePreferences', { ...preferences, updateChecks: true, updateFeedUrl: 'http://downloads.example.com/paydesk/' });
  const error = await checkFails(restarted);
  assert.deepEqual([error.kind, error.code, error.field], ['invalid_input', 'update_feed_invalid', 'updateFeedUrl']);
  assert.deepEqual(feed.requests, [], 'a plain-http feed beyond this computer is never asked');
});

test('when on, PayDesk asks at start and again once its answer is old, never more often', async (t) => {
  const feed = await serveReleaseFeed(t, everyPlatform(releaseYml('0.2.0')));
  const dataDir = tempDir(t);
  const setup = await coreOn(t, feed.url, {}, dataDir);
  await setup.close();
  assert.deepEqual(feed.requests, [], 'saving the setting asks nothing by itself');

  const core = await startTestCore(t, { dataDir, updates: { scheduled: true, version: '0.1.0', target: LINUX, everyMs: 400 } });
  await eventually(() => feed.requests.length === 1);
  await eventually(() => core.updates.status().check?.state === 'available');
  // Two at once share one request.
  const [a, b] = await Promise.all([call(core, 'checkForUpdates', {}), call(core, 'checkForUpdates', {})]);
  assert.deepEqual(a, b);
  assert.equal(feed.requests.length, 2);
  await eventually(() => feed.requests.length === 3, 3000);
  await new Promise((resolve) => setTimeout(resolve, 150));
  assert.equal(feed.requests.length, 3, 'not before the answer is old again');
});
