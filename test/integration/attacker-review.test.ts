// An attacker's review of the fixes for issue 12: each test makes the calls a hostile page, customer, file or
// gateway would make, through the real router, listener, SQLite file and servers on 127.0.0.1, and states the
// safe behaviour that should hold.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import type { Socket } from 'node:net';
import { join } from 'node:path';
import { StatementMapping, type Order } from '../../shared/contract';
import { APP_SENDER, call, startTestCore, type TestCore } from '../support/core';
import { httpGateway, tcpGateway } from '../support/misbehaving-gateways';
import { paydesk } from '../support/cli';
import { seedOrders } from '../support/seed-orders';
import { tempDir } from '../support/temp-dir';
import { csvBytes } from '../support/statements';

const KEY = 'sk_live_AttackerReview1';

/** A TCP server that only counts who connected: what a port scan needs to learn is whether something answered. */
async function countingPort(t: { after(fn: () => unknown): void }) {
  const sockets: Socket[] = [];
  const server = await tcpGateway((socket) => {
    sockets.push(socket);
    socket.destroy();
  });
  t.after(() => server.close());
  return { origin: server.origin, connections: () => sockets.length };
}

test('a page cannot aim Check connection at an address of its choosing by saving a sandbox-mode profile', async (t) => {
  const core = await startTestCore(t);
  core.platform.choices.confirm = false;
  const target = await countingPort(t);
  const saved = await core.router.handle(
    'saveProfile',
    { profile: { name: 'probe', mode: 'sandbox', baseUrl: `http://${target.origin}/` } },
    APP_SENDER,
  );
  const report = await core.router.handle('checkConnection', { profileName: 'probe' }, APP_SENDER);
  assert.equal(
    target.connections(),
    0,
    `PayDesk connected to ${target.origin} for the page (save ${saved.ok ? 'accepted' : 'refused'}, ` +
      `asked ${core.platform.confirmations.length} questions; check said ${report.ok ? JSON.stringify((report.value as { message: string }).message) : 'error'})`,
  );
});

/** A gateway that answers every checkout with `paymentUrl`, and records the Authorization headers it was sent. */
async function answeringGateway(t: { after(fn: () => unknown): void }, paymentUrl: string) {
  const authorizations: Array<string | undefined> = [];
  const gateway = await httpGateway((request, response) => {
    authorizations.push(request.headers.authorization);
    request.resume();
    request.on('end', () =>
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'success', payment_url: paymentUrl })),
    );
  });
  t.after(() => gateway.close());
  return { baseUrl: `http://${gateway.origin}/api`, authorizations };
}

async function liveShop(core: TestCore, baseUrl: string) {
  await call(core, 'saveProfile', { profile: { name: 'My shop', baseUrl, mode: 'live' } });
  await call(core, 'setApiKey', { profileName: 'My shop', apiKey: KEY });
  await call(core, 'switchProfile', { name: 'My shop' });
}

test('a payment link is handed out only in its canonical form: no NUL, bidi control or backslash the gateway put in it', async (t) => {
  const core = await startTestCore(t);
  const hostile = [
    'https://pay.example/checkout\u0000?trx_id=1',
    'https://pay.example/checkout/\u202egnp.exe',
    // WHATWG URL reads the backslash as a slash: the host is evil.example, while a person reads it as user info.
    'https://evil.example\\@pay.example/checkout',
  ];
  const handedOut: string[] = [];
  for (const paymentUrl of hostile) {
    const gateway = await answeringGateway(t, paymentUrl);
    if (await core.profiles.findByName('My shop')) {
      await call(core, 'saveProfile', { originalName: 'My shop', profile: { name: 'My shop', baseUrl: gateway.baseUrl, mode: 'live' } });
      await call(core, 'setApiKey', { profileName: 'My shop', apiKey: KEY });
    } else await liveShop(core, gateway.baseUrl);
    const reply = await core.router.handle('createPaymentLink', { amount: '10' }, APP_SENDER);
    const link = reply.ok ? (reply.value as Order).paymentUrl : null;
    if (link !== null && link !== new URL(link).href) handedOut.push(JSON.stringify(link));
  }
  assert.deepEqual(handedOut, [], 'links shown, copied and put in QR codes exactly as the gateway wrote them');
});

