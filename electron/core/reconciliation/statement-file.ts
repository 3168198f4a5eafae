// A statement file's bytes as a table of text: the header row and the data rows, each with its line number
// and its original text. CSV comes as the panels and spreadsheets write it (UTF-8 with or without a BOM,
// UTF-16 from Excel's "Unicode text", `,` `;` tab or `|` between fields, quoted fields with commas and line
// breaks); XLSX is read with read-excel-file, its numbers kept as the digits written in the file. This runs in
// the statement worker (statement-reader.ts), never on the main thread, and refuses, with a message naming
// the cap, any file past what a statement could be.
import { readSheet } from 'read-excel-file/node';
import type { Message } from '../../../shared/contract';
import { say } from '../../../shared/messages/say';
import { readCsvRecords } from './csv-records';
import { overCap, STATEMENT_CAPS, XLSX_CAPS } from './statement-caps';
import { detectMapping } from './statement-headers';
import { unpackXlsx } from './xlsx-archive';

/** Statements of a few hundred thousand lines fit well within this; a larger file is refused unread. */
export const MAX_STATEMENT_BYTES = 20 * 1024 * 1024;

/** A column's name as the mapping screen shows it and a mapping names it (with room for " (2)" after it). */
const MAX_HEADER = 90;

export type StatementRow = { line: number; cells: string[]; raw: string };
export type StatementTable = { headers: string[]; rows: StatementRow[] };
export type TableRead = { ok: true; table: StatementTable } | { ok: false; message: Message };

const refuse = (message: Message): TableRead => ({ ok: false, message });

/** How far down a title or a summary may push the header row. */
const HEADER_SEARCH_ROWS = 10;

export async function readStatementFile(name: string, bytes: Uint8Array): Promise<TableRead> {
  if (bytes.length > MAX_STATEMENT_BYTES) return refuse(say('statement_too_large', { file: name, maxBytes: MAX_STATEMENT_BYTES }));
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (zip || /\.xlsx$/i.test(name)) {
    if (!zip) return refuse(say('statement_not_xlsx', { file: name }));
    return readXlsx(name, bytes);
  }
  if (/\.xls$/i.test(name) || (bytes[0] === 0xd0 && bytes[1] === 0xcf)) {
    return refuse(say('statement_old_xls', { file: name }));
  }
  return readCsv(name, decode(bytes));
}

function decode(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}

/** The delimiter that splits the first lines most evenly into the most fields (quoted text set aside). */
export function sniffDelimiter(text: string): string {
  const lines = text
    .slice(0, 64 * 1024)
    .replace(/"(?:[^"]|"")*"/g, '""')
    .split(/\r\n|\n|\r/)
    .filter((line) => line.trim() !== '')
    .slice(0, HEADER_SEARCH_ROWS);
  let best = ',';
  let bestScore = 0;
  for (const delimiter of [',', ';', '\t', '|']) {
    const counts = lines.map((line) => line.split(delimiter).length - 1);
    // The header and the data share their count; a title line above them may have none.
    const score = counts.length ? Math.max(...counts.map((c) => counts.filter((d) => d === c).length * c)) : 0;
    if (score > bestScore) [best, bestScore] = [delimiter, score];
  }
  return best;
}

function readCsv(name: string, text: string): TableRead {
  const read = readCsvRecords(name, text, sniffDelimiter(text));
  return read.ok ? tabulate(name, read.records) : read;
}

async function readXlsx(name: string, bytes: Uint8Array): Promise<TableRead> {
  const unpacked = unpackXlsx(name, bytes, XLSX_CAPS);
  if (!unpacked.ok) return unpacked;
  let sheet: unknown[][];
  try {
    // Numbers as the digits in the file, never through a float: "1500.5" stays exactly that.
    sheet = (await readSheet(Buffer.from(unpacked.archive), { parseNumber: (digits) => digits })) as unknown[][];
  } catch (error) {
    // The reader's own words are for whoever looks into it, not for the shopkeeper.
    console.error('PayDesk: read-excel-file refused a workbook:', (error as Error).message);
    return refuse(say('statement_xlsx_unreadable', { file: name }));
  }
  if (sheet.length > STATEMENT_CAPS.lines) return refuse(overCap.lines(name));
  const rows: StatementRow[] = [];
  for (const [index, cells] of sheet.entries()) {
    // A sheet's rows are as wide as its widest; only the columns up to the last filled one count.
    let width = cells.length;
    while (width > 0 && (cells[width - 1] === null || cells[width - 1] === undefined)) width--;
    if (width > STATEMENT_CAPS.columns) return refuse(overCap.columns(name, index + 1));
    const text = cells.slice(0, width).map(cellText);
    if (text.some((cell) => cell.length > STATEMENT_CAPS.cellLength)) return refuse(overCap.cellLength(name, index + 1));
    if (text.some((cell) => cell.trim() !== '')) rows.push({ line: index + 1, cells: text, raw: text.map(quoted).join(',') });
  }
  return tabulate(name, rows);
}

/**
 * An Excel date is a wall-clock time with no zone; read-excel-file hands it over as that wall clock in UTC.
 * Written back as local "YYYY-MM-DD HH:mm:ss", it is read like any other local time.
 */
function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) {
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${cell.getUTCFullYear()}-${pad(cell.getUTCMonth() + 1)}-${pad(cell.getUTCDate())} ${pad(cell.getUTCHours())}:${pad(cell.getUTCMinutes())}:${pad(cell.getUTCSeconds())}`;
  }
  if (typeof cell === 'string' && /^-?\d+\.\d{3,}$/.test(cell)) {
    // A spreadsheet's float for a poisha amount (1500.4999999999998) is that amount; anything finer is not.
    const cents = Number(cell) * 100;
    if (Math.abs(cents - Math.round(cents)) < 1e-6) return (Math.round(cents) / 100).toFixed(2);
  }
  return String(cell);
}

const quoted = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

/** The header row is the first that names a transaction ID and an amount (else the first row); data follows it. */
function tabulate(name: string, rows: StatementRow[]): TableRead {
  const candidates = rows.slice(0, HEADER_SEARCH_ROWS);
  const at = Math.max(
    0,
    candidates.findIndex((row) => {
      const found = detectMapping(row.cells);
      return found.transactionId !== undefined && found.amount !== undefined;
    }),
  );
  const header = rows[at];
  if (!header) return refuse(say('statement_empty', { file: name }));
  const headers = header.cells.map((cell, i) => clip(cell.trim()) || `Column ${i + 1}`);
  let width = headers.length;
  for (let i = at + 1; i < rows.length; i++) width = Math.max(width, rows[i]!.cells.length);
  while (headers.length < width) headers.push(`Column ${headers.length + 1}`);
  const data = rows.slice(at + 1).filter((row) => row.cells.some((cell) => cell.trim() !== ''));
  return { ok: true, table: { headers: uniqueNames(headers), rows: data } };
}

const clip = (name: string) => (name.length > MAX_HEADER ? `${name.slice(0, MAX_HEADER - 1)}…` : name);

/** Two columns called "Date" become "Date" and "Date (2)", so a mapping names one column. */
function uniqueNames(headers: string[]): string[] {
  const seen = new Map<string, number>();
  return headers.map((header) => {
    const n = (seen.get(header) ?? 0) + 1;
    seen.set(header, n);
    return n === 1 ? header : `${header} (${n})`;
  });
}
