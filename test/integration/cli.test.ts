import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { cpSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { startCore } from '../../electron/core/paydesk-core';
import { BIN, childEnv, paydesk, type Run } from '../support/cli';
import { freePort } from '../support/free-port';
import { decideOnCheckout } from '../support/customer-browser';
import { seedOrdersAt } from '../support/seed-orders';
import { csvBytes, dayFirst } from '../support/statements';
import { tempDir } from '../support/temp-dir';
import { copyFolderBook, folderBook } from '../support/test-engine';

const SANDBOX_KEY = 'sk_sandbox_paydesk';

/** Starts a long-running command and waits for the line that says it is ready. */
async function serve(t: { after(fn: () => unknown): void }, args: string[], ready: RegExp) {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: await childEnv(args) });
  const exited = once(child, 'exit');
  t.after(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });
  const lines: string[] = [];
  const reader = createInterface({ input: child.stdout! });
  for await (const line of reader) {
    lines.push(line);
    if (ready.test(line)) break;
  }
  return { child, lines, exited: exited as Promise<[number | null, string | null]> };
}

async function stop(child: ChildProcess, exited: Promise<[number | null, string | null]>, signal: NodeJS.Signals) {
  child.kill(signal);
  const [code] = await exited;
  return code;
}

test('paydesk --help lists every command and exits 0', async () => {
  const run = await paydesk(['--help']);
  assert.equal(run.code, 0);
  for (const command of ['profile add', 'profile list', 'profile use', 'link', 'listen', 'orders', 'sandbox']) {
    assert.match(run.stdout, new RegExp(`\\b${command}\\b`));
  }
});

