// Help › About and support: what this PayDesk is, its folders, and the diagnostics text. The core runs in
// Electron's main process in the app, so process.versions names Electron and Chromium there (and nothing in
// the CLI or the tests).
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { version } from '../../../package.json';
import type { AboutPaydesk } from '../../../shared/contract';
import { inEnglish } from '../../../shared/messages/say';
import type { Runtime } from '../orders/orders-service';
import type { Vault } from '../setup/api-key-vault';
import { DATABASE_FILE } from '../storage/data-dir';
import type { Engine } from '../storage/order-book';
import type { ProfilesRepo } from '../storage/profiles-repo';
import { diagnosticsText } from './diagnostics';
import type { LogFile } from './log-file';

/** How many of the log's last warnings and errors the diagnostics carry. */
const PROBLEMS_SHOWN = 20;

export type SupportService = {
  log: LogFile;
  about(): AboutPaydesk;
  folder(which: 'data' | 'logs'): string;
  diagnostics(): Promise<string>;
};

export function createSupport(deps: {
  dataDir: string;
  /** The order book's engine: the SQLite file's size is told, a database server's is not ours to tell. */
  engine: Engine;
  log: LogFile;
  runtime: () => Runtime;
  profiles: ProfilesRepo;
  vault: Vault;
  /** Keys come from PAYDESK_API_KEY (the CLI), not the vault. */
  envKeys: boolean;
  tunnel: () => Promise<string>;
}): SupportService {
  const about = (): AboutPaydesk => ({
    version,
    electron: process.versions.electron ?? null,
    chromium: process.versions.chrome ?? null,
    node: process.versions.node,
    platform: process.platform,
    arch: process.arch,
    dataDir: deps.dataDir,
    logsDir: deps.log.dir,
  });
  return {
    log: deps.log,
    about,
    folder: (which) => (which === 'data' ? deps.dataDir : deps.log.dir),
    async diagnostics() {
      const runtime = deps.runtime();
      const profile = await deps.profiles.active();
      const { protection, backend, weakAccepted } = await deps.vault.status();
      return diagnosticsText({
        about: about(),
        storage:
          deps.engine === 'sqlite' ? { engine: 'SQLite', bytes: databaseBytes(deps.dataDir) } : { engine: 'PostgreSQL', bytes: null },
        mode: profile?.mode ?? 'sandbox',
        gatewayHost: profile && URL.canParse(profile.baseUrl) ? new URL(profile.baseUrl).host : null,
        listener: {
          returnBaseUrl: runtime.returnBaseUrl,
          running: runtime.listenerProblem === null && runtime.returnBaseUrl !== null,
          problem: runtime.listenerProblem ? inEnglish(runtime.listenerProblem) : null,
          warning: runtime.listenerWarning ? inEnglish(runtime.listenerWarning) : null,
          oldListeners: runtime.oldListeners.length,
        },
        vault: {
          protection,
          backend,
          weakAccepted,
          key: deps.envKeys ? 'env' : profile ? (await deps.vault.state(profile)).state : 'missing',
        },
        tunnel: await deps.tunnel(),
        problems: await deps.log.recentProblems(PROBLEMS_SHOWN),
        at: new Date(),
      });
    },
  };
}

/** The order book's size on disk, its write-ahead log included. */
function databaseBytes(dataDir: string): number | null {
  let total = 0;
  for (const suffix of ['', '-wal']) {
    try {
      total += statSync(join(dataDir, DATABASE_FILE + suffix)).size;
    } catch {
      if (suffix === '') return null;
    }
  }
  return total;
}
