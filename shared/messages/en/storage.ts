import type { OrderStatus } from '../../contract';
import type { Phrasebook } from '../catalog';

/** What a copy's figures count: each kind of row, and the money the orders hold. */
export type CopyFigure =
  'profiles' | 'settings' | 'secrets' | 'orders' | 'amount' | 'events' | 'refusals' | 'statements' | 'lines' | 'rejects' | 'counters';

const FIGURES: Record<CopyFigure, string> = {
  profiles: 'profiles',
  settings: 'settings',
  secrets: 'saved API keys',
  orders: 'orders',
  amount: 'the orders’ total in poisha',
  events: 'order timeline entries',
  refusals: 'refused requests',
  statements: 'statements',
  lines: 'statement lines',
  rejects: 'statement lines that did not parse',
  counters: 'the per-day counters',
};

/**
 * Where the order book is kept: opening a PostgreSQL book (what a server that refuses means to the shopkeeper, never
 * its own words, which can name more than they should), this computer's saved choice of book, and copying the
 * SQLite file's book into PostgreSQL (`paydesk storage copy`, Settings › Order book).
 */
export const storage = {
  storage_server_unreachable: (p: { location: string }) =>
    `PayDesk could not reach the database server for ${p.location}. Check that it is running and that the host and port are right.`,
  storage_server_unknown_host: (p: { host: string }) =>
    `No computer called “${p.host}” could be found. Check the database server’s host name.`,
  storage_sign_in_refused: (p: { user: string; location: string }) =>
    `The database server did not accept the user ${p.user} with that password (${p.location}). Check the user and the password.`,
  storage_password_needed: (p: { location: string }) =>
    `No password for the order book at ${p.location} is kept on this computer. Enter it in Settings › Order book, or give it in PAYDESK_DATABASE_URL.`,
  storage_database_missing: (p: { database: string; location: string }) =>
    `The database server has no database called ${p.database} (${p.location}). Create it, or check its name.`,
  storage_tls_failed: (p: { location: string }) =>
    `PayDesk could not set up an encrypted connection to ${p.location} as the TLS setting asks. Check the TLS setting and the CA certificate.`,
  storage_not_allowed: (p: { user: string; location: string }) =>
    `The user ${p.user} may not create or change PayDesk’s tables in ${p.location}. Give it ownership of the database.`,
  storage_server_refused: (p: { location: string; code: string | null }) =>
    `The database server for ${p.location} refused PayDesk${p.code ? ` (error ${p.code})` : ''}.`,

  storage_choice_damaged: (p: { file: string }) =>
    `PayDesk cannot read which order book to open: ${p.file} is damaged. Choose the order book again in Settings › Order book (your orders are untouched).`,
  storage_choice_unreadable: (p: { file: string; code: string | null }) =>
    `PayDesk cannot read ${p.file}${p.code ? ` (${p.code})` : ''}, which says which order book to open.`,
  storage_choice_not_written: (p: { file: string; code: string | null }) =>
    `PayDesk could not save which order book to open in ${p.file}${p.code ? ` (${p.code})` : ''}.`,
  storage_password_session_only: () =>
    'This computer has no secure key store, so the database password was not saved: PayDesk asks for it again when it next starts.',

  storage_copy_no_file: (p: { file: string }) => `There is no order book at ${p.file}.`,
  storage_copy_not_a_book: (p: { file: string }) => `${p.file} is not a PayDesk order book.`,
  storage_copy_book_older: (p: { file: string }) =>
    `The order book ${p.file} was written by an older PayDesk. Open it in PayDesk once (it brings the book up to date), then copy it.`,
  storage_copy_book_newer: (p: { file: string }) =>
    `The order book ${p.file} was written by a newer PayDesk. Update PayDesk, then copy it.`,
  storage_copy_target_differs: (p: { location: string; table: string; id: string }) =>
    `Nothing was copied: ${p.location} already holds an order book that is not this one (its ${p.table} row ${p.id} differs from this file’s) — another shop’s book, or a copy made before this file changed. Copy into a new, empty database.`,
  storage_copy_time_inexact: (p: { table: string; id: string; column: string }) =>
    `Nothing was copied: a time in this order book (${p.table} row ${p.id}, ${p.column}) is not written the way PayDesk writes times, so it could not be copied exactly.`,
  storage_copy_row_refused: (p: { table: string; id: string; code: string | null }) =>
    `Nothing was copied: the database server refused ${p.table} row ${p.id}${p.code ? ` (error ${p.code})` : ''}.`,
  storage_copy_figures_differ: (p: { figure: CopyFigure; status?: OrderStatus | null; here: number; there: number }, f) =>
    `Nothing was copied: after copying, the two books disagree on ${FIGURES[p.figure]}${p.status ? ` (${p.status})` : ''}: ${f.count(p.here)} in this file, ${f.count(p.there)} in the database.`,
  storage_copy_keys_this_computer: () =>
    'Saved API keys were copied as they are: only this computer’s key store can read them. On other computers, enter each profile’s API key again.',

  cli_storage_takes: () => 'storage takes copy, check or setup-roles.',
  cli_storage_copy_needs_to: () => 'storage copy needs --to postgres://USER:PASSWORD@HOST:PORT/DATABASE.',
  cli_storage_check_needs_url: () => 'storage check needs --database-url or PAYDESK_DATABASE_URL.',
  cli_storage_copied: (p: { location: string; count: number }, f) =>
    `Copied this computer’s order book to ${p.location}: ${f.count(p.count)} rows new. Both books hold the same:`,
  cli_storage_nothing_new: (p: { location: string }) =>
    `Nothing new was copied: ${p.location} already holds every row of this computer’s order book. Both books hold the same:`,
  cli_storage_figure: (p: { figure: CopyFigure; status?: OrderStatus | null }) =>
    p.status ? `${FIGURES[p.figure]} (${p.status})` : FIGURES[p.figure],
  cli_storage_roles_need_url: () =>
    'storage setup-roles --run needs --database-url or PAYDESK_DATABASE_URL: a superuser’s sign-in to the order book’s database.',
  cli_storage_role_name: (p: { option: string; text: string }) =>
    `${p.option} takes a role name of lower-case letters, digits and _ (at most 63, not starting with a digit), not “${p.text}”.`,
  cli_storage_roles_same: () => 'The owner and the counter role must be two different roles.',
  cli_storage_roles_printed: (p: { owner: string; counterRole: string }) =>
    `Run this SQL as a superuser, connected to the order book’s database, once PayDesk has made the book there; or let PayDesk do it all, the book included: paydesk storage setup-roles --run --database-url postgres://… Then set both roles’ passwords in psql (\\password ${p.owner}, \\password ${p.counterRole}).`,
  cli_storage_roles_done: (p: { location: string; owner: string; counterRole: string }) =>
    `The roles are ready on ${p.location}: ${p.owner} owns PayDesk’s tables and alone upgrades them; ${p.counterRole} may only read and write orders. Set both roles’ passwords in psql (\\password ${p.owner}, \\password ${p.counterRole}), then sign every counter in as ${p.counterRole}, and after each PayDesk update, start it once as ${p.owner} to upgrade the book.`,
} satisfies Phrasebook;
