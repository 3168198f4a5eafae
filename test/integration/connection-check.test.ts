import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type RequestListener } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { checkConnection } from '../../electron/core/gateway/connection-check';
import { startSandboxGateway } from '../../electron/sandbox/sandbox-gateway';
import { ConnectionReport, type Message } from '../../shared/contract';
import { render } from '../../shared/messages/say';
import { canMakeCertificates, makeCertificate, type CertificateOptions } from '../support/self-signed';

type Listening = { origin: string; port: number; close(): Promise<void> };
type TestContext = { name: string; after(fn: () => unknown): void; skip(message?: string): void };

/** Listens on 127.0.0.1 with a port chosen by the OS; closed (with its connections) when the test ends. */
function listen(t: TestContext, server: Server): Promise<Listening> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
  });
  // A TLS server sees the check's handshake-only connection end abruptly; that is expected here.
  server.on('tlsClientError', () => {});
  const close = () =>
    new Promise<void>((done) => {
      server.close(() => done());
      sockets.forEach((socket) => socket.destroy());
    });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      t.after(close);
      resolve({ origin: `127.0.0.1:${port}`, port, close });
    });
  });
}

type Seen = { method: string | undefined; url: string | undefined; headers: IncomingHttpHeaders };

/** An HTTP server that remembers every request it gets and answers each with `handler`. */
function countingServer(handler: RequestListener = (_req, res) => res.writeHead(404).end('Not Found')) {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    seen.push({ method: req.method, url: req.url, headers: req.headers });
    req.resume();
    handler(req, res);
  });
  return { server, seen };
}

/** A message as an English reader reads it; '' for none. */
const en = (message: Message | null | undefined) => (message ? render(message, 'en') : '');

function assertReport(report: ConnectionReport, ok: boolean, steps: string[]) {
  assert.deepEqual(ConnectionReport.parse(report), report, 'the report matches the contract');
  assert.equal(report.ok, ok, en(report.message));
  assert.deepEqual(
    report.steps.map((step) => step.step),
    steps,
  );
  report.steps.forEach((step, i) => assert.equal(step.ok, !(i === steps.length - 1 && !ok), `${step.step}: ${en(step.detail)}`));
  assert.match(en(report.message), /^\S.{30,}\.$/s, 'the message is one sentence');
  assert.doesNotMatch(en(report.message), /\n/);
  assert.match(render(report.message, 'bn'), /^\S.{30,}।$/s, 'and one sentence in Bengali');
  return report.steps[report.steps.length - 1]!;
}

test('the sandbox gateway passes every step and is reported as connected', async (t) => {
  const sandbox = await startSandboxGateway();
  t.after(() => sandbox.close());
  const report = await checkConnection(sandbox.baseUrl, 'sandbox');
  assertReport(report, true, ['url', 'dns', 'tcp', 'http']);
  assert.deepEqual(report.message, { code: 'check_connected', params: { host: new URL(sandbox.baseUrl).host } });
  assert.equal(en(report.message), `Connected to ${new URL(sandbox.baseUrl).host}: the gateway answers.`);
  assert.equal(report.warning, null);
  const [, dns, tcp, http] = report.steps;
  assert.match(en(dns?.detail), /127\.0\.0\.1 is a numeric address/);
  assert.match(en(tcp?.detail), /^Connected to 127\.0\.0\.1 port \d+\.$/);
  assert.match(en(http?.detail), /HTTP \d{3}/);
});

test('the check sends one GET of the Base URL, without the API key, and never a POST', async (t) => {
  const { server, seen } = countingServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<h1>API</h1>'));
  const gateway = await listen(t, server);
  for (const mode of ['live', 'sandbox'] as const) {
    const report = await checkConnection(`http://${gateway.origin}/api/`, mode);
    assertReport(report, true, ['url', 'dns', 'tcp', 'http']);
    assert.match(en(report.steps[3]?.detail), /HTTP 200 \(OK\)/);
  }
  assert.deepEqual(
    seen.map(({ method, url }) => [method, url]),
    [
      ['GET', '/api/'],
      ['GET', '/api/'],
    ],
  );
  assert.ok(seen.every(({ headers }) => headers.authorization === undefined && headers['content-length'] === undefined));
});

