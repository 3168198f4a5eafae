// The CA certificate a shop picks for verify-full: PEM text is kept whole, anything else is refused with its sentence.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_CA_BYTES, readCaCertificate } from '../../electron/core/setup/ca-certificate';
import { CA_EXTENSIONS, chooseCaFile } from '../../electron/main/ca-file';
import { canMakeCertificates, makeCertificate } from '../support/self-signed';
import { tempDir } from '../support/temp-dir';

const bytes = (text: string | Buffer) => new Uint8Array(Buffer.from(text));

test('a PEM certificate is kept as its text, named by its subject', (t) => {
  if (!canMakeCertificates(t)) return;
  const { cert, trust } = makeCertificate(t, { issuedByAuthority: true });
  const chain = `${cert.toString()}\n${trust.toString()}`;
  const read = readCaCertificate({ name: 'shop-ca.pem', bytes: bytes(trust) });
  assert.ok(read.ok);
  assert.equal(read.ca.fileName, 'shop-ca.pem');
  assert.ok(read.ca.pem.startsWith('-----BEGIN CERTIFICATE-----'));
  assert.ok(read.ca.subject.length > 0 && !read.ca.subject.includes('\n'));
  const both = readCaCertificate({ name: 'chain.pem', bytes: bytes(chain) });
  assert.ok(both.ok);
  assert.equal(both.ca.pem.match(/BEGIN CERTIFICATE/g)?.length, 2, 'a chain is kept whole');
});

test('a file that is not a PEM certificate, or a damaged one, is refused by name', () => {
  for (const text of ['not a certificate', '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n']) {
    const read = readCaCertificate({ name: 'notes.txt', bytes: bytes(text) });
    assert.deepEqual(read, { ok: false, message: { code: 'order_book_ca_not_pem', params: { file: 'notes.txt' } } });
  }
});

test('a file larger than any CA bundle is refused unread', () => {
  const read = readCaCertificate({ name: 'huge.pem', bytes: new Uint8Array(MAX_CA_BYTES + 1) });
  assert.deepEqual(read, { ok: false, message: { code: 'order_book_ca_too_large', params: { file: 'huge.pem', maxBytes: MAX_CA_BYTES } } });
});

test('the main process’s dialog offers PEM files in the core’s words and reads one byte past the largest bundle', async (t) => {
  const file = join(tempDir(t), 'huge.pem');
  writeFileSync(file, Buffer.alloc(MAX_CA_BYTES * 2, 0x41));
  const asked: unknown[] = [];
  const dialog = {
    showOpenDialog: async (options: unknown) => {
      asked.push(options);
      return { canceled: false, filePaths: [file] };
    },
  } as unknown as Parameters<typeof chooseCaFile>[0];
  const picked = await chooseCaFile(dialog, null, { title: 'Choose the CA', filesName: 'Certificates' });
  assert.equal(picked?.name, 'huge.pem');
  assert.equal(picked?.bytes.length, MAX_CA_BYTES + 1);
  assert.deepEqual(asked, [
    { title: 'Choose the CA', properties: ['openFile'], filters: [{ name: 'Certificates', extensions: CA_EXTENSIONS }] },
  ]);

  const closed = { showOpenDialog: async () => ({ canceled: true, filePaths: [] }) } as unknown as Parameters<typeof chooseCaFile>[0];
  assert.equal(await chooseCaFile(closed, null, { title: 'Choose the CA', filesName: 'Certificates' }), null);
});
