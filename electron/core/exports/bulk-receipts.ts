// Receipts for many orders at once: one combined PDF, or one PDF per order into a folder. Work happens in
// a hidden folder beside the target; only a finished export is moved into place (atomic-file.ts), so
// cancelling (or a failure) leaves nothing behind.
import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { Message, Order, ShopDetails } from '../../../shared/contract';
import type { Language } from '../../../shared/messages/catalog';
import type { Clock } from '../../../shared/messages/formats';
import { say } from '../../../shared/messages/say';
import { replaceFileAtomically, writeFileAtomically } from '../files/atomic-file';
import { problemOf } from './export-problem';
import type { PdfRenderer } from './pdf-renderer';
import { receiptFileName, renderReceipts, type ReceiptLayout } from './receipt-html';

export type BulkTarget = { kind: 'combined'; file: string } | { kind: 'per-order'; folder: string };

export type BulkResult =
  { ok: true; receipts: number } | { ok: false; cancelled: true } | { ok: false; cancelled: false; message: Message };

/** Receipts rendered per Chromium call: big enough to be fast, small enough for a smooth progress bar. */
const CHUNK = 25;

export async function exportReceipts(options: {
  batches: AsyncIterable<Order[]>;
  total: number;
  shop: ShopDetails;
  layout: ReceiptLayout;
  language: Language;
  clock: Clock;
  renderer: PdfRenderer;
  target: BulkTarget;
  signal?: AbortSignal;
  onProgress?(done: number, total: number): void;
}): Promise<BulkResult> {
  const { target, signal } = options;
  const home = target.kind === 'combined' ? dirname(target.file) : target.folder;
  const work = await mkdtemp(join(home, '.paydesk-receipts-'));
  const combined = target.kind === 'combined' ? await PDFDocument.create() : null;
  const written: string[] = [];
  let done = 0;
  try {
    const render = (orders: Order[]) =>
      options.renderer.pdf(
        renderReceipts(
          orders.map((order) => ({ order, shop: options.shop, layout: options.layout, language: options.language, clock: options.clock })),
        ),
      );
    for await (const orders of chunks(options.batches, CHUNK)) {
      if (signal?.aborted) throw new Cancelled();
      const part = await PDFDocument.load(await render(orders));
      if (combined) {
        for (const page of await combined.copyPages(part, part.getPageIndices())) combined.addPage(page);
      } else {
        for (const [i, order] of orders.entries()) {
          if (signal?.aborted) throw new Cancelled();
          // One page per receipt is the rule; a receipt that ran onto a second page is rendered alone.
          const pdf = part.getPageCount() === orders.length ? await singlePage(part, i) : await render([order]);
          const name = receiptFileName(order, 'pdf');
          await writeFile(join(work, name), pdf);
          written.push(name);
        }
      }
      done += orders.length;
      options.onProgress?.(done, options.total);
    }
    if (signal?.aborted) throw new Cancelled();
    if (combined && target.kind === 'combined') {
      await writeFileAtomically(target.file, await combined.save());
    } else {
      for (const name of written) await replaceFileAtomically(join(home, name), (temp) => rename(join(work, name), temp));
    }
    return { ok: true, receipts: done };
  } catch (error) {
    if (error instanceof Cancelled) return { ok: false, cancelled: true };
    return { ok: false, cancelled: false, message: say('receipts_failed', { problem: problemOf(error) }) };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

class Cancelled extends Error {}

async function singlePage(source: PDFDocument, index: number): Promise<Uint8Array> {
  const single = await PDFDocument.create();
  const [page] = await single.copyPages(source, [index]);
  single.addPage(page!);
  return single.save();
}

async function* chunks(batches: AsyncIterable<Order[]>, size: number): AsyncGenerator<Order[]> {
  let chunk: Order[] = [];
  for await (const batch of batches) {
    for (const order of batch) {
      chunk.push(order);
      if (chunk.length === size) {
        yield chunk;
        chunk = [];
      }
    }
  }
  if (chunk.length > 0) yield chunk;
}
