// Test certificates made with the openssl command: self-signed, expired, or issued by a throwaway
// authority, so TLS failures are real handshakes with a real server on 127.0.0.1. Where openssl is not
// installed the tests that need one are skipped and say why.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './temp-dir';

export type TestCertificate = {
  key: Buffer;
  cert: Buffer;
  /** What a client must trust to accept `cert`: the certificate itself, or the authority that issued it. */
  trust: Buffer;
};

export type CertificateOptions = {
  /** The subjectAltName the certificate is for. */
  altNames?: string;
  /** Valid only in early January 2020. */
  expired?: boolean;
  /** Issued by a throwaway authority instead of signed by its own key. */
  issuedByAuthority?: boolean;
};

type TestContext = { name: string; after(fn: () => void): void; skip(message?: string): void };

/** Skips the test, saying why, when openssl is missing; true when certificates can be made. */
export function canMakeCertificates(t: TestContext): boolean {
  if (!spawnSync('openssl', ['version']).error) return true;
  t.skip('openssl is not installed, so no test certificate can be made');
  console.log(`skipped “${t.name}”: openssl is not installed, so no test certificate can be made`);
  return false;
}

export function makeCertificate(t: TestContext, options: CertificateOptions = {}): TestCertificate {
  const dir = tempDir(t, 'paydesk-tls-');
  const file = (name: string) => join(dir, name);
  writeFileSync(file('index.txt'), '');
  writeFileSync(file('openssl.cnf'), config(dir, options.altNames ?? 'IP:127.0.0.1'));
  const newKey = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  const [start, end] = options.expired ? ['20200101000000Z', '20200102000000Z'] : validFromAnHourAgoForADay();
  const openssl = (...args: string[]) => {
    const run = spawnSync('openssl', args, { encoding: 'utf8', cwd: dir });
    if (run.status !== 0) throw new Error(`openssl ${args[0]} failed: ${run.stderr}`);
  };

  openssl(
    'req',
    '-new',
    '-config',
    file('openssl.cnf'),
    '-subj',
    '/CN=PayDesk test server',
    ...newKey,
    '-keyout',
    file('key.pem'),
    '-out',
    file('server.csr'),
  );
  const sign = [
    'ca',
    '-batch',
    '-notext',
    '-config',
    file('openssl.cnf'),
    '-extensions',
    'server',
    '-in',
    file('server.csr'),
    '-out',
    file('cert.pem'),
    '-startdate',
    start,
    '-enddate',
    end,
    '-create_serial',
  ];
  if (options.issuedByAuthority) {
    openssl(
      'req',
      '-new',
      '-x509',
      '-config',
      file('openssl.cnf'),
      '-extensions',
      'authority',
      '-days',
      '2',
      '-subj',
      '/O=PayDesk Test Authority/CN=PayDesk Test Authority',
      ...newKey,
      '-keyout',
      file('ca-key.pem'),
      '-out',
      file('ca.pem'),
    );
    openssl(...sign, '-cert', file('ca.pem'), '-keyfile', file('ca-key.pem'));
  } else {
    openssl(...sign, '-selfsign', '-keyfile', file('key.pem'));
  }
  const cert = readFileSync(file('cert.pem'));
  return {
    key: readFileSync(file('key.pem')),
    cert,
    trust: options.issuedByAuthority ? readFileSync(file('ca.pem')) : cert,
  };
}

function validFromAnHourAgoForADay(): [string, string] {
  const stamp = (ms: number) =>
    new Date(ms)
      .toISOString()
      .replace(/[-:T]/g, '')
      .replace(/\.\d+Z$/, 'Z');
  const now = Date.now();
  return [stamp(now - 3_600_000), stamp(now + 86_400_000)];
}

/** openssl reads a backslash in its config as an escape, so Windows paths use forward slashes. */
const slashed = (path: string) => path.replaceAll('\\', '/');

/** A config of our own, so the machine's openssl.cnf cannot add or change extensions. */
function config(dir: string, altNames: string): string {
  return `[req]
distinguished_name = name
[name]
[ca]
default_ca = test_ca
[test_ca]
database = ${slashed(join(dir, 'index.txt'))}
serial = ${slashed(join(dir, 'serial'))}
new_certs_dir = ${slashed(dir)}
default_md = sha256
policy = anything
unique_subject = no
copy_extensions = none
[anything]
commonName = supplied
organizationName = optional
[server]
subjectAltName = ${altNames}
[authority]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
`;
}
