// The `paydesk` command: the same core as the app, for scripts and headless machines.
// Exit codes: 0 done; 1 the gateway or the network failed; 2 bad usage or bad input.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { basename, join, resolve } from 'node:path';
import {
  CreateLinkInput,
  ExportFilter,
  ListOrdersInput,
  ProfileInput,
  ReceiptLayout,
  type ErrorKind,
  type StatementMapping,
} from '../../shared/contract';
import { writeFileAtomically } from '../core/files/atomic-file';
import { open } from 'node:fs/promises';
import { readOpenedAtMost } from '../core/files/read-at-most';
import { MAX_STATEMENT_BYTES } from '../core/reconciliation/statement-file';
import { startCore, type CoreOptions, type PaydeskCore } from '../core/paydesk-core';
import { DATABASE_FILE, defaultDataDir } from '../core/storage/data-dir';
import { openDatabase } from '../core/storage/sqlite/database';
import { createProfilesRepo } from '../core/storage/sqlite/profiles-repo';
import {
  escapeControls,
  linkJson,
  orderJson,
  ordersTable,
  profileJson,
  reconciliationJson,
  reconciliationText,
  table,
  terminalOut,
  type Out,
} from './output';
import { USAGE } from './usage';
import { REACH_WARNINGS } from '../core/listener/return-reach';

const EXIT = { done: 0, failed: 1, usage: 2 } as const;

/** A refusal to run: printed as one line on stderr. */
class UsageError extends Error {}

const USAGE_KINDS: ReadonlySet<ErrorKind> = new Set(['invalid_input', 'not_configured', 'not_found', 'forbidden']);

export async function run(argv: string[], terminal: Out = console, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const out = terminalOut(terminal);
  try {
    const { dataDirOption, help, rest } = splitGlobalOptions(argv);
    const [command, ...args] = rest;
    if (help || !command) {
      out.log(USAGE);
      return command || help ? EXIT.done : EXIT.usage;
    }
    const dataDir = dataDirOption ?? defaultDataDir(env);
    switch (command) {
      case 'profile':
        return profileCommand(dataDir, args, out);
      case 'link':
        return await linkCommand(dataDir, args, out, env);
      case 'orders':
        return await ordersCommand(dataDir, args, out, env);
      case 'listen':
        return await serveCommand(dataDir, args, out, env, 'listen');
      case 'sandbox':
        return await serveCommand(dataDir, args, out, env, 'sandbox');
      case 'export':
        return await exportCommand(dataDir, args, out, env);
      case 'receipt':
        return await receiptCommand(dataDir, args, out, env);
      case 'reconcile':
        return await reconcileCommand(dataDir, args, out, env);
      case 'return':
        return await returnCommand(dataDir, args, out, env);
      default:
        throw new UsageError(`unknown command “${command}”. Run paydesk --help for the list.`);
    }
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      out.error(`paydesk: ${escapeControls((error as Error).message)}`);
      return EXIT.usage;
    }
    out.error(`paydesk: ${escapeControls((error as Error).message)}`);
    return EXIT.failed;
  }
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** --data-dir and --help may stand anywhere; everything else belongs to the command. */
function splitGlobalOptions(argv: string[]) {
  let dataDirOption: string | undefined;
  let help = false;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    } else if (arg === '--data-dir') {
      dataDirOption = argv[++i];
      if (!dataDirOption) throw new UsageError('--data-dir needs a folder.');
    } else if (arg.startsWith('--data-dir=')) {
      dataDirOption = arg.slice('--data-dir='.length);
    } else if (arg === '-h' || arg === '--help') {
      help = true;
    } else {
      rest.push(arg);
    }
  }
  return { dataDirOption, help, rest };
}

function parse(argv: string[], options: Options) {
  return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
}

const first = (issues: { message: string; path: PropertyKey[] }[]) =>
  issues[0] ? `${issues[0].path.length ? `${issues[0].path.join('.')}: ` : ''}${issues[0].message}` : 'invalid input';

