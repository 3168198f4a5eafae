// The log and the diagnostics after a whole sandbox day: a live profile with its API key, links made, paid and
// cancelled by the customer's browser over real HTTP to the real listener, a gateway that refuses a key, a
// statement imported, and the `paydesk` command on the same data folder. The log records each of those by code
// and ref, and neither it nor the diagnostics hold the key, a return token or anything of a customer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { StatementMapping, type Order } from '../../shared/contract';
import { startSandboxGateway } from '../../electron/sandbox/sandbox-gateway';
import { LOGS_FOLDER } from '../../electron/core/log/log-file';
import { paydesk } from '../support/cli';
import { APP_SENDER, call, startTestCore } from '../support/core';
import { decideOnCheckout, follow } from '../support/customer-browser';
import { occurrences } from '../support/secret-scan';
import { csvBytes, dayFirst } from '../support/statements';

const KEY = process.env.PAYDESK_API_KEY ?? 'sk_live_L0gT3stK3yNeverWr1tten';
const WRONG_KEY = 'sk_live_Wr0ngK3yTheGatewayRefuses';
const CUSTOMERS = [
  { customerName: 'রহিম উদ্দিন', customerEmail: 'rahim.uddin@example.com', note: 'দুটি শার্ট' },
  { customerName: 'Karim Ahmed', customerEmail: 'karim.ahmed@mail.test', note: 'blue sari for Karim' },
  { customerName: 'Fatema Begum', customerEmail: 'fatema@shop.test' },
];
/** A token as the listener's paths carry it: 43 base64url characters, the shape nothing else in the log has. */
const TOKEN_SHAPE = /[A-Za-z0-9_-]{43}/;

const logText = (dataDir: string) => {
  const dir = join(dataDir, LOGS_FOLDER);
  return readdirSync(dir)
    .map((file) => readFileSync(join(dir, file), 'utf8'))
    .join('');
};

test(
  'after a full sandbox flow the log records it by code and ref, and holds no key, token or customer',
  { timeout: 60_000 },
  async (t) => {
    const gateway = await startSandboxGateway({ apiKey: KEY });
    t.after(() => gateway.close());
    const core = await startTestCore(t);
    const ask = (channel: string, payload: unknown) => core.router.handle(channel, payload, APP_SENDER);

    await call(core, 'saveProfile', { profile: { name: 'My shop', baseUrl: gateway.baseUrl, mode: 'live' } });
    await call(core, 'setApiKey', { profileName: 'My shop', apiKey: KEY });
    await call(core, 'switchProfile', { name: 'My shop' });

    const orders: Order[] = [];
    for (const [i, customer] of CUSTOMERS.entries())
      orders.push(await call(core, 'createPaymentLink', { amount: `${100 + i}.50`, ...customer }));
    const tokens: string[] = [];
    const paid = await decideOnCheckout(orders[0]!.paymentUrl!, 'Pay');
    const cancelled = await decideOnCheckout(orders[1]!.paymentUrl!, 'Cancel');
    for (const landing of [paid, cancelled]) {
      assert.equal(landing.status, 200);
      tokens.push(new URL(landing.url).pathname.slice(3));
    }
    // The same return again, and one for a token nobody was given.
    await follow(paid.url);
    await follow(`${new URL(paid.url).origin}/r/${'A'.repeat(43)}?transaction_id=FORGED1`);
    tokens.push('A'.repeat(43));
    const transactionId = new URL(paid.url).searchParams.get('transaction_id')!;

    // The gateway refuses a key it does not know: the link fails, with the gateway's error.
    await call(core, 'setApiKey', { profileName: 'My shop', apiKey: WRONG_KEY });
    const refused = await ask('createPaymentLink', { amount: '5', customerName: 'Jamal Hossain' });
    assert.equal(refused.ok, false);
    await call(core, 'setApiKey', { profileName: 'My shop', apiKey: KEY });

    core.platform.choices.statement = {
      name: 'rahim-statement.csv',
      bytes: csvBytes([
        'TrxID,Amount,Date,Sender',
        `${transactionId},100.50,${dayFirst(new Date())},01711000001`,
        `EXTRA01,50,${dayFirst(new Date())},Rahim`,
      ]),
    };
    const preview = await call(core, 'chooseStatement', {});
    assert.ok(preview);
    const report = await call(core, 'importStatement', { token: preview.token, mapping: StatementMapping.parse(preview.suggested) });
    assert.equal(report.verified, 1);

    // The command line writes to the same log, with the key from its environment.
    const cli = await paydesk(['--data-dir', core.dataDir, 'link', '--amount', '7', '--customer-name', 'Nasrin CLI'], {
      PAYDESK_API_KEY: KEY,
    });
    assert.equal(cli.code, 0, cli.stderr);

    const { text: diagnostics } = await call(core, 'getDiagnostics', {});
    await core.close();
    const log = logText(core.dataDir);

    for (const code of ['start', 'listener_started', 'gateway_error', 'import_started', 'import_finished', 'stop']) {
      assert.match(log, new RegExp(`Z (INFO |WARN |ERROR) ${code} `), `the log records ${code}`);
    }
    assert.match(log, /import_finished .*: 2 lines, 2 new.*1 verified.*1 unclaimed/, 'an import is logged with its counts');
    assert.match(log, /gateway_error PD-\d{6}: no payment link \(gateway_[a-z_]+\)/, 'a refused link is logged by its ref and code');
    assert.equal(log.match(/ INFO {2}start /g)?.length, 2, 'the app and the command line each logged their start');
    for (const line of log.trimEnd().split('\n')) assert.match(line, /^\S+Z (INFO |WARN |ERROR) [a-z_]+ \S/, 'one event per line');

    for (const [what, text] of [
      ['the log', log],
      ['the diagnostics', diagnostics],
    ] as const) {
      for (const key of [KEY, WRONG_KEY]) assert.equal(occurrences(text, key), 0, `${what} holds no API key`);
      for (const token of tokens) assert.equal(occurrences(text, token), 0, `${what} holds no return token`);
      assert.doesNotMatch(text, TOKEN_SHAPE, `${what} holds nothing shaped like a return token`);
      for (const { customerName, customerEmail, note } of CUSTOMERS) {
        for (const secret of [customerName, customerEmail, note])
          if (secret) assert.ok(!text.includes(secret), `${what} holds no "${secret}"`);
      }
      for (const other of ['Jamal Hossain', 'Nasrin CLI', 'rahim-statement', '01711000001'])
        assert.ok(!text.includes(other), `${what} holds no "${other}"`);
      assert.ok(!text.includes(paid.url) && !text.includes(orders[2]!.paymentUrl!), `${what} holds no return or payment link`);
    }
  },
);

