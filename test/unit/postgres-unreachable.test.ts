// Which errors mean the database server or the network is away (worth journaling a return and trying again), and
// which are a refusal of what was asked; and that a name that no longer resolves is told apart in the setup check.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OrderBookUnreachable } from '../../electron/core/storage/order-book-unreachable';
import { serverRefusal } from '../../electron/core/storage/postgres/server-refusal';
import { asUnreachable, isUnreachable } from '../../electron/core/storage/postgres/unreachable';

const systemError = (code: string) => Object.assign(new Error(`getaddrinfo ${code} db.shop.lan`), { code });

test('a network that is down, or a name the shop’s DNS cannot resolve now, means the server is away', () => {
  for (const code of ['EAI_AGAIN', 'ENOTFOUND', 'ENETDOWN', 'EHOSTDOWN', 'ECONNABORTED', 'EADDRNOTAVAIL', 'ECONNREFUSED', 'ETIMEDOUT']) {
    assert.equal(isUnreachable(systemError(code)), true, code);
    assert.ok(asUnreachable(systemError(code)) instanceof OrderBookUnreachable, code);
  }
  assert.equal(isUnreachable(new AggregateError([systemError('ENETDOWN'), systemError('EADDRNOTAVAIL')])), true);
});

test('a refusal of what was asked is not taken for an absent server', () => {
  for (const code of ['23505', '42501', 'P0001', 'EACCES']) assert.equal(isUnreachable(systemError(code)), false, code);
  const refused = systemError('23505');
  assert.equal(asUnreachable(refused), refused);
  assert.equal(isUnreachable(new AggregateError([systemError('ENETDOWN'), systemError('EACCES')])), false);
});

test('the setup check still says an unknown host for a name that does not resolve', () => {
  const connection = {
    host: 'db.shop.lan',
    port: 5432,
    database: 'paydesk',
    user: 'paydesk',
    password: '',
    tls: 'disable' as const,
    ca: null,
  };
  for (const code of ['ENOTFOUND', 'EAI_AGAIN']) {
    assert.equal(serverRefusal(asUnreachable(systemError(code)), connection).code, 'storage_server_unknown_host', code);
  }
});
