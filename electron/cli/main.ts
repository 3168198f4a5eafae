// The `paydesk` command: the same core as the app, for scripts and headless machines.
// Exit codes: 0 done; 1 the gateway or the network failed; 2 bad usage or bad input.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { basename, resolve } from 'node:path';
import {
  channels,
  CreateLinkInput,
  ExportFilter,
  ListOrdersInput,
  ProfileInput,
  ReceiptLayout,
  type AppError,
  type ErrorKind,
  type Message,
  type StatementMapping,
} from '../../shared/contract';
import { inEnglish, say } from '../../shared/messages/say';
import { refusalOf } from '../core/input-refusal';
import { writeFileAtomically } from '../core/files/atomic-file';
import { open } from 'node:fs/promises';
import { readOpenedAtMost } from '../core/files/read-at-most';
import { MAX_STATEMENT_BYTES } from '../core/reconciliation/statement-file';
import { startCore, type CoreOptions, type PaydeskCore } from '../core/paydesk-core';
import type { BookChoice } from '../core/storage/book-choice';
import { defaultDataDir } from '../core/storage/data-dir';
import { openOrderBook } from '../core/storage/open-order-book';
import { thisCounterId } from '../core/counters/this-counter';
import { enrollCounter } from '../core/counters/enroll-counter';
import { createPreferencesStore } from '../core/setup/preferences';
import {
  escapeControls,
  linkJson,
  orderJson,
  ordersTable,
  profileJson,
  profilesTable,
  reconciliationJson,
  reconciliationText,
  returnCheckJson,
  table,
  terminalOut,
  type Out,
} from './output';
import { closingJson, closingText } from './report-output';
import { bookOf, storageCommand } from './storage-commands';
import { USAGE } from './usage';
import { chosenLanguage, environmentLanguage, wordsIn, type Words } from './words';
import { reachWarning } from '../../shared/reach-warnings';

export const EXIT = { done: 0, failed: 1, usage: 2 } as const;

/** A refusal to run: printed as one line on stderr, in the chosen language. */
export class UsageError extends Error {
  /** `flag` is the option whose value was refused, when it is not named in the sentence itself. */
  constructor(
    readonly said: Message,
    readonly flag: string | null = null,
  ) {
    super(inEnglish(said));
  }
}

const USAGE_KINDS: ReadonlySet<ErrorKind> = new Set(['invalid_input', 'not_configured', 'not_found', 'forbidden']);

/** What every command gets: the data folder and the book, where to write, the environment, and the words to write with. */
export type Cli = { dataDir: string; out: Out; env: NodeJS.ProcessEnv; words: Words; book: BookChoice };

export async function run(argv: string[], terminal: Out = console, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const out = terminalOut(terminal);
  // Until --lang is read, a refusal speaks PAYDESK_LANG's language.
  let words = wordsIn(environmentLanguage(env));
  try {
    const { dataDirOption, langOption, databaseUrlOption, help, rest } = splitGlobalOptions(argv);
    const language = chosenLanguage(langOption, env);
    if (typeof language !== 'string') throw new UsageError(language);
    words = wordsIn(language);
    const [command, ...args] = rest;
    if (help || !command) {
      out.log(USAGE[words.language]);
      return command || help ? EXIT.done : EXIT.usage;
    }
    const dataDir = dataDirOption ?? defaultDataDir(env);
    const book = await bookOf(databaseUrlOption, env, dataDir);
    if (!('engine' in book)) {
      out.error(`paydesk: ${escapeControls(words(book))}`);
      return EXIT.failed;
    }
    const cli: Cli = { dataDir, out, env, words, book };
    switch (command) {
      case 'storage':
        return await storageCommand(args, cli);
      case 'profile':
        return await profileCommand(args, cli);
      case 'link':
        return await linkCommand(args, cli);
      case 'orders':
        return await ordersCommand(args, cli);
      case 'listen':
        return await serveCommand(args, cli, 'listen');
      case 'sandbox':
        return await serveCommand(args, cli, 'sandbox');
      case 'export':
        return await exportCommand(args, cli);
      case 'receipt':
        return await receiptCommand(args, cli);
      case 'reconcile':
        return await reconcileCommand(args, cli);
      case 'return':
        return await returnCommand(args, cli);
      case 'report':
        return await reportCommand(args, cli);
      default:
        throw new UsageError(say('cli_unknown_command', { command }));
    }
  } catch (error) {
    if (error instanceof UsageError) {
      out.error(`paydesk: ${escapeControls(`${error.flag ? `${error.flag}: ` : ''}${words(error.said)}`)}`);
      return EXIT.usage;
    }
    out.error(`paydesk: ${escapeControls(words(say('cli_failed', { reason: (error as Error).message })))}`);
    return EXIT.failed;
  }
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** --data-dir, --lang, --database-url and --help may stand anywhere; everything else belongs to the command. */
function splitGlobalOptions(argv: string[]) {
  const valued: Record<'--data-dir' | '--lang' | '--database-url', string | undefined> = {
    '--data-dir': undefined,
    '--lang': undefined,
    '--database-url': undefined,
  };
  let help = false;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [name, inline] =
      arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg];
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    } else if (name === '--data-dir' || name === '--lang' || name === '--database-url') {
      const value = inline ?? argv[++i];
      if (!value) throw new UsageError(say('cli_option_needs_value', { option: name }));
      valued[name] = value;
    } else if (arg === '-h' || arg === '--help') {
      help = true;
    } else {
      rest.push(arg);
    }
  }
  return { dataDirOption: valued['--data-dir'], langOption: valued['--lang'], databaseUrlOption: valued['--database-url'], help, rest };
}

