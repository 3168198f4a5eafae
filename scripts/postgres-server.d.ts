export const POSTGRES_ADMIN: string;
export function postgresBin(env?: NodeJS.ProcessEnv): string | null;

export type PostgresServer = {
  bin: string;
  dir: string;
  port: number;
  host: string;
  user: string;
  password: string;
  /** The superuser's URL of a database on this server (sslmode=disable unless started with `tls`). */
  url(database?: string): string;
  logFile: string;
  stopServer(mode?: 'smart' | 'fast' | 'immediate'): void;
  startServer(): void;
  /** Stops and starts the server (`immediate`: a crash) without blocking the event loop; resolves once it answers. */
  restart(mode?: 'smart' | 'fast' | 'immediate'): Promise<void>;
  /** Stops the server and deletes its folder. */
  stop(): void;
};

export function startPostgres(options?: {
  bin?: string | null;
  settings?: Record<string, string>;
  /** A certificate and its key (PEM): the server then speaks TLS (ssl=on). */
  tls?: { cert: string | Buffer; key: string | Buffer } | null;
}): Promise<PostgresServer>;

export function startRunServer(what: string): Promise<{ env: Record<string, string> }>;
