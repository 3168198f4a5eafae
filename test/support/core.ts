// Starts PayDesk's real core for a test: a real order book (a SQLite file in a temp folder, or with
// PAYDESK_TEST_ENGINE=postgres the folder's PostgreSQL database: test-engine.ts), the sandbox gateway and
// the return listener on 127.0.0.1 with ports chosen by the OS, and the router the app uses.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCore, type CoreOptions, type PaydeskCore } from '../../electron/core/paydesk-core';
import { createRouter, type Router, type Sender } from '../../electron/core/router';
import type { Db } from '../../electron/core/storage/sqlite/database';
import type { Channel, ChannelInput, ChannelValue, Order } from '../../shared/contract';
import { sqliteOf } from './sqlite-book';
import { folderBook } from './test-engine';
import { testCipher } from './test-cipher';
import { createTestPlatform, type TestPlatform } from './test-platform';

export const APP_SENDER: Sender = { url: 'app://paydesk/index.html', isMainFrame: true };

export type TestCore = PaydeskCore & {
  dataDir: string;
  /** The SQLite book's connection (sqlite-book.ts), for a test's own SQL; absent when the core opened a PostgreSQL book. */
  db: Db;
  /** The PostgreSQL book's URL (what a CLI child gets as PAYDESK_DATABASE_URL); null for a SQLite book. */
  databaseUrl: string | null;
  router: Router;
  changes: Order[];
  platform: TestPlatform;
};

export async function startTestCore(t: { after(fn: () => unknown): void }, options: Partial<CoreOptions> = {}): Promise<TestCore> {
  // A folder of its own is removed only once the core has closed (and written its last log line).
  const own = options.dataDir === undefined ? mkdtempSync(join(tmpdir(), 'paydesk-test-')) : null;
  const dataDir = options.dataDir ?? own!;
  // The run's engine, unless the test chose a book of its own.
  const engineBook = options.book ? null : await folderBook(dataDir, t);
  const core = await startCore({
    keys: { cipher: testCipher() },
    listen: { host: '127.0.0.1', port: 0 },
    ...(engineBook && { book: engineBook.book }),
    ...options,
    dataDir,
  });
  t.after(async () => {
    await core.close();
    if (own) rmSync(own, { recursive: true, force: true });
  });
  const platform = createTestPlatform(t);
  const router = createRouter({
    service: core.service,
    reconciliation: core.reconciliation,
    setup: core.setup,
    exports: core.exports,
    closing: core.closing,
    customerDisplay: core.customerDisplay,
    updates: core.updates,
    support: core.support,
    orderBook: core.orderBook,
    platform,
    isTrustedSender: (sender) => sender.isMainFrame && sender.url === APP_SENDER.url,
  });
  const changes: Order[] = [];
  core.events.on('orderChanged', (order) => changes.push(order));
  return {
    ...core,
    ...(core.book.engine === 'sqlite' ? { db: sqliteOf(core.book) } : ({} as { db: Db })),
    databaseUrl: engineBook?.url ?? null,
    dataDir,
    router,
    changes,
    platform,
  };
}

/**
 * Calls a channel as the app's own window would, and unwraps a successful reply. Typed by the contract, so a
 * wrong channel, request field or reply field fails the typecheck; the router has parsed the reply against
 * the channel's schema. Invalid requests (to test validation) go to `core.router.handle` directly.
 */
export async function call<C extends Channel>(core: TestCore, channel: C, payload: ChannelInput<C>): Promise<ChannelValue<C>> {
  const reply = await core.router.handle(channel, payload, APP_SENDER);
  if (!reply.ok) throw new Error(`${channel} failed: ${reply.error.kind}: ${reply.error.message}`);
  return reply.value as ChannelValue<C>;
}