function profileCommand(dataDir: string, argv: string[], out: Out): number {
  const { values, positionals } = parse(argv, {
    'base-url': { type: 'string' },
    'listen-host': { type: 'string' },
    'listen-port': { type: 'string' },
    'return-base': { type: 'string' },
    json: { type: 'boolean' },
  });
  const [action, name] = positionals;
  const db = openDatabase(join(dataDir, DATABASE_FILE));
  try {
    const profiles = createProfilesRepo(db);
    switch (action) {
      case 'add': {
        if (!name) throw new UsageError('profile add needs a NAME.');
        if (!values['base-url']) throw new UsageError('profile add needs --base-url (the Base URL from the gateway’s API Settings page).');
        const input = ProfileInput.safeParse({
          name,
          baseUrl: values['base-url'],
          listenHost: values['listen-host'],
          listenPort: values['listen-port'],
          returnBaseUrl: values['return-base'],
        });
        if (!input.success) throw new UsageError(first(input.error.issues));
        if (profiles.findByName(input.data.name)) throw new UsageError(`a profile called “${input.data.name}” already exists.`);
        const profile = profiles.add({
          name: input.data.name,
          mode: 'live',
          baseUrl: values['base-url'] as string, // exactly as typed: the gateway compares it verbatim
          listenHost: input.data.listenHost,
          listenPort: input.data.listenPort,
          returnBaseUrl: input.data.returnBaseUrl ?? null,
        });
        out.log(`Added profile ${profile.name}. Make it active with: paydesk profile use ${profile.name}`);
        return EXIT.done;
      }
      case 'list': {
        const active = profiles.active()?.id;
        const list = profiles.list();
        if (values.json) {
          out.log(JSON.stringify(list.map((p) => profileJson(p, p.id === active))));
        } else if (list.length === 0) {
          out.log('No profiles yet. The app and `paydesk sandbox` create a sandbox profile; add yours with `paydesk profile add`.');
        } else {
          out.log(
            table([
              ['', 'NAME', 'MODE', 'LISTEN', 'BASE URL'],
              ...list.map((p) => [p.id === active ? '*' : '', p.name, p.mode, `${p.listenHost}:${p.listenPort}`, p.baseUrl]),
            ]),
          );
        }
        return EXIT.done;
      }
      case 'use': {
        if (!name) throw new UsageError('profile use needs a NAME.');
        const profile = profiles.findByName(name);
        if (!profile) throw new UsageError(`there is no profile called “${name}”. See paydesk profile list.`);
        profiles.setActive(profile.id);
        out.log(`Active profile: ${profile.name} (${profile.mode}).`);
        return EXIT.done;
      }
      default:
        throw new UsageError('profile takes add, list or use.');
    }
  } finally {
    db.close();
  }
}

async function withCore<T>(options: CoreOptions, use: (core: PaydeskCore) => Promise<T>): Promise<T> {
  const core = await startCore(options);
  try {
    return await use(core);
  } finally {
    await core.close();
  }
}

