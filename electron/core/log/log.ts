// What the core writes for support: one line per event, a level, a stable code and a short English text.
// Logs are read by whoever helps the shop, not by the shopkeeper, so they are English; their codes are what
// a support answer quotes. Parts started on their own (a test's listener) print their errors on the console.
export type LogLevel = 'info' | 'warn' | 'error';

export type Log = {
  info(code: string, text: string): void;
  warn(code: string, text: string): void;
  error(code: string, text: string): void;
};

/**
 * Errors on the console, as the parts printed them before there was a log. Warnings and info are for the file
 * only: the `paydesk` command's stderr speaks the shopkeeper's language, and a log line would break into it.
 */
export const consoleLog: Log = {
  info: () => {},
  warn: () => {},
  error: (code, text) => console.error('PayDesk:', text, `[${code}]`),
};

/** An error's own message, without its stack (which names this machine's paths and says nothing to support). */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
