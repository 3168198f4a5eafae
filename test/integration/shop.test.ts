import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { openDatabase } from '../../electron/core/storage/sqlite/database';
import type { SettingsRepo } from '../../electron/core/storage/settings-repo';
import { connect } from '../../electron/core/storage/sqlite/connection';
import { createSettingsRepo } from '../../electron/core/storage/sqlite/settings-repo';
import { createShopStore, MAX_LOGO_BYTES, type ShopStore } from '../../electron/core/setup/shop';
import { ShopDetails, type Message } from '../../shared/contract';
import { inEnglish, render, say } from '../../shared/messages/say';
import { tempDir } from '../support/temp-dir';

type TestContext = { after(fn: () => void): void };

function openShop(t: TestContext): { shop: ShopStore; settings: SettingsRepo; dataDir: string } {
  const dataDir = tempDir(t);
  const db = openDatabase(join(dataDir, 'paydesk.db'));
  t.after(() => db.close());
  const settings = createSettingsRepo(connect(db));
  return { shop: createShopStore({ settings, dataDir }), settings, dataDir };
}

// ---- Real pictures, byte by byte ----

function pngChunk(type: string, data: Uint8Array): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A valid grey PNG (8-bit greyscale) of the given size; the size is honest only for small pictures. */
function png(width = 1, height = 1): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth; colour type 0 (grey), compression, filter and interlace all 0
  const rows = Buffer.alloc((width + 1) * Math.min(height, 4), 0x80);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(rows)),
    pngChunk('IEND', new Uint8Array()),
  ]);
}

/** A 1×1 grey baseline JPEG: one quantisation table, one-code Huffman tables, one block with no detail. */
function jpeg(): Buffer {
  const oneCodeTable = (tableClass: number) => ['FFC4', '0014', tableClass.toString(16).padStart(2, '0'), '01', '00'.repeat(15), '00'];
  return Buffer.from(
    [
      'FFD8', // start of image
      'FFDB',
      '0043',
      '00',
      '01'.repeat(64), // quantisation table 0, all ones
      'FFC0',
      '000B',
      '08',
      '0001',
      '0001',
      '01',
      '01',
      '11',
      '00', // baseline frame: 8 bits, 1×1, one component
      ...oneCodeTable(0x00), // DC table 0: a single 1-bit code for "no difference"
      ...oneCodeTable(0x10), // AC table 0: a single 1-bit code for "end of block"
      'FFDA',
      '0008',
      '01',
      '01',
      '00',
      '00',
      '3F',
      '00', // start of scan
      '3F', // DC code 0, AC code 0, padded with ones
      'FFD9', // end of image
    ].join(''),
    'hex',
  );
}

/** A 1×1 lossless WebP. */
const WEBP = Buffer.from('UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==', 'base64');

const SVG = Buffer.from(
  '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>',
);

/** Every file in the folder with its bytes, and the stored setting: what "nothing changed" compares. */
async function snapshot(dataDir: string, settings: SettingsRepo) {
  const files = readdirSync(dataDir)
    .filter((name) => !name.startsWith('paydesk.db'))
    .sort()
    .map((name) => [name, readFileSync(join(dataDir, name)).toString('base64')]);
  return { files, setting: await settings.get('shop') };
}

const logoFiles = (dataDir: string) =>
  readdirSync(dataDir)
    .filter((name) => name.includes('logo'))
    .sort();

test('a new shop has empty details and no logo', async (t) => {
  const { shop } = openShop(t);
  assert.deepEqual(await shop.get(), { name: '', address: '', phone: '', logoDataUrl: null });
});

