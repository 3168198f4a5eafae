// The contract's promise: what the core hands the page carries exactly the fields shared/contract.ts names. The
// router and the event forwarding parse everything on the way out, and that parse strips unnamed fields, so
// a handler that leaks one stays invisible from the page's side. These tests look at what the handlers and the
// core's events produce before that parse, over every channel and every event, and show that a leaked field
// is named by the check.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { z } from 'zod';
import {
  channels,
  CHANNELS,
  DEFAULT_LISTEN_PORT,
  events,
  ipcEvent,
  replySchema,
  type AppStatus,
  type Channel,
  type EventName,
  type Reply,
} from '../../shared/contract';
import { forwardEvents } from '../../electron/core/event-forwarding';
import { createRouter, type RouterDeps } from '../../electron/core/router';
import { cloudflaredOnPath } from '../support/cloudflared';
import { APP_SENDER, call, startTestCore, type TestCore } from '../support/core';
import { decideOnCheckout } from '../support/customer-browser';
import { freePort } from '../support/free-port';
import { httpGet } from '../support/http-get';
import { adminQuery, testPostgres } from '../support/postgres';
import { serveReleaseFeed } from '../support/release-feed';
import { tempDir } from '../support/temp-dir';
import { eventually } from '../support/waiting';

/**
 * Where `raw` differs in its keys from what `schema` keeps of it: keys the schema does not name (its parse
 * would strip them) and keys only a default filled in, as paths; or why it does not fit the schema at all.
 */
function keysBeyondContract(schema: z.ZodType, raw: unknown): string[] {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  return keyDifferences(raw, parsed.data, '');
}

function keyDifferences(raw: unknown, kept: unknown, at: string): string[] {
  if (Array.isArray(raw) && Array.isArray(kept)) return raw.flatMap((item, i) => keyDifferences(item, kept[i], `${at}[${i}]`));
  if (!isRecord(raw) || !isRecord(kept)) return [];
  const path = (key: string) => (at ? `${at}.${key}` : key);
  const unnamed = Object.keys(raw)
    .filter((key) => !Object.hasOwn(kept, key))
    .map((key) => `${path(key)} (not in the contract)`);
  const defaulted = Object.keys(kept)
    .filter((key) => !Object.hasOwn(raw, key))
    .map((key) => `${path(key)} (missing)`);
  const nested = Object.keys(raw)
    .filter((key) => Object.hasOwn(kept, key))
    .flatMap((key) => keyDifferences(raw[key], kept[key], path(key)));
  return [...unnamed, ...defaulted, ...nested];
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

type Seen = { replies: Array<[Channel, Reply<unknown>]>; events: Array<[EventName, unknown]> };

/**
 * The test core with a router like the app's that also records every handler's reply before the contract
 * parses it, and every core event as emitted. `deps` replaces parts of what the router is given.
 */
function observe(core: TestCore, deps: Partial<RouterDeps> = {}): { observed: TestCore; seen: Seen } {
  const seen: Seen = { replies: [], events: [] };
  const router = createRouter(
    {
      service: core.service,
      reconciliation: core.reconciliation,
      setup: core.setup,
      exports: core.exports,
      closing: core.closing,
      customerDisplay: core.customerDisplay,
      updates: core.updates,
      support: core.support,
      orderBook: core.orderBook,
      platform: core.platform,
      isTrustedSender: (sender) => sender === APP_SENDER,
      ...deps,
    },
    { observeReply: (channel, reply) => seen.replies.push([channel, reply]) },
  );
  for (const name of Object.keys(events) as EventName[]) core.events.on(name, (payload) => seen.events.push([name, payload]));
  return { observed: { ...core, router }, seen };
}

const PNG_1X1 = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63f8cfc0f01f000500020' +
    '1c7d3cb6d0000000049454e44ae426082',
  'hex',
);

/**
 * The listener moves only when this computer's address changes, which needs network namespaces: phone-on-wifi.test.ts.
 * A resync and the journal's count come only from a shared PostgreSQL book that other counters change or that goes
 * away: book-changes.test.ts and return-journal.test.ts.
 */
const EVENTS_NOT_DRIVEN_HERE: EventName[] = ['listenAddressMoved', 'ordersResynced', 'waitingReturnsChanged'];

