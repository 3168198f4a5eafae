// The shop's own details for its receipts: name, address and phone in the settings, the logo as a file
// beside the order book. A logo comes from whatever file the shopkeeper picked, so it is judged by its
// bytes, not its name: PNG, JPEG or WebP only (an SVG can carry scripts into the receipt page), small,
// and whole. A refused picture changes nothing; an accepted one replaces the old in one rename.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ShopDetailsInput, type Message, type ShopDetails } from '../../../shared/contract';
import { say } from '../../../shared/messages/say';
import { writeFileAtomically } from '../files/atomic-file';
import type { SettingsRepo } from '../storage/settings-repo';

export const MAX_LOGO_BYTES = 512 * 1024;
export const MAX_LOGO_SIDE = 4096;

export type SetLogoResult = { ok: true; shop: ShopDetails } | { ok: false; message: Message };
export interface ShopStore {
  get(): Promise<ShopDetails>;
  save(input: z.output<typeof ShopDetailsInput>): Promise<ShopDetails>;
  setLogo(bytes: Uint8Array): Promise<SetLogoResult>;
  removeLogo(): Promise<ShopDetails>;
}

const SETTINGS_KEY = 'shop';
const FORMATS = {
  png: { file: 'shop-logo.png', mime: 'image/png', name: 'PNG' },
  jpg: { file: 'shop-logo.jpg', mime: 'image/jpeg', name: 'JPEG' },
  webp: { file: 'shop-logo.webp', mime: 'image/webp', name: 'WebP' },
} as const;
type Format = keyof typeof FORMATS;
const LOGO_FILES = [FORMATS.png.file, FORMATS.jpg.file, FORMATS.webp.file] as const;

/**
 * What the settings hold. `logo` names the current file, so a crash between writing a new logo and
 * removing the old one never leaves two candidates; being one of three fixed names, it can never point
 * anywhere else on disk. Anything unreadable falls back to empty rather than breaking receipts.
 */
const Stored = z
  .object({
    name: z.string().catch(''),
    address: z.string().catch(''),
    phone: z.string().catch(''),
    logo: z.enum(LOGO_FILES).nullable().catch(null),
  })
  .catch({ name: '', address: '', phone: '', logo: null });
type Stored = z.infer<typeof Stored>;

export function createShopStore({ settings, dataDir }: { settings: SettingsRepo; dataDir: string }): ShopStore {
  const read = async (): Promise<Stored> => Stored.parse(await settings.get<unknown>(SETTINGS_KEY));
  const write = (stored: Stored) => settings.set(SETTINGS_KEY, stored);

  async function get(): Promise<ShopDetails> {
    const { logo, ...details } = await read();
    return { ...details, logoDataUrl: logo === null ? null : dataUrl(join(dataDir, logo)) };
  }

  async function setLogo(bytes: Uint8Array): Promise<SetLogoResult> {
    const picture = judgeLogo(bytes);
    if (!picture.ok) return picture;
    const { file } = FORMATS[picture.format];
    try {
      mkdirSync(dataDir, { recursive: true, mode: 0o700 });
      await writeFileAtomically(join(dataDir, file), bytes);
    } catch (error) {
      return { ok: false, message: say('logo_write_failed', { problem: (error as NodeJS.ErrnoException).code ?? 'EIO' }) };
    }
    await write({ ...(await read()), logo: file });
    removeLogoFiles(dataDir, file);
    return { ok: true, shop: await get() };
  }

  return {
    get,
    async save(input) {
      const details = ShopDetailsInput.parse(input);
      await write({ name: details.name, address: details.address, phone: details.phone, logo: (await read()).logo });
      return get();
    },
    setLogo,
    async removeLogo() {
      // The setting first: once it is null no receipt shows the logo, even if a file cannot be deleted.
      await write({ ...(await read()), logo: null });
      removeLogoFiles(dataDir, null);
      return get();
    },
  };
}

/** The logo file as a data: URL, typed by its bytes; null when it is missing or no longer a picture. */
function dataUrl(path: string): string | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    return null;
  }
  const picture = judgeLogo(bytes);
  return picture.ok ? `data:${FORMATS[picture.format].mime};base64,${bytes.toString('base64')}` : null;
}

/** Best effort: a file that cannot be deleted now is no longer named in the settings, so it is never shown. */
function removeLogoFiles(dir: string, keep: string | null): void {
  for (const file of LOGO_FILES) {
    if (file === keep) continue;
    try {
      rmSync(join(dir, file), { force: true });
    } catch {
      // e.g. held open by another program on Windows; the next logo change tries again
    }
  }
}

// ---- judging a picture by its bytes ----

