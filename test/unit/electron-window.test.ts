// The Electron shell's decisions, checked under plain Node: nothing here loads 'electron'.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { mainWindowOptions } from '../../electron/main/window-options';
import {
  canOpenExternally,
  guardWebContents,
  isAppUrl,
  mayAttachWebview,
  mayGrantPermission,
  mayNavigate,
  windowOpenDecision,
} from '../../electron/main/navigation';
import { senderOf } from '../../electron/main/ipc';
import { electronSqliteBindingPath } from '../../electron/main/sqlite-binding';

const root = join(import.meta.dirname, '..', '..');
const appEntry = pathToFileURL(join(root, 'out', 'renderer', 'index.html')).href;
const devEntry = 'http://localhost:5173/';

const STRICT_CSP: Record<string, string[]> = {
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  // The Paid chime, a bundled file.
  'media-src': ["'self'"],
  'connect-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'object-src': ["'none'"],
};

function cspOf(html: string): Record<string, string[]> | null {
  const meta = html.match(/<meta\s[^>]*http-equiv="Content-Security-Policy"[^>]*>/i)?.[0];
  const content = meta?.match(/content="([^"]*)"/i)?.[1];
  if (content === undefined) return null;
  const directives: Record<string, string[]> = {};
  for (const directive of content.split(';')) {
    const [name, ...sources] = directive.trim().split(/\s+/);
    if (name) directives[name] = sources;
  }
  return directives;
}

test('the main window is sandboxed, isolated and has no Node in the page', () => {
  const options = mainWindowOptions('/app/out/preload/index.cjs');
  const web = options.webPreferences ?? {};
  assert.equal(web.preload, '/app/out/preload/index.cjs');
  assert.equal(web.contextIsolation, true);
  assert.equal(web.sandbox, true);
  assert.equal(web.nodeIntegration, false);
  assert.equal(web.nodeIntegrationInWorker, false);
  assert.equal(web.nodeIntegrationInSubFrames, false);
  assert.equal(web.webSecurity, true);
  assert.equal(web.allowRunningInsecureContent, false);
  assert.equal(web.webviewTag, false);
  assert.equal(web.spellcheck, false);
});

test('the main window is titled PayDesk, has a sensible size and waits to be shown until it has painted', () => {
  const options = mainWindowOptions('/preload.cjs');
  assert.equal(options.title, 'PayDesk');
  assert.equal(options.show, false);
  assert.match(options.backgroundColor ?? '', /^#[0-9a-f]{6}$/i);
  assert.ok((options.width ?? 0) >= (options.minWidth ?? Infinity));
  assert.ok((options.height ?? 0) >= (options.minHeight ?? Infinity));
  assert.ok((options.minWidth ?? 0) >= 640 && (options.minHeight ?? 0) >= 480);
});

test("the app's own page counts as the app, whatever its query or fragment", () => {
  assert.equal(isAppUrl(appEntry, appEntry), true);
  assert.equal(isAppUrl(`${appEntry}#/orders`, appEntry), true);
  assert.equal(isAppUrl(`${appEntry}?status=paid`, appEntry), true);
});

test('other files, web pages and script or data URLs are not the app', () => {
  const otherFile = pathToFileURL(join(root, 'out', 'renderer', 'other.html')).href;
  for (const url of [
    otherFile,
    'file:///etc/passwd',
    pathToFileURL(join(root, 'renderer', 'index.html')).href,
    'https://example.com/',
    'http://localhost:5173/',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'about:blank',
    'not a url',
    '',
  ]) {
    assert.equal(isAppUrl(url, appEntry), false, url);
    assert.equal(mayNavigate(url, appEntry), false, url);
  }
});

test('in development the dev server origin is the app, and any other origin is not', () => {
  assert.equal(isAppUrl('http://localhost:5173/', devEntry), true);
  assert.equal(isAppUrl('http://localhost:5173/src/main.tsx?t=1', devEntry), true);
  assert.equal(isAppUrl('http://localhost:5174/', devEntry), false);
  assert.equal(isAppUrl('https://localhost:5173/', devEntry), false);
  assert.equal(isAppUrl('http://127.0.0.1:5173/', devEntry), false);
  assert.equal(isAppUrl(appEntry, devEntry), false);
});

test('an entry that is neither a file nor a web page trusts nothing', () => {
  assert.equal(isAppUrl('data:text/html,x', 'data:text/html,x'), false);
  assert.equal(isAppUrl('about:blank', 'about:blank'), false);
});

test('only absolute http and https addresses may open in the system browser', () => {
  for (const url of ['https://pay.example.com/checkout/abc', 'http://192.168.1.10:8080/pay?x=1']) {
    assert.equal(canOpenExternally(url), true, url);
  }
  for (const url of [
    'https://user:secret@pay.example.com/',
    'https://user@pay.example.com/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,hi',
    'mailto:shop@example.com',
    'smb://server/share',
    '/checkout/abc',
    'pay.example.com',
    'https://',
    '',
  ]) {
    assert.equal(canOpenExternally(url), false, url);
  }
});

test('a page never gets a new window; web addresses it asks for go to the system browser instead', () => {
  assert.deepEqual(windowOpenDecision('https://pay.example.com/x'), { action: 'deny', openExternally: true });
  assert.deepEqual(windowOpenDecision('file:///etc/passwd'), { action: 'deny', openExternally: false });
  assert.deepEqual(windowOpenDecision('javascript:alert(1)'), { action: 'deny', openExternally: false });
  assert.deepEqual(windowOpenDecision(appEntry), { action: 'deny', openExternally: false });
});

test('every permission is refused except clipboard writing from the app page', () => {
  assert.equal(mayGrantPermission('clipboard-sanitized-write', appEntry, appEntry), true);
  assert.equal(mayGrantPermission('clipboard-sanitized-write', 'https://example.com/', appEntry), false);
  for (const permission of ['clipboard-read', 'media', 'geolocation', 'notifications', 'openExternal', 'fileSystem']) {
    assert.equal(mayGrantPermission(permission, appEntry, appEntry), false, permission);
  }
  assert.equal(mayAttachWebview(), false);
});

test('guarded web contents block foreign navigation, redirects and webviews, and hand web links to the browser', async () => {
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = Object.assign(new EventEmitter(), {
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      openHandler = handler;
    },
  });
  const opened: string[] = [];
  guardWebContents(contents as unknown as Parameters<typeof guardWebContents>[0], {
    appEntryUrl: appEntry,
    openExternal: async (url) => {
      opened.push(url);
    },
  });
  const attempt = (event: string, url: string) => {
    let prevented = false;
    contents.emit(event, { url, preventDefault: () => (prevented = true) });
    return prevented;
  };

  assert.equal(attempt('will-frame-navigate', 'https://evil.example/'), true);
  assert.equal(attempt('will-frame-navigate', 'file:///etc/passwd'), true);
  assert.equal(attempt('will-frame-navigate', `${appEntry}#/orders`), false);
  assert.equal(attempt('will-redirect', 'https://evil.example/'), true);
  assert.equal(attempt('will-attach-webview', appEntry), true);

  assert.ok(openHandler);
  assert.deepEqual(openHandler({ url: 'https://pay.example.com/x' }), { action: 'deny' });
  assert.deepEqual(openHandler({ url: 'file:///etc/passwd' }), { action: 'deny' });
  await Promise.resolve();
  assert.deepEqual(opened, ['https://pay.example.com/x']);
});