test('shop details in Bengali are saved and read back exactly, trimmed', async (t) => {
  const { shop, settings, dataDir } = openShop(t);
  const saved = await shop.save({ name: ' রহিম স্টোর ', address: 'বাড়ি ১২, রোড ৫, ধানমন্ডি, ঢাকা ১২০৫', phone: '০১৭১১-২৩৪৫৬৭' });
  const expected = { name: 'রহিম স্টোর', address: 'বাড়ি ১২, রোড ৫, ধানমন্ডি, ঢাকা ১২০৫', phone: '০১৭১১-২৩৪৫৬৭', logoDataUrl: null };
  assert.deepEqual(saved, expected);
  assert.deepEqual(ShopDetails.parse(saved), saved, 'matches the contract');
  // A fresh store over the same order book sees the same details.
  assert.deepEqual(await createShopStore({ settings, dataDir }).get(), expected);
});

test('saving details keeps the logo, and setting a logo keeps the details', async (t) => {
  const { shop } = openShop(t);
  await shop.save({ name: 'Karim Traders', address: 'Chattogram', phone: '+880 1711 000000' });
  const withLogo = await shop.setLogo(png());
  assert.ok(withLogo.ok);
  assert.equal(withLogo.shop.name, 'Karim Traders');
  const renamed = await shop.save({ name: 'Karim & Sons', address: 'Chattogram', phone: '' });
  assert.equal(renamed.logoDataUrl, withLogo.shop.logoDataUrl);
});

test('a real 1×1 PNG is accepted, kept as shop-logo.png and shown as a PNG data URL', async (t) => {
  const { shop, dataDir } = openShop(t);
  const picture = png();
  const result = await shop.setLogo(picture);
  assert.ok(result.ok, result.ok ? '' : inEnglish(result.message));
  assert.equal(result.shop.logoDataUrl, `data:image/png;base64,${picture.toString('base64')}`);
  assert.deepEqual(logoFiles(dataDir), ['shop-logo.png']);
  assert.deepEqual(readFileSync(join(dataDir, 'shop-logo.png')), picture);
  assert.equal((await shop.get()).logoDataUrl, result.shop.logoDataUrl);
});

test('a real 1×1 JPEG and a 1×1 WebP are accepted with their own types', async (t) => {
  const { shop } = openShop(t);
  const fromJpeg = await shop.setLogo(jpeg());
  assert.ok(fromJpeg.ok, fromJpeg.ok ? '' : inEnglish(fromJpeg.message));
  assert.equal(fromJpeg.shop.logoDataUrl, `data:image/jpeg;base64,${jpeg().toString('base64')}`);
  const fromWebp = await shop.setLogo(WEBP);
  assert.ok(fromWebp.ok, fromWebp.ok ? '' : inEnglish(fromWebp.message));
  assert.match(fromWebp.shop.logoDataUrl ?? '', /^data:image\/webp;base64,/);
});

test('a picture of exactly 512 KB is still accepted', async (t) => {
  const { shop } = openShop(t);
  const picture = png();
  const padded = Buffer.concat([picture, Buffer.alloc(MAX_LOGO_BYTES - picture.length)]);
  assert.equal(padded.length, 512 * 1024);
  assert.equal((await shop.setLogo(padded)).ok, true);
});

test('replacing a PNG logo by a JPEG leaves one logo file, the JPEG', async (t) => {
  const { shop, dataDir } = openShop(t);
  assert.ok((await shop.setLogo(png())).ok);
  const replaced = await shop.setLogo(jpeg());
  assert.ok(replaced.ok);
  assert.deepEqual(logoFiles(dataDir), ['shop-logo.jpg']);
  assert.match((await shop.get()).logoDataUrl ?? '', /^data:image\/jpeg;base64,/);
  assert.deepEqual(
    readdirSync(dataDir).filter((name) => name.endsWith('.tmp')),
    [],
    'no temp file is left behind',
  );
});

