import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { NetworkInterfaceInfo } from 'node:os';
import { exposureWarning, listBindAddresses } from '../../electron/core/listener/bind-addresses';
import { render } from '../../shared/messages/say';

const v4 = (address: string, internal = false): NetworkInterfaceInfo => ({
  address,
  netmask: '255.255.255.0',
  family: 'IPv4',
  mac: '02:00:00:00:00:01',
  internal,
  cidr: `${address}/24`,
});
const v6 = (address: string, internal = false): NetworkInterfaceInfo => ({
  address,
  netmask: 'ffff:ffff:ffff:ffff::',
  family: 'IPv6',
  mac: '02:00:00:00:00:01',
  internal,
  cidr: `${address}/64`,
  scopeid: address.startsWith('fe80') ? 2 : 0,
});

/** Each address with its label as the shopkeeper reads it. */
const labelled = (addresses: ReturnType<typeof listBindAddresses>, language: 'en' | 'bn' = 'en') =>
  addresses.map((entry) => [entry.address, render(entry.label, language)]);

test('this computer comes first, then each LAN IPv4 address named by its interface', () => {
  const addresses = listBindAddresses({
    lo: [v4('127.0.0.1', true), v6('::1', true)],
    wlan0: [v4('192.168.1.23'), v6('fe80::1c2b:3aff:fe4d:5e6f')],
    eth0: [v4('10.0.0.5')],
  });
  assert.deepEqual(
    addresses.map((entry) => [entry.address, entry.label.code, entry.label.params, entry.loopback]),
    [
      ['127.0.0.1', 'listen_address_label', { interface: '', kind: 'this_computer' }, true],
      ['192.168.1.23', 'listen_address_label', { interface: 'wlan0', kind: 'other_devices' }, false],
      ['10.0.0.5', 'listen_address_label', { interface: 'eth0', kind: 'other_devices' }, false],
    ],
  );
  assert.deepEqual(labelled(addresses), [
    ['127.0.0.1', 'This computer only'],
    ['192.168.1.23', 'wlan0 — other devices on this network'],
    ['10.0.0.5', 'eth0 — other devices on this network'],
  ]);
  assert.deepEqual(labelled(addresses, 'bn'), [
    ['127.0.0.1', 'শুধু এই কম্পিউটার'],
    ['192.168.1.23', 'wlan0 — দোকানের নেটওয়ার্কের অন্য ডিভাইস'],
    ['10.0.0.5', 'eth0 — দোকানের নেটওয়ার্কের অন্য ডিভাইস'],
  ]);
});

test('IPv6 addresses, link-local or global, are not offered', () => {
  const addresses = listBindAddresses({
    'Wi-Fi': [v6('fe80::a00:27ff:fe4e:66a1'), v6('2001:db8::1234'), v4('192.168.0.10')],
  });
  assert.deepEqual(
    addresses.map((entry) => entry.address),
    ['127.0.0.1', '192.168.0.10'],
  );
});

test('an address seen on two interfaces is offered once, under the first', () => {
  const addresses = listBindAddresses({ eth0: [v4('10.1.1.1')], br0: [v4('10.1.1.1')], wlan0: [v4('10.1.1.2')] });
  assert.deepEqual(labelled(addresses), [
    ['127.0.0.1', 'This computer only'],
    ['10.1.1.1', 'eth0 — other devices on this network'],
    ['10.1.1.2', 'wlan0 — other devices on this network'],
  ]);
});

test('a machine with no network still offers this computer, once', () => {
  assert.deepEqual(labelled(listBindAddresses({})), [['127.0.0.1', 'This computer only']]);
  assert.equal(listBindAddresses({ lo: [v4('127.0.0.1', true), v4('127.0.1.1')], ghost: undefined }).length, 1);
});

test('a self-assigned 169.254 address, which no other device can reach, is not offered', () => {
  const addresses = listBindAddresses({ Ethernet: [v4('169.254.10.20')], 'Wi-Fi': [v4('192.168.43.7')] });
  assert.deepEqual(
    addresses.map((entry) => entry.address),
    ['127.0.0.1', '192.168.43.7'],
  );
});

test('the real interface table of this machine lists loopback first and no duplicates', () => {
  const addresses = listBindAddresses();
  assert.equal(addresses[0]?.address, '127.0.0.1');
  assert.equal(new Set(addresses.map((entry) => entry.address)).size, addresses.length);
  assert.ok(addresses.slice(1).every((entry) => !entry.loopback && /^\d+\.\d+\.\d+\.\d+$/.test(entry.address)));
});

test('binding to loopback exposes nothing', () => {
  for (const host of ['127.0.0.1', '127.0.1.1', '127.255.255.254', '::1', '[::1]', 'localhost', 'LOCALHOST', '::ffff:127.0.0.1']) {
    assert.equal(exposureWarning(host), null, host);
  }
});

test('binding to a LAN address warns that other devices on that network can reach the return page', () => {
  for (const host of ['192.168.1.23', '10.0.0.5', 'fe80::1', 'shop-pc.local', '128.0.0.1']) {
    const said = exposureWarning(host);
    assert.deepEqual(said, { code: 'listen_exposes_network', params: { host } });
    const warning = render(said!, 'en');
    assert.ok(warning.includes(host));
    assert.ok(render(said!, 'bn').includes(host));
    assert.match(warning, /other devices on that network/);
    assert.match(warning, /return page/);
    assert.match(warning, /secret link/);
    assert.match(warning, /network you trust/);
    assert.doesNotMatch(warning, /\n/, 'one line');
  }
});

test('binding to every network gets the stronger warning', () => {
  for (const host of ['0.0.0.0', '::', '[::]', '0:0:0:0:0:0:0:0']) {
    const said = exposureWarning(host);
    assert.deepEqual(said, { code: 'listen_exposes_every_network', params: { host } });
    const warning = render(said!, 'en');
    assert.match(warning, /every network this computer is on/);
    assert.match(warning, /public Wi-Fi/);
    assert.match(warning, /secret link/);
    assert.doesNotMatch(warning, /\n/, 'one line');
  }
});