type Judged = { ok: true; format: Format } | { ok: false; message: Message };
/** A picture's size as its header states it; the parsers give null for a damaged or cut-off file. */
type Size = { width: number; height: number };

function judgeLogo(bytes: Uint8Array): Judged {
  if (bytes.length === 0) return { ok: false, message: say('logo_empty') };
  if (bytes.length > MAX_LOGO_BYTES) return { ok: false, message: say('logo_too_big') };
  const format = formatOf(bytes);
  if (format === null) return { ok: false, message: say(looksLikeSvg(bytes) ? 'logo_svg' : 'logo_not_picture') };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const size = format === 'png' ? pngSize(bytes, view) : format === 'jpg' ? jpegSize(bytes, view) : webpSize(bytes, view);
  if (size === null || size.width === 0 || size.height === 0) {
    return { ok: false, message: say('logo_damaged', { format: FORMATS[format].name }) };
  }
  if (size.width > MAX_LOGO_SIDE || size.height > MAX_LOGO_SIDE) {
    return { ok: false, message: say('logo_too_many_pixels', { ...size, max: MAX_LOGO_SIDE }) };
  }
  return { ok: true, format };
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) => prefix.every((byte, i) => bytes[at + i] === byte);
const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG_START = [0xff, 0xd8, 0xff];

function formatOf(bytes: Uint8Array): Format | null {
  if (startsWith(bytes, PNG_SIGNATURE)) return 'png';
  if (startsWith(bytes, JPEG_START)) return 'jpg';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp';
  return null;
}

function looksLikeSvg(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1').toLowerCase();
  return /<svg[\s>]/.test(head);
}

/** Walks the chunks: IHDR first (width, height), at least one IDAT, and an IEND, so a cut-off file fails. */
function pngSize(bytes: Uint8Array, view: DataView): Size | null {
  let offset = PNG_SIGNATURE.length;
  let size: Size | null = null;
  let sawImageData = false;
  while (offset + 12 <= bytes.length) {
    const length = view.getUint32(offset);
    const type = Buffer.from(bytes.subarray(offset + 4, offset + 8)).toString('latin1');
    const end = offset + 12 + length;
    if (end > bytes.length) return null;
    if (size === null) {
      if (type !== 'IHDR' || length !== 13) return null;
      size = { width: view.getUint32(offset + 8), height: view.getUint32(offset + 12) };
    }
    if (type === 'IDAT') sawImageData = true;
    if (type === 'IEND') return sawImageData ? size : null;
    offset = end;
  }
  return null;
}

/** Walks the segments to the frame header (SOFn) and the start of scan, then wants an end-of-image marker. */
function jpegSize(bytes: Uint8Array, view: DataView): Size | null {
  let offset = 2;
  let size: Size | null = null;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) return null;
    const marker = bytes[offset + 1] ?? 0;
    if (marker === 0xff) {
      offset += 1; // fill byte
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      offset += 2; // markers without a length
      continue;
    }
    const length = view.getUint16(offset + 2);
    const end = offset + 2 + length;
    if (length < 2 || end > bytes.length) return null;
    const isFrameHeader = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrameHeader) {
      if (length < 7) return null;
      size = { height: view.getUint16(offset + 5), width: view.getUint16(offset + 7) };
    }
    if (marker === 0xda) return size !== null && hasEndOfImage(bytes, end) ? size : null;
    offset = end;
  }
  return null;
}

function hasEndOfImage(bytes: Uint8Array, from: number): boolean {
  for (let i = bytes.length - 2; i >= from; i--) {
    if (bytes[i] === 0xff && bytes[i + 1] === 0xd9) return true;
  }
  return false;
}

/** RIFF must hold the whole file it announces; the first chunk (VP8, VP8L or VP8X) gives the size. */
function webpSize(bytes: Uint8Array, view: DataView): Size | null {
  if (bytes.length < 30 || view.getUint32(4, true) + 8 > bytes.length) return null;
  const chunk = Buffer.from(bytes.subarray(12, 16)).toString('latin1');
  if (20 + view.getUint32(16, true) > bytes.length) return null;
  const uint24 = (at: number) => view.getUint16(at, true) + ((bytes[at + 2] ?? 0) << 16);
  switch (chunk) {
    case 'VP8X':
      return { width: uint24(24) + 1, height: uint24(27) + 1 };
    case 'VP8L': {
      if (bytes[20] !== 0x2f) return null;
      const bits = view.getUint32(21, true);
      return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
    }
    case 'VP8 ':
      if (!startsWith(bytes, [0x9d, 0x01, 0x2a], 23)) return null;
      return { width: view.getUint16(26, true) & 0x3fff, height: view.getUint16(28, true) & 0x3fff };
    default:
      return null;
  }
}
