// A stand-in for Cloudflare's cloudflared, installed as `cloudflared` on a test's PATH by
// test/support/cloudflared.ts. It takes `cloudflared tunnel run --url URL NAME` as cloudflared does, logs on
// stderr in cloudflared's style, and is a real tunnel on one machine: it serves the "public" side on
// 127.0.0.1:$STAND_IN_TUNNEL_PORT and forwards every request to URL, keeping the Host the browser sent and
// adding X-Forwarded-For, as cloudflared does. With STAND_IN_TUNNEL_EXIT=CODE it fails at once with that exit
// code, as cloudflared does when the tunnel's credentials are missing. Ends on SIGTERM.
const { createServer, request } = require('node:http');

const log = (level, message) => console.error(`${new Date().toISOString()} ${level} ${message}`);
const [command, sub, flag, target, name, ...rest] = process.argv.slice(2);
if (command !== 'tunnel' || sub !== 'run' || flag !== '--url' || !target || !name || name.startsWith('-') || rest.length > 0) {
  log('ERR', `unexpected arguments: ${process.argv.slice(2).join(' ')}`);
  process.exit(2);
}
log('INF', `Starting tunnel ${name} to ${target} (pid ${process.pid})`);
if (process.env.STAND_IN_TUNNEL_EXIT) {
  log('ERR', `Tunnel credentials file for ${name} doesn't exist or is not a file`);
  process.exit(Number(process.env.STAND_IN_TUNNEL_EXIT));
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
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(outgoing);
    },
  );
  forwarded.on('timeout', () => forwarded.destroy());
  forwarded.on('error', () => {
    log('ERR', `Unable to reach the origin service ${target}`);
    if (!outgoing.headersSent) outgoing.writeHead(502);
    outgoing.end();
  });
  incoming.pipe(forwarded);
});
server.listen(Number(process.env.STAND_IN_TUNNEL_PORT), '127.0.0.1', () =>
  log('INF', `Registered tunnel connection connIndex=0 location=dac01 protocol=quic`),
);
process.once('SIGTERM', () => {
  log('INF', 'Initiating graceful shutdown due to signal terminated ...');
  server.close(() => process.exit(0));
  server.closeAllConnections();
});
