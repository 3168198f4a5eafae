// The accountant's spreadsheet: UTF-8 with a BOM (so Excel shows Bengali), RFC 4180 quoting, amounts as
// plain decimals, times in ISO 8601 with the local offset, and cells that a spreadsheet would run as a
// formula (= + - @ tab CR) neutralised with a leading apostrophe. Written in batches to a temporary file
// and renamed into place, so a cancelled or failed export leaves nothing half-written.
import { createWriteStream } from 'node:fs';
import { rm, rename } from 'node:fs/promises';
import { once } from 'node:events';
import { basename, dirname, join } from 'node:path';
import type { Order } from '../../../shared/contract';
import { toDecimalString } from '../../../shared/money';

export const CSV_COLUMNS = [
  'ref', 'created_at', 'status', 'paid_manually', 'amount', 'currency', 'customer_name', 'customer_email',
  'note', 'transaction_id', 'paid_at', 'profile',
] as const;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: string | null): string {
  if (value === null) return '';
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** 2026-11-25T18:47:03+06:00: the shop's local time, with its offset so it is never ambiguous. */
export function isoWithOffset(instant: string | null): string | null {
  if (instant === null) return null;
  const d = new Date(instant);
  const offset = -d.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:` +
    `${pad(d.getSeconds())}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

export function csvLine(order: Order): string {
  return [
    order.ref,
    isoWithOffset(order.createdAt),
    order.status,
    order.paidManually ? 'yes' : 'no',
    toDecimalString(order.amountMinor),
    order.currency,
    order.customerName,
    order.customerEmail,
    order.note,
    order.transactionId,
    isoWithOffset(order.paidAt),
    order.profileName,
  ]
    .map(csvCell)
    .join(',');
}

export type ExportResult = { ok: true; rows: number } | { ok: false; cancelled: boolean; message: string };

/** Streams the batches into `file`; resolves once the file is complete and in place, or removed. */
export async function writeOrdersCsv(
  file: string,
  batches: Iterable<Order[]>,
  options: { signal?: AbortSignal; onProgress?(rows: number): void } = {},
): Promise<ExportResult> {
  const partial = join(dirname(file), `.${basename(file)}.partial-${process.pid}-${Date.now()}`);
  const out = createWriteStream(partial, { encoding: 'utf8', flags: 'wx', mode: 0o600 });
  let rows = 0;
  try {
    await once(out, 'open');
    out.write('\uFEFF' + CSV_COLUMNS.join(',') + '\r\n');
    for (const batch of batches) {
      if (options.signal?.aborted) throw new ExportCancelled();
      let chunk = '';
      for (const order of batch) chunk += csvLine(order) + '\r\n';
      rows += batch.length;
      if (!out.write(chunk)) await once(out, 'drain');
      options.onProgress?.(rows);
    }
    out.end();
    await once(out, 'finish');
    await rename(partial, file);
    return { ok: true, rows };
  } catch (error) {
    out.destroy();
    await rm(partial, { force: true });
    if (error instanceof ExportCancelled) return { ok: false, cancelled: true, message: 'The export was cancelled; no file was written.' };
    return { ok: false, cancelled: false, message: `The orders could not be written to ${file}: ${(error as Error).message}` };
  }
}

class ExportCancelled extends Error {}
