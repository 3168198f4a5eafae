// Which order book this machine opens: the SQLite file in its data folder (the default, nothing to set), or a
// PostgreSQL database several counters share. The choice is this machine's own, kept beside the SQLite file, never in
// a book (a book cannot say where to find itself); its password is kept encrypted, as API keys are.

import type { OrderBookTls } from '../../../shared/contract';

export type PostgresConnection = {
  host: string;
  port: number;
  database: string;
  user: string;
  password: string;
  /** `require` encrypts without checking whom it talks to; `verify-full` checks the server's certificate and name. */
  tls: OrderBookTls;
  /**
   * The CA certificate (PEM text, read once from the file the shopkeeper picked or the URL's sslrootcert) that
   * `verify-full` checks the server against; null for the system's trusted CAs.
   */
  ca: string | null;
};

export type BookChoice = { engine: 'sqlite' } | { engine: 'postgres'; connection: PostgresConnection };

export const SQLITE_BOOK: BookChoice = { engine: 'sqlite' };
