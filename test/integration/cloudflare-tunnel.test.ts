// PayDesk runs the shop's Cloudflare named tunnel: `cloudflared` found on PATH (here a stand-in that really
// forwards requests, test/support/cloudflared-stand-in.cjs) is run as PayDesk's own child process for the
// profile's public return address, so the return-address check passes through it while it runs and fails
// once it is stopped; it starts again with PayDesk and ends when PayDesk closes; one that keeps exiting is
// tried again a few times, then shown as exited with its last line. Without cloudflared nothing runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { TunnelStatus } from '../../shared/contract';
import { TUNNEL_RESTARTS } from '../../electron/core/listener/tunnel';
import { cloudflaredOnPath, noCloudflared } from '../support/cloudflared';
import { APP_SENDER, call, startTestCore, type TestCore } from '../support/core';
import { freePort } from '../support/free-port';
import { tempDir } from '../support/temp-dir';
import { eventually } from '../support/waiting';

/** The sandbox profile with `returnBaseUrl` as its public return address, as the "anywhere" choice saves it. */
const useReturnBase = (core: TestCore, returnBaseUrl: string) =>
  call(core, 'saveProfile', {
    originalName: 'sandbox',
    profile: { name: 'sandbox', mode: 'sandbox', baseUrl: 'http://ignored/api', listenHost: '127.0.0.1', listenPort: 47400, returnBaseUrl },
  });

const tunnelOf = async (core: TestCore) => (await call(core, 'getStatus', {})).tunnel;
const check = (core: TestCore) => call(core, 'checkReturnAddress', {});
/** The process id the stand-in printed when it started last. */
const pidOf = (status: TunnelStatus) =>
  Number(
    [...status.log]
      .reverse()
      .map((line) => /\(pid (\d+)\)/.exec(line)?.[1])
      .find(Boolean),
  );
const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function untilRunning(core: TestCore): Promise<TunnelStatus> {
  let status = await tunnelOf(core);
  for (let i = 0; i < 250 && status.state !== 'running'; i++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    status = await tunnelOf(core);
  }
  assert.equal(status.state, 'running', status.log.join('\n'));
  return status;
}

test('PayDesk runs the shop’s named tunnel: the return address is heard through it while it runs, and not after Stop', async (t) => {
  const publicPort = await freePort();
  const core = await startTestCore(t, { tunnel: { env: cloudflaredOnPath(t, { STAND_IN_TUNNEL_PORT: String(publicPort) }) } });
  const changes: TunnelStatus['state'][] = [];
  core.events.on('tunnelChanged', (status) => changes.push(status.state));
  const listener = core.runtime().returnBaseUrl!;
  await useReturnBase(core, `http://127.0.0.1:${publicPort}`);
  assert.deepEqual(await tunnelOf(core), { state: 'stopped', name: null, exitCode: null, lastLine: null, log: [], problem: null });

  const started = await call(core, 'startTunnel', { name: ' shop-tunnel_1 ' });
  assert.equal(started.name, 'shop-tunnel_1');
  const running = await untilRunning(core);
  assert.ok(running.log[0]!.endsWith(` INF Starting tunnel shop-tunnel_1 to ${listener} (pid ${pidOf(running)})`), running.log[0]);
  assert.match(running.lastLine!, /Registered tunnel connection/);
  assert.deepEqual([changes[0], changes.at(-1)], ['starting', 'running'], 'the window is told as the tunnel starts and connects');

  const through = await check(core);
  assert.equal(through.ok, true, through.message.code);
  assert.equal(through.url, `http://127.0.0.1:${publicPort}`);

  const pid = pidOf(running);
  const stopped = await call(core, 'stopTunnel', {});
  assert.equal(stopped.state, 'stopped');
  assert.equal(isAlive(pid), false, 'Stop ends cloudflared');
  const after = await check(core);
  assert.equal(after.ok, false, 'with the tunnel stopped, customers cannot come back through it');
  assert.equal(after.steps.find((step) => !step.ok)?.step, 'tcp');
});

test('PayDesk closing ends the tunnel it runs, and the next start of PayDesk runs it again', async (t) => {
  const publicPort = await freePort();
  const env = cloudflaredOnPath(t, { STAND_IN_TUNNEL_PORT: String(publicPort) });
  const dataDir = tempDir(t);
  const first = await startTestCore(t, { dataDir, tunnel: { env } });
  await useReturnBase(first, `http://127.0.0.1:${publicPort}`);
  await call(first, 'startTunnel', { name: 'shop' });
  const pid = pidOf(await untilRunning(first));
  assert.equal(isAlive(pid), true);
  await first.close();
  assert.equal(isAlive(pid), false, 'no cloudflared is left running once PayDesk has closed');

  const again = await startTestCore(t, { dataDir, tunnel: { env } });
  const running = await untilRunning(again);
  assert.equal(running.name, 'shop');
  assert.notEqual(pidOf(running), pid);
  assert.equal((await check(again)).ok, true, 'customers come back through the tunnel PayDesk started again');

  await call(again, 'stopTunnel', {});
  await again.close();
  const third = await startTestCore(t, { dataDir, tunnel: { env } });
  assert.deepEqual(
    await tunnelOf(third),
    { state: 'stopped', name: 'shop', exitCode: null, lastLine: null, log: [], problem: null },
    'a stopped tunnel stays stopped',
  );
});

