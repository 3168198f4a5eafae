// A reverse proxy in front of PayDesk's return listener, the stand-in for the shop's tunnel or nginx:
//   node --import tsx test/support/reverse-proxy.ts HOST PORT TARGET_ORIGIN
// Forwards every request to TARGET_ORIGIN keeping the Host the customer's browser sent (as nginx's
// `proxy_set_header Host $host` and the tunnels do) and adding X-Forwarded-For; answers 502 when the
// target cannot be reached. Prints "ready", then "METHOD PATH -> STATUS" per request. Stops on SIGTERM.
import { createServer, request } from 'node:http';

const [host, port, target] = process.argv.slice(2);
if (!host || !port || !target) {
  console.error('usage: reverse-proxy.ts HOST PORT TARGET_ORIGIN');
  process.exit(2);
}
const upstream = new URL(target);

const server = createServer((incoming, outgoing) => {
  const forwarded = request(
    {
      hostname: upstream.hostname,
      port: upstream.port,
      method: incoming.method,
      path: incoming.url,
      headers: { ...incoming.headers, 'x-forwarded-for': incoming.socket.remoteAddress ?? '' },
      timeout: 5000,
    },
    (answer) => {
      console.log(`${incoming.method} ${incoming.url} -> ${answer.statusCode}`);
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(outgoing);
    },
  );
  const unreachable = () => {
    console.log(`${incoming.method} ${incoming.url} -> 502`);
    if (!outgoing.headersSent) outgoing.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' });
    outgoing.end('Bad gateway');
  };
  forwarded.on('timeout', () => forwarded.destroy());
  forwarded.on('error', unreachable);
  incoming.pipe(forwarded);
});
server.listen(Number(port), host, () => console.log('ready'));
process.once('SIGTERM', () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
});