/** Imports a one-file statement through the real dialog, preview and import. */
async function importStatement(core: TestCore, lines: string[]) {
  core.platform.choices.statement = { name: 'statement.csv', bytes: csvBytes(['Transaction ID,Amount,Date', ...lines]) };
  const preview = await call(core, 'chooseStatement', {});
  assert.ok(preview);
  return call(core, 'importStatement', { token: preview.token, mapping: StatementMapping.parse(preview.suggested) });
}

test('a gateway payment that reached an order already marked paid by hand can never become a second paid order', async (t) => {
  const core = await startTestCore(t);
  const [order] = seedOrders(core.db, (await core.profiles.active())!.id, 1, 50000);
  // The return is slow, the customer waits at the counter: the shopkeeper marks the order paid by hand.
  await call(core, 'markPaidManually', { ref: order!.ref, reason: 'customer showed the payment on the phone' });
  // Then the customer's browser does come back, with the gateway's id of that one payment.
  const late = await fetch(`${core.runtime().returnBaseUrl}${order!.successPath}?transaction_id=LATE1PAY9`);
  await late.text();
  // The statement shows that payment; nothing ties it to the order, so it is offered as an unclaimed payment.
  await importStatement(core, [`LATE1PAY9,500.00,${new Date().toISOString()}`]);
  const { lines } = await call(core, 'listUnclaimed', {});
  const line = lines.find((l) => l.transactionId === 'LATE1PAY9');
  const recorded = line ? await core.router.handle('recordStatementLine', { lineId: line.id }, APP_SENDER) : null;
  const paidWithIt = core.db
    .prepare(`SELECT ref, payment_source FROM orders WHERE status = 'paid' AND (transaction_key = 'LATE1PAY9' OR id = ?)`)
    .all(order!.id) as Array<{ ref: string; payment_source: string }>;
  assert.equal(
    paidWithIt.length,
    1,
    `one payment, ${paidWithIt.length} paid orders: ${JSON.stringify(paidWithIt)} (late return answered ${late.status}, ` +
      `record ${recorded === null ? 'not offered' : recorded.ok ? 'accepted' : 'refused'})`,
  );
});

test('a gateway’s message cannot print lines of its own on the command line: line breaks inside it are escaped', async (t) => {
  const forged = 'paydesk: PD-000001 paid CJH1D2Y4W1';
  const gateway = await httpGateway((request, response) => {
    request.resume();
    request.on('end', () =>
      response.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          status: 'error',
          message: `Domain mismatch\n${forged}\npaydesk: set the API key again at https://evil.example/`,
        }),
      ),
    );
  });
  t.after(() => gateway.close());
  const dataDir = tempDir(t);
  assert.equal((await paydesk(['--data-dir', dataDir, 'profile', 'add', 'shop', '--base-url', `http://${gateway.origin}/api`])).code, 0);
  assert.equal((await paydesk(['--data-dir', dataDir, 'profile', 'use', 'shop'])).code, 0);
  const link = await paydesk(['--data-dir', dataDir, 'link', '--amount', '10'], { PAYDESK_API_KEY: KEY });
  assert.equal(link.code, 1);
  const lines = link.stderr.split('\n');
  assert.ok(!lines.includes(forged), `stderr shows the gateway’s forged line as PayDesk’s own:\n${link.stderr}`);
});

test('an API key that was replaced or removed is nowhere in the data folder afterwards, the write-ahead log included', async (t) => {
  const core = await startTestCore(t);
  const gateway = await answeringGateway(t, 'https://pay.example/checkout?trx_id=1');
  await liveShop(core, gateway.baseUrl);
  const stored = () => (core.db.prepare(`SELECT ciphertext FROM secrets`).pluck().get() as Buffer | undefined) ?? null;
  const old = stored()!;
  await call(core, 'setApiKey', { profileName: 'My shop', apiKey: 'sk_live_TheNewKey2' });
  const replaced = stored()!;
  await call(core, 'removeProfile', { name: 'My shop' });
  const found: string[] = [];
  // Every file, the logs folder's included.
  for (const entry of readdirSync(core.dataDir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile())) {
    const name = join(entry.parentPath, entry.name).slice(core.dataDir.length + 1);
    const bytes = readFileSync(join(core.dataDir, name));
    if (bytes.includes(old)) found.push(`${name} holds the replaced key’s ciphertext`);
    if (bytes.includes(replaced)) found.push(`${name} holds the removed key’s ciphertext`);
  }
  assert.deepEqual(found, []);
});
