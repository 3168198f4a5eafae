// A payment link as a QR code's geometry, for the screen (renderer/src/qr-code.tsx) and the printed sign
// (electron/core/exports/qr-sign-html.ts) alike: one SVG path, a rectangle per run of dark modules, which is a
// few hundred path commands rather than a few thousand, and needs no canvas, data: URL or script.
import { encode } from 'uqr';

/**
 * The largest code drawn: version 20, 97 modules a side, which holds 666 bytes at medium error correction.
 * Past it a module is too fine for a phone camera to read off a shop screen or a roll reliably; genuine
 * checkout links are a few hundred characters, far below it.
 */
const MAX_VERSION = 20;

export type QrPath = { path: string; modules: number };

/**
 * The code with `quietZone` modules of white around it (scanners need it to find the code), at medium error
 * correction, which survives a scratched screen; null when the address does not fit (uqr throws "Data too long").
 */
export function qrPath(url: string, quietZone: number): QrPath | null {
  let qr: ReturnType<typeof encode>;
  try {
    qr = encode(url, { ecc: 'M', border: quietZone, maxVersion: MAX_VERSION });
  } catch {
    return null;
  }
  let d = '';
  qr.data.forEach((row, y) => {
    for (let x = 0; x < row.length; x++) {
      if (!row[x]) continue;
      const start = x;
      while (row[x + 1]) x++;
      d += `M${start} ${y}h${x - start + 1}v1h-${x - start + 1}z`;
    }
  });
  return { path: d, modules: qr.size };
}
