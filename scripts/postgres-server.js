// A PostgreSQL server of the tests' own: a cluster made by initdb in a temp folder, listening on 127.0.0.1 at a free
// port and on a socket in that folder, with a password (SCRAM) for its superuser, stopped and deleted at the end.
// `npm test` starts one for the run (PAYDESK_TEST_POSTGRES_URL); a test that restarts or stops the server starts its
// own. As root, the cluster belongs to the `postgres` user (the server refuses to run as root).
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';

/** The superuser the tests' cluster is made with. */
export const POSTGRES_ADMIN = 'paydesk_admin';

/**
 * Where initdb and pg_ctl are: PAYDESK_PG_BIN, the PATH, pg_config's bindir, or Debian's newest
 * /usr/lib/postgresql/N/bin (Debian puts only wrappers such as pg_ctlcluster on the PATH).
 */
export function postgresBin(env = process.env) {
  const hasBoth = (dir) => existsSync(join(dir, 'pg_ctl')) && existsSync(join(dir, 'initdb'));
  if (env.PAYDESK_PG_BIN) return hasBoth(env.PAYDESK_PG_BIN) ? env.PAYDESK_PG_BIN : null;
  const onPath = (env.PATH ?? '').split(delimiter).find((dir) => dir !== '' && hasBoth(dir));
  // A link on the PATH (/usr/local/bin/pg_ctl → /usr/lib/postgresql/15/bin/pg_ctl) stands for the folder it points into.
  if (onPath) return dirname(realpathSync(join(onPath, 'pg_ctl')));
  const fromConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  if (fromConfig.status === 0 && hasBoth(fromConfig.stdout.trim())) return fromConfig.stdout.trim();
  const debian = '/usr/lib/postgresql';
  if (!existsSync(debian)) return null;
  const versions = readdirSync(debian)
    .filter((name) => /^\d+$/.test(name) && hasBoth(join(debian, name, 'bin')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(debian, versions[0], 'bin') : null;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** The command line that runs a PostgreSQL program as the cluster's owner. */
function asOwner(bin, program, args) {
  const command = join(bin, program);
  return isRoot() ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
}

/** Runs a PostgreSQL program as the cluster's owner, bounded in time; throws with its output when it fails. */
function run(bin, program, args, timeoutMs = 60_000) {
  const [file, argv] = asOwner(bin, program, args);
  try {
    return execFileSync(file, argv, { encoding: 'utf8', timeout: timeoutMs, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    throw new Error(`${program} ${args.join(' ')} failed: ${error.stderr || error.message}`);
  }
}

/** The same without blocking this process, so a server the process's own PayDesk uses can go away under it and come back. */
function runInBackground(bin, program, args, timeoutMs = 60_000) {
  const [file, argv] = asOwner(bin, program, args);
  return new Promise((resolve, reject) => {
    execFile(file, argv, { encoding: 'utf8', timeout: timeoutMs }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${program} ${args.join(' ')} failed: ${stderr || error.message}`));
      else resolve(stdout);
    });
  });
}

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Makes and starts a cluster. Its URLs carry the superuser's password (and sslmode=disable, unless it was started
 * with `tls`: a certificate and key in PEM); `stop()` stops it (fast) and deletes the folder,
 * `restart('immediate')` crashes and restarts it on the same port.
 */
export async function startPostgres({ bin = postgresBin(), settings = {}, tls = null } = {}) {
  if (!bin) throw new Error('PostgreSQL is not installed (apt-get install postgresql, or set PAYDESK_PG_BIN).');
  const dir = mkdtempSync(join(tmpdir(), 'paydesk-pg-'));
  const data = join(dir, 'data');
  const password = randomBytes(18).toString('base64url');
  const passwordFile = join(dir, 'password');
  writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  if (isRoot()) {
    const { uid, gid } = postgresUser();
    chownSync(dir, uid, gid);
    chownSync(passwordFile, uid, gid);
  }
  run(bin, 'initdb', [
    '-D',
    data,
    '-U',
    POSTGRES_ADMIN,
    '--pwfile',
    passwordFile,
    '--auth=scram-sha-256',
    '--encoding=UTF8',
    '--locale=C.UTF-8',
    '--no-sync',
  ]);
  rmSync(passwordFile);
  const tlsSettings = tls ? { ssl: 'on', ...writeTlsFiles(dir, tls) } : {};
  const port = await freePort();
  const options = {
    listen_addresses: '127.0.0.1',
    port: String(port),
    unix_socket_directories: dir,
    // A test server: durability is the tests' own business (fsync off keeps a run's thousands of commits fast);
    // the restart tests crash it with -m immediate, which WAL survives without fsync as long as the OS stays up.
    fsync: 'off',
    full_page_writes: 'off',
    max_connections: '200',
    shared_buffers: '128MB',
    ...tlsSettings,
    ...settings,
  };
  const flags = Object.entries(options)
    .map(([name, value]) => `-c ${name}=${value}`)
    .join(' ');
  const logFile = join(dir, 'server.log');
  const pgCtlArgs = (args) => ['-D', data, '-l', logFile, '-w', '-t', '60', ...args];
  const pgCtl = (args) => run(bin, 'pg_ctl', pgCtlArgs(args));
  pgCtl(['-o', flags, 'start']);
  let running = true;
  const url = (database = 'postgres') =>
    `postgres://${POSTGRES_ADMIN}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}` +
    (tls ? '' : '?sslmode=disable');
  return {
    bin,
    dir,
    port,
    host: '127.0.0.1',
    user: POSTGRES_ADMIN,
    password,
    url,
    logFile,
    /** Stops the server the way it is asked to: `immediate` is a crash (no shutdown checkpoint). */
    stopServer(mode = 'fast') {
      if (running) pgCtl(['-m', mode, 'stop']);
      running = false;
    },
    startServer() {
      if (!running) pgCtl(['-o', flags, 'start']);
      running = true;
    },
    /** Resolves once the server answers again; this process's event loop runs on meanwhile. */
    async restart(mode = 'fast') {
      await runInBackground(bin, 'pg_ctl', pgCtlArgs(['-m', mode, '-o', flags, 'restart']));
      running = true;
    },
    stop() {
      try {
        if (running) pgCtl(['-m', 'fast', 'stop']);
      } finally {
        running = false;
        rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
      }
    },
  };
}

/** The server refuses a key file anyone but its owner may read, so it belongs to the cluster's owner, mode 0600. */
function writeTlsFiles(dir, { cert, key }) {
  const files = { ssl_cert_file: join(dir, 'server.crt'), ssl_key_file: join(dir, 'server.key') };
  writeFileSync(files.ssl_cert_file, cert, { mode: 0o644 });
  writeFileSync(files.ssl_key_file, key, { mode: 0o600 });
  if (isRoot()) {
    const { uid, gid } = postgresUser();
    for (const file of Object.values(files)) chownSync(file, uid, gid);
  }
  return files;
}

/**
 * The one server a whole run of test files shares (npm test, the reliability suite, the benches), handed to them as
 * PAYDESK_TEST_POSTGRES_URL (its superuser's URL) and stopped when this process exits, however it exits. Where
 * PostgreSQL is not installed: with PAYDESK_REQUIRE_POSTGRES=1 (CI) the run ends there; otherwise it says, once,
 * that the PostgreSQL variants of `what` will skip. A URL already set (a run inside a run) is kept as it is.
 */
export async function startRunServer(what) {
  if (process.env.PAYDESK_TEST_POSTGRES_URL) return { env: {} };
  const bin = postgresBin();
  if (!bin) {
    if (process.env.PAYDESK_REQUIRE_POSTGRES === '1') {
      console.error(
        'PostgreSQL is required here (PAYDESK_REQUIRE_POSTGRES=1) but not installed: apt-get install postgresql, or set PAYDESK_PG_BIN.',
      );
      process.exit(1);
    }
    console.log(`PostgreSQL is not installed, so the ${what} on PostgreSQL will skip (apt-get install postgresql to run them).`);
    return { env: {} };
  }
  const server = await startPostgres({ bin });
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    server.stop();
  };
  process.once('exit', stop);
  // A signal handled here still ends the run, through 'exit', so the server never outlives it.
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ])
    process.once(signal, () => process.exit(code));
  return { env: { PAYDESK_TEST_POSTGRES_URL: server.url() } };
}

function postgresUser() {
  const line = execFileSync('getent', ['passwd', 'postgres'], { encoding: 'utf8' }).trim();
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}
