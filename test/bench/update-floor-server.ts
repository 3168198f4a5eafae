// The floor under the return listener's ratio: the bare server of fixed-page-server.ts plus only the UPDATE
// that marks an order paid, batched and committed as the listener does (no token check, duplicate check,
// audit row or search index). Run over a copy of a seeded book; with `without-triggers` it drops the
// schema's triggers first, to show what the per-day counters cost. Prints "ready PORT".
//   node --import tsx test/bench/update-floor-server.ts BOOK_FILE with-triggers|without-triggers
// Requests are GET /<order id>.
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openDatabase } from '../../electron/core/storage/sqlite/database';
import { thankYouPage } from '../../electron/core/listener/pages';

const [file, triggers] = process.argv.slice(2);
if (!file || (triggers !== 'with-triggers' && triggers !== 'without-triggers')) {
  console.error('usage: update-floor-server.ts BOOK_FILE with-triggers|without-triggers');
  process.exit(2);
}
const db = openDatabase(file);
if (triggers === 'without-triggers') {
  const names = db.prepare<[], string>(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'orders'`).pluck().all();
  for (const name of names) db.exec(`DROP TRIGGER "${name}"`);
}
const pay = db.prepare(
  `UPDATE orders SET status = 'paid', payment_source = 'gateway', transaction_id = ?, transaction_key = upper(?),
     paid_at = ?, verification = 'unverified', updated_at = ? WHERE id = ?`,
);
const body = Buffer.from(thankYouPage({ ref: 'PD-000001', amountMinor: 15050, transactionId: 'CJH1D2Y4W1' }, 'en').html);

let waiting: Array<{ id: number; response: ServerResponse }> = [];
const flush = () => {
  const burst = waiting;
  waiting = [];
  const at = new Date().toISOString();
  db.transaction(() => burst.forEach(({ id }) => pay.run(`F${id}`, `F${id}`, at, at, id))).immediate();
  for (const { response } of burst) {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': body.length });
    response.end(body);
  }
};
const server = createServer((request, response) => {
  request.resume();
  if (waiting.push({ id: Number(request.url!.slice(1)), response }) === 1) setImmediate(flush);
});
server.listen(0, '127.0.0.1', () => console.log(`ready ${(server.address() as AddressInfo).port}`));
process.stdin.resume().on('end', () => process.exit(0));
