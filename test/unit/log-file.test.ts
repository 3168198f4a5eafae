// The log file on a real disk: one masked line per event, appended behind the caller's back, rotated by size,
// bounded while the disk lags, and complete once closed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createLogFile, LOG_FILE, logLine } from '../../electron/core/log/log-file';
import { newReturnToken } from '../../electron/core/orders/return-tokens';
import { tempDir } from '../support/temp-dir';

const LINE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z (INFO |WARN |ERROR) [a-z_]+ .+$/;

test('each event is one line: ISO time, level, code and the text with its token masked and its line breaks flattened', () => {
  const token = newReturnToken();
  const line = logLine(new Date('2025-01-02T03:04:05.678Z'), 'warn', 'listener_problem', `came back to /r/${token}\nthen\tleft`);
  assert.equal(line, '2025-01-02T03:04:05.678Z WARN  listener_problem came back to /r/[hidden] then left\n');
});

test('a write returns before the disk is touched, and closing writes every line', async (t) => {
  const dir = join(tempDir(t), 'logs');
  const log = createLogFile({ dir, echo: null });
  for (let i = 0; i < 100; i++) log.info('sample', `line ${i}`);
  assert.equal(existsSync(join(dir, LOG_FILE)), false, 'nothing is written while the caller runs');
  await log.close();
  const lines = readFileSync(join(dir, LOG_FILE), 'utf8').trimEnd().split('\n');
  assert.equal(lines.length, 100);
  assert.ok(lines.every((line) => LINE.test(line)));
  assert.match(lines.at(-1)!, / line 99$/);
  log.info('sample', 'after the close');
  await log.flush();
  assert.equal(readFileSync(join(dir, LOG_FILE), 'utf8').trimEnd().split('\n').length, 100, 'a closed log takes no more lines');
});

test('the file rotates by size and keeps the newest three old files', async (t) => {
  const dir = tempDir(t);
  const log = createLogFile({ dir, maxBytes: 2000, keep: 3, echo: null });
  for (let i = 0; i < 60; i++) {
    log.info('sample', `line ${String(i).padStart(3, '0')} ${'x'.repeat(150)}`);
    await log.flush();
  }
  await log.close();
  assert.deepEqual(readdirSync(dir).sort(), ['paydesk.1.log', 'paydesk.2.log', 'paydesk.3.log', 'paydesk.log']);
  for (const file of readdirSync(dir)) assert.ok(statSync(join(dir, file)).size <= 2000, `${file} stays within its size`);
  assert.match(readFileSync(join(dir, 'paydesk.log'), 'utf8'), /line 059/);
  const kept = readdirSync(dir).flatMap((file) => readFileSync(join(dir, file), 'utf8').trimEnd().split('\n'));
  assert.ok(kept.length < 60 && kept.length > 20, 'the oldest lines went with the oldest file');
});

test('while the disk lags the waiting lines stay bounded: the oldest are dropped and the file says how many', async (t) => {
  const dir = tempDir(t);
  const log = createLogFile({ dir, maxPendingBytes: 4096, echo: null });
  // All written before the first append can start: the disk is as slow as it gets.
  for (let i = 0; i < 1000; i++) log.warn('sample', `line ${i} ${'y'.repeat(60)}`);
  await log.close();
  const lines = readFileSync(join(dir, LOG_FILE), 'utf8').trimEnd().split('\n');
  assert.ok(lines.length < 100, `at most the bound is kept (${lines.length} lines)`);
  const dropped = lines.find((line) => / log_lines_dropped /.test(line));
  assert.ok(dropped, 'the file says lines were dropped');
  assert.equal(Number(/ (\d+) log lines were dropped/.exec(dropped)![1]) + lines.length - 1, 1000, 'every line is written or counted');
  assert.match(lines.at(-1)!, / line 999 /, 'the newest lines are the ones kept');
});

test('the recent problems are the newest warnings and errors, across a rotation', async (t) => {
  const dir = tempDir(t);
  const log = createLogFile({ dir, maxBytes: 1500, echo: null });
  for (let i = 0; i < 30; i++) {
    if (i % 3 === 0) log.error('sample_error', `problem ${i}`);
    else log.info('sample', `fine ${i} ${'z'.repeat(80)}`);
    await log.flush();
  }
  assert.ok(existsSync(join(dir, 'paydesk.1.log')), 'the log rotated');
  const recent = await log.recentProblems(4);
  assert.deepEqual(
    recent.map((line) => line.replace(/^\S+ /, '')),
    ['ERROR sample_error problem 18', 'ERROR sample_error problem 21', 'ERROR sample_error problem 24', 'ERROR sample_error problem 27'],
  );
  await log.close();
});

test('errors are also printed where the log echoes, warnings and info only written', async (t) => {
  const echoed: string[] = [];
  const record = (level: string) => (code: string, text: string) => void echoed.push(`${level} ${code} ${text}`);
  const log = createLogFile({ dir: tempDir(t), echo: { info: record('info'), warn: record('warn'), error: record('error') } });
  log.info('a', 'started');
  log.warn('b', 'moved');
  log.error('c', `failed at /r/${newReturnToken()}`);
  await log.close();
  assert.deepEqual(echoed, ['error c failed at /r/[hidden]']);
});
