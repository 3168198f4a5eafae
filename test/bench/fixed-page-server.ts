// The yardstick for the return listener: a bare node:http server answering every request with the same
// thank-you page, run in a process of its own exactly as the listener is. Prints "ready PORT".
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { thankYouPage } from '../../electron/core/listener/pages';

const body = Buffer.from(thankYouPage({ ref: 'PD-000001', amountMinor: 15050, transactionId: 'CJH1D2Y4W1' }, 'en').html);
const server = createServer((_req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': body.length });
  res.end(body);
});
server.listen(0, '127.0.0.1', () => console.log(`ready ${(server.address() as AddressInfo).port}`));
process.stdin.resume().on('end', () => process.exit(0));