test('every channel’s reply and every event’s payload carries exactly the fields the contract names', async (t) => {
  const publicPort = await freePort();
  const core = await startTestCore(t, { tunnel: { env: cloudflaredOnPath(t, { STAND_IN_TUNNEL_PORT: String(publicPort) }) } });
  const { observed: c, seen } = observe(core);
  const dir = tempDir(t);

  await call(c, 'getStatus', {});
  await call(c, 'finishWelcome', { choice: 'sandbox' });
  const preferences = await call(c, 'getPreferences', {});
  await call(c, 'savePreferences', { ...preferences, linkExpiryHours: 48 });

  // Orders in every state a reply can show: paid by the customer's return, cancelled, paid by hand, claimed at
  // the counter, and one still waiting.
  const link = (amount: string) =>
    call(c, 'createPaymentLink', { amount, customerName: 'রহিম', customerEmail: 'rahim@example.com', note: 'two shirts' });
  const returned = await link('150.50');
  await call(c, 'openPaymentPage', { ref: returned.ref });
  await decideOnCheckout(returned.paymentUrl!, 'Pay');
  await eventually(async () => (await core.service.findOrder(returned.ref))?.status === 'paid');
  await call(c, 'cancelOrder', { ref: (await link('20')).ref });
  await call(c, 'markPaidManually', { ref: (await link('30')).ref, reason: 'paid in cash at the counter' });
  await call(c, 'claimAtCounter', { ref: (await link('40')).ref, transactionId: 'CJH1D2Y4W1' });
  const waiting = await link('55');
  await call(c, 'shareLink', { ref: waiting.ref, via: 'whatsapp', to: '01711000000' });
  await call(c, 'outputQrSign', { ref: waiting.ref, layout: 'roll80', to: 'preview' });
  await call(c, 'listOrders', {});
  await call(c, 'listOrders', { search: 'two shirts', totals: false });
  await call(c, 'countOrders', { search: 'two shirts' });
  await call(c, 'getOrder', { ref: returned.ref });
  await call(c, 'getDashboard', {});
  await call(c, 'getCustomerDisplay', {});
  await call(c, 'customerView', { open: true });
  await call(c, 'getAbout', {});
  await call(c, 'openFolder', { folder: 'logs' });
  await call(c, 'getDiagnostics', {});
  await call(c, 'getClosingReport', {});
  await call(c, 'outputClosingReport', { layout: 'roll80', to: 'preview' });

  // Receipts and exports, with the save dialogs answered.
  await call(c, 'previewReceipt', { ref: returned.ref });
  await call(c, 'printReceipt', { ref: returned.ref, layout: 'roll80' });
  core.platform.choices.saveFile = join(dir, 'receipt.pdf');
  await call(c, 'saveReceiptPdf', { ref: returned.ref });
  core.platform.choices.saveFile = join(dir, 'orders.csv');
  await call(c, 'exportOrdersCsv', { filter: {} });
  core.platform.choices.saveFile = join(dir, 'receipts.pdf');
  await call(c, 'exportReceipts', { filter: { status: 'paid' }, mode: 'combined' });
  await call(c, 'cancelExport', {});

  // A statement that verifies the returned order and brings two unclaimed lines: one attached, one recorded.
  const at = new Date().toISOString();
  core.platform.choices.statement = {
    name: 'statement.csv',
    bytes: new TextEncoder().encode(
      `Transaction ID,Amount,Date\r\n${returned.transactionId},150.50,${at}\r\nUNCLAIMED1,55.00,${at}\r\nUNCLAIMED2,70.00,${at}\r\n`,
    ),
  };
  const preview = await call(c, 'chooseStatement', {});
  await call(c, 'importStatement', { token: preview!.token, mapping: { transactionId: 'Transaction ID', amount: 'Amount', time: 'Date' } });
  const { lines } = await call(c, 'listUnclaimed', {});
  await call(c, 'attachStatementLine', { lineId: lines.find((l) => l.transactionId === 'UNCLAIMED1')!.id, ref: waiting.ref });
  await call(c, 'recordStatementLine', { lineId: lines.find((l) => l.transactionId === 'UNCLAIMED2')!.id, customerName: 'Karim' });

  // The return address, from this computer and from a "phone".
  await call(c, 'checkReturnAddress', {});
  const phone = await call(c, 'startPhoneTest', {});
  await httpGet(phone.url);
  await eventually(() => seen.events.some(([name]) => name === 'phoneReached'));
  await call(c, 'listBindAddresses', {});

  // Shop details, with the logo dialog answered.
  await call(c, 'getShopDetails', {});
  await call(c, 'saveShopDetails', { name: 'রহমান স্টোর', address: 'House 12, Road 5, Dhaka', phone: '+880 1711-000000' });
  core.platform.choices.logo = PNG_1X1;
  await call(c, 'chooseShopLogo', {});
  await call(c, 'removeShopLogo', {});

  // A live profile for the sandbox gateway, with its key, used and then removed.
  const sandboxBase = (await core.profiles.active())!.baseUrl;
  await call(c, 'saveProfile', {
    profile: { name: 'Counter', baseUrl: sandboxBase, mode: 'live', listenHost: '127.0.0.1', listenPort: await freePort() },
  });
  await call(c, 'setApiKey', { profileName: 'Counter', apiKey: 'sk_sandbox_paydesk' });
  await call(c, 'checkConnection', { profileName: 'Counter' });
  await call(c, 'acceptWeakKeyStorage', { accept: false });
  await call(c, 'switchProfile', { name: 'Counter' });
  await call(c, 'switchProfile', { name: 'sandbox' });
  await call(c, 'stopOldListeners', {});
  await call(c, 'listProfiles', {});
  await call(c, 'removeProfile', { name: 'Counter' });

  // The shop's tunnel, for a public return address.
  await call(c, 'saveProfile', {
    originalName: 'sandbox',
    profile: {
      name: 'sandbox',
      mode: 'sandbox',
      baseUrl: sandboxBase,
      listenHost: '127.0.0.1',
      listenPort: DEFAULT_LISTEN_PORT,
      returnBaseUrl: `http://127.0.0.1:${publicPort}`,
    },
  });
  await call(c, 'startTunnel', { name: 'shop' });
  await eventually(() =>
    seen.events.some(([name, status]) => name === 'tunnelChanged' && (status as AppStatus['tunnel']).state === 'running'),
  );
  await call(c, 'stopTunnel', {});

  // A newer PayDesk on the shop's release feed: told, then opened for download.
  const feed = await serveReleaseFeed(t);
  await call(c, 'savePreferences', { ...preferences, updateChecks: true, updateFeedUrl: feed.url });
  await call(c, 'checkForUpdates', {});
  await call(c, 'getUpdateStatus', {});
  await call(c, 'openUpdateDownload', {});

  // Settings › Order book on a database of its own: checked, filled, chosen (its password never in a reply), and back.
  // Where no PostgreSQL runs, each answers with its error, which is a reply too.
  const postgres = await testPostgres();
  const database = `paydesk_contract_${process.pid}`;
  if (postgres.url) {
    await adminQuery(postgres.url, `CREATE DATABASE ${database}`);
    t.after(() => adminQuery(postgres.url!, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
  }
  const server = postgres.url ? new URL(postgres.url) : null;
  const orderBook = server
    ? { host: server.hostname, port: Number(server.port), database, user: server.username, password: decodeURIComponent(server.password) }
    : { host: '127.0.0.1', port: await freePort(), database, user: 'nobody', password: 'none' };
  const drive = (channel: Channel, payload: unknown) => c.router.handle(channel, payload, APP_SENDER);
  await drive('checkOrderBook', { ...orderBook, tls: 'disable' });
  core.platform.choices.ca = { name: 'notes.txt', bytes: new TextEncoder().encode('not a certificate') };
  await drive('chooseOrderBookCa', {});
  await drive('copyOrderBook', { ...orderBook, tls: 'disable' });
  await drive('useOrderBook', { engine: 'postgres', input: { ...orderBook, tls: 'disable' } });
  await drive('getOrderBook', {});
  await drive('useOrderBook', { engine: 'sqlite' });
  await drive('restartApp', {});

  // Settings › This counter, and the counters of the book for the Orders filter.
  await call(c, 'renameCounter', { name: 'Front desk' });
  await call(c, 'listCounters', {});

  assert.deepEqual(
    CHANNELS.filter((channel) => !seen.replies.some(([seenChannel]) => seenChannel === channel)),
    [],
    'every channel was driven',
  );
  // The main process emits this one itself, for the app menu's Help › About.
  core.events.emit('showAbout', {});
  const driven = (Object.keys(events) as EventName[]).filter((name) => !EVENTS_NOT_DRIVEN_HERE.includes(name));
  assert.deepEqual(
    driven.filter((name) => !seen.events.some(([seenName]) => seenName === name)),
    [],
    'every event was emitted',
  );

  const beyond = [
    ...seen.replies.map(([channel, reply]) => [channel, keysBeyondContract(replySchema(channels[channel].value), reply)] as const),
    ...seen.events.map(([name, payload]) => [`event ${name}`, keysBeyondContract(events[name], payload)] as const),
  ].filter(([, keys]) => keys.length > 0);
  assert.deepEqual(beyond, [], 'no reply or event holds a field the contract does not name, or lacks one it does');
});

test('a handler that returns a field the contract does not name is caught by the check, though the page never sees it', async (t) => {
  const core = await startTestCore(t);
  // A setup service whose status leaks the key as a handler might by spreading an internal record.
  const leaky = {
    ...core.setup,
    status: async () => {
      const status = await core.setup.status();
      return status.ok ? { ...status, value: { ...status.value, apiKey: 'sk_live_secret' } } : status;
    },
  };
  const { observed, seen } = observe(core, { setup: leaky });

  const status = await call(observed, 'getStatus', {});
  assert.equal(Object.hasOwn(status, 'apiKey'), false, 'the router strips it on the way to the page');
  const [[channel, raw]] = seen.replies as [[Channel, Reply<unknown>]];
  assert.deepEqual(keysBeyondContract(replySchema(channels[channel].value), raw), ['value.apiKey (not in the contract)']);
});

test('an event payload is sent to the page only as the contract names it, and one that does not fit is not sent', async (t) => {
  const core = await startTestCore(t);
  const sent: Array<[string, unknown]> = [];
  const stop = forwardEvents(core.events, (channel, payload) => sent.push([channel, payload]));
  t.after(stop);
  const order = await call(core, 'createPaymentLink', { amount: '10' });
  sent.length = 0;

  const widened = { ...order, returnToken: 'secret-token' };
  assert.deepEqual(keysBeyondContract(events.orderChanged, widened), ['returnToken (not in the contract)']);
  core.events.emit('orderChanged', widened);
  core.events.emit('exportProgress', { kind: 'csv', done: 'half' } as never);
  assert.deepEqual(sent, [[ipcEvent('orderChanged'), order]], 'the unnamed field is stripped and the broken payload dropped');
});
