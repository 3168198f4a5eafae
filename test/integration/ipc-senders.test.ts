// The main process's IPC wiring over the real core: only the app's own page, in its main frame, is served.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHANNELS, ipcChannel, type Reply } from '../../shared/contract';
import { createRouter } from '../../electron/core/router';
import { registerIpc } from '../../electron/main/ipc';
import { isTrustedSender } from '../../electron/main/navigation';
import { startTestCore } from '../support/core';

const appEntry = pathToFileURL(join(import.meta.dirname, '..', '..', 'out', 'renderer', 'index.html')).href;
type Frame = { url: string; processId: number; routingId: number };
type Handler = (event: { senderFrame: Frame | null; sender: { mainFrame: Frame } }, payload: unknown) => Promise<Reply<unknown>>;

test('every IPC channel answers the app page and refuses subframes, other pages and vanished frames', async (t) => {
  const core = await startTestCore(t);
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
    platform: core.platform,
    isTrustedSender: (sender) => isTrustedSender(sender, appEntry),
  });
  const handlers = new Map<string, Handler>();
  registerIpc({ handle: (channel: string, handler: Handler) => void handlers.set(channel, handler) } as never, router);
  assert.deepEqual([...handlers.keys()].sort(), CHANNELS.map(ipcChannel).sort(), 'one handler per contract channel');

  const main: Frame = { url: appEntry, processId: 3, routingId: 1 };
  const create = handlers.get(ipcChannel('createPaymentLink'))!;
  const ok = await create({ senderFrame: main, sender: { mainFrame: main } }, { amount: '12' });
  assert.equal(ok.ok, true, 'the app page in its main frame is served');

  const strangers: Array<[string, Frame | null]> = [
    ['a subframe of the app page', { url: appEntry, processId: 3, routingId: 9 }],
    ['a web page', { url: 'https://evil.example/', processId: 3, routingId: 1 }],
    ['another local file', { url: pathToFileURL('/tmp/other.html').href, processId: 3, routingId: 1 }],
    ['a data URL', { url: 'data:text/html,<p>hi', processId: 3, routingId: 1 }],
    ['a frame that is gone', null],
  ];
  for (const [who, frame] of strangers) {
    for (const channel of ['createPaymentLink', 'listProfiles', 'exportOrdersCsv'] as const) {
      const sender = frame && frame.routingId === 1 ? { mainFrame: frame } : { mainFrame: main };
      const reply = await handlers.get(ipcChannel(channel))!({ senderFrame: frame, sender }, { amount: '12', filter: {} });
      assert.equal(reply.ok, false, `${who} is refused ${channel}`);
      if (!reply.ok) assert.equal(reply.error.kind, 'forbidden');
    }
  }
  assert.equal((await core.service.listOrders({})).total, 1, 'only the app page made an order');
});
