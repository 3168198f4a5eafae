// Where the `paydesk` command keeps its orders, and `paydesk storage`: copying this data folder's SQLite book into a
// PostgreSQL database, and checking a server step by step. The book is the one `--database-url` or
// PAYDESK_DATABASE_URL names, else the one this computer chose in the app (order-book.json); a password in a URL is
// never printed, and the CLI has no key store, so a saved choice's password must come from the URL.
import { join } from 'node:path';
import { ORDER_STATUSES, type Message } from '../../shared/contract';
import type { CopyFigure } from '../../shared/messages/en/storage';
import { say } from '../../shared/messages/say';
import type { BookChoice, PostgresConnection } from '../core/storage/book-choice';
import { readBookChoice } from '../core/storage/book-choice-file';
import { thisCounterId } from '../core/counters/this-counter';
import { copyOrderBook, type CopyOutcome } from '../core/storage/copy-order-book';
import { DATABASE_FILE } from '../core/storage/data-dir';
import { checkPostgres } from '../core/storage/postgres/connection-check';
import { DEFAULT_ROLES, grantsSql, ROLE_NAME, rolesSql, setUpRoles, type BookRoles } from '../core/storage/postgres/book-roles';
import { createExecutor, openPool } from '../core/storage/postgres/connection';
import { describePostgres, parseDatabaseUrl, poolConfig } from '../core/storage/postgres/pool-config';
import { serverRefusal } from '../core/storage/postgres/server-refusal';
import { EXIT, parse, UsageError, type Cli } from './main';
import { escapeControls, table } from './output';
import type { Words } from './words';

/** A database URL the shopkeeper gave (`flag` names where: an option, or the environment variable). */
function connectionOf(url: string, flag: string): PostgresConnection {
  const parsed = parseDatabaseUrl(url);
  // The refusal never quotes the URL, which may carry the password.
  if (!parsed.ok) throw new UsageError(parsed.message, flag);
  return parsed.connection;
}

/** The book every command opens: --database-url, else PAYDESK_DATABASE_URL, else this computer's saved choice. */
export async function bookOf(option: string | undefined, env: NodeJS.ProcessEnv, dataDir: string): Promise<BookChoice | Message> {
  if (option !== undefined) return { engine: 'postgres', connection: connectionOf(option, '--database-url') };
  if (env.PAYDESK_DATABASE_URL) return { engine: 'postgres', connection: connectionOf(env.PAYDESK_DATABASE_URL, 'PAYDESK_DATABASE_URL') };
  const saved = await readBookChoice(dataDir, null);
  return saved.ok ? saved.choice : saved.message;
}

export async function storageCommand(argv: string[], cli: Cli): Promise<number> {
  const { values, positionals } = parse(argv, {
    to: { type: 'string' },
    json: { type: 'boolean' },
    owner: { type: 'string' },
    counter: { type: 'string' },
    run: { type: 'boolean' },
  });
  const [action, extra] = positionals;
  if (extra !== undefined) throw new UsageError(say('cli_unexpected_word', { word: extra }));
  if (action === 'setup-roles') {
    for (const option of ['to', 'json'] as const) {
      if (values[option] !== undefined) throw new UsageError(say('cli_unknown_option', { option: `--${option}` }));
    }
    return setupRolesCommand(rolesOf(values.owner as string | undefined, values.counter as string | undefined), values.run === true, cli);
  }
  for (const option of ['owner', 'counter', 'run'] as const) {
    if (values[option] !== undefined) throw new UsageError(say('cli_unknown_option', { option: `--${option}` }));
  }
  if (action === 'copy') {
    if (values.to === undefined) throw new UsageError(say('cli_storage_copy_needs_to'));
    return copyCommand(connectionOf(values.to as string, '--to'), values.json === true, cli);
  }
  if (action !== 'check') throw new UsageError(say('cli_storage_takes'));
  if (values.to !== undefined) throw new UsageError(say('cli_unknown_option', { option: '--to' }));
  return checkCommand(values.json === true, cli);
}