async function linkCommand(dataDir: string, argv: string[], out: Out, env: NodeJS.ProcessEnv): Promise<number> {
  const { values, positionals } = parse(argv, {
    amount: { type: 'string' },
    'customer-name': { type: 'string' },
    'customer-email': { type: 'string' },
    note: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (positionals.length) throw new UsageError(`unexpected “${positionals[0]}”. Did you mean --amount ${positionals[0]}?`);
  if (values.amount === undefined) throw new UsageError('link needs --amount, for example --amount 150.50.');
  const input = CreateLinkInput.safeParse({
    amount: values.amount,
    customerName: values['customer-name'],
    customerEmail: values['customer-email'],
    note: values.note,
  });
  if (!input.success) throw new UsageError(first(input.error.issues));

  return withCore({ dataDir, keys: { env }, listener: 'elsewhere', startSandbox: false }, async (core) => {
    const reply = await core.service.createPaymentLink(input.data);
    if (!reply.ok) {
      out.error(`paydesk: ${escapeControls(reply.error.message)}`);
      if (reply.error.gatewayMessage) out.error(escapeControls(reply.error.gatewayMessage));
      return USAGE_KINDS.has(reply.error.kind) ? EXIT.usage : EXIT.failed;
    }
    out.log(values.json ? JSON.stringify(linkJson(reply.value)) : reply.value.paymentUrl!);
    // The same truth the link panel tells, on stderr so that scripts reading stdout see no change.
    const status = core.setup.status();
    const warning = status.ok && status.value.returnReach ? REACH_WARNINGS[status.value.returnReach] : null;
    if (warning) out.error(`paydesk: warning: ${warning}`);
    return EXIT.done;
  });
}

async function exportCommand(dataDir: string, argv: string[], out: Out, env: NodeJS.ProcessEnv): Promise<number> {
  const { values, positionals } = parse(argv, {
    out: { type: 'string' },
    status: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    search: { type: 'string' },
    verification: { type: 'string' },
    all: { type: 'boolean' },
  });
  if (positionals[0] !== 'csv' || positionals.length > 1) throw new UsageError('export takes csv: paydesk export csv --out FILE.');
  if (!values.out) throw new UsageError('export csv needs --out FILE.');
  const filter = ExportFilter.safeParse({
    status: values.status,
    from: values.from,
    to: values.to,
    search: values.search,
    verification: values.verification,
    allProfiles: values.all ?? false,
  });
  if (!filter.success) throw new UsageError(first(filter.error.issues));
  return withCore({ dataDir, keys: { env }, listener: 'elsewhere', startSandbox: false }, async (core) => {
    const result = await core.exports.exportCsv(filter.data, resolve(values.out as string));
    if (!result.ok) {
      out.error(`paydesk: ${escapeControls(result.error.message)}`);
      return EXIT.failed;
    }
    out.log(`Wrote ${result.value.count} orders to ${values.out}.`);
    return EXIT.done;
  });
}

async function receiptCommand(dataDir: string, argv: string[], out: Out, env: NodeJS.ProcessEnv): Promise<number> {
  const { values, positionals } = parse(argv, { out: { type: 'string' }, layout: { type: 'string' } });
  const [ref] = positionals;
  if (!ref || positionals.length > 1)
    throw new UsageError('receipt needs one order ref, for example: paydesk receipt PD-000123 --out receipt.html.');
  if (!values.out) throw new UsageError('receipt needs --out FILE.html.');
  const layout = ReceiptLayout.safeParse(values.layout ?? 'a4');
  if (!layout.success) throw new UsageError('--layout is a4 or roll80.');
  return withCore({ dataDir, keys: { env }, listener: 'elsewhere', startSandbox: false }, async (core) => {
    const receipt = core.exports.receipt(ref, layout.data);
    if (!receipt.ok) throw new UsageError(receipt.error.message);
    await writeFileAtomically(resolve(values.out as string), receipt.value.html);
    out.log(`Wrote the receipt for ${ref} to ${values.out}.`);
    return EXIT.done;
  });
}

const MAP_FIELDS: Record<string, keyof StatementMapping> = {
  trx: 'transactionId',
  transaction: 'transactionId',
  amount: 'amount',
  time: 'time',
  date: 'time',
  sender: 'sender',
  reference: 'reference',
  ref: 'reference',
};

/** "trx=TrxID,amount=Amount,time=Date": each field once, a column by header or number. */
function parseMap(text: string): Partial<StatementMapping> {
  const mapping: Partial<StatementMapping> = {};
  for (const pair of text.split(',')) {
    const at = pair.indexOf('=');
    const field = MAP_FIELDS[pair.slice(0, at).trim().toLowerCase()];
    const column = pair.slice(at + 1).trim();
    if (at < 0 || !field || column === '') {
      throw new UsageError(`--map takes trx=COLUMN,amount=COLUMN,time=COLUMN (and optionally sender=, reference=), not “${pair}”.`);
    }
    if (mapping[field]) throw new UsageError(`--map names the ${pair.slice(0, at).trim()} column twice.`);
    mapping[field] = column;
  }
  return mapping;
}

/** Reads at most one byte past the limit, so a huge file is refused without being read whole. */
async function readStatement(path: string): Promise<Uint8Array> {
  let file;
  try {
    file = await open(path, 'r');
  } catch (error) {
    throw new UsageError(
      `cannot read ${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}.`,
    );
  }
  return readOpenedAtMost(file, MAX_STATEMENT_BYTES + 1);
}

async function reconcileCommand(dataDir: string, argv: string[], out: Out, env: NodeJS.ProcessEnv): Promise<number> {
  const { values, positionals } = parse(argv, { map: { type: 'string' }, json: { type: 'boolean' } });
  const [path] = positionals;
  if (!path || positionals.length > 1) {
    throw new UsageError('reconcile needs one statement file, for example: paydesk reconcile statement.csv.');
  }
  const given = values.map === undefined ? null : parseMap(values.map as string);
  const bytes = await readStatement(resolve(path));
  return withCore({ dataDir, keys: { env }, listener: 'elsewhere', startSandbox: false }, async (core) => {
    const reply = await core.reconciliation.importFile({ name: basename(path), bytes }, given);
    if (!reply.ok) {
      out.error(`paydesk: ${escapeControls(reply.error.message)}`);
      return USAGE_KINDS.has(reply.error.kind) ? EXIT.usage : EXIT.failed;
    }
    out.log(values.json ? JSON.stringify(reconciliationJson(reply.value)) : reconciliationText(basename(path), reply.value));
    return EXIT.done;
  });
}

/**
 * `paydesk return check`: the active profile's return address asked for a one-time nonce, through whichever
 * listener runs on this order book (the app's or `paydesk listen`'s). Exit 0 only when that listener heard it.
 */
async function returnCommand(dataDir: string, argv: string[], out: Out, env: NodeJS.ProcessEnv): Promise<number> {
  const { values, positionals } = parse(argv, { json: { type: 'boolean' } });
  if (positionals[0] !== 'check' || positionals.length > 1) throw new UsageError('return takes check: paydesk return check [--json].');
  return withCore({ dataDir, keys: { env }, listener: 'elsewhere', startSandbox: false }, async (core) => {
    const reply = await core.setup.checkReturnAddress();
    if (!reply.ok) {
      out.error(`paydesk: ${escapeControls(reply.error.message)}`);
      return EXIT.usage;
    }
    const report = reply.value;
    if (values.json) {
      out.log(JSON.stringify({ ok: report.ok, url: report.url, steps: report.steps, warning: report.warning, message: report.message }));
    } else {
      out.log(table(report.steps.map(({ step, ok, detail }) => [ok ? 'ok' : 'FAILED', step, detail])));
      if (report.warning) out.error(`paydesk: ${report.warning}`);
      if (report.ok) out.log(report.message);
      else out.error(`paydesk: ${escapeControls(report.message)}`);
    }
    return report.ok ? EXIT.done : EXIT.failed;
  });
}

async function ordersCommand(dataDir: string, argv: string[], out: Out, env: NodeJS.ProcessEnv): Promise<number> {
  const { values } = parse(argv, {
    status: { type: 'string' },
    search: { type: 'string' },
    verification: { type: 'string' },
    limit: { type: 'string' },
    all: { type: 'boolean' },
    json: { type: 'boolean' },
  });
  const query = ListOrdersInput.safeParse({
    allProfiles: values.all ?? false,
    status: values.status,
    search: values.search,
    verification: values.verification,
    limit: values.limit === undefined ? undefined : Number(values.limit),
  });
  if (!query.success) throw new UsageError(first(query.error.issues));
  return withCore({ dataDir, keys: { env }, listener: 'elsewhere', startSandbox: false }, async (core) => {
    const { orders } = core.service.listOrders(query.data);
    out.log(values.json ? JSON.stringify(orders.map(orderJson)) : ordersTable(orders));
    return EXIT.done;
  });
}

async function serveCommand(
  dataDir: string,
  argv: string[],
  out: Out,
  env: NodeJS.ProcessEnv,
  mode: 'listen' | 'sandbox',
): Promise<number> {
  const { values } = parse(
    argv,
    mode === 'listen'
      ? { host: { type: 'string' }, port: { type: 'string' } }
      : { port: { type: 'string' }, 'listen-port': { type: 'string' } },
  );
  const port = (text: unknown, what: string) => {
    if (text === undefined) return undefined;
    const n = Number(text);
    if (!Number.isInteger(n) || n < 0 || n > 65535) throw new UsageError(`${what} must be a port number (0–65535).`);
    return n;
  };
  const listenPort = port(mode === 'listen' ? values.port : values['listen-port'], '--port');
  const core = await startCore({
    dataDir,
    keys: { env },
    listener: 'start',
    useSandbox: mode === 'sandbox',
    startSandbox: mode === 'sandbox',
    sandboxPort: mode === 'sandbox' ? port(values.port, '--port') : undefined,
    listen: {
      ...(values.host !== undefined ? { host: values.host as string } : {}),
      ...(listenPort !== undefined ? { port: listenPort } : {}),
    },
  });
  const runtime = core.runtime();
  if (runtime.listenerProblem) {
    await core.close();
    out.error(`paydesk: ${runtime.listenerProblem}`);
    return EXIT.failed;
  }
  if (runtime.listenerWarning) out.error(`paydesk: ${runtime.listenerWarning}`);
  if (runtime.sandboxUrl) out.log(`sandbox gateway on ${runtime.sandboxUrl} (Base URL ${core.profiles.active()!.baseUrl})`);
  out.log(`listening on ${runtime.returnBaseUrl}`);
  core.events.on('orderChanged', (order) => {
    if (order.status !== 'pending') out.log(`${order.ref} ${order.status}${order.transactionId ? ` ${order.transactionId}` : ''}`);
  });
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await core.close();
  return EXIT.done;
}
