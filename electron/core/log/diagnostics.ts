// The text "Copy diagnostics" puts on the clipboard for support: what this PayDesk is, where it stands, and its
// last problems. Built from facts that hold no secret (no key, no key hint, no return token or link, no customer),
// and masked once more as a whole, since the log's lines came from elsewhere.
import type { AboutPaydesk, VaultStatus } from '../../../shared/contract';
import { maskSecrets } from './log-masking';

export type DiagnosticsFacts = {
  about: AboutPaydesk;
  storage: { engine: string; bytes: number | null };
  mode: 'sandbox' | 'live';
  /** The gateway's host (not its full Base URL). */
  gatewayHost: string | null;
  listener: {
    returnBaseUrl: string | null;
    running: boolean;
    /** The listener's problem in English, or null. */
    problem: string | null;
    warning: string | null;
    oldListeners: number;
  };
  vault: Pick<VaultStatus, 'protection' | 'backend' | 'weakAccepted'> & { key: 'saved' | 'session' | 'missing' | 'needs_reentry' | 'env' };
  tunnel: string;
  /** The newest warning and error lines of the log. */
  problems: string[];
  at: Date;
};

const megabytes = (bytes: number | null) => (bytes === null ? 'unknown size' : `${(bytes / (1024 * 1024)).toFixed(1)} MB`);

export function diagnosticsText(facts: DiagnosticsFacts): string {
  const { about, listener, vault } = facts;
  const lines = [
    `PayDesk ${about.version} diagnostics, ${facts.at.toISOString()}`,
    `Platform: ${about.platform} ${about.arch}; Node ${about.node}; Electron ${about.electron ?? '— (not the desktop app)'}; Chromium ${about.chromium ?? '—'}`,
    `Data folder: ${about.dataDir}`,
    `Logs: ${about.logsDir}`,
    `Storage: ${facts.storage.engine}, ${megabytes(facts.storage.bytes)}`,
    `Mode: ${facts.mode}${facts.gatewayHost ? `, gateway at ${facts.gatewayHost}` : ''}`,
    `Return listener: ${listener.running ? 'running' : 'not running'}${listener.returnBaseUrl ? `, customers come back to ${listener.returnBaseUrl}` : ''}`,
    `Listener problem: ${listener.problem ?? 'none'}`,
    ...(listener.warning ? [`Listener warning: ${listener.warning}`] : []),
    `Old addresses still answering: ${listener.oldListeners}`,
    `Tunnel: ${facts.tunnel}`,
    `API keys: ${vault.protection} (${vault.backend}${vault.weakAccepted ? ', weak storage accepted' : ''}); this profile's key: ${vault.key}`,
    `Last warnings and errors (${facts.problems.length}):`,
    ...(facts.problems.length ? facts.problems.map((line) => `  ${line}`) : ['  none']),
  ];
  return maskSecrets(lines.join('\n')) + '\n';
}
