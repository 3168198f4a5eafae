// The clock a shopkeeper chooses is remembered with the other preferences; preferences saved before the choice
// existed read as the 12-hour clock with the part of the day.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { APP_SENDER, call, startTestCore } from '../support/core';

test('preferences saved before the clock existed read as the 12-hour clock', async (t) => {
  const core = await startTestCore(t);
  core.db
    .prepare(`INSERT INTO settings (key, value) VALUES ('preferences', ?)`)
    .run(JSON.stringify({ language: 'bn', linkExpiryHours: 24 }));
  assert.equal((await call(core, 'getPreferences', {})).clock, '12h');
});

test('the 24-hour clock, once chosen, is remembered; an unknown clock is refused', async (t) => {
  const core = await startTestCore(t);
  const preferences = await call(core, 'getPreferences', {});
  await call(core, 'savePreferences', { ...preferences, clock: '24h' });
  assert.equal((await call(core, 'getPreferences', {})).clock, '24h');
  const refused = await core.router.handle('savePreferences', { ...preferences, clock: 'am-pm' }, APP_SENDER);
  assert.equal(refused.ok, false);
  assert.equal((await call(core, 'getPreferences', {})).clock, '24h');
});