test('a Base URL on localhost is checked by name and passes', async (t) => {
  const { server, seen } = countingServer();
  const gateway = await listen(t, server);
  const report = await checkConnection(`http://localhost:${gateway.port}/api`, 'live');
  // localhost may also resolve to ::1, where nothing listens: the check goes on to the next address.
  assertReport(report, true, ['url', 'dns', 'tcp', 'http']);
  assert.equal(report.warning, null, 'plain http to this computer crosses no network');
  assert.match(en(report.steps[1]?.detail), /^localhost is at .*127\.0\.0\.1/);
  assert.match(en(report.steps[3]?.detail), /HTTP 404 \(Not Found\); any answer shows it is reachable/);
  assert.equal(seen.length, 1);
});

test('a closed port fails at the connection step and names the address and port', async (t) => {
  const gateway = await listen(t, createNetServer());
  await gateway.close();
  const report = await checkConnection(`http://${gateway.origin}/api`, 'sandbox');
  const failed = assertReport(report, false, ['url', 'dns', 'tcp']);
  assert.deepEqual(failed.detail, { code: 'check_tcp_refused_detail', params: { host: '127.0.0.1', port: gateway.port } });
  assert.deepEqual(report.message, { code: 'check_tcp_refused', params: { host: '127.0.0.1', port: gateway.port, subject: 'gateway' } });
  assert.equal(en(failed.detail), `Nothing is accepting connections at 127.0.0.1 port ${gateway.port}.`);
  assert.equal(
    en(report.message),
    `Nothing is accepting connections at 127.0.0.1 port ${gateway.port}: check the port in the Base URL and that the gateway is running.`,
  );
});

test('a host name that does not exist fails at the name look-up', async () => {
  const report = await checkConnection('https://gateway.paydesk.invalid/api', 'live');
  const failed = assertReport(report, false, ['url', 'dns']);
  assert.match(en(failed.detail), /gateway\.paydesk\.invalid/);
  assert.match(en(report.message), /^PayDesk could (not find|not look up) gateway\.paydesk\.invalid.*check .*internet/);
});

