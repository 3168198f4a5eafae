// Instants as local ISO 8601 with their offset (2026-11-25T18:47:03+06:00), written by SQLite for a whole
// export. Asking SQLite for 'localtime' costs a libc time-zone lookup per value, which was most of an
// export's time; instead the zone's offsets over the export's span are found once here (a handful of
// spans: one for Dhaka, two a year where clocks change) and SQLite applies each as plain arithmetic.

const DAY_MS = 86_400_000;

/** A stretch of time with one UTC offset: instants in [from, until) as ISO strings, offset in minutes. */
export type OffsetSpan = { from: string; until: string; minutes: number };

const offsetAt = (ms: number) => -new Date(ms).getTimezoneOffset();

/**
 * The spans of constant offset in this process's time zone covering [from, until). Clocks change at most a
 * few times a year, so stepping a day at a time finds every change (two changes within one day are not in
 * any zone's rules), and halving that day finds the second it happens.
 */
export function offsetSpans(from: Date, until: Date): OffsetSpan[] {
  const end = until.getTime();
  const starts: Array<{ at: number; minutes: number }> = [{ at: from.getTime(), minutes: offsetAt(from.getTime()) }];
  for (let before = from.getTime(); before < end; before += DAY_MS) {
    const after = Math.min(before + DAY_MS, end);
    const minutes = offsetAt(after);
    if (minutes !== starts.at(-1)!.minutes) starts.push({ at: firstSecondOf(minutes, before, after), minutes });
  }
  return starts.map((start, i) => ({
    from: new Date(start.at).toISOString(),
    until: new Date(starts[i + 1]?.at ?? end).toISOString(),
    minutes: start.minutes,
  }));
}

/** The first whole second in (before, after] whose offset is `minutes`; `after` has it, `before` has not. */
function firstSecondOf(minutes: number, before: number, after: number): number {
  let low = Math.floor(before / 1000);
  let high = Math.ceil(after / 1000);
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (offsetAt(middle * 1000) === minutes) high = middle;
    else low = middle;
  }
  return high * 1000;
}

/** +06:00, -03:30, +05:45. */
export function offsetSuffix(minutes: number): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/**
 * SQL for `column` (an instant as the order book stores it, toISOString's UTC text, so it compares with the
 * spans as text; or NULL) as local ISO time with offset; NULL stays NULL. Spans are bound as
 * @{prefix}{i}from/until/shift/suffix (see `offsetSpanParams`); an instant outside them is asked of SQLite's
 * 'localtime'.
 */
export function localIsoSql(column: string, spanCount: number, prefix: string): string {
  const arms = Array.from(
    { length: spanCount },
    (_, i) =>
      `WHEN ${column} >= @${prefix}${i}from AND ${column} < @${prefix}${i}until
        THEN replace(datetime(${column}, @${prefix}${i}shift), ' ', 'T') || @${prefix}${i}suffix`,
  );
  return arms.length === 0 ? libcLocalIso(column) : `CASE ${arms.join(' ')} ELSE ${libcLocalIso(column)} END`;
}

export function offsetSpanParams(spans: OffsetSpan[], prefix: string): Record<string, string> {
  return Object.fromEntries(
    spans.flatMap((span, i) => [
      [`${prefix}${i}from`, span.from],
      [`${prefix}${i}until`, span.until],
      [`${prefix}${i}shift`, `${span.minutes >= 0 ? '+' : ''}${span.minutes} minutes`],
      [`${prefix}${i}suffix`, offsetSuffix(span.minutes)],
    ]),
  );
}

/** The same text from SQLite's own local time: one libc lookup per value. */
function libcLocalIso(column: string): string {
  return `(SELECT strftime('%Y-%m-%dT%H:%M:%S', l, 'unixepoch')
      || CASE WHEN l < u THEN '-' ELSE '+' END || printf('%02d:%02d', abs(l - u) / 3600, abs(l - u) / 60 % 60)
    FROM (SELECT unixepoch(${column}, 'localtime') AS l, unixepoch(${column}) AS u) WHERE u IS NOT NULL)`;
}