test("an IPC sender is named by its frame's URL and is main-frame only when it is the page's top frame", () => {
  const main = { url: appEntry, processId: 4, routingId: 1 };
  const child = { url: appEntry, processId: 4, routingId: 7 };
  assert.deepEqual(senderOf({ senderFrame: main, sender: { mainFrame: main } }), { url: appEntry, isMainFrame: true });
  assert.deepEqual(senderOf({ senderFrame: { ...main }, sender: { mainFrame: main } }), {
    url: appEntry,
    isMainFrame: true,
  });
  assert.deepEqual(senderOf({ senderFrame: child, sender: { mainFrame: main } }), { url: appEntry, isMainFrame: false });
  assert.deepEqual(senderOf({ senderFrame: null, sender: { mainFrame: main } }), { url: '', isMainFrame: false });
});

test('the renderer page carries a strict Content-Security-Policy', () => {
  const csp = cspOf(readFileSync(join(root, 'renderer', 'index.html'), 'utf8'));
  assert.deepEqual(csp, STRICT_CSP);
});

const builtPage = join(root, 'out', 'renderer', 'index.html');
test(
  'the built renderer page keeps the strict policy and has no inline script',
  { skip: existsSync(builtPage) ? false : 'the renderer is not built (run `npm run build`)' },
  () => {
    const html = readFileSync(builtPage, 'utf8');
    assert.deepEqual(cspOf(html), STRICT_CSP);
    for (const script of html.match(/<script\b[^>]*>/gi) ?? []) assert.match(script, /\bsrc="\.\//, script);
    assert.doesNotMatch(html, /<script\b[^>]*>[^<\s]/i);
  },
);

const builtPreload = join(root, 'out', 'preload');
test(
  'each built preload (the shopkeeper’s, the customer view’s) is one CommonJS file that requires nothing but electron',
  { skip: existsSync(builtPreload) ? false : 'the preload is not built (run `npm run build`)' },
  () => {
    assert.deepEqual(readdirSync(builtPreload).sort(), ['customer.cjs', 'index.cjs']);
    for (const file of ['customer.cjs', 'index.cjs']) {
      const code = readFileSync(join(builtPreload, file), 'utf8');
      const required = [...code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((match) => match[1]);
      assert.deepEqual([...new Set(required)], ['electron'], file);
      assert.doesNotMatch(code, /^\s*(import|export)\s/m, file);
    }
  },
);

test('the Electron build of better-sqlite3 is kept per Electron version, platform and architecture', () => {
  assert.equal(
    electronSqliteBindingPath('/srv/paydesk', '41.7.1', 'linux', 'x64'),
    join('/srv/paydesk', 'node_modules', '.paydesk', 'better-sqlite3', 'electron-41.7.1-linux-x64', 'better_sqlite3.node'),
  );
  assert.notEqual(
    electronSqliteBindingPath('/srv/paydesk', '41.7.1', 'darwin', 'arm64'),
    electronSqliteBindingPath('/srv/paydesk', '41.7.1', 'linux', 'x64'),
  );
});
