import { test } from 'node:test';
import assert from 'node:assert/strict';
import { returnReach } from '../../electron/core/listener/return-reach';
import { render } from '../../shared/messages/say';
import { reachWarning } from '../../shared/reach-warnings';

const OWN = ['127.0.0.1', '192.168.0.23'];

test('a loopback return address reaches this computer only, whoever set it', () => {
  for (const url of ['http://127.0.0.1:47400', 'http://localhost:47400', 'http://[::1]:47400']) {
    assert.equal(returnReach(url, false, OWN), 'this_computer', url);
    assert.equal(returnReach(url, true, OWN), 'this_computer', url);
  }
});

test('the listener on a LAN address this computer has reaches the shop’s network; one it lost reaches nobody', () => {
  assert.equal(returnReach('http://192.168.0.23:47400', false, OWN), 'shop_network');
  assert.equal(returnReach('http://192.168.0.57:47400', false, OWN), 'unreachable');
});

test('a return base in front of PayDesk reaches anyone, or the shop’s network when it is a private address', () => {
  assert.equal(returnReach('https://pay-back.example.com', true, OWN), 'anywhere');
  assert.equal(returnReach('http://10.0.0.8:8080', true, OWN), 'shop_network');
  assert.equal(returnReach('https://shop.tailnet-1234.ts.net', true, OWN), 'anywhere');
});

test('a link whose customer may not come back is handed out with a warning in the shopkeeper’s language', () => {
  assert.equal(reachWarning('anywhere', false), null);
  assert.deepEqual(reachWarning('this_computer', true), { code: 'reach_this_computer', params: { sandbox: true } });
  for (const reach of ['this_computer', 'shop_network', 'unreachable'] as const) {
    const warning = reachWarning(reach, false)!;
    assert.match(render(warning, 'en'), /PayDesk/);
    assert.doesNotMatch(render(warning, 'bn').replaceAll('PayDesk', ''), /[A-Za-z]/, reach);
  }
  assert.notEqual(render(reachWarning('this_computer', true)!, 'bn'), render(reachWarning('this_computer', false)!, 'bn'));
});
