// Statements as the gateway's panel and the wallets' merchant portals write them, made by the tests: CSV in
// several shapes (BOM, `;`, quoted commas, Bengali digits and headers) and XLSX written by write-excel-file;
// and hostile ones (ZIP bombs, archives that lie, CSVs of a million lines or columns), each small on disk.
import { randomBytes } from 'node:crypto';
import { constants as zlibConstants, deflateRawSync } from 'node:zlib';
import writeXlsxFile from 'write-excel-file/node';
import type { Message, Order } from '../../shared/contract';
import { say } from '../../shared/messages/say';
import { paidAt, seedOrdersAt } from './seed-orders';
import type { TestCore } from './core';

export type PaidSeed = { amountMinor: number; at: Date; transactionId?: string };

/** Orders of the active profile created at `at`; with a transaction id, paid a minute later by their return. */
export const seedOrders = (core: TestCore, rows: PaidSeed[]): Promise<Order[]> =>
  seedOrdersAt(
    core,
    rows.map(({ amountMinor, at, transactionId }) => ({ amountMinor, at, pay: transactionId })),
  );

export { paidAt };

const pad = (n: number) => String(n).padStart(2, '0');
/** 20/11/2026 14:30 in local time, as the portals write it. */
export const dayFirst = (d: Date) =>
  `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
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
  const data = rows.map((row) => row.map((cell) => (cell instanceof Date ? { value: cell, format: 'dd/mm/yyyy hh:mm' } : cell)));
  return new Uint8Array(await writeXlsxFile(data as never).toBuffer());
}

/** A part of a ZIP written by hand, so a test can make the archive lie about it. */
export type ZipPart = {
  name: string;
  /** The part's bytes as stored in the archive: deflated (method 8) unless `stored`. */
  packed: Uint8Array;
  /** The uncompressed size its headers declare. */
  size: number;
  stored?: boolean;
  /** As streaming writers do: sizes only in a data descriptor after the data, none in the local header. */
  streamed?: boolean;
};

/** With `zip64`, every size and count is given the ZIP64 way, as writers do for archives past 4 GB. */
export function zipBytes(parts: ZipPart[], { zip64 = false } = {}): Uint8Array {
  const chunks: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const method = part.stored ? 0 : 8;
    const flags = part.streamed ? 0x08 : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    if (!part.streamed) {
      local.writeUInt32LE(part.packed.length, 18);
      local.writeUInt32LE(part.size, 22);
    }
    local.writeUInt16LE(name.length, 26);
    const descriptor = Buffer.alloc(part.streamed ? 16 : 0);
    if (part.streamed) {
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(part.packed.length, 8);
      descriptor.writeUInt32LE(part.size, 12);
    }
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(flags, 8);
    entry.writeUInt16LE(method, 10);
    entry.writeUInt32LE(zip64 ? 0xffffffff : part.packed.length, 20);
    entry.writeUInt32LE(zip64 ? 0xffffffff : part.size, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    const extra = Buffer.alloc(zip64 ? 20 : 0);
    if (zip64) {
      entry.writeUInt16LE(extra.length, 30);
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(16, 2);
      extra.writeBigUInt64LE(BigInt(part.size), 4);
      extra.writeBigUInt64LE(BigInt(part.packed.length), 12);
    }
    chunks.push(local, name, Buffer.from(part.packed), descriptor);
    directory.push(entry, name, extra);
    offset += local.length + name.length + part.packed.length + descriptor.length;
  }
  const directorySize = directory.reduce((sum, chunk) => sum + chunk.length, 0);
  const tail: Buffer[] = [];
  if (zip64) {
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4);
    record.writeUInt16LE(45, 12);
    record.writeUInt16LE(45, 14);
    record.writeBigUInt64LE(BigInt(parts.length), 24);
    record.writeBigUInt64LE(BigInt(parts.length), 32);
    record.writeBigUInt64LE(BigInt(directorySize), 40);
    record.writeBigUInt64LE(BigInt(offset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(offset + directorySize), 8);
    locator.writeUInt32LE(1, 16);
    tail.push(record, locator);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(zip64 ? 0xffff : parts.length, 8);
  end.writeUInt16LE(zip64 ? 0xffff : parts.length, 10);
  end.writeUInt32LE(zip64 ? 0xffffffff : directorySize, 12);
  end.writeUInt32LE(zip64 ? 0xffffffff : offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, ...directory, ...tail, end]));
}

/** A part deflated honestly. */
export const deflatedPart = (name: string, text: string): ZipPart => {
  const bytes = Buffer.from(text);
  return { name, packed: deflateRawSync(bytes), size: bytes.length };
};

/**
 * `megabytes` MB of zeros as one deflate stream of about 1 KB per MB, made in no time: one flushed, non-final
 * block of a megabyte of zeros (it refers only to its own output) repeated, then an empty final block.
 */
export function deflatedZeros(megabytes: number): Uint8Array {
  const block = deflateRawSync(Buffer.alloc(1024 * 1024), { finishFlush: zlibConstants.Z_SYNC_FLUSH });
  return new Uint8Array(Buffer.concat([...Array<Buffer>(megabytes).fill(block), deflateRawSync(Buffer.alloc(0))]));
}

/** The parts read-excel-file needs around a first sheet: the workbook and its relations. */
export const workbookParts = (sheet: ZipPart): ZipPart[] => [
  deflatedPart('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
  deflatedPart(
    'xl/workbook.xml',
    '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Statement" sheetId="1" r:id="rId1"/></sheets></workbook>',
  ),
  deflatedPart(
    'xl/_rels/workbook.xml.rels',
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
  ),
  sheet,
];

/** A sheet part's XML around rows of `<row>` markup. */
export const sheetXml = (rows: string) =>
  `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;

