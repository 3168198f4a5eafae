// The CA certificate a shop picks for a PostgreSQL server checked with verify-full: PEM text, one certificate or a
// chain. It is read here, in the core, from the bytes the main process's open dialog read (the page never names a
// path), and kept as text: node-postgres takes the PEM itself.
import { X509Certificate } from 'node:crypto';
import type { Message } from '../../../shared/contract';
import { say } from '../../../shared/messages/say';

/** A CA bundle is a few certificates; far past this is not one. */
export const MAX_CA_BYTES = 256 * 1024;

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----\r?\n[A-Za-z0-9+/=\r\n]+?-----END CERTIFICATE-----/g;

export type CaCertificate = { fileName: string; subject: string; pem: string };

/** The certificate's own name: its subject's CN, else its whole subject on one line. */
function subjectOf(certificate: X509Certificate): string {
  const lines = certificate.subject.split('\n');
  const commonName = lines.find((line) => line.startsWith('CN='));
  return commonName ? commonName.slice(3) : lines.join(', ');
}

export function readCaCertificate(file: {
  name: string;
  bytes: Uint8Array;
}): { ok: true; ca: CaCertificate } | { ok: false; message: Message } {
  if (file.bytes.length > MAX_CA_BYTES)
    return { ok: false, message: say('order_book_ca_too_large', { file: file.name, maxBytes: MAX_CA_BYTES }) };
  const text = Buffer.from(file.bytes).toString('utf8');
  const blocks = text.match(PEM_BLOCK) ?? [];
  if (blocks.length === 0) return { ok: false, message: say('order_book_ca_not_pem', { file: file.name }) };
  try {
    // Every block must be a certificate, not only the first: a damaged chain is refused here, not at the server.
    const certificates = blocks.map((block) => new X509Certificate(block));
    return { ok: true, ca: { fileName: file.name, subject: subjectOf(certificates[0]!), pem: `${blocks.join('\n')}\n` } };
  } catch {
    return { ok: false, message: say('order_book_ca_not_pem', { file: file.name }) };
  }
}