/**
 * A command's options and positionals. Node's own refusals are English sentences, so the options are checked
 * here, each refusal a message of the chosen language.
 */
export function parse(argv: string[], options: Options) {
  const parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: false, tokens: true });
  for (const token of parsed.tokens) {
    if (token.kind !== 'option') continue;
    const option = options[token.name];
    if (!option) throw new UsageError(say('cli_unknown_option', { option: token.rawName }));
    // As Node's strict mode does: `--amount --json` is a missing amount, not an amount of "--json".
    if (option.type === 'string' && (token.value === undefined || (!token.inlineValue && token.value.startsWith('-')))) {
      throw new UsageError(say('cli_option_needs_value', { option: token.rawName }));
    }
    if (option.type === 'boolean' && token.value !== undefined) {
      throw new UsageError(say('cli_option_takes_no_value', { option: token.rawName }));
    }
  }
  return { values: parsed.values, positionals: parsed.positionals };
}

/** The flag a refused field came from: a refusal names what the shopkeeper typed, not the contract's field. */
const FLAGS: Record<string, string> = { name: 'NAME', returnBaseUrl: '--return-base', allProfiles: '--all' };
const flagOf = (field: string) => FLAGS[field] ?? `--${field.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;

/** The contract's refusal of what was typed, with the flag it was typed into. */
function refused(issues: Parameters<typeof refusalOf>[0][]): UsageError {
  const error = refusalOf(issues[0]);
  return new UsageError({ code: error.code, params: error.params }, error.field ? flagOf(error.field) : null);
}

/** A refusal from the core: PayDesk's sentence in the chosen language, then the gateway's own words verbatim. */
function tell(error: AppError, { out, words }: Cli): void {
  out.error(`paydesk: ${escapeControls(words({ code: error.code, params: error.params }))}`);
  if (error.gatewayMessage) out.error(escapeControls(error.gatewayMessage));
}

async function profileCommand(argv: string[], { dataDir, out, words, book }: Cli): Promise<number> {
  const { values, positionals } = parse(argv, {
    'base-url': { type: 'string' },
    'listen-host': { type: 'string' },
    'listen-port': { type: 'string' },
    'return-base': { type: 'string' },
    json: { type: 'boolean' },
  });
  const [action, name] = positionals;
  const counterId = await thisCounterId(dataDir);
  const opened = await openOrderBook(book, { dataDir, counterId });
  try {
    // The active profile is this counter's own setting: the counter is enrolled first, as the app does at its start.
    await enrollCounter(opened, counterId, (await createPreferencesStore(opened.settings)).get().language);
    const { profiles } = opened;
    switch (action) {
      case 'add': {
        if (!name) throw new UsageError(say('cli_profile_add_needs_name'));
        if (!values['base-url']) throw new UsageError(say('cli_profile_add_needs_base_url'));
        const input = ProfileInput.safeParse({
          name,
          baseUrl: values['base-url'],
          listenHost: values['listen-host'],
          listenPort: values['listen-port'],
          returnBaseUrl: values['return-base'],
        });
        if (!input.success) throw refused(input.error.issues);
        if (await profiles.findByName(input.data.name)) throw new UsageError(say('cli_profile_exists', { name: input.data.name }));
        const profile = await profiles.add({
          name: input.data.name,
          mode: 'live',
          baseUrl: values['base-url'] as string, // exactly as typed: the gateway compares it verbatim
          listenHost: input.data.listenHost,
          listenPort: input.data.listenPort,
          returnBaseUrl: input.data.returnBaseUrl ?? null,
        });
        out.log(words(say('cli_profile_added', { name: profile.name })));
        return EXIT.done;
      }
      case 'list': {
        const active = (await profiles.active())?.id;
        const list = await profiles.list();
        if (values.json) {
          out.log(JSON.stringify(list.map((p) => profileJson(p, p.id === active))));
        } else if (list.length === 0) {
          out.log(words(say('cli_no_profiles')));
        } else {
          out.log(profilesTable(list, active, words));
        }
        return EXIT.done;
      }
      case 'use': {
        if (!name) throw new UsageError(say('cli_profile_use_needs_name'));
        const profile = await profiles.findByName(name);
        if (!profile) throw new UsageError(say('cli_no_such_profile', { name }));
        await profiles.setActive(profile.id);
        out.log(words(say('cli_profile_active', { name: profile.name, sandbox: profile.mode === 'sandbox' })));
        return EXIT.done;
      }
      default:
        throw new UsageError(say('cli_profile_takes'));
    }
  } finally {
    await opened.close();
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

async function linkCommand(argv: string[], cli: Cli): Promise<number> {
  const { dataDir, out, env, words, book } = cli;
  const { values, positionals } = parse(argv, {
    amount: { type: 'string' },
    'customer-name': { type: 'string' },
    'customer-email': { type: 'string' },
    note: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (positionals[0] !== undefined) throw new UsageError(say('cli_link_unexpected', { word: positionals[0] }));
  if (values.amount === undefined) throw new UsageError(say('cli_link_needs_amount'));
  const input = CreateLinkInput.safeParse({
    amount: values.amount,
    customerName: values['customer-name'],
    customerEmail: values['customer-email'],
    note: values.note,
  });
  if (!input.success) throw refused(input.error.issues);

  return withCore({ dataDir, book, keys: { env }, listener: 'elsewhere', startSandbox: false }, async (core) => {
    const reply = await core.service.createPaymentLink(input.data);
    if (!reply.ok) {
      tell(reply.error, cli);
      return USAGE_KINDS.has(reply.error.kind) ? EXIT.usage : EXIT.failed;
    }
    out.log(values.json ? JSON.stringify(linkJson(reply.value)) : reply.value.paymentUrl!);
    // The same truth the link panel tells, on stderr so that scripts reading stdout see no change.
    const status = await core.setup.status();
    const sandbox = (await core.profiles.active())?.mode === 'sandbox';
    const warning = status.ok && status.value.returnReach ? reachWarning(status.value.returnReach, sandbox) : null;
    if (warning) out.error(`paydesk: ${escapeControls(`${words(say('cli_warning'))} ${words(warning)}`)}`);
    return EXIT.done;
  });
}

async function exportCommand(argv: string[], cli: Cli): Promise<number> {
  const { dataDir, out, env, words, book } = cli;
  const { values, positionals } = parse(argv, {
    out: { type: 'string' },
    status: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    search: { type: 'string' },
    verification: { type: 'string' },
    counter: { type: 'string' },
    all: { type: 'boolean' },
  });
  if (positionals[0] !== 'csv' || positionals.length > 1) throw new UsageError(say('cli_export_takes_csv'));
  if (!values.out) throw new UsageError(say('cli_export_needs_out'));
  const filter = ExportFilter.safeParse({
    status: values.status,
    from: values.from,
    to: values.to,
    search: values.search,
    verification: values.verification,
    allProfiles: values.all ?? false,
  });
  if (!filter.success) throw refused(filter.error.issues);
  return withCore({ dataDir, book, keys: { env }, listener: 'elsewhere', startSandbox: false }, async (core) => {
    const counter = await counterNamed(values.counter, core);
    const result = await core.exports.exportCsv({ ...filter.data, ...counter }, resolve(values.out as string));
    if (!result.ok) {
      tell(result.error, cli);
      return EXIT.failed;
    }
    out.log(words(say('cli_export_wrote', { count: result.value.count, file: values.out as string })));
    return EXIT.done;
  });
}

async function receiptCommand(argv: string[], { dataDir, out, env, words, book }: Cli): Promise<number> {
  const { values, positionals } = parse(argv, { out: { type: 'string' }, layout: { type: 'string' } });
  const [ref] = positionals;
  if (!ref || positionals.length > 1) throw new UsageError(say('cli_receipt_needs_ref'));
  if (!values.out) throw new UsageError(say('cli_receipt_needs_out'));
  const layout = ReceiptLayout.safeParse(values.layout ?? 'a4');
  if (!layout.success) throw new UsageError(say('cli_receipt_layout'));
  return withCore({ dataDir, book, keys: { env }, listener: 'elsewhere', startSandbox: false }, async (core) => {
    const receipt = await core.exports.receipt(ref, layout.data);
    if (!receipt.ok) throw new UsageError({ code: receipt.error.code, params: receipt.error.params });
    await writeFileAtomically(resolve(values.out as string), receipt.value.html);
    out.log(words(say('cli_receipt_wrote', { ref, file: values.out as string })));
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
    if (at < 0 || !field || column === '') throw new UsageError(say('cli_map_pair', { pair }));
    if (mapping[field]) throw new UsageError(say('cli_map_twice', { field: pair.slice(0, at).trim() }));
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
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new UsageError(say('cli_cannot_read', { path, reason: missing ? null : (error as Error).message }));
  }
  return readOpenedAtMost(file, MAX_STATEMENT_BYTES + 1);
}

async function reconcileCommand(argv: string[], cli: Cli): Promise<number> {
  const { dataDir, out, env, words, book } = cli;
  const { values, positionals } = parse(argv, { map: { type: 'string' }, json: { type: 'boolean' } });
  const [path] = positionals;
  if (!path || positionals.length > 1) throw new UsageError(say('cli_reconcile_needs_file'));
  const given = values.map === undefined ? null : parseMap(values.map as string);
  const bytes = await readStatement(resolve(path));
  return withCore({ dataDir, book, keys: { env }, listener: 'elsewhere', startSandbox: false }, async (core) => {
    const reply = await core.reconciliation.importFile({ name: basename(path), bytes }, given);
    if (!reply.ok) {
      tell(reply.error, cli);
      return USAGE_KINDS.has(reply.error.kind) ? EXIT.usage : EXIT.failed;
    }
    out.log(values.json ? JSON.stringify(reconciliationJson(reply.value)) : reconciliationText(basename(path), reply.value, words));
    return EXIT.done;
  });
}

/**
 * `paydesk return check`: the active profile's return address asked for a one-time nonce, through whichever
 * listener runs on this order book (the app's or `paydesk listen`'s). Exit 0 only when that listener heard it.
 */
async function returnCommand(argv: string[], cli: Cli): Promise<number> {
  const { dataDir, out, env, words, book } = cli;
  const { values, positionals } = parse(argv, { json: { type: 'boolean' } });
  if (positionals[0] !== 'check' || positionals.length > 1) throw new UsageError(say('cli_return_takes_check'));
  return withCore({ dataDir, book, keys: { env }, listener: 'elsewhere', startSandbox: false }, async (core) => {
    const reply = await core.setup.checkReturnAddress();
    if (!reply.ok) {
      tell(reply.error, cli);
      return EXIT.usage;
    }
    const report = reply.value;
    if (values.json) {
      out.log(JSON.stringify(returnCheckJson(report)));
    } else {
      out.log(
        table(
          report.steps.map(({ step, ok, detail }) => [
            words(say(ok ? 'cli_check_passed' : 'cli_check_failed')),
            words(say('cli_check_step', { step })),
            words(detail),
          ]),
        ),
      );
      if (report.warning) out.error(`paydesk: ${escapeControls(words(report.warning))}`);
      if (report.ok) out.log(words(report.message));
      else out.error(`paydesk: ${escapeControls(words(report.message))}`);
    }
    return report.ok ? EXIT.done : EXIT.failed;
  });
}

/**
 * `paydesk report [--day YYYY-MM-DD] [--counter NAME] [--json]`: the close of a local day (today by default) for the
 * active profile, of every counter's orders or one counter's.
 */
async function reportCommand(argv: string[], cli: Cli): Promise<number> {
  const { dataDir, out, env, words, book } = cli;
  const { values, positionals } = parse(argv, { day: { type: 'string' }, counter: { type: 'string' }, json: { type: 'boolean' } });
  if (positionals[0] !== undefined) throw new UsageError(say('cli_report_unexpected', { word: positionals[0] }));
  const request = channels.getClosingReport.request.safeParse({ day: values.day });
  if (!request.success) throw new UsageError(say('cli_report_day'));
  return withCore({ dataDir, book, keys: { env }, listener: 'elsewhere', startSandbox: false }, async (core) => {
    const reply = await core.closing.report({ day: request.data.day, ...(await counterNamed(values.counter, core)) });
    if (!reply.ok) {
      tell(reply.error, cli);
      return EXIT.usage;
    }
    out.log(values.json ? JSON.stringify(closingJson(reply.value)) : closingText(reply.value, words));
    return EXIT.done;
  });
}

async function ordersCommand(argv: string[], { dataDir, out, env, words, book }: Cli): Promise<number> {
  const { values } = parse(argv, {
    status: { type: 'string' },
    search: { type: 'string' },
    verification: { type: 'string' },
    counter: { type: 'string' },
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
  if (!query.success) throw refused(query.error.issues);
  return withCore({ dataDir, book, keys: { env }, listener: 'elsewhere', startSandbox: false }, async (core) => {
    const { orders } = await core.service.listOrders({ ...query.data, ...(await counterNamed(values.counter, core)) });
    out.log(values.json ? JSON.stringify(orders.map(orderJson)) : ordersTable(orders, words));
    return EXIT.done;
  });
}

/** `--counter NAME` as the filter's counter: the book's counter of that name (letter case aside); nothing without it. */
async function counterNamed(name: unknown, core: PaydeskCore): Promise<{ counter?: string }> {
  if (typeof name !== 'string') return {};
  const wanted = name.trim().toLowerCase();
  const found = (await core.book.counters.list()).find((counter) => counter.name.toLowerCase() === wanted);
  if (!found) throw new UsageError(say('cli_no_such_counter', { name }));
  return { counter: found.id };
}

async function serveCommand(argv: string[], { dataDir, out, env, words, book }: Cli, mode: 'listen' | 'sandbox'): Promise<number> {
  const { values } = parse(
    argv,
    mode === 'listen'
      ? { host: { type: 'string' }, port: { type: 'string' } }
      : { port: { type: 'string' }, 'listen-port': { type: 'string' } },
  );
  const port = (text: unknown, option: string) => {
    if (text === undefined) return undefined;
    const n = Number(text);
    if (!Number.isInteger(n) || n < 0 || n > 65535) throw new UsageError(say('cli_port_invalid', { option }));
    return n;
  };
  const listenPort = port(mode === 'listen' ? values.port : values['listen-port'], mode === 'listen' ? '--port' : '--listen-port');
  const core = await startCore({
    dataDir,
    book,
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
    out.error(`paydesk: ${escapeControls(words(runtime.listenerProblem))}`);
    return EXIT.failed;
  }
  if (runtime.listenerWarning) out.error(`paydesk: ${escapeControls(words(runtime.listenerWarning))}`);
  if (runtime.sandboxUrl) {
    out.log(words(say('cli_sandbox_running', { url: runtime.sandboxUrl, baseUrl: (await core.profiles.active())!.baseUrl })));
  }
  out.log(words(say('cli_listening', { url: runtime.returnBaseUrl! })));
  core.events.on('orderChanged', (order) => {
    if (order.status !== 'pending') {
      out.log(words(say('cli_order_changed', { ref: order.ref, status: order.status, transactionId: order.transactionId })));
    }
  });
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await core.close();
  return EXIT.done;
}
