import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { localIsoSql, offsetSpanParams, offsetSpans, offsetSuffix } from '../../electron/core/storage/sqlite/local-time-sql';

const MINUTE = 60_000;

/** What a local ISO time with offset is, from JavaScript's own clock, independently of the spans. */
function expected(ms: number): string {
  const minutes = -new Date(ms).getTimezoneOffset();
  return new Date(ms + minutes * MINUTE).toISOString().slice(0, 19) + offsetSuffix(minutes);
}

/** Every quarter hour of 2026, and around each change of offset the second before, at and after it. */
function instantsOf2026(): number[] {
  const start = Date.UTC(2026, 0, 1);
  const end = Date.UTC(2027, 0, 1);
  const instants: number[] = [];
  for (let at = start; at < end; at += 15 * MINUTE) {
    instants.push(at, at + 999);
    const offset = new Date(at).getTimezoneOffset();
    if (new Date(at + 15 * MINUTE).getTimezoneOffset() === offset) continue;
    for (let second = at; second < at + 15 * MINUTE; second += 1000) {
      if (new Date(second).getTimezoneOffset() !== offset) {
        instants.push(second - 1, second, second + 1, second + 1000);
        break;
      }
    }
  }
  return instants;
}

function localTimes(zone: string, instants: number[]) {
  const spans = offsetSpans(new Date(Date.UTC(2026, 0, 1)), new Date(Date.UTC(2027, 0, 1)));
  const db = new Database(':memory:');
  try {
    db.exec('CREATE TABLE t (at TEXT)');
    const insert = db.prepare('INSERT INTO t VALUES (?)');
    db.transaction(() => instants.forEach((ms) => insert.run(new Date(ms).toISOString())))();
    const rows = db
      .prepare(`SELECT at, ${localIsoSql('at', spans.length, 'z')} AS local FROM t ORDER BY rowid`)
      .all(offsetSpanParams(spans, 'z')) as Array<{ at: string; local: string }>;
    return { spans, rows, zone };
  } finally {
    db.close();
  }
}

test('local ISO times with offset match the clock in zones with and without daylight saving', () => {
  const original = process.env.TZ;
  try {
    for (const [zone, changes] of [
      ['Asia/Dhaka', 0],
      ['Asia/Kathmandu', 0],
      ['America/New_York', 2],
      ['Europe/London', 2],
      ['Australia/Lord_Howe', 2],
      ['America/St_Johns', 2],
    ] as const) {
      process.env.TZ = zone;
      const instants = instantsOf2026();
      const { spans, rows } = localTimes(zone, instants);
      assert.equal(spans.length, changes + 1, `${zone}: one span per offset in force during 2026`);
      rows.forEach((row, i) => assert.equal(row.local, expected(instants[i]!), `${zone}: ${row.at}`));
    }
    process.env.TZ = 'Asia/Kathmandu';
    assert.deepEqual(
      offsetSpans(new Date('2026-11-25T00:00:00Z'), new Date('2026-11-26T00:00:00Z')).map((s) => s.minutes),
      [345],
      '+05:45 is one span',
    );
  } finally {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  }
});

test('a time outside the spans, or none, is still right: SQLite is asked, and NULL stays NULL', () => {
  const db = new Database(':memory:');
  const spans = offsetSpans(new Date('2026-06-01T00:00:00Z'), new Date('2026-06-02T00:00:00Z'));
  const local = db.prepare(`SELECT ${localIsoSql('@at', spans.length, 'z')} AS local`);
  const outside = '2019-03-10T12:34:56.789Z';
  assert.equal((local.get({ at: outside, ...offsetSpanParams(spans, 'z') }) as { local: string }).local, expected(Date.parse(outside)));
  assert.equal((local.get({ at: null, ...offsetSpanParams(spans, 'z') }) as { local: null }).local, null);
  db.close();
});