test('without cloudflared on this computer the status says so and Start refuses with a sentence', async (t) => {
  const core = await startTestCore(t, { tunnel: { env: noCloudflared(t) } });
  await useReturnBase(core, `http://127.0.0.1:${await freePort()}`);
  assert.equal((await tunnelOf(core)).state, 'not_installed');
  const reply = await core.router.handle('startTunnel', { name: 'shop' }, APP_SENDER);
  assert.equal(reply.ok, false);
  assert.equal(!reply.ok && reply.error.code, 'tunnel_not_installed');
  assert.equal(
    !reply.ok && reply.error.message,
    'PayDesk cannot find cloudflared on this computer. Install it from Cloudflare, then PayDesk can run your tunnel.',
  );
  assert.equal((await tunnelOf(core)).state, 'not_installed');
});

test('a tunnel name that would be an option, or holds spaces, or no public return address, is refused and nothing runs', async (t) => {
  const publicPort = await freePort();
  const core = await startTestCore(t, { tunnel: { env: cloudflaredOnPath(t, { STAND_IN_TUNNEL_PORT: String(publicPort) }) } });
  const refusal = async (name: string) => {
    const reply = await core.router.handle('startTunnel', { name }, APP_SENDER);
    assert.equal(reply.ok, false, name);
    return !reply.ok ? `${reply.error.field}: ${reply.error.code}` : '';
  };
  assert.equal(await refusal('shop'), 'null: tunnel_needs_return_address');
  await useReturnBase(core, `http://127.0.0.1:${publicPort}`);
  assert.equal(await refusal('--config=/tmp/evil.yml'), 'name: tunnel_name_dash');
  assert.equal(await refusal('-h'), 'name: tunnel_name_dash');
  assert.equal(await refusal('my shop'), 'name: tunnel_name_invalid');
  assert.equal(await refusal('a'.repeat(65)), 'name: tunnel_name_invalid');
  assert.equal(await refusal(''), 'name: tunnel_name_missing');
  assert.deepEqual(await tunnelOf(core), { state: 'stopped', name: null, exitCode: null, lastLine: null, log: [], problem: null });
});

test(`a tunnel that exits by itself is started again at most ${TUNNEL_RESTARTS} times, then shown as exited with its last line`, async (t) => {
  const env = cloudflaredOnPath(t, { STAND_IN_TUNNEL_PORT: String(await freePort()), STAND_IN_TUNNEL_EXIT: '1' });
  const core = await startTestCore(t, { tunnel: { env, restartDelayMs: 20 } });
  await useReturnBase(core, `http://127.0.0.1:${await freePort()}`);
  await call(core, 'startTunnel', { name: 'shop' });
  const exited: TunnelStatus[] = [];
  core.events.on('tunnelChanged', (status) => status.state === 'exited' && exited.push(status));
  await eventually(() => exited.length > 0, 10_000);
  const status = await tunnelOf(core);
  assert.equal(status.state, 'exited');
  assert.equal(status.exitCode, 1);
  assert.match(status.lastLine!, /ERR Tunnel credentials file for shop doesn't exist or is not a file$/);
  assert.equal(status.problem, null, 'cloudflared started each time: what went wrong is in its own words');
  assert.equal(status.log.filter((line) => line.includes('Starting tunnel shop')).length, 1 + TUNNEL_RESTARTS);
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.equal((await tunnelOf(core)).log.length, status.log.length, 'once shown as exited it is not started again');
});

test('a cloudflared that disappears while PayDesk runs its tunnel is shown as exited with PayDesk’s own reason', async (t) => {
  const env = cloudflaredOnPath(t, { STAND_IN_TUNNEL_PORT: String(await freePort()), STAND_IN_TUNNEL_EXIT: '1' });
  const core = await startTestCore(t, { tunnel: { env, restartDelayMs: 300 } });
  await useReturnBase(core, `http://127.0.0.1:${await freePort()}`);
  const seen: TunnelStatus[] = [];
  core.events.on('tunnelChanged', (status) => seen.push(status));
  await call(core, 'startTunnel', { name: 'shop' });
  await eventually(() => seen.some((status) => status.log.some((line) => line.includes('Starting tunnel shop'))), 5000);
  rmSync(join(env.PATH!, 'cloudflared'));
  await eventually(() => seen.at(-1)?.state === 'exited', 10_000);
  const status = await tunnelOf(core);
  assert.equal(status.state, 'exited');
  assert.deepEqual(status.problem, { code: 'tunnel_gone', params: {} });
  assert.ok(!status.log.some((line) => /PayDesk|no longer/.test(line)), 'cloudflared’s lines are its own words only');
});