async function copyCommand(to: PostgresConnection, json: boolean, cli: Cli): Promise<number> {
  const { dataDir, out, words } = cli;
  const copied = await copyOrderBook({
    from: join(dataDir, DATABASE_FILE),
    to,
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    // The file's API keys are this data folder's counter's: its key store made them.
    counterId: await thisCounterId(dataDir),
  });
  if (!copied.ok) {
    cli.out.error(`paydesk: ${escapeControls(words(copied.message))}`);
    // The file or the database's book is the input: nothing was copied, as with any refused input.
    return copied.cause === 'input' ? EXIT.usage : EXIT.failed;
  }
  const { notice, ...report } = copied.value;
  if (json) {
    out.log(JSON.stringify(report));
    return EXIT.done;
  }
  const added = [report.profiles, report.orders, report.events, report.statements, report.lines, report.settings].reduce(
    (sum, kind) => sum + kind.added,
    0,
  );
  out.log(
    words(
      added > 0
        ? say('cli_storage_copied', { location: report.to, count: added })
        : say('cli_storage_nothing_new', { location: report.to }),
    ),
  );
  out.log(figuresTable(report, words));
  if (notice) out.log(words(notice));
  return EXIT.done;
}

/** The figures both books agree on: each kind of row, and orders by status with their sums. */
function figuresTable(report: Omit<CopyOutcome, 'notice'>, words: Words): string {
  const row = (figure: CopyFigure, count: number) => [`  ${words(say('cli_storage_figure', { figure }))}`, words.f.count(count), ''];
  return table([
    row('profiles', report.profiles.count),
    ...ORDER_STATUSES.map((status) => {
      const { count, sumMinor } = report.orders.byStatus[status];
      return [`  ${words(say('cli_storage_figure', { figure: 'orders', status }))}`, words.f.count(count), words.f.money(sumMinor)];
    }),
    row('events', report.events.count),
    row('statements', report.statements.count),
    row('lines', report.lines.count),
    row('settings', report.settings.count),
  ]);
}

/** `paydesk storage check`: the book's server, layer by layer, as Settings › Order book checks it. Exit 0 only when all pass. */
async function checkCommand(json: boolean, cli: Cli): Promise<number> {
  const { book, out, words } = cli;
  if (book.engine !== 'postgres') throw new UsageError(say('cli_storage_check_needs_url'));
  const check = await checkPostgres(book.connection);
  if (json) {
    out.log(JSON.stringify({ ok: check.ok, schema: check.schema, steps: check.steps.map(({ step, ok }) => ({ step, ok })) }));
  } else {
    out.log(
      table(
        check.steps.map(({ step, ok, detail }) => [
          words(say(ok ? 'cli_check_passed' : 'cli_check_failed')),
          words(say('cli_check_step', { step })),
          words(detail),
        ]),
      ),
    );
    if (check.ok) out.log(words(check.message));
    else out.error(`paydesk: ${escapeControls(words(check.message))}`);
  }
  return check.ok ? EXIT.done : EXIT.failed;
}

/** --owner and --counter, each a plain role name, two different ones. */
function rolesOf(owner = DEFAULT_ROLES.owner, counter = DEFAULT_ROLES.counter): BookRoles {
  for (const [option, text] of [
    ['--owner', owner],
    ['--counter', counter],
  ] as const) {
    if (!ROLE_NAME.test(text)) throw new UsageError(say('cli_storage_role_name', { option, text }));
  }
  if (owner === counter) throw new UsageError(say('cli_storage_roles_same'));
  return { owner, counter };
}

/**
 * `paydesk storage setup-roles`: the SQL of an owner role and a counter role, printed (stdout, for psql) with what to
 * do with it (stderr); with --run, done on --database-url's database, the book made or upgraded as the owner.
 */
async function setupRolesCommand(roles: BookRoles, run: boolean, cli: Cli): Promise<number> {
  const { book, out, words } = cli;
  const names = { owner: roles.owner, counterRole: roles.counter };
  if (!run) {
    out.log(`${rolesSql(roles)}\n${grantsSql(roles)}`);
    out.error(words(say('cli_storage_roles_printed', names)));
    return EXIT.done;
  }
  if (book.engine !== 'postgres') throw new UsageError(say('cli_storage_roles_need_url'));
  const pool = openPool({ ...poolConfig(book.connection), timeZone: 'UTC', max: 1 });
  try {
    await setUpRoles(createExecutor(pool), roles, { timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone });
  } catch (error) {
    out.error(`paydesk: ${escapeControls(words(serverRefusal(error, book.connection)))}`);
    return EXIT.failed;
  } finally {
    await pool.end();
  }
  out.log(words(say('cli_storage_roles_done', { location: describePostgres(book.connection), ...names })));
  return EXIT.done;
}
