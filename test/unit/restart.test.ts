// Settings › Order book's Restart, as the main process does it: the core closes first, then PayDesk starts again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { restartPaydesk } from '../../electron/main/lifecycle/restart';

function steps(close: () => Promise<void>) {
  const done: string[] = [];
  const run = restartPaydesk({
    closeCore: async () => {
      await close();
      done.push('closed');
    },
    relaunch: () => done.push('relaunch'),
    exit: (code) => done.push(`exit ${code}`),
    failed: (error) => done.push(`failed: ${(error as Error).message}`),
  });
  return { done, run };
}

test('a restart closes the core before it relaunches and exits', async () => {
  let closing = false;
  const { done, run } = steps(async () => {
    closing = true;
    await new Promise((resolve) => setTimeout(resolve, 10));
  });
  assert.ok(closing);
  assert.deepEqual(done, [], 'nothing restarts while the core is still closing');
  await run;
  assert.deepEqual(done, ['closed', 'relaunch', 'exit 0']);
});

test('a core that does not close cleanly still restarts, and says why', async () => {
  const { done, run } = steps(async () => {
    throw new Error('the book would not close');
  });
  await run;
  assert.deepEqual(done, ['failed: the book would not close', 'relaunch', 'exit 0']);
});
