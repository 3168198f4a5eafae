import type { Formats } from '../formats';
import type { Phrasebook } from '../catalog';

const kb = (bytes: number, f: Formats) => `${f.count(Math.round(bytes / 1024))} KB`;

/** Settings › Order book: choosing, checking and filling a PostgreSQL server for the order book. */
export const orderBookSettings = {
  order_book_host_missing: () => 'Type the database server’s address (its name or IP address).',
  order_book_database_missing: () => 'Type the name of the database on the server.',
  order_book_user_missing: () => 'Type the user PayDesk signs in to the database server as.',
  order_book_field_too_long: (p: { max: number }, f) => `That can be at most ${f.count(p.max)} characters.`,
  order_book_ca_not_pem: (p: { file: string }) =>
    `${p.file} is not a CA certificate PayDesk can read: it needs the certificate as a PEM text file. Ask whoever runs the database server for its CA certificate.`,
  order_book_ca_too_large: (p: { file: string; maxBytes: number }, f) =>
    `${p.file} is larger than ${kb(p.maxBytes, f)}, too large for a CA certificate; PayDesk did not read it.`,
  order_book_copy_needs_file: () =>
    'PayDesk has the PostgreSQL server’s order book open, so there is nothing to copy from this computer’s file. Use this computer’s file and restart first.',
  order_book_copy_running: () => 'A copy is already running. Wait for it to finish.',
  order_book_copy_failed: (p: { code: string | null }) =>
    `The copy stopped before it finished${p.code ? ` (the server said ${p.code})` : ''}. This computer’s file is unchanged; copy again — nothing already copied is copied twice.`,
  order_book_password_not_kept: () =>
    'This computer cannot keep the password safely, and PayDesk needs it each time it starts. Under “Where API keys are kept”, choose to keep keys under weak protection, or use this computer’s file.',
  order_book_switch_payments_waiting: (p: { count: number }, f) =>
    `${p.count === 1 ? '1 payment' : `${f.count(p.count)} payments`} taken while the shared order book was away ` +
    `${p.count === 1 ? 'is' : 'are'} still waiting to be written to it; PayDesk changes the book once they are written.`,
  order_book_switch_changes_waiting: () =>
    'Changes made while the shared order book was away are still waiting to be written to it; PayDesk changes the book once they are written.',
  dialog_choose_ca: () => 'Choose the database server’s CA certificate',
  dialog_ca_files: () => 'Certificates (PEM)',
} satisfies Phrasebook;
