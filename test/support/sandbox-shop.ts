// PayDesk in sandbox mode as the app starts it (startCore), its return listener on HOST for this run:
//   node --import tsx test/support/sandbox-shop.ts DATA_DIR HOST [ADDRESS_WATCH_MS]
// Prints one JSON line once it answers: { after: "start", returnBaseUrl, sandboxUrl, baseUrl, listenerProblem }.
// Commands on stdin, each done as Settings does it (the shopkeeper confirming) and answered with the same JSON
// line, after: the command:
//   listen HOST       saves HOST as the sandbox profile's listen address
//   live BASE_URL     adds a live profile "Counter" for that gateway, listening on this computer, and uses it
// Prints "REF status" whenever an order leaves pending, as `paydesk listen` does, and {"moved": …} when the
// listener followed a new address of this computer. Stops on SIGTERM or when stdin closes.
import { createInterface } from 'node:readline';
import { startCore } from '../../electron/core/paydesk-core';
import { DEFAULT_LISTEN_PORT } from '../../shared/contract';

const [dataDir, host, watchMs] = process.argv.slice(2);
if (!dataDir || !host) {
  console.error('usage: sandbox-shop.ts DATA_DIR HOST');
  process.exit(2);
}
const core = await startCore({
  dataDir,
  keys: { env: {} },
  useSandbox: true,
  listen: { host, port: 0 },
  ...(watchMs ? { addressWatchMs: Number(watchMs) } : {}),
});
const report = async (after: string, saved: string | null = null) => {
  const { returnBaseUrl, sandboxUrl, listenerProblem } = core.runtime();
  console.log(
    JSON.stringify({ after, saved, returnBaseUrl, sandboxUrl, baseUrl: (await core.profiles.active())!.baseUrl, listenerProblem }),
  );
};
await report('start');
core.events.on('listenAddressMoved', (moved) => console.log(JSON.stringify({ moved, returnBaseUrl: core.runtime().returnBaseUrl })));
core.events.on('orderChanged', (order) => {
  if (order.status !== 'pending') console.log(`${order.ref} ${order.status}`);
});

const stop = () => void core.close().then(() => process.exit(0));
process.once('SIGTERM', stop);
const commands = createInterface({ input: process.stdin });
const confirmed = async () => true;
async function obey(command: string, argument: string): Promise<string> {
  if (command === 'listen') {
    const sandbox = (await core.profiles.active())!;
    const profile = {
      name: sandbox.name,
      mode: 'sandbox' as const,
      baseUrl: sandbox.baseUrl,
      listenHost: argument,
      listenPort: DEFAULT_LISTEN_PORT,
    };
    const saved = await core.setup.saveProfile({ originalName: sandbox.name, profile }, confirmed);
    return saved.ok ? 'saved' : saved.error.message;
  }
  const profile = {
    name: 'Counter',
    mode: 'live' as const,
    baseUrl: argument,
    listenHost: '127.0.0.1',
    listenPort: DEFAULT_LISTEN_PORT + 1,
  };
  const saved = await core.setup.saveProfile({ profile }, confirmed);
  if (!saved.ok) return saved.error.message;
  const switched = await core.setup.switchProfile(profile.name);
  return switched.ok ? 'saved' : switched.error.message;
}
commands.on('line', (line) => void answer(line));
async function answer(line: string): Promise<void> {
  const [command, argument] = line.split(' ');
  if ((command !== 'listen' && command !== 'live') || !argument) return console.error(`unknown command: ${line}`);
  await report(line, await obey(command, argument));
}
commands.on('close', stop);
