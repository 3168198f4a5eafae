// The statement worker's entry: reads one statement file (statement-file.ts), answers with its columns and
// first rows, and, if the main thread then sends a mapping, with every line parsed by it. Lines go back in
// batches, the next one only when asked for, so taking them in never holds the main thread for long.
import { parentPort, workerData } from 'node:worker_threads';
import type { Message, StatementMapping } from '../../../shared/contract';
import { readStatementFile } from './statement-file';
import { missingColumns, parseStatementLines } from './statement-lines';
import type { RejectedLine, StatementLineInput } from '../storage/statements-repo';

export type StatementJob = { name: string; bytes: Uint8Array };
export type StatementSummary = { headers: string[]; preview: string[][]; rows: number };
/** Why a file was not read: a message (code and params, plain data), never a sentence of one language. */
export type Refusal = { ok: false; message: Message; field?: 'mapping' };

export type WorkerMessage =
  | { read: StatementSummary }
  | { batch: { lines: StatementLineInput[]; rejected: RejectedLine[] } }
  | { done: { ok: true; rows: number; repeats: number } | Refusal };
/** After `read`, the mapping to parse the lines with; after each `batch`, "next". */
export type MainMessage = { mapping: StatementMapping } | 'next';

/** The mapping screen shows this many rows, each cell cut to this many characters. */
const PREVIEW_ROWS = 20;
const PREVIEW_CELL = 200;
const BATCH = 2_000;

const port = parentPort!;
const job = workerData as StatementJob;
const send = (message: WorkerMessage) => port.postMessage(message);
const reply = () => new Promise<MainMessage>((resolve) => port.once('message', resolve));
const clip = (cell: string) => (cell.length > PREVIEW_CELL ? `${cell.slice(0, PREVIEW_CELL - 1)}…` : cell);

async function run(): Promise<Extract<WorkerMessage, { done: unknown }>['done']> {
  const read = await readStatementFile(job.name, job.bytes);
  if (!read.ok) return read;
  const { headers, rows } = read.table;
  const preview = rows.slice(0, PREVIEW_ROWS).map((row) => headers.map((_, i) => clip(row.cells[i] ?? '')));
  send({ read: { headers, preview, rows: rows.length } });
  const { mapping } = (await reply()) as { mapping: StatementMapping };
  const absent = missingColumns(headers, mapping);
  if (absent) return { ok: false, message: absent, field: 'mapping' };
  const parsed = parseStatementLines(read.table, mapping);
  for (let at = 0; at < Math.max(parsed.lines.length, parsed.rejected.length); at += BATCH) {
    send({ batch: { lines: parsed.lines.slice(at, at + BATCH), rejected: parsed.rejected.slice(at, at + BATCH) } });
    await reply();
  }
  return { ok: true, rows: parsed.rows, repeats: parsed.repeats };
}

send({ done: await run() });