/** A folder holding bin/paydesk.js, as a shopkeeper's install does; with `built`, out/cli and only better-sqlite3 beside. */
function installAt(t: { after(fn: () => void): void }, { built }: { built: boolean }): string {
  const dir = tempDir(t);
  const repo = join(dirname(BIN), '..');
  cpSync(BIN, join(dir, 'bin', 'paydesk.js'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
  if (built) {
    cpSync(join(repo, 'out', 'cli'), join(dir, 'out', 'cli'), { recursive: true });
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(join(repo, 'node_modules', 'better-sqlite3'), join(dir, 'node_modules', 'better-sqlite3'));
  }
  return join(dir, 'bin', 'paydesk.js');
}

test('the built command runs with no TypeScript compiler and nothing from node_modules but better-sqlite3', async (t) => {
  const bin = installAt(t, { built: true });
  const dataDir = tempDir(t);
  const help = await paydesk(['--help'], {}, bin);
  assert.equal(help.code, 0, help.stderr);
  assert.match(help.stdout, /^paydesk — /);
  const orders = await paydesk(['--data-dir', dataDir, 'orders', '--json'], {}, bin);
  assert.equal(orders.code, 0, orders.stderr);
  assert.deepEqual(JSON.parse(orders.stdout), []);
  // A statement is read in the worker thread, from the worker file built beside the CLI.
  const statement = join(tempDir(t), 'statement.csv');
  writeFileSync(statement, csvBytes(['Date,TrxID,Amount', `${dayFirst(new Date())},TRXBUILT1,100`]));
  const reconciled = await paydesk(['--data-dir', dataDir, 'reconcile', statement], {}, bin);
  assert.equal(reconciled.code, 0, reconciled.stderr);
  assert.match(reconciled.stdout, /unclaimed\s+1\b/);
});

test('a checkout whose command is not built is told in one sentence how to build it', async (t) => {
  const run = await paydesk(['--help'], {}, installAt(t, { built: false }));
  assert.equal(run.code, 2);
  assert.equal(run.stdout, '');
  assert.match(
    run.stderr,
    /^paydesk: the command is not built yet; run `npm run build:cli` \(or `npm ci`\) in the PayDesk folder first\.\n$/,
  );
});

test('bad usage exits 2 with a sentence and records nothing', async (t) => {
  const dataDir = tempDir(t);
  const cases = [
    ['link', '--amount', '1.234'],
    ['link', '--amount', '0'],
    ['link'],
    ['link', '--amount', '10', '--customer-email', 'nope'],
    ['orders', '--status', 'lost'],
    ['profile', 'add', 'shop', '--base-url', 'ftp://gateway'],
    ['profile', 'use', 'nobody'],
    ['frobnicate'],
    ['link', '--amount', '10', '--unknown-flag'],
  ];
  for (const args of cases) {
    const run = await paydesk(['--data-dir', dataDir, ...args]);
    assert.equal(run.code, 2, `${args.join(' ')} exits 2 (stderr: ${run.stderr})`);
    assert.match(run.stderr, /^paydesk: .+/);
    assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
  }
  const orders = await paydesk(['--data-dir', dataDir, 'orders', '--json']);
  assert.deepEqual(JSON.parse(orders.stdout), []);
});

test('sandbox, link and orders take one payment end to end from the command line', async (t) => {
  const dataDir = tempDir(t);
  const sandbox = await serve(t, ['--data-dir', dataDir, 'sandbox', '--port', '0', '--listen-port', '0'], /^listening on /);
  assert.match(sandbox.lines.join('\n'), /^sandbox gateway on http:\/\/127\.0\.0\.1:\d+/m);
  const listening = sandbox.lines.at(-1)!.replace('listening on ', '');

  const link = await paydesk(['--data-dir', dataDir, 'link', '--amount', '150.50', '--customer-name', 'করিম', '--json']);
  assert.equal(link.code, 0, link.stderr);
  // A loopback return address: the CLI user is told, on stderr, that a phone will not come back.
  assert.match(link.stderr, /^paydesk: warning: .*this computer only/);
  const created = JSON.parse(link.stdout);
  assert.deepEqual(Object.keys(created).sort(), ['amount', 'currency', 'payment_url', 'ref', 'status']);
  assert.equal(created.amount, '150.50');
  assert.equal(created.currency, 'BDT');
  assert.equal(created.status, 'pending');

  const landing = await decideOnCheckout(created.payment_url, 'Pay');
  assert.equal(landing.status, 200);
  assert.ok(landing.url.startsWith(`${listening}/r/`), 'the gateway sent the customer to the running listener');

  const orders = await paydesk(['--data-dir', dataDir, 'orders', '--status', 'paid', '--json']);
  const [paid] = JSON.parse(orders.stdout);
  assert.deepEqual(Object.keys(paid).sort(), [
    'amount',
    'counter',
    'created_at',
    'currency',
    'customer_email',
    'customer_name',
    'paid_at',
    'paid_manually',
    'ref',
    'status',
    'transaction_id',
    'verification',
  ]);
  assert.equal(paid.ref, created.ref);
  assert.equal(paid.customer_name, 'করিম');
  assert.equal(paid.transaction_id, new URL(landing.url).searchParams.get('transaction_id'));

  const table = await paydesk(['--data-dir', dataDir, 'orders', '--search', 'করিম']);
  assert.match(table.stdout, new RegExp(`${created.ref}\\s+paid\\s+৳?150\\.50`));
  assert.equal(await stop(sandbox.child, sandbox.exited, 'SIGTERM'), 0);
});

test('a gateway refusal exits 1 with the gateway’s own words and never prints the key', async (t) => {
  const dataDir = tempDir(t);
  const sandbox = await serve(t, ['--data-dir', dataDir, 'sandbox', '--port', '0', '--listen-port', '0'], /^listening on /);
  const base = /Base URL (\S+)\)/.exec(sandbox.lines.join('\n'))![1]!;
  const add = await paydesk(['--data-dir', dataDir, 'profile', 'add', 'shop', '--base-url', `${base}/`]);
  assert.equal(add.code, 0, add.stderr);
  assert.equal((await paydesk(['--data-dir', dataDir, 'profile', 'use', 'shop'])).code, 0);

  const link = await paydesk(['--data-dir', dataDir, 'link', '--amount', '10'], { PAYDESK_API_KEY: SANDBOX_KEY });
  assert.equal(link.code, 1);
  assert.match(link.stderr, /Domain mismatch\. দুঃখিত, সংযোগ স্থাপন করা যায়নি।/);
  assert.ok(!`${link.stdout}${link.stderr}`.includes(SANDBOX_KEY));

  const noKey = await paydesk(['--data-dir', dataDir, 'link', '--amount', '10'], { PAYDESK_API_KEY: '' });
  assert.equal(noKey.code, 2);
  assert.match(noKey.stderr, /PAYDESK_API_KEY/);

  const list = JSON.parse((await paydesk(['--data-dir', dataDir, 'profile', 'list', '--json'])).stdout);
  assert.deepEqual(
    list.map((p: { name: string; active: boolean; base_url: string }) => [p.name, p.active, p.base_url]),
    [
      ['sandbox', false, base],
      ['shop', true, `${base}/`],
    ],
  );
  await stop(sandbox.child, sandbox.exited, 'SIGTERM');
});

test('paydesk listen prints its address and exits cleanly on SIGINT', async (t) => {
  const dataDir = tempDir(t);
  const listen = await serve(t, ['--data-dir', dataDir, 'listen', '--host', '127.0.0.1', '--port', '0'], /^listening on /);
  const url = listen.lines.at(-1)!.replace('listening on ', '');
  assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
  const notFound = await fetch(`${url}/r/${'x'.repeat(43)}?transaction_id=T1`);
  assert.equal(notFound.status, 404);
  assert.equal(await stop(listen.child, listen.exited, 'SIGINT'), 0);
});

test('flags given to paydesk listen hold for that run only: the profile keeps its own listen address', async (t) => {
  const dataDir = tempDir(t);
  const add = await paydesk([
    '--data-dir',
    dataDir,
    'profile',
    'add',
    'shop',
    '--base-url',
    'https://pay.example/api',
    '--listen-host',
    '127.0.0.1',
    '--listen-port',
    '47555',
  ]);
  assert.equal(add.code, 0, add.stderr);
  assert.equal((await paydesk(['--data-dir', dataDir, 'profile', 'use', 'shop'])).code, 0);

  const listen = await serve(t, ['--data-dir', dataDir, 'listen', '--host', '0.0.0.0', '--port', '0'], /^listening on /);
  const port = new URL(listen.lines.at(-1)!.replace('listening on ', '')).port;
  assert.notEqual(port, '47555');
  assert.equal(
    (await fetch(`http://127.0.0.1:${port}/r/${'x'.repeat(43)}?transaction_id=T1`)).status,
    404,
    'this run listens where its flags say',
  );
  assert.equal(await stop(listen.child, listen.exited, 'SIGINT'), 0);

  const [shop] = JSON.parse((await paydesk(['--data-dir', dataDir, 'profile', 'list', '--json'])).stdout);
  assert.deepEqual([shop.name, shop.listen_host, shop.listen_port], ['shop', '127.0.0.1', 47555]);
});

test('names, statement lines and headers are printed with their control characters escaped, and --json stays exact', async (t) => {
  const dataDir = tempDir(t);
  const RETITLE = '\u001b]0;PAID IN FULL\u0007';
  const CLEAR = '\u001b[2J\u001b[H';
  const name = `Karim \u202ediap\u202c ${RETITLE}${CLEAR}\u009b31m`;
  const paidAt = new Date(Date.now() - 3600_000);
  const book = (await folderBook(dataDir, t))?.book;
  const core = await startCore({ dataDir, book, keys: { env: {} }, listener: 'elsewhere', startSandbox: false, useSandbox: true });
  try {
    await seedOrdersAt(core, [{ amountMinor: 15_000, name, at: new Date(paidAt.getTime() - 60_000), pay: 'TRXESC001' }]);
  } finally {
    await core.close();
  }
  const statement = join(tempDir(t), 'statement.csv');
  writeFileSync(
    statement,
    csvBytes([
      `Date,TrxID,Amount,Note${RETITLE}`,
      `${dayFirst(paidAt)},TRXESC001,150,${CLEAR}paid`,
      `${dayFirst(paidAt)},${RETITLE}TRX2,100,x`,
      `${dayFirst(paidAt)},TRX3,${CLEAR}100,y`,
      `${dayFirst(paidAt)},TRX4\u202e,100,\u2066z\u2069`,
    ]),
  );

  const runs: Array<[string, Run]> = [];
  const cli = async (...args: string[]) => {
    const run = await paydesk(['--data-dir', dataDir, ...args]);
    runs.push([args.join(' '), run]);
    return run;
  };
  const unmapped = await cli('reconcile', statement, '--map', 'trx=Reference,amount=Amount,time=Date');
  assert.equal(unmapped.code, 2, unmapped.stderr);
  assert.match(unmapped.stderr, /Note\\u001b\]0;PAID IN FULL\\u0007/, 'the header is named, escaped');
  const reconciled = await cli('reconcile', statement, '--map', 'trx=TrxID,amount=Amount,time=Date');
  assert.equal(reconciled.code, 0, reconciled.stderr);
  assert.match(reconciled.stdout, /verified\s+1\b/);
  assert.match(reconciled.stdout, /line 3: .*\\u001b\]0;PAID IN FULL\\u0007TRX2/);
  assert.match(reconciled.stdout, /line 4: .*\\u001b\[2J\\u001b\[H100/);
  assert.match(reconciled.stdout, /line 5: .*TRX4\\u202e/);
  const table = await cli('orders');
  assert.ok(table.stdout.includes('Karim \\u202ediap\\u202c \\u001b]0;PAID IN FULL\\u0007\\u001b[2J\\u001b[H\\u009b31m'), table.stdout);

  const report = JSON.parse((await cli('reconcile', statement, '--json')).stdout);
  assert.ok(
    report.rejected.some((r: { text: string }) => r.text.includes('TRX4\u202e,100,\u2066z\u2069')),
    'JSON keeps the line exactly',
  );
  const [order] = JSON.parse((await cli('orders', '--json')).stdout);
  assert.equal(order.customer_name, name, 'JSON keeps the name exactly');

  for (const [args, { stdout, stderr }] of runs) {
    for (const [stream, text] of [
      ['stdout', stdout],
      ['stderr', stderr],
    ] as const) {
      const raw = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u.exec(text);
      assert.equal(raw, null, `paydesk ${args} wrote a raw U+${raw?.[0].codePointAt(0)!.toString(16).padStart(4, '0')} to ${stream}`);
    }
  }
});

/** An order book with paid and pending orders, a statement against it, and a live profile whose listener is not running. */
async function seededBook(t: { after(fn: () => unknown): void }) {
  const dataDir = tempDir(t);
  const paidAt = new Date(Date.now() - 3600_000);
  const book = (await folderBook(dataDir, t))?.book;
  const core = await startCore({ dataDir, book, keys: { env: {} }, listener: 'elsewhere', startSandbox: false, useSandbox: true });
  let orders;
  try {
    orders = await seedOrdersAt(core, [
      { amountMinor: 150_050, name: 'রহিম উদ্দিন', at: new Date(paidAt.getTime() - 60_000), pay: 'TRXLANG001' },
      { amountMinor: 20_000, name: 'Karim', at: new Date(paidAt.getTime() - 120_000), pay: 'TRXLANG002' },
      { amountMinor: 9_900, at: new Date(paidAt.getTime() - 180_000) },
    ]);
  } finally {
    await core.close();
  }
  const statement = join(tempDir(t), 'statement.csv');
  writeFileSync(
    statement,
    csvBytes([
      'Date,TrxID,Amount',
      `${dayFirst(paidAt)},TRXLANG001,1500.50`,
      `${dayFirst(paidAt)},TRXLANG002,250`,
      `${dayFirst(paidAt)},TRXLANG003,75`,
      `${dayFirst(paidAt)},TRXLANG004,oops`,
    ]),
  );
  return { dataDir, statement, refs: orders.map((o) => o.ref), closedPort: await freePort() };
}

test('the same commands in English and in Bengali print the same --json bytes and exit with the same codes', async (t) => {
  const { dataDir, statement, closedPort } = await seededBook(t);
  const twin = tempDir(t);
  rmSync(twin, { recursive: true });
  cpSync(dataDir, twin, { recursive: true });
  await copyFolderBook(dataDir, twin, t);
  // Each language works on its own copy of the book, so a command that changes it changes both alike.
  // English by default; Bengali by --lang, which beats the environment's language.
  const speakers: Array<{ dataDir: string; args: string[]; env: Record<string, string> }> = [
    { dataDir, args: [], env: { PAYDESK_LANG: '' } },
    { dataDir: twin, args: ['--lang', 'bn'], env: { PAYDESK_LANG: 'en' } },
  ];
  const commands = [
    ['profile', 'list', '--json'],
    ['orders', '--json'],
    ['orders', '--status', 'paid', '--json'],
    ['reconcile', statement, '--json'],
    ['reconcile', statement, '--json'],
    ['orders', '--verification', 'amount_mismatch', '--json'],
    ['orders', '--status', 'lost', '--json'],
    ['link', '--amount', '1.234', '--json'],
    ['profile', 'add', 'shop', '--base-url', 'https://pay.example/api', '--listen-port', String(closedPort)],
    ['profile', 'use', 'shop'],
    ['return', 'check', '--json'],
    ['link', '--amount', '10', '--json'],
    ['frobnicate', '--json'],
  ];
  for (const command of commands) {
    const [english, bengali] = await Promise.all(
      speakers.map((s) => paydesk([...s.args, '--data-dir', s.dataDir, ...command], { PAYDESK_API_KEY: '', ...s.env })),
    );
    const what = `paydesk ${command.join(' ')}`;
    assert.equal(bengali!.code, english!.code, `${what} exits alike (${english!.stderr} / ${bengali!.stderr})`);
    if (command.includes('--json')) assert.equal(bengali!.stdout, english!.stdout, `${what} prints the same JSON`);
    if (english!.stderr) assert.notEqual(bengali!.stderr, english!.stderr, `${what} says its refusal in each language`);
  }
  const check = await paydesk(['--data-dir', twin, 'return', 'check', '--json'], { PAYDESK_LANG: 'bn' });
  assert.equal(check.code, 1, 'nothing listens at the closed port');
  const report = JSON.parse(check.stdout);
  assert.match(report.message, /^[\x20-\x7e’“”—–…]+$/, 'the JSON’s sentences are English whatever the language');
  assert.equal(typeof report.code, 'string');
});

test('PAYDESK_LANG=bn speaks Bengali, --lang beats it, and an unknown language is bad usage', async (t) => {
  const dataDir = tempDir(t);
  const byEnv = await paydesk(['--data-dir', dataDir, 'orders'], { PAYDESK_LANG: 'bn' });
  assert.equal(byEnv.code, 0, byEnv.stderr);
  assert.equal(byEnv.stdout, 'কোনো অর্ডার নেই।\n');
  const flagFirst = await paydesk(['--data-dir', dataDir, 'orders', '--lang', 'en'], { PAYDESK_LANG: 'bn' });
  assert.equal(flagFirst.stdout, 'No orders.\n');
  assert.equal((await paydesk(['--lang=bn', '--data-dir', dataDir, 'orders'])).stdout, 'কোনো অর্ডার নেই।\n');

  const unknown = await paydesk(['--data-dir', dataDir, '--lang', 'fr', 'orders']);
  assert.deepEqual([unknown.code, unknown.stdout], [2, '']);
  assert.match(unknown.stderr, /^paydesk: PayDesk speaks en \(English\) or bn \(Bengali\), not “fr”\.\n$/);
  const unknownEnv = await paydesk(['--data-dir', dataDir, 'orders'], { PAYDESK_LANG: 'de' });
  assert.equal(unknownEnv.code, 2);
  assert.match(unknownEnv.stderr, /not “de”/);
  const missing = await paydesk(['--data-dir', dataDir, 'orders', '--lang'], { PAYDESK_LANG: 'bn' });
  assert.deepEqual([missing.code, missing.stderr], [2, 'paydesk: --lang-এর পরে একটি মান দিন।\n']);
});

/**
 * Latin words a Bengali line may hold: what is typed (the commands, options, placeholders and values of the
 * English help's usage lines), the names of the environment variables, and the brand. Data (refs, transaction
 * ids, URLs, file names and paths, the names the test typed) is taken out before the words are counted.
 */
async function typedWords(): Promise<Set<string>> {
  const help = (await paydesk(['--help'])).stdout.split('\n');
  const usage = help.flatMap((line) => {
    const typed = /^(?:Usage: | {2})(\S.*?)(?: {2,}.*)?$/.exec(line)?.[1];
    return typed ? (typed.match(/[A-Za-z][A-Za-z0-9_]*/g) ?? []) : [];
  });
  const verifications = ['unverified', 'verified', 'amount_mismatch', 'missing', 'reconciled_by_hand'];
  // SQL stays Latin as PostgreSQL does; the role names are the defaults setup-roles types for the shop.
  const names = [
    'paydesk',
    'PayDesk',
    'PostgreSQL',
    'SQL',
    'paydesk_owner',
    'paydesk_counter',
    'PAYDESK_API_KEY',
    'PAYDESK_DATA_DIR',
    'PAYDESK_DATABASE_URL',
    'PAYDESK_LANG',
  ];
  return new Set([...usage, ...verifications, ...names, 'uXXXX']);
}

function latinWordsOutside(text: string, data: string[], allowed: Set<string>): string[] {
  let words = text;
  for (const datum of data) {
    words = words.replace(new RegExp(`(?<![\\w-])${datum.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\w)`, 'g'), ' ');
  }
  words = words
    .replace(/(?:https?|postgres):\/\/\S*/g, ' ')
    .replace(/\bPD-[A-Z0-9]+/g, ' ')
    .replace(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, ' ')
    .replace(/(?:\/[^\s:]+)+/g, ' ')
    .replace(/\S+\.(?:csv|html|xlsx)\b/g, ' ');
  return (words.match(/[A-Za-z][A-Za-z0-9_]*/g) ?? []).filter((word) => !allowed.has(word));
}

test('Bengali output has no Latin letters but what is typed and the data: help, tables, reports, progress and refusals', async (t) => {
  const { dataDir, statement, refs, closedPort } = await seededBook(t);
  const bn = (...args: string[]) => paydesk(['--lang', 'bn', '--data-dir', dataDir, ...args], { PAYDESK_API_KEY: '' });
  const runs: Array<[string, Run]> = [];
  for (const args of [
    ['--help'],
    ['profile', 'list'],
    ['orders'],
    ['orders', '--all', '--status', 'paid'],
    ['reconcile', statement],
    ['reconcile', statement],
    ['orders', '--search', 'রহিম'],
    ['export', 'csv', '--out', join(tempDir(t), 'orders.csv')],
    ['receipt', refs[0]!, '--out', join(tempDir(t), 'receipt.html')],
    ['receipt', refs[2]!, '--out', join(tempDir(t), 'pending.html')],
    ['reconcile', join(tempDir(t), 'nope.csv')],
    ['reconcile', statement, '--map', 'trx=TrxID,amount'],
    ['link'],
    ['link', '--amount', '1.234'],
    ['link', '--amount', '10', '--customer-email', 'nope'],
    ['link', '--amount', '10', '--unknown-flag'],
    ['link', '--amount'],
    ['link', '150'],
    ['orders', '--status', 'lost'],
    ['orders', '--json=yes'],
    ['export'],
    ['receipt'],
    ['return'],
    ['listen', '--port', 'x'],
    ['profile'],
    ['profile', 'use', 'nobody'],
    ['profile', 'add', 'shop', '--base-url', 'ftp://gateway'],
    ['profile', 'add', 'shop', '--base-url', 'https://pay.example/api', '--listen-port', String(closedPort)],
    ['profile', 'add', 'shop', '--base-url', 'https://pay.example/api'],
    ['profile', 'use', 'shop'],
    ['profile', 'list'],
    ['return', 'check'],
    ['link', '--amount', '10'],
    ['frobnicate'],
  ]) {
    runs.push([args.join(' '), await bn(...args)]);
  }
  const listen = await serve(
    t,
    ['--lang', 'bn', '--data-dir', tempDir(t), 'sandbox', '--port', '0', '--listen-port', '0'],
    /^ফেরার ঠিকানা চালু: /,
  );
  assert.match(listen.lines.join('\n'), /^পরীক্ষার গেটওয়ে চালু: http:\/\/127\.0\.0\.1:\d+ \(গেটওয়ের ঠিকানা http:\/\/127\.0\.0\.1:\d+\S*\)$/m);
  runs.push(['sandbox', { code: 0, stdout: listen.lines.join('\n'), stderr: '' }]);
  await stop(listen.child, listen.exited, 'SIGTERM');

  const allowed = await typedWords();
  const data = [
    ...refs,
    // The counter's name is the shop's data: this folder's counter was named in the language it started in.
    'Counter 1',
    'TRXLANG001',
    'TRXLANG002',
    'TRXLANG003',
    'TRXLANG004',
    'oops',
    'Karim',
    'shop',
    'nobody',
    'frobnicate',
    'lost',
    'nope',
    'yes',
    'x',
  ];
  data.push('--unknown-flag', 'ftp://gateway');
  const english = runs.flatMap(([args, { stdout, stderr }]) => {
    const text = `${stdout}\n${stderr}`;
    assert.match(text, /[\u0980-\u09ff]/, `paydesk --lang bn ${args} says something in Bengali:\n${text}`);
    const latin = latinWordsOutside(text, data, allowed);
    return latin.length ? [`paydesk --lang bn ${args}: ${latin.join(' ')}\n${text}`] : [];
  });
  assert.deepEqual(english, [], 'no Latin word but what is typed and the data');
  const [, table] = runs.find(([args]) => args === 'orders --all --status paid')!;
  assert.match(table.stdout, /^অর্ডার\s+অবস্থা\s+টাকা\s+তৈরি\s+লেনদেন নম্বর\s+কাউন্টার\s+গ্রাহক$/m);
  assert.match(table.stdout, /পরিশোধিত\s+৳?১,৫০০\.৫০৳?\s/, 'amounts in Bengali digits, with lakh grouping');
});