test('refused pictures get a reason each, in both languages, and change nothing on disk', async (t) => {
  const { shop, settings, dataDir } = openShop(t);
  await shop.save({ name: 'রহিম স্টোর', address: '', phone: '' });
  const logo = png();
  assert.ok((await shop.setLogo(logo)).ok);
  const before = await snapshot(dataDir, settings);

  const wholePng = png(2, 2);
  const refusals: [string, Uint8Array, Message][] = [
    ['an SVG', SVG, say('logo_svg')],
    ['a text file renamed logo.png', Buffer.from('Rahim Store\nDhaka\n'), say('logo_not_picture')],
    ['a GIF', Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'), say('logo_not_picture')],
    ['an empty file', new Uint8Array(), say('logo_empty')],
    ['a 600 KB file', Buffer.concat([png(), Buffer.alloc(600 * 1024)]), say('logo_too_big')],
    ['a truncated PNG', wholePng.subarray(0, wholePng.length - 20), say('logo_damaged', { format: 'PNG' })],
    ['a PNG cut inside its header', wholePng.subarray(0, 20), say('logo_damaged', { format: 'PNG' })],
    ['a truncated JPEG', jpeg().subarray(0, 120), say('logo_damaged', { format: 'JPEG' })],
    ['a truncated WebP', WEBP.subarray(0, 28), say('logo_damaged', { format: 'WebP' })],
    [
      'a file cut off just past 512 KB, as the main process reads it',
      Buffer.concat([png(), Buffer.alloc(512 * 1024)]).subarray(0, 512 * 1024 + 1),
      say('logo_too_big'),
    ],
    ['a PNG of 5000 × 300 pixels', png(5000, 300), say('logo_too_many_pixels', { width: 5000, height: 300, max: 4096 })],
    ['a PNG of 0 × 1 pixels', png(0, 1), say('logo_damaged', { format: 'PNG' })],
  ];
  for (const [what, bytes, expected] of refusals) {
    const result = await shop.setLogo(bytes);
    assert.equal(result.ok, false, `${what} was accepted`);
    if (result.ok) continue;
    assert.deepEqual(result.message, expected, what);
    assert.match(render(result.message, 'en'), /\.$/, `${what}: a sentence`);
    assert.match(render(result.message, 'bn'), /।$/, `${what}: a Bengali sentence`);
    assert.deepEqual(await snapshot(dataDir, settings), before, `${what} changed something on disk`);
  }
  const tooLarge = refusals.at(-2)![2];
  assert.equal(
    render(tooLarge, 'en'),
    'That picture is 5,000 × 300 pixels; a logo can be at most 4,096 × 4,096. Make it smaller and choose it again.',
  );
  assert.equal(render(tooLarge, 'bn'), 'ছবিটি ৫,০০০ × ৩০০ পিক্সেল; লোগো বড়জোর ৪,০৯৬ × ৪,০৯৬ হতে পারে। ছোট করে আবার বেছে নিন।');
  assert.equal((await shop.get()).logoDataUrl, `data:image/png;base64,${logo.toString('base64')}`);
});

test('removing the logo deletes its file and keeps the details', async (t) => {
  const { shop, dataDir } = openShop(t);
  await shop.save({ name: 'রহিম স্টোর', address: 'ঢাকা', phone: '০১৭১১২৩৪৫৬৭' });
  assert.ok((await shop.setLogo(WEBP)).ok);
  const removed = await shop.removeLogo();
  assert.deepEqual(removed, { name: 'রহিম স্টোর', address: 'ঢাকা', phone: '০১৭১১২৩৪৫৬৭', logoDataUrl: null });
  assert.deepEqual(logoFiles(dataDir), []);
  assert.deepEqual(await shop.removeLogo(), removed, 'removing twice is harmless');
});

test('a stored setting that names another file is never read as the logo', async (t) => {
  const { shop, settings, dataDir } = openShop(t);
  await settings.set('shop', { name: 'Shop', address: 7, logo: '../paydesk.db' });
  assert.deepEqual(await shop.get(), { name: 'Shop', address: '', phone: '', logoDataUrl: null });
  assert.ok(readdirSync(dataDir).includes('paydesk.db'));
});

test('a logo file replaced on disk by something that is not a picture is not shown', async (t) => {
  const { shop, dataDir } = openShop(t);
  assert.ok((await shop.setLogo(png())).ok);
  writeFileSync(join(dataDir, 'shop-logo.png'), SVG);
  assert.equal((await shop.get()).logoDataUrl, null);
});
