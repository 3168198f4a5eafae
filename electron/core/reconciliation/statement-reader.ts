// Statement files are read in a worker thread of their own, with its own memory and time limits: a file that
// is too large, damaged or made to harm costs that thread, never the main one, where the return listener keeps
// answering customers. Whatever stops the worker comes back as a message.
import type { StatementMapping } from '../../../shared/contract';
import { say } from '../../../shared/messages/say';
import { startWorker } from '../worker-thread';
import type { ParsedStatement } from './statement-lines';
import type { MainMessage, Refusal, StatementJob, StatementSummary, WorkerMessage } from './statement-worker';

export type { Refusal, StatementSummary };
export type StatementFile = StatementJob;

/** Ample for the largest statement the caps let through (200,000 lines of XLSX need about 250 MB). */
const RESOURCE_LIMITS = { maxOldGenerationSizeMb: 640, maxYoungGenerationSizeMb: 64, stackSizeMb: 4 };
const TIME_LIMIT_MS = 60_000;

type Steps = {
  /** Given the file's columns and first rows: the mapping to read every line with, a refusal, or null for no more. */
  onRead(summary: StatementSummary): StatementMapping | Refusal | null;
  onBatch(batch: Extract<WorkerMessage, { batch: unknown }>['batch']): void;
};
type Outcome = { ok: true; summary: StatementSummary; rows: number; repeats: number } | Refusal;

function read(file: StatementFile, steps: Steps): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const worker = startWorker('statement-worker', import.meta.url, { workerData: file, resourceLimits: RESOURCE_LIMITS });
    let summary: StatementSummary | null = null;
    let settled = false;
    const settle = (done: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      done();
    };
    const finish = (outcome: Outcome) => settle(() => resolve(outcome));
    const unreadable = (message: Refusal['message']): Refusal => ({ ok: false, message });
    const timer = setTimeout(
      () => finish(unreadable(say('statement_read_too_slow', { file: file.name, seconds: TIME_LIMIT_MS / 1000 }))),
      TIME_LIMIT_MS,
    );
    const answer = (message: MainMessage) => worker.postMessage(message);
    const onMessage = (message: WorkerMessage) => {
      if ('read' in message) {
        summary = message.read;
        const next = steps.onRead(summary);
        if (next === null) finish({ ok: true, summary, rows: summary.rows, repeats: 0 });
        else if ('ok' in next) finish(next);
        else answer({ mapping: next });
      } else if ('batch' in message) {
        steps.onBatch(message.batch);
        // The next batch only after the main thread has seen to anything else waiting (a customer's return).
        setImmediate(() => settled || answer('next'));
      } else {
        finish(message.done.ok ? { ...message.done, summary: summary! } : message.done);
      }
    };
    // A fault of our own on this side is the caller's error, not a message about the file.
    worker.on('message', (message: WorkerMessage) => {
      try {
        onMessage(message);
      } catch (error) {
        settle(() => reject(error));
      }
    });
    worker.on('error', (error: Error & { code?: string }) =>
      finish(
        unreadable(
          say(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'statement_read_out_of_memory' : 'statement_read_failed', { file: file.name }),
        ),
      ),
    );
    worker.on('exit', () => finish(unreadable(say('statement_read_stopped', { file: file.name }))));
  });
}

/** The file's columns, its first rows for the mapping screen, and how many data rows it has. */
export async function readStatementSummary(file: StatementFile): Promise<{ ok: true; summary: StatementSummary } | Refusal> {
  const outcome = await read(file, { onRead: () => null, onBatch: () => {} });
  return outcome.ok ? { ok: true, summary: outcome.summary } : outcome;
}

/**
 * Every line of the file, read with the mapping `choose` makes of its columns (or refused as it says): the lines
 * to import, the rows that could not be, and the mapping they were read with.
 */
export async function readStatementLines(
  file: StatementFile,
  choose: (headers: string[]) => StatementMapping | Refusal,
): Promise<{ ok: true; parsed: ParsedStatement; mapping: StatementMapping } | Refusal> {
  const parsed: ParsedStatement = { rows: 0, lines: [], rejected: [], repeats: 0 };
  let mapping: StatementMapping | undefined;
  const outcome = await read(file, {
    onRead: (summary) => {
      const chosen = choose(summary.headers);
      if (!('ok' in chosen)) mapping = chosen;
      return chosen;
    },
    onBatch: (batch) => {
      for (const line of batch.lines) parsed.lines.push(line);
      for (const line of batch.rejected) parsed.rejected.push(line);
    },
  });
  if (!outcome.ok) return outcome;
  return { ok: true, parsed: { ...parsed, rows: outcome.rows, repeats: outcome.repeats }, mapping: mapping! };
}
