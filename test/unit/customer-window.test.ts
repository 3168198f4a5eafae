// Where the customer view's window goes and what it may do, checked under plain Node: nothing here loads 'electron'.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { ipcEvent, type EventName } from '../../shared/contract';
import {
  customerViewUrl,
  customerWindowHears,
  customerWindowOptions,
  customerWindowPlacement,
  type DisplayArea,
} from '../../electron/main/customer-window';
import { isAppUrl } from '../../electron/main/navigation';
import { mainWindowOptions } from '../../electron/main/window-options';

const laptop: DisplayArea = {
  id: 1,
  bounds: { x: 0, y: 0, width: 1366, height: 768 },
  workArea: { x: 0, y: 0, width: 1366, height: 728 },
};
const counterScreen: DisplayArea = {
  id: 2,
  bounds: { x: 1366, y: 0, width: 1024, height: 768 },
  workArea: { x: 1366, y: 0, width: 1024, height: 768 },
};
const wallScreen: DisplayArea = {
  id: 3,
  bounds: { x: -1920, y: 0, width: 1920, height: 1080 },
  workArea: { x: -1920, y: 0, width: 1920, height: 1040 },
};

test('with a second display the customer view goes full screen there, whichever display the shopkeeper is on', () => {
  assert.deepEqual(customerWindowPlacement([laptop, counterScreen], laptop.id), { bounds: counterScreen.bounds, fullscreen: true });
  assert.deepEqual(customerWindowPlacement([laptop, counterScreen], counterScreen.id), { bounds: laptop.bounds, fullscreen: true });
  assert.deepEqual(customerWindowPlacement([laptop, counterScreen, wallScreen], laptop.id).bounds, counterScreen.bounds);
});

test('with one display the customer view is a window centred in its work area, for the shopkeeper to make full screen', () => {
  assert.deepEqual(customerWindowPlacement([laptop], laptop.id), {
    bounds: { x: 171, y: 0, width: 1024, height: 728 },
    fullscreen: false,
  });
  const small: DisplayArea = { id: 7, bounds: { x: 0, y: 0, width: 800, height: 600 }, workArea: { x: 0, y: 24, width: 800, height: 576 } };
  assert.deepEqual(customerWindowPlacement([small], 7).bounds, { x: 0, y: 24, width: 800, height: 576 });
});

test('a shopkeeper display the system no longer lists counts as the first one', () => {
  assert.deepEqual(customerWindowPlacement([laptop, counterScreen], 99), { bounds: counterScreen.bounds, fullscreen: true });
  assert.equal(customerWindowPlacement([], 1).fullscreen, false);
});

test('the customer window is hardened exactly like the main window and opens the app page at #customer', () => {
  const options = customerWindowOptions('/app/preload.cjs', customerWindowPlacement([laptop, counterScreen], laptop.id));
  assert.deepEqual(options.webPreferences, mainWindowOptions('/app/preload.cjs').webPreferences);
  assert.equal(options.webPreferences?.sandbox, true);
  assert.equal(options.webPreferences?.contextIsolation, true);
  assert.equal(options.webPreferences?.nodeIntegration, false);
  assert.equal(options.show, false, 'shown once ready, never as an empty frame');
  assert.deepEqual([options.x, options.y, options.fullscreen], [1366, 0, true]);

  const entry = pathToFileURL('/app/out/renderer/index.html').href;
  assert.equal(customerViewUrl(entry), `${entry}#customer`);
  assert.equal(isAppUrl(customerViewUrl(entry), entry), true, 'the same page, so navigation rules and sender checks hold');
  assert.equal(customerViewUrl('http://localhost:5173/'), 'http://localhost:5173/#customer');
});

test('the customer window hears only what its screen shows, never orders or exports', () => {
  const heard = (['orderChanged', 'orderPaid', 'exportProgress', 'phoneReached', 'tunnelChanged', 'customerDisplay'] as EventName[]).filter(
    (name) => customerWindowHears(ipcEvent(name)),
  );
  assert.deepEqual(heard, ['customerDisplay']);
});
