// Noto Sans Bengali (OFL), inlined into every receipt so Bengali is shaped the same on every machine and
// the receipt window never fetches anything. Read once per process.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const FACES = [
  { subset: 'bengali', weight: 400 },
  { subset: 'bengali', weight: 600 },
  { subset: 'latin', weight: 400 },
  { subset: 'latin', weight: 600 },
] as const;

let css: string | null = null;

export function receiptFontCss(): string {
  css ??= FACES.map(({ subset, weight }) => {
    const file = require.resolve(`@fontsource/noto-sans-bengali/files/noto-sans-bengali-${subset}-${weight}-normal.woff2`);
    const data = readFileSync(file).toString('base64');
    return `@font-face{font-family:"Receipt Sans";font-weight:${weight};src:url(data:font/woff2;base64,${data}) format("woff2")}`;
  }).join('\n');
  return css;
}
