// A TCP proxy on 127.0.0.1 between a counter and its PostgreSQL server, which a test uses to cut the network between
// them the way a pulled cable or a dead switch does: `cut()` stops forwarding without closing anything (bytes sent
// either way are taken and never delivered, a connection made meanwhile is accepted and never answered), so PayDesk
// hears no error at all, only silence; `drop()` then closes every connection, as a router that lost its state does;
// `refuse()` closes each new connection at once, as a server that is down does, only without the wait for one to
// stop; `mend()` forwards again, for connections made from then on (one that lived through a cut lost bytes: it stays
// silent).
import { createConnection, createServer, type AddressInfo, type Socket } from 'node:net';

export type TcpProxy = {
  /** host:port to connect to instead of the server's. */
  host: string;
  port: number;
  cut(): void;
  drop(): void;
  refuse(): void;
  mend(): void;
  close(): Promise<void>;
};

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let mode: 'forward' | 'silent' | 'refuse' = 'forward';
  const sockets = new Set<Socket>();
  /** The connections forwarding now: a cut silences them for good (their bytes are lost, so they cannot resume). */
  const links = new Set<{ silent: boolean }>();
  const keep = (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    // A socket the other side reset is just gone: nothing for the proxy to do.
    socket.on('error', () => socket.destroy());
  };
  const server = createServer((client) => {
    keep(client);
    if (mode === 'refuse') {
      client.destroy();
      return;
    }
    if (mode === 'silent') {
      // Taken and never answered: what a silently cut network looks like from the counter's side.
      client.on('data', () => {});
      return;
    }
    const upstream = createConnection(target);
    keep(upstream);
    const state = { silent: false };
    links.add(state);
    const link = (from: Socket, to: Socket) => {
      from.on('data', (chunk) => {
        if (!state.silent) to.write(chunk);
      });
      from.once('close', () => {
        links.delete(state);
        if (!state.silent) to.destroy();
      });
    };
    link(client, upstream);
    link(upstream, client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    host: '127.0.0.1',
    port,
    cut: () => {
      mode = 'silent';
      for (const state of links) state.silent = true;
    },
    drop: () => {
      for (const socket of sockets) socket.destroy();
    },
    refuse: () => {
      mode = 'refuse';
      for (const socket of sockets) socket.destroy();
    },
    mend: () => {
      mode = 'forward';
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
