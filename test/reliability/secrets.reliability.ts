// Secrets: a full flow with a live profile against the sandbox gateway run with a secret key, through the
// app's router and through the `paydesk` command, including gateways that echo the key back in their errors.
// Afterwards the key (plain, base64, hex or percent-encoded) must occur nowhere: not in any file of the data
// folder (database, WAL, anything else), not in a log line, not in the CLI's output, not in anything the
// renderer was sent (replies and events).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Order } from '../../shared/contract';
import { startSandboxGateway } from '../../electron/sandbox/sandbox-gateway';
import { paydesk, type Run } from '../support/cli';
import { APP_SENDER, call, startTestCore } from '../support/core';
import { decideOnCheckout } from '../support/customer-browser';
import { reportFigure } from '../support/figures';
import { answer, HTML_PAGE, httpGateway } from '../support/misbehaving-gateways';
import { captureConsole, filesUnder, occurrences } from '../support/secret-scan';

const KEY = 'sk_live_R3liab1lityK3yNeverSh0wn';
const LINKS = 30;
const SCENARIO = 'Secrets';

test('after a full flow through the app and the CLI, the API key is nowhere it could leak', async (t) => {
  const logs = captureConsole(t);
  const gateway = await startSandboxGateway({ apiKey: KEY });
  t.after(() => gateway.close());
  // Gateways that put the key they were sent into their error, as a badly written PHP page might.
  const echoJson = await httpGateway(answer(200, JSON.stringify({ status: 'error', message: `Invalid key ${KEY}` })));
  const echoHtml = await httpGateway(answer(500, HTML_PAGE(`Fatal error: key ${KEY} rejected`), 'text/html'));
  t.after(() => Promise.all([echoJson.close(), echoHtml.close()]));

  const core = await startTestCore(t);
  const seen: unknown[] = []; // everything the renderer was sent
  const ask = async (channel: string, payload: unknown) => {
    const reply = await core.router.handle(channel, payload, APP_SENDER);
    seen.push(reply);
    return reply;
  };
  const profile = (baseUrl: string) => ({ originalName: 'My shop', profile: { name: 'My shop', baseUrl, mode: 'live' } });

  await ask('saveProfile', { profile: { name: 'My shop', baseUrl: gateway.baseUrl, mode: 'live' } });
  await ask('setApiKey', { profileName: 'My shop', apiKey: KEY });
  await ask('switchProfile', { name: 'My shop' });
  await ask('checkConnection', { profileName: 'My shop' });
  const orders: Order[] = [];
  for (let i = 0; i < LINKS; i++)
    orders.push(await call(core, 'createPaymentLink', { amount: `${10 + i}.50`, customerName: `গ্রাহক ${i}` }));
  seen.push(orders);
  for (const [i, order] of orders.entries()) {
    if (i % 3 === 0) await decideOnCheckout(order.paymentUrl!, 'Pay');
    if (i % 3 === 1) await decideOnCheckout(order.paymentUrl!, 'Cancel');
  }

  const cli: Run[] = [];
  const dataDir = ['--data-dir', core.dataDir];
  const env = { PAYDESK_API_KEY: KEY };
  cli.push(await paydesk([...dataDir, 'profile', 'list', '--json'], env));
  cli.push(await paydesk([...dataDir, 'link', '--amount', '99.99', '--customer-name', 'CLI', '--json'], env));
  cli.push(await paydesk([...dataDir, 'orders', '--json', '--limit', '100'], env));

  // The gateway echoes the key back: through the app, then through the CLI.
  for (const echo of [echoJson, echoHtml]) {
    await ask('saveProfile', profile(`http://${echo.origin}/api`));
    // A key is bound to the origin it was entered for: the shopkeeper enters it again for the new one.
    await ask('setApiKey', { profileName: 'My shop', apiKey: KEY });
    await ask('createPaymentLink', { amount: '5' });
    await ask('checkConnection', { profileName: 'My shop' });
    cli.push(await paydesk([...dataDir, 'link', '--amount', '5'], env));
  }
  await ask('saveProfile', profile(gateway.baseUrl));
  await ask('setApiKey', { profileName: 'My shop', apiKey: KEY });

  for (const channel of [
    'getStatus',
    'listProfiles',
    'listOrders',
    'getDashboard',
    'getPreferences',
    'getShopDetails',
    'listBindAddresses',
  ]) {
    await ask(channel, {});
  }
  for (const order of orders) await ask('getOrder', { ref: order.ref });
  seen.push(core.changes);

  const paid = (await core.service.listOrders({ limit: 500 })).orders.filter((order) => order.status === 'paid').length;
  const whileOpen = filesUnder(core.dataDir);
  await core.close();
  const afterClose = filesUnder(core.dataDir);

  const inFiles = [...whileOpen, ...afterClose].reduce((n, file) => n + occurrences(file.bytes, KEY), 0);
  const inLogs = occurrences(logs.join('\n'), KEY);
  const inCli = occurrences(cli.map((run) => run.stdout + run.stderr).join('\n'), KEY);
  const inRenderer = occurrences(JSON.stringify(seen), KEY);
  const cliFailures = cli.filter((run) => run.code === 1).length;

  reportFigure(t, {
    scenario: SCENARIO,
    figure: 'flow',
    value: `${LINKS + 1} links, ${paid} paid, 4 key-echoing refusals, ${cli.length} CLI runs`,
  });
  reportFigure(t, {
    scenario: SCENARIO,
    figure: `key in data folder (${whileOpen.length} files open, ${afterClose.length} closed)`,
    value: inFiles,
    target: '= 0',
    ok: inFiles === 0,
  });
  reportFigure(t, { scenario: SCENARIO, figure: `key in log lines (${logs.length})`, value: inLogs, target: '= 0', ok: inLogs === 0 });
  reportFigure(t, { scenario: SCENARIO, figure: `key in CLI output (${cli.length} runs)`, value: inCli, target: '= 0', ok: inCli === 0 });
  reportFigure(t, {
    scenario: SCENARIO,
    figure: 'key in renderer-visible replies and events',
    value: inRenderer,
    target: '= 0',
    ok: inRenderer === 0,
  });

  assert.ok(occurrences(Buffer.from(KEY).toString('hex'), KEY) > 0, 'the search finds an encoded key');
  assert.ok(JSON.stringify(seen).includes('Invalid key ••••'), 'the echoed key reached PayDesk and was masked');
  assert.ok(
    whileOpen.some((file) => file.path.endsWith('-wal')),
    'the WAL was searched while it existed',
  );
  assert.equal(cli[1]!.code, 0, `the CLI made a link: ${cli[1]!.stderr}`);
  assert.equal(cliFailures, 2, 'both echoing gateways failed the CLI with exit code 1');
  assert.ok(paid >= LINKS / 3);
  assert.equal(inFiles, 0);
  assert.equal(inLogs, 0);
  assert.equal(inCli, 0);
  assert.equal(inRenderer, 0);
});
