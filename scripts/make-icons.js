// Writes PayDesk's mark, a white taka sign (৳) in a rounded square of PayDesk's green, as every image the
// installers and the tray need:
//   build/icon.png (512×512), build/icon.ico (16–256, Windows), build/icon.icns (16–512, macOS)
//     electron-builder's buildResources; given .ico and .icns, it converts nothing (converting would
//     download its icon tool);
//   resources/tray.png (16×16) and resources/tray@2x.png (32×32)
//     the tray icon: the app loads it from app.getAppPath()/resources (the project in development, the
//     asar when packaged); Electron picks the @2x file on high-density screens by itself.
// Drawn by Debian's Chromium (/usr/bin/chromium, through playwright-core) from one SVG, with the glyph from
// the Noto Sans Bengali the app already ships, so no system font decides its shape. The images are PayDesk's
// own work. Run: node scripts/make-icons.js
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const GREEN = '#006a4e';
const font = readFileSync(join(root, 'node_modules/@fontsource/noto-sans-bengali/files/noto-sans-bengali-bengali-700-normal.woff2'));

/** The mark on a 100-unit square. Small sizes get a larger sign and less corner, so they stay legible. */
function markSvg(size) {
  const small = size <= 32;
  const radius = small ? 18 : 22;
  const fontSize = small ? 96 : 80;
  return `<svg xmlns="http://www.w3.org/2000/svg" style="display:block" width="${size}" height="${size}" viewBox="0 0 100 100">
  <style>@font-face { font-family: Mark; src: url(data:font/woff2;base64,${font.toString('base64')}); font-weight: 700; }</style>
  <rect x="${small ? 0 : 4}" y="${small ? 0 : 4}" width="${small ? 100 : 92}" height="${small ? 100 : 92}" rx="${radius}" fill="${GREEN}"/>
  <text x="50" y="50" dy="0.34em" text-anchor="middle" font-family="Mark" font-weight="700" font-size="${fontSize}" fill="#fff">৳</text>
</svg>`;
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
// One viewport for every size (Chromium does not shrink a window to 16 pixels); each image is a clip of it.
const page = await browser.newPage({ viewport: { width: 512, height: 512 }, deviceScaleFactor: 1 });
/** The mark at each size, drawn one after another (one page holds one drawing at a time). */
async function draw(sizes) {
  const images = new Map();
  for (const size of sizes) {
    await page.setContent(`<html><body style="margin:0;background:transparent">${markSvg(size)}</body></html>`);
    await page.evaluate('document.fonts.ready');
    images.set(size, await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }));
  }
  return images;
}

/** ICO with PNG entries (Windows Vista and later read them); a width or height of 256 is written as 0. */
function ico(sizes) {
  const images = sizes.map((size) => png.get(size));
  const header = Buffer.alloc(6 + 16 * sizes.length);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(sizes.length, 4);
  let offset = header.length;
  sizes.forEach((size, i) => {
    const entry = 6 + 16 * i;
    header.writeUInt8(size % 256, entry);
    header.writeUInt8(size % 256, entry + 1);
    header.writeUInt16LE(1, entry + 4);
    header.writeUInt16LE(32, entry + 6);
    header.writeUInt32LE(images[i].length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += images[i].length;
  });
  return Buffer.concat([header, ...images]);
}

/** ICNS with PNG entries, one OSType for each size (macOS 10.7 and later). */
function icns(types) {
  const chunks = Object.entries(types).map(([type, size]) => {
    const image = png.get(size);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(image.length + 8, 4);
    return Buffer.concat([head, image]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + chunks.reduce((sum, chunk) => sum + chunk.length, 0), 4);
  return Buffer.concat([head, ...chunks]);
}

let png;
try {
  png = await draw([16, 24, 32, 48, 64, 128, 256, 512]);
} finally {
  await browser.close();
}
mkdirSync(join(root, 'build'), { recursive: true });
mkdirSync(join(root, 'resources'), { recursive: true });
writeFileSync(join(root, 'build/icon.png'), png.get(512));
writeFileSync(join(root, 'build/icon.ico'), ico([16, 24, 32, 48, 64, 128, 256]));
writeFileSync(join(root, 'build/icon.icns'), icns({ icp4: 16, icp5: 32, icp6: 64, ic07: 128, ic08: 256, ic09: 512 }));
writeFileSync(join(root, 'resources/tray.png'), png.get(16));
writeFileSync(join(root, 'resources/tray@2x.png'), png.get(32));
