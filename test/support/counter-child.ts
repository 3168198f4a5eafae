// A PayDesk counter in a process of its own, on a shared PostgreSQL order book:
//   node --import tsx test/support/counter-child.ts DATA_DIR PORT DATABASE_URL SANDBOX_BASE_URL
// It is the core the app starts (startCore) over its own data folder (so its own counter id), in sandbox mode with
// the sandbox key, its return listener on 127.0.0.1:PORT and no sandbox gateway of its own: its links go to the
// sandbox gateway at SANDBOX_BASE_URL, which every counter of a test shares (a gateway per counter would each
// rewrite the shared sandbox profile's Base URL).
// It speaks JSON lines (counter-process.ts): first {"ready": {origin, counterId}}; then each core event the page would
// hear, {"event", "payload", "at"}, `at` being when it was emitted on the clock every process shares
// (performance.timeOrigin + now); and an answer {"id", "value"} or {"id", "error"} to each command on stdin:
//   {"id", "command": "link", "amount"}  makes a link and pays it at the sandbox: {ref, returnPath}, the path (and
//                                        query) of the return the customer's browser is sent to, not yet followed
//   {"id", "command": "status"}          the AppStatus the page reads
import { createInterface } from 'node:readline';
import { thisCounterId } from '../../electron/core/counters/this-counter';
import { startCore } from '../../electron/core/paydesk-core';
import { parseDatabaseUrl } from '../../electron/core/storage/postgres/pool-config';
import { inEnglish } from '../../shared/messages/say';
import { COUNTER_EVENTS, paidReturnPath, type CounterCommand } from './counter-process';

const [dataDir, port, databaseUrl, sandboxBaseUrl] = process.argv.slice(2);
const parsed = databaseUrl ? parseDatabaseUrl(databaseUrl) : null;
if (!dataDir || !port || !parsed?.ok || !sandboxBaseUrl) {
  console.error('usage: counter-child.ts DATA_DIR PORT DATABASE_URL SANDBOX_BASE_URL');
  process.exit(2);
}
const core = await startCore({
  dataDir,
  book: { engine: 'postgres', connection: parsed.connection },
  keys: { env: {} },
  listener: 'start',
  useSandbox: true,
  startSandbox: false,
  listen: { host: '127.0.0.1', port: Number(port) },
});
const problem = core.runtime().listenerProblem;
if (problem) {
  console.error(inEnglish(problem));
  await core.close();
  process.exit(1);
}
const sandbox = (await core.profiles.active())!;
if (sandbox.baseUrl !== sandboxBaseUrl) await core.profiles.update(sandbox.id, { baseUrl: sandboxBaseUrl });

const send = (line: object) => process.stdout.write(`${JSON.stringify(line)}\n`);
for (const name of COUNTER_EVENTS) {
  core.events.on(name, (payload) => send({ event: name, payload, at: performance.timeOrigin + performance.now() }));
}

async function obey(command: CounterCommand): Promise<unknown> {
  if (command.command === 'status') {
    const status = await core.setup.status();
    if (!status.ok) throw new Error(inEnglish(status.error));
    return status.value;
  }
  const made = await core.service.createPaymentLink({ amount: Math.round(Number(command.amount) * 100) });
  if (!made.ok) throw new Error(inEnglish(made.error));
  return { ref: made.value.ref, returnPath: await paidReturnPath(made.value.paymentUrl!) };
}

const stop = () => void core.close().then(() => process.exit(0));
process.once('SIGTERM', stop);
const commands = createInterface({ input: process.stdin });
commands.on('line', (line) => {
  const command = JSON.parse(line) as CounterCommand;
  obey(command).then(
    (value) => send({ id: command.id, value }),
    (error: Error) => send({ id: command.id, error: error.message }),
  );
});
// The test that started it is gone: do not outlive it.
commands.on('close', stop);
send({ ready: { origin: core.runtime().returnBaseUrl, counterId: await thisCounterId(dataDir) } });
