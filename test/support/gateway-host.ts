// The payment gateway out on the internet, played by the sandbox gateway on a host of its own:
//   node --import tsx test/support/gateway-host.ts HOST PORT API_KEY
// Prints one JSON line ({ baseUrl }) once it answers. Stops on SIGTERM.
import { startSandboxGateway } from '../../electron/sandbox/sandbox-gateway';

const [host, port, apiKey] = process.argv.slice(2);
if (!host || !port || !apiKey) {
  console.error('usage: gateway-host.ts HOST PORT API_KEY');
  process.exit(2);
}
const gateway = await startSandboxGateway({ host, port: Number(port), apiKey });
console.log(JSON.stringify({ baseUrl: gateway.baseUrl }));
process.once('SIGTERM', () => void gateway.close().then(() => process.exit(0)));
