// Statements as the gateway's panel and the wallets' merchant portals write them, made by the tests: CSV in
// several shapes (BOM, `;`, quoted commas, Bengali digits and headers) and XLSX written by write-excel-file.
import writeXlsxFile from 'write-excel-file/node';
import type { Order } from '../../shared/contract';
import { paidAt, seedOrdersAt } from './seed-orders';
import type { TestCore } from './core';

export type PaidSeed = { amountMinor: number; at: Date; transactionId?: string };

/** Orders of the active profile created at `at`; with a transaction id, paid a minute later by their return. */
export const seedOrders = (core: TestCore, rows: PaidSeed[]): Order[] =>
  seedOrdersAt(core, rows.map(({ amountMinor, at, transactionId }) => ({ amountMinor, at, pay: transactionId })));

export { paidAt };

const pad = (n: number) => String(n).padStart(2, '0');
/** 20/11/2026 14:30 in local time, as the portals write it. */
export const dayFirst = (d: Date) => `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
/** 2026-11-20 14:30:05 in local time. */
export const yearFirst = (d: Date) =>
  `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;

const BENGALI_DIGITS = '০১২৩৪৫৬৭৮৯';
export const bengaliDigits = (text: string) => text.replace(/\d/g, (d) => BENGALI_DIGITS[Number(d)]!);

export const csvBytes = (lines: string[], { bom = false, eol = '\r\n' } = {}) =>
  new TextEncoder().encode(`${bom ? '\uFEFF' : ''}${lines.join(eol)}${eol}`);

/**
 * An Excel date holds a wall-clock time with no zone; write-excel-file writes a Date's UTC fields, so the local
 * wall clock of `d` is handed over as that UTC time.
 */
export const wallClock = (d: Date) =>
  new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds()));

export async function xlsxBytes(rows: Array<Array<string | number | Date | null>>): Promise<Uint8Array> {
  const data = rows.map((row) =>
    row.map((cell) => (cell instanceof Date ? { value: cell, format: 'dd/mm/yyyy hh:mm' } : cell)),
  );
  return new Uint8Array(await writeXlsxFile(data as never).toBuffer());
}
