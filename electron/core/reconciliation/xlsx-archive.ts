// An .xlsx is a ZIP archive. Before anything is inflated, its central directory (the archive's own list of parts
// and their sizes) is read here and held to caps no spreadsheet comes near; then each XML part is inflated to at
// most the size the directory declares, so an archive that lies about its sizes is refused too, and the parts are
// handed on repacked uncompressed: the spreadsheet reader never inflates anything itself.
import { crc32, inflateRawSync } from 'node:zlib';
import type { Message } from '../../../shared/contract';
import { say } from '../../../shared/messages/say';

export type ArchiveLimits = { entries: number; entryBytes: number; totalBytes: number; ratio: number };
export type Unpacked = { ok: true; archive: Uint8Array } | { ok: false; message: Message };

type Entry = { name: string; method: number; compressedSize: number; size: number; localOffset: number };

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END = 0x06064b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_ENTRY = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
/** Below this, how tightly a part is packed tells nothing. */
const RATIO_FLOOR_BYTES = 1024 * 1024;

/** The parts the spreadsheet reader reads; it ignores everything else (images, printer settings). */
const isXml = (name: string) => name.endsWith('.xml') || name.endsWith('.xml.rels');

export function unpackXlsx(name: string, bytes: Uint8Array, limits: ArchiveLimits): Unpacked {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const refuse = (message: Message): Unpacked => ({ ok: false, message });
  const damaged = refuse(say('statement_xlsx_damaged', { file: name }));
  // Numbers read from the archive, or -1 where it points outside itself.
  const within = (at: number, size: number) => at >= 0 && at + size <= bytes.length;
  const u16 = (at: number) => (within(at, 2) ? view.getUint16(at, true) : -1);
  const u32 = (at: number) => (within(at, 4) ? view.getUint32(at, true) : -1);
  const u64 = (at: number) => (within(at, 8) ? Number(view.getBigUint64(at, true)) : -1);

  let end = bytes.length - 22;
  const earliest = Math.max(0, end - 0xffff);
  while (end >= earliest && u32(end) !== END_OF_DIRECTORY) end--;
  if (end < earliest) return damaged;
  let count = u16(end + 10);
  let directorySize = u32(end + 12);
  let directoryAt = u32(end + 16);
  if (u16(end + 4) !== 0 || u16(end + 6) !== 0) return damaged;
  if (count === 0xffff || directorySize === 0xffffffff || directoryAt === 0xffffffff) {
    const zip64 = u32(end - 20) === ZIP64_LOCATOR ? u64(end - 12) : -1;
    if (zip64 < 0 || u32(zip64) !== ZIP64_END) return damaged;
    [count, directorySize, directoryAt] = [u64(zip64 + 32), u64(zip64 + 40), u64(zip64 + 48)];
  }
  if (count > limits.entries) return refuse(say('statement_xlsx_too_many_parts', { file: name, max: limits.entries }));
  if (directoryAt < 0 || directorySize < 0 || directoryAt + directorySize > bytes.length) return damaged;

  const entries: Entry[] = [];
  let total = 0;
  let at = directoryAt;
  for (let i = 0; i < count; i++) {
    if (u32(at) !== DIRECTORY_ENTRY) return damaged;
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const next = at + 46 + nameLength + extraLength + u16(at + 32);
    if (next > directoryAt + directorySize) return damaged;
    const entry: Entry = {
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: u16(at + 10),
      compressedSize: u32(at + 20),
      size: u32(at + 24),
      localOffset: u32(at + 42),
    };
    // ZIP64: a size or offset too large for 32 bits is in the extra field, in this order.
    for (let x = at + 46 + nameLength; x + 4 <= at + 46 + nameLength + extraLength; x += 4 + u16(x + 2)) {
      if (u16(x) !== 0x0001) continue;
      let field = x + 4;
      for (const key of ['size', 'compressedSize', 'localOffset'] as const) {
        if (entry[key] !== 0xffffffff) continue;
        entry[key] = u64(field);
        field += 8;
      }
    }
    if (entry.size > limits.entryBytes) return refuse(say('statement_xlsx_part_too_large', { file: name, maxBytes: limits.entryBytes }));
    total += entry.size;
    if (total > limits.totalBytes) return refuse(say('statement_xlsx_too_large', { file: name, maxBytes: limits.totalBytes }));
    if (entry.size > RATIO_FLOOR_BYTES && entry.size > limits.ratio * entry.compressedSize) {
      return refuse(say('statement_xlsx_packed_tightly', { file: name, ratio: limits.ratio }));
    }
    entries.push(entry);
    at = next;
  }

  const parts: Array<{ name: string; data: Uint8Array }> = [];
  for (const entry of entries.filter((e) => isXml(e.name))) {
    const local = entry.localOffset;
    if (u32(local) !== LOCAL_ENTRY) return damaged;
    const start = local + 30 + u16(local + 26) + u16(local + 28);
    const packed = bytes.subarray(start, start + entry.compressedSize);
    if (packed.length !== entry.compressedSize) return damaged;
    let data: Uint8Array;
    if (entry.method === STORED) data = packed;
    else if (entry.method === DEFLATED) {
      try {
        data = inflateRawSync(packed, { maxOutputLength: Math.max(entry.size, 1) });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return refuse(say('statement_xlsx_lies', { file: name }));
        return damaged;
      }
    } else {
      return refuse(say('statement_xlsx_compression', { file: name }));
    }
    if (data.length !== entry.size) return damaged;
    parts.push({ name: entry.name, data });
  }
  return { ok: true, archive: storedArchive(parts) };
}

/** A ZIP of the parts as they are (no compression), with exact sizes in every header. */
function storedArchive(parts: Array<{ name: string; data: Uint8Array }>): Uint8Array {
  const chunks: Uint8Array[] = [];
  const directory: Uint8Array[] = [];
  let offset = 0;
  for (const { name, data } of parts) {
    const fileName = new TextEncoder().encode(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_ENTRY, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(DIRECTORY_ENTRY, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(fileName.length, 28);
    entry.writeUInt32LE(offset, 42);
    chunks.push(local, fileName, data);
    directory.push(entry, fileName);
    offset += 30 + fileName.length + data.length;
  }
  const directorySize = directory.reduce((sum, chunk) => sum + chunk.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_DIRECTORY, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directorySize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...directory, end]);
}
