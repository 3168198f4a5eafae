// A shop's release feed for the update tests: a real HTTP server on 127.0.0.1 (port 0) serving the files
// electron-builder's generic publisher writes, and counting every request it hears.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** What the feed answers for one path: a file's text (served as YAML), or a handler of its own. */
export type FeedFile = string | ((req: IncomingMessage, res: ServerResponse) => void);

export type ReleaseFeedServer = {
  /** The feed's folder, as the shop types it in Settings. */
  url: string;
  origin: string;
  /** Each path requested, in order. */
  requests: string[];
  files: Record<string, FeedFile>;
};

/** The release file electron-builder writes for `version`, its installers named as electron-builder names them. */
export function releaseYml(version: string, options: { base?: string; releaseDate?: string } = {}): string {
  const base = options.base ?? 'https://downloads.paydesk.example/releases/';
  const releaseDate = options.releaseDate ?? '2026-03-14T09:30:00.000Z';
  return [
    `version: ${version}`,
    'files:',
    `  - url: ${base}PayDesk-${version}.AppImage`,
    '    sha512: 9u2yQy1rWbGJ0X0k5cZ0F1bT2yVnqQ5c3aX8mJmM8wUuS2h5yO7m1c4W8mJmM8wUuS2h5yO7m1c4W8mJmM8wUw==',
    '    size: 118734823',
    '    blockMapSize: 123456',
    `  - url: ${base}paydesk_${version}_amd64.deb`,
    '    sha512: 2h5yO7m1c4W8mJmM8wUuS2h5yO7m1c4W8mJmM8wUu9u2yQy1rWbGJ0X0k5cZ0F1bT2yVnqQ5c3aX8mJmM8wUw==',
    '    size: 80734823',
    `path: ${base}PayDesk-${version}.AppImage`,
    'sha512: 9u2yQy1rWbGJ0X0k5cZ0F1bT2yVnqQ5c3aX8mJmM8wUuS2h5yO7m1c4W8mJmM8wUuS2h5yO7m1c4W8mJmM8wUw==',
    `releaseDate: '${releaseDate}'`,
    '',
  ].join('\n');
}

/**
 * Serves `files` under /paydesk/ until the test ends; any other path is a 404. With no files given, the same
 * release file answers under every platform's name, so a core on any computer finds it.
 */
export async function serveReleaseFeed(
  t: { after(fn: () => unknown): void },
  files?: Record<string, FeedFile>,
): Promise<ReleaseFeedServer> {
  const requests: string[] = [];
  const served: Record<string, FeedFile> = files ?? everyPlatform(releaseYml('9.0.0'));
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://feed').pathname;
    requests.push(path);
    const file = path.startsWith('/paydesk/') ? served[path.slice('/paydesk/'.length)] : undefined;
    if (file === undefined) res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    else if (typeof file === 'function') file(req, res);
    else res.writeHead(200, { 'content-type': 'text/yaml; charset=utf-8' }).end(file);
  });
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => {
    // A slow answer the test made on purpose must not hold the test open.
    for (const socket of sockets) socket.destroy();
    return new Promise((resolve) => server.close(resolve));
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url: `${origin}/paydesk/`, origin, requests, files: served };
}

/** The one release file under each name electron-updater reads on some platform. */
export const everyPlatform = (yml: string): Record<string, FeedFile> => ({
  'latest.yml': yml,
  'latest-mac.yml': yml,
  'latest-linux.yml': yml,
  'latest-linux-arm64.yml': yml,
});