test('the diagnostics say what this PayDesk is and where its listener stands, with the log’s last problems', async (t) => {
  const core = await startTestCore(t);
  const about = await call(core, 'getAbout', {});
  assert.match(about.version, /^\d+\.\d+\.\d+/);
  assert.equal(about.electron, null, 'outside Electron there is no Electron version');
  assert.equal(about.logsDir, join(core.dataDir, LOGS_FOLDER));
  const { returnBaseUrl } = core.runtime();
  core.support.log.error('sample_problem', 'a problem worth telling support');
  const { text } = await call(core, 'getDiagnostics', {});
  assert.match(text, new RegExp(`^PayDesk ${about.version.replace(/\./g, '\\.')} diagnostics`));
  assert.match(text, new RegExp(`Platform: ${process.platform} ${process.arch}`));
  assert.match(text, /Electron — \(not the desktop app\)/);
  assert.match(text, /Storage: SQLite, \d+\.\d MB/);
  assert.match(text, /Mode: sandbox/);
  assert.ok(text.includes(`Return listener: running, customers come back to ${returnBaseUrl}`), text);
  assert.match(text, /Listener problem: none/);
  assert.match(text, /API keys: os_keychain/);
  assert.match(text, /ERROR sample_problem a problem worth telling support/);
});

test('the diagnostics name the listener’s problem when its port is taken', async (t) => {
  const first = await startTestCore(t);
  const port = Number(new URL(first.runtime().returnBaseUrl!).port);
  const core = await startTestCore(t, { listen: { host: '127.0.0.1', port } });
  const { text } = await call(core, 'getDiagnostics', {});
  assert.match(text, /Return listener: not running/);
  assert.match(text, new RegExp(`Listener problem: .*port ${port}`));
  assert.match(text, /WARN {2}listener_problem /, 'the problem is among the last warnings');
});

test('Open folder and Open logs folder hand the platform PayDesk’s own folders, made if need be', async (t) => {
  const core = await startTestCore(t);
  await call(core, 'openFolder', { folder: 'data' });
  await call(core, 'openFolder', { folder: 'logs' });
  assert.deepEqual(core.platform.openedFolders, [core.dataDir, join(core.dataDir, LOGS_FOLDER)]);
  const path = await core.router.handle('openFolder', { folder: '/etc' }, APP_SENDER);
  assert.equal(path.ok, false, 'the page cannot name a folder of its own');
});
