// The accountant's spreadsheet: UTF-8 with a BOM (so Excel shows Bengali), RFC 4180 quoting, amounts as
// plain decimals, times in ISO 8601 with the local offset, and cells that a spreadsheet would run as a
// formula (= + - @ tab CR) neutralised with a leading apostrophe. The order book's engine makes the lines
// (order-queries.ts), which keeps the export near the sqlite3 shell's speed; they are written in chunks to a temporary file and
// renamed into place (atomic-file.ts), so a cancelled or failed export leaves nothing half-written.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Message } from '../../../shared/contract';
import { say } from '../../../shared/messages/say';
import { replaceFileAtomically } from '../files/atomic-file';
import { problemOf } from './export-problem';

export const CSV_COLUMNS = [
  'ref',
  'created_at',
  'status',
  'paid_manually',
  'amount',
  'currency',
  'customer_name',
  'customer_email',
  'note',
  'transaction_id',
  'paid_at',
  'profile',
  'verification',
  // Last, so the columns a spreadsheet was set up for before counters stay where they were.
  'counter',
] as const;

export type ExportResult = { ok: true; rows: number } | { ok: false; cancelled: true } | { ok: false; cancelled: false; message: Message };

/** Streams the batches into `file`; resolves once the file is complete and in place, or removed. */
export async function writeOrdersCsv(
  file: string,
  chunks: AsyncIterable<{ bytes: Buffer; rows: number }>,
  options: { signal?: AbortSignal; onProgress?(rows: number): void } = {},
): Promise<ExportResult> {
  let rows = 0;
  try {
    await replaceFileAtomically(file, async (partial) => {
      const out = createWriteStream(partial, { flags: 'wx', mode: 0o600 });
      try {
        await once(out, 'open');
        out.write(Buffer.from('\uFEFF' + CSV_COLUMNS.join(',') + '\r\n', 'utf8'));
        for await (const chunk of chunks) {
          if (options.signal?.aborted) throw new ExportCancelled();
          rows += chunk.rows;
          if (!out.write(chunk.bytes)) await once(out, 'drain');
          options.onProgress?.(rows);
        }
        out.end();
        await once(out, 'finish');
      } catch (error) {
        out.destroy();
        throw error;
      }
    });
    return { ok: true, rows };
  } catch (error) {
    if (error instanceof ExportCancelled) return { ok: false, cancelled: true };
    return { ok: false, cancelled: false, message: say('csv_write_failed', { file, problem: problemOf(error) }) };
  }
}

class ExportCancelled extends Error {}