/** Hostile statements, each small on disk, and the message (naming the cap it breaks) each must be refused with. */
export const STATEMENT_BOMBS: ReadonlyArray<{ what: string; name: string; make(): Uint8Array; refusal: Message }> = [
  {
    what: 'an XLSX whose sheet declares 3 GB',
    name: 'bomb.xlsx',
    make: () => zipBytes(workbookParts({ name: 'xl/worksheets/sheet1.xml', packed: deflatedZeros(3 * 1024), size: 3 * 1024 ** 3 })),
    refusal: say('statement_xlsx_part_too_large', { file: 'bomb.xlsx', maxBytes: 100 * 1024 ** 2 }),
  },
  {
    what: 'an XLSX whose parts, each packed like a spreadsheet, together declare 150 MB',
    name: 'parts.xlsx',
    make: () =>
      zipBytes(
        Array.from({ length: 3 }, (_, i) => ({ name: `xl/media/image${i}.png`, packed: randomBytes(600_000), size: 50 * 1024 ** 2 })),
      ),
    refusal: say('statement_xlsx_too_large', { file: 'parts.xlsx', maxBytes: 120 * 1024 ** 2 }),
  },
  {
    what: 'an XLSX packed a thousand to one',
    name: 'dense.xlsx',
    make: () => zipBytes(workbookParts({ name: 'xl/worksheets/sheet1.xml', packed: deflatedZeros(50), size: 50 * 1024 ** 2 })),
    refusal: say('statement_xlsx_packed_tightly', { file: 'dense.xlsx', ratio: 100 }),
  },
  {
    what: 'an XLSX of 70,000 parts (counted the ZIP64 way)',
    name: 'parts-galore.xlsx',
    make: () =>
      zipBytes(
        Array.from({ length: 70_000 }, (_, i) => ({ name: `p${i}`, packed: new Uint8Array(), size: 0, stored: true })),
        { zip64: true },
      ),
    refusal: say('statement_xlsx_too_many_parts', { file: 'parts-galore.xlsx', max: 1_000 }),
  },
  {
    what: 'an XLSX whose directory says 1 KB for a sheet that inflates to 3 GB',
    name: 'liar.xlsx',
    make: () => zipBytes(workbookParts({ name: 'xl/worksheets/sheet1.xml', packed: deflatedZeros(3 * 1024), size: 1024, streamed: true })),
    refusal: say('statement_xlsx_lies', { file: 'liar.xlsx' }),
  },
  {
    what: 'an honest little XLSX whose cells sit in its last column (each row 16,384 cells wide in memory)',
    name: 'far-right.xlsx',
    make: () => {
      let rows = '';
      for (let r = 1; r <= 20_000; r++) rows += `<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="XFD${r}"><v>1</v></c></row>`;
      return zipBytes(workbookParts(deflatedPart('xl/worksheets/sheet1.xml', sheetXml(rows))));
    },
    refusal: say('statement_read_out_of_memory', { file: 'far-right.xlsx' }),
  },
  {
    what: 'a CSV of a million one-cell lines under a header of three',
    name: 'lines.csv',
    make: () => new TextEncoder().encode(`TrxID,Amount,Date\n${'a\n'.repeat(1_000_000)}`),
    refusal: say('statement_too_many_lines', { file: 'lines.csv', max: 200_000 }),
  },
  {
    what: 'a CSV line of four million columns',
    name: 'columns.csv',
    make: () => new TextEncoder().encode(`TrxID,Amount,Date\n${'a,'.repeat(4_000_000)}\n`),
    refusal: say('statement_too_many_columns', { file: 'columns.csv', line: 2, max: 100 }),
  },
  {
    what: 'a CSV cell of five million characters',
    name: 'cell.csv',
    make: () => new TextEncoder().encode(`TrxID,Amount,Date\nX1,"${'x'.repeat(5_000_000)}",01/01/2026\n`),
    refusal: say('statement_cell_too_long', { file: 'cell.csv', line: 2, max: 1_000 }),
  },
];