test('a Base URL that is not a usable web address fails at the first step, before any traffic', async () => {
  const cases: [string, RegExp][] = [
    ['your-domain.com/api', /^“your-domain\.com\/api” is not a web address starting with https:\/\/ or http:\/\/; copy the Base URL again/],
    ['ftp://files.example.com/api', /is not a web address starting with https:\/\//],
    ['   ', /^Type the gateway’s Base URL first/],
    ['https://merchant:hunter2@pay.example.com/api', /user name or password/],
  ];
  for (const [baseUrl, expected] of cases) {
    const report = await checkConnection(baseUrl, 'live');
    assertReport(report, false, ['url']);
    assert.match(en(report.message), expected);
    assert.ok(!JSON.stringify(report).includes('hunter2'), 'a password in the URL is never repeated');
  }
});

test('plain http on a live profile passes the address step with a warning about the API key', async () => {
  // A .invalid name stops the check at the look-up, so no traffic leaves this computer.
  const live = await checkConnection('http://gateway.paydesk.invalid/api', 'live');
  assertReport(live, false, ['url', 'dns']);
  assert.equal(live.warning?.code, 'check_url_plain_http');
  assert.match(en(live.warning), /API key .* cross the network unencrypted/);
  assert.match(en(live.warning), /https:\/\//);
  const sandbox = await checkConnection('http://gateway.paydesk.invalid/api', 'sandbox');
  assert.equal(sandbox.warning, null, 'a sandbox profile has no real key to protect');
  const encrypted = await checkConnection('https://gateway.paydesk.invalid/api', 'live');
  assert.equal(encrypted.warning, null);
});

test('plain http to this computer on a live profile gives no warning', async (t) => {
  const { server } = countingServer();
  const gateway = await listen(t, server);
  const report = await checkConnection(`http://${gateway.origin}/api`, 'live');
  assertReport(report, true, ['url', 'dns', 'tcp', 'http']);
  assert.equal(report.warning, null);
});

/** An https server on 127.0.0.1 with a certificate made for the test; null when openssl is missing. */
async function httpsGateway(t: TestContext, options: CertificateOptions = {}) {
  if (!canMakeCertificates(t)) return null;
  const certificate = makeCertificate(t, options);
  const seen: string[] = [];
  const server = createHttpsServer({ key: certificate.key, cert: certificate.cert }, (req, res) => {
    seen.push(`${req.method} ${req.url}`);
    res.writeHead(404).end();
  });
  const gateway = await listen(t, server);
  return { ...gateway, trust: certificate.trust, seen };
}

test('a self-signed certificate fails at the certificate step and says so in plain words', async (t) => {
  const gateway = await httpsGateway(t);
  if (gateway === null) return;
  const report = await checkConnection(`https://${gateway.origin}/api`, 'live');
  const failed = assertReport(report, false, ['url', 'dns', 'tcp', 'tls']);
  assert.match(en(failed.detail), /^The security certificate of 127\.0\.0\.1 is self-signed/);
  assert.match(en(report.message), /security certificate of 127\.0\.0\.1 is self-signed.*recognised authority/);
  assert.deepEqual(gateway.seen, [], 'no request is made over an untrusted connection');

  // Trusted, the same server passes: the failure above was the certificate and nothing else.
  const trusted = await checkConnection(`https://${gateway.origin}/api`, 'live', { ca: gateway.trust });
  assertReport(trusted, true, ['url', 'dns', 'tcp', 'tls', 'http']);
  assert.match(en(trusted.steps[3]?.detail), /^The security certificate of 127\.0\.0\.1 is valid until \d{1,2} \w+ \d{4}, issued by/);
  assert.deepEqual(gateway.seen, ['GET /api']);
});

test('an expired certificate is reported as expired, with its date', async (t) => {
  const gateway = await httpsGateway(t, { expired: true });
  if (gateway === null) return;
  const report = await checkConnection(`https://${gateway.origin}/api`, 'live', { ca: gateway.trust });
  const failed = assertReport(report, false, ['url', 'dns', 'tcp', 'tls']);
  assert.equal(failed.detail.code, 'check_tls_expired_detail');
  assert.equal(failed.detail.params.validTo, '2020-01-02T00:00:00.000Z');
  assert.equal(en(failed.detail), 'The security certificate of 127.0.0.1 expired on 2 Jan 2020.');
  assert.equal(render(failed.detail, 'bn'), '127.0.0.1-এর নিরাপত্তা সার্টিফিকেটের মেয়াদ ২ জানুয়ারি, ২০২০ তারিখে শেষ হয়েছে।');
  assert.match(en(report.message), /this computer’s date is right.*renew the certificate/);
});

test('a certificate made for another name is reported as the wrong host name', async (t) => {
  const gateway = await httpsGateway(t, { altNames: 'DNS:pay.example.com, DNS:www.pay.example.com' });
  if (gateway === null) return;
  const report = await checkConnection(`https://${gateway.origin}/api`, 'live', { ca: gateway.trust });
  const failed = assertReport(report, false, ['url', 'dns', 'tcp', 'tls']);
  assert.equal(
    en(failed.detail),
    'The security certificate shown at 127.0.0.1 is for pay.example.com and www.pay.example.com, not for 127.0.0.1.',
  );
  assert.match(en(report.message), /check the spelling of the Base URL/);
});

test('a certificate from an authority this computer does not trust names the issuer', async (t) => {
  const gateway = await httpsGateway(t, { issuedByAuthority: true });
  if (gateway === null) return;
  const report = await checkConnection(`https://${gateway.origin}/api`, 'live');
  const failed = assertReport(report, false, ['url', 'dns', 'tcp', 'tls']);
  assert.equal(
    en(failed.detail),
    'The security certificate of 127.0.0.1 was issued by “PayDesk Test Authority”, which this computer does not trust.',
  );
  const trusted = await checkConnection(`https://${gateway.origin}/api`, 'live', { ca: gateway.trust });
  assertReport(trusted, true, ['url', 'dns', 'tcp', 'tls', 'http']);
});

test('https to a server that only speaks plain http fails at the certificate step', async (t) => {
  const { server, seen } = countingServer();
  const gateway = await listen(t, server);
  const report = await checkConnection(`https://${gateway.origin}/api`, 'live');
  assertReport(report, false, ['url', 'dns', 'tcp', 'tls']);
  assert.match(en(report.message), /should start with http:\/\/ instead/);
  assert.equal(seen.length, 0);
});

test('a server that answers, but not in HTTP, fails at the web step', async (t) => {
  const gateway = await listen(
    t,
    createNetServer((socket) => socket.end('SSH-2.0-OpenSSH_9.6\r\n')),
  );
  const report = await checkConnection(`http://${gateway.origin}/api`, 'sandbox');
  const failed = assertReport(report, false, ['url', 'dns', 'tcp', 'http']);
  assert.equal(en(failed.detail), `${gateway.origin} answered, but not as a web server (HTTP).`);
  assert.match(en(report.message), /check the port in the Base URL/);
});

test('a server that accepts the connection but never answers fails at the web step in time', async (t) => {
  const gateway = await listen(
    t,
    createNetServer(() => {}),
  );
  const startedAt = Date.now();
  const report = await checkConnection(`http://${gateway.origin}/api`, 'sandbox', { timeoutMs: 400 });
  const failed = assertReport(report, false, ['url', 'dns', 'tcp', 'http']);
  assert.ok(Date.now() - startedAt < 3000, 'gives up near the time limit');
  assert.equal(en(failed.detail), `${gateway.origin} accepted the connection but gave no answer within 0.4 seconds.`);
});

test('a redirect to another site is reported and warned about, never followed', async (t) => {
  const elsewhere = countingServer((_req, res) => res.writeHead(200).end('{}'));
  const target = await listen(t, elsewhere.server);
  const { server } = countingServer((_req, res) => res.writeHead(301, { location: `http://${target.origin}/api` }).end());
  const gateway = await listen(t, server);
  const report = await checkConnection(`http://${gateway.origin}/api`, 'sandbox');
  const step = assertReport(report, true, ['url', 'dns', 'tcp', 'http']);
  assert.match(
    en(step.detail),
    /HTTP 301 \(Moved Permanently\), a redirect to “http:\/\/127\.0\.0\.1:\d+\/api”, which PayDesk did not follow/,
  );
  assert.match(en(report.warning), /never made through a redirect/);
  assert.equal(elsewhere.seen.length, 0);
});

test('a redirect within the same site is reported without a warning', async (t) => {
  const { server, seen } = countingServer((req, res) =>
    req.url === '/api' ? res.writeHead(301, { location: '/api/' }).end() : res.writeHead(200).end('ok'),
  );
  const gateway = await listen(t, server);
  const report = await checkConnection(`http://${gateway.origin}/api`, 'sandbox');
  assertReport(report, true, ['url', 'dns', 'tcp', 'http']);
  assert.equal(report.warning, null);
  assert.equal(seen.length, 1);
});

test('a server error page still shows the gateway is reachable, with a warning', async (t) => {
  const { server } = countingServer((_req, res) => res.writeHead(502, { 'content-type': 'text/html' }).end('<h1>502 Bad Gateway</h1>'));
  const gateway = await listen(t, server);
  const report = await checkConnection(`http://${gateway.origin}/api`, 'live');
  const step = assertReport(report, true, ['url', 'dns', 'tcp', 'http']);
  assert.match(en(step.detail), /HTTP 502 \(Bad Gateway\), an error on its own side/);
  assert.match(en(report.warning), /error of its own \(HTTP 502\)/);
});

/** What a Bengali reader sees of a message, less its data (hosts, ports, addresses, codes) and the brand. */
function bengaliWords(message: Message): string {
  let text = render(message, 'bn');
  const data = Object.values(message.params).flatMap((value) => (typeof value === 'string' ? [value] : Array.isArray(value) ? value : []));
  for (const value of data.sort((a, b) => b.length - a.length)) if (value !== '') text = text.replaceAll(value, '');
  return text.replace(/https?:\/\/\S*/g, '').replaceAll('PayDesk', '');
}

test('a failing check reads in Bengali at every step, with no Latin word besides hosts, ports and addresses', async (t) => {
  const closed = await listen(t, createNetServer());
  await closed.close();
  const silent = await listen(
    t,
    createNetServer(() => {}),
  );
  const plain = countingServer();
  const plainHttp = await listen(t, plain.server);
  const broken = countingServer((_req, res) => res.writeHead(502).end());
  const brokenHttp = await listen(t, broken.server);
  const reports = [
    await checkConnection('your-domain.com/api', 'live'),
    await checkConnection('https://merchant:hunter2@pay.example.com/api', 'live'),
    await checkConnection('http://gateway.paydesk.invalid/api', 'live'),
    await checkConnection(`http://${closed.origin}/api`, 'live'),
    await checkConnection(`http://${silent.origin}/api`, 'live', { timeoutMs: 300 }),
    await checkConnection(`https://${plainHttp.origin}/api`, 'live'),
    await checkConnection(`http://${brokenHttp.origin}/api`, 'live'),
  ];
  const certificates = await httpsGateway(t, { expired: true });
  if (certificates) reports.push(await checkConnection(`https://${certificates.origin}/api`, 'live', { ca: certificates.trust }));
  const selfSigned = await httpsGateway(t);
  if (selfSigned) reports.push(await checkConnection(`https://${selfSigned.origin}/api`, 'live'));

  for (const report of reports) {
    const said = [report.message, ...(report.warning ? [report.warning] : []), ...report.steps.map((step) => step.detail)];
    for (const message of said) {
      const words = bengaliWords(message);
      assert.doesNotMatch(words, /[A-Za-z]/, `${message.code}: ${render(message, 'bn')}`);
      assert.match(words, /[\u0980-\u09ff]/, `${message.code} is written in Bengali`);
    }
  }
});
