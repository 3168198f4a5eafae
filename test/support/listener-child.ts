// PayDesk's return listener in a process of its own, over a data folder:
//   node --import tsx test/support/listener-child.ts DATA_DIR PORT [DATABASE_URL]
// It is the core the app starts (startCore), with the listener on 127.0.0.1:PORT and no sandbox gateway, over the
// SQLite book in DATA_DIR or the PostgreSQL database at DATABASE_URL.
// Prints "ready" once it answers. A "memory" line on stdin is answered with process.memoryUsage() as JSON.
// Tests use it where the listener must be killed outright, or measured apart from the client.
import { createInterface } from 'node:readline';
import { startCore } from '../../electron/core/paydesk-core';
import { parseDatabaseUrl } from '../../electron/core/storage/postgres/pool-config';
import { inEnglish } from '../../shared/messages/say';

const [dataDir, port, databaseUrl] = process.argv.slice(2);
const parsed = databaseUrl ? parseDatabaseUrl(databaseUrl) : null;
if (!dataDir || !port || parsed?.ok === false) {
  console.error('usage: listener-child.ts DATA_DIR PORT [DATABASE_URL]');
  process.exit(2);
}
const core = await startCore({
  dataDir,
  ...(parsed?.ok ? { book: { engine: 'postgres', connection: parsed.connection } } : {}),
  keys: { env: {} },
  listener: 'start',
  startSandbox: false,
  listen: { host: '127.0.0.1', port: Number(port) },
});
const problem = core.runtime().listenerProblem;
if (problem) {
  console.error(inEnglish(problem));
  await core.close();
  process.exit(1);
}
console.log('ready');

const stop = () => void core.close().then(() => process.exit(0));
process.once('SIGTERM', stop);
const commands = createInterface({ input: process.stdin });
commands.on('line', (line) => {
  if (line === 'memory') console.log(JSON.stringify(process.memoryUsage()));
});
// The test that started it is gone: do not outlive it.
commands.on('close', stop);
