// Gateways that misbehave the way a PHP gateway behind nginx can: real servers on 127.0.0.1 that never
// answer, dribble, send HTML error pages, truncated or enormous bodies, reset the connection, or show a
// self-signed certificate. The checkout client's tests and the reliability fault matrix both use them.
import { createServer, type RequestListener, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer, type AddressInfo, type Server, type Socket } from 'node:net';

/** `origin` is host:port, without a scheme, so one server can be tried as http:// or https://. */
export type FakeGateway = { origin: string; close(): Promise<void> };

export function started(server: Server & { closeAllConnections?: () => void }): Promise<FakeGateway> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        origin: `127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections?.();
          }),
      });
    });
  });
}

/** A throwaway HTTP gateway that answers every request with `handler`. */
export const httpGateway = (handler: RequestListener) => started(createServer(handler));

/** A throwaway TCP server for faults below HTTP; it remembers its sockets to close them. */
export function tcpGateway(onSocket: (socket: Socket) => void): Promise<FakeGateway> {
  const sockets = new Set<Socket>();
  const server = createNetServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    onSocket(socket);
  });
  return started(Object.assign(server, { closeAllConnections: () => sockets.forEach((s) => s.destroy()) }));
}

export function answer(status: number, body: string, contentType = 'application/json'): RequestListener {
  return (_req, res) => {
    res.writeHead(status, { 'content-type': contentType });
    res.end(body);
  };
}

export const HTML_PAGE = (title: string) =>
  `<!DOCTYPE html><html><head><title>${title}</title></head><body><h1>${title}</h1></body></html>`;

/** Accepts the connection and never says a word. */
export const silentGateway = () => tcpGateway(() => {});

/** Hangs up as soon as the request arrives. */
export const resettingGateway = () => tcpGateway((socket) => socket.once('data', () => socket.destroy()));

/** Sends HTTP 200 headers, then one space every 100 ms, forever. */
export async function dribblingGateway(): Promise<FakeGateway> {
  const timers = new Set<NodeJS.Timeout>();
  const gateway = await httpGateway((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    const timer = setInterval(() => res.write(' '), 100);
    timers.add(timer);
    res.on('close', () => clearInterval(timer));
  });
  return {
    origin: gateway.origin,
    close() {
      timers.forEach(clearInterval);
      return gateway.close();
    },
  };
}

/** Streams `total` bytes of spaces as fast as the client reads them, with or without a Content-Length. */
export async function hugeBodyGateway(total: number, announced: boolean): Promise<FakeGateway & { sent(): number; closed: Promise<void> }> {
  let sent = 0;
  let closed!: () => void;
  const whenClosed = new Promise<void>((resolve) => (closed = resolve));
  const gateway = await httpGateway((_req, res: ServerResponse) => {
    res.writeHead(200, { 'content-type': 'application/json', ...(announced ? { 'content-length': total } : {}) });
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const pump = () => {
      while (sent < total) {
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      res.end();
    };
    res.on('close', closed);
    pump();
  });
  return { ...gateway, sent: () => sent, closed: whenClosed };
}

/**
 * A gateway that accepts every checkout and hands back the payment link `link` makes of its own origin
 * (http://127.0.0.1:port): one too long for a QR code, or one on another host than the gateway's.
 */
export const linkGateway = (link: (origin: string) => string) =>
  httpGateway((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status: 'success', payment_url: link(`http://${req.headers.host}`) }));
  });

/** An HTTPS gateway with the given certificate that would hand out a payment link, if trusted. */
export function tlsGateway(credentials: { key: Buffer; cert: Buffer }): Promise<FakeGateway> {
  const success = JSON.stringify({ status: 'success', payment_url: 'https://pay.example.com/checkout?trx_id=tls' });
  return started(createHttpsServer(credentials, answer(200, success)));
}
