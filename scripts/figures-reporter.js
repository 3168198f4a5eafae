// A node:test reporter that turns the figures the reliability tests report (test/support/figures.ts) into one
// table, adds a row per re-run test file, and ends with a "N passed, N failed" line.
const FIGURE = 'figure │ ';

export default async function* figuresReporter(source) {
  const rows = [];
  const perFile = new Map();
  const failures = [];
  let passed = 0;
  let failed = 0;
  for await (const event of source) {
    const data = event.data ?? {};
    if (event.type === 'test:diagnostic' && typeof data.message === 'string' && data.message.startsWith(FIGURE)) {
      rows.push(data.message.slice(FIGURE.length).split(' │ '));
    } else if ((event.type === 'test:pass' || event.type === 'test:fail') && data.details?.type !== 'suite') {
      const ok = event.type === 'test:pass';
      const skipped = data.skip !== undefined && data.skip !== false;
      const counts = perFile.get(data.file) ?? { passed: 0, failed: 0, skipped: 0 };
      if (skipped) counts.skipped++;
      else if (ok) counts.passed++;
      else counts.failed++;
      perFile.set(data.file, counts);
      if (!ok) failures.push(`${data.name}${data.file ? ` (${relative(data.file)})` : ''}`);
      if (ok) passed++;
      else failed++;
    }
  }
  for (const [file, counts] of perFile) {
    if (!file || file.endsWith('.reliability.ts')) continue;
    const total = counts.passed + counts.failed;
    const skipped = counts.skipped ? `, ${counts.skipped} skipped` : '';
    rows.push([
      `re-run ${relative(file)}`,
      'tests passed',
      `${counts.passed}/${total}${skipped}`,
      'all',
      counts.failed === 0 ? 'ok' : 'FAILED',
    ]);
  }
  yield table(['scenario', 'figure', 'value', 'target', 'ok'], rows);
  if (failures.length) yield `\nFailed:\n${failures.map((f) => `  ✖ ${f}`).join('\n')}\n`;
  yield `\nreliability: ${passed} passed, ${failed} failed\n`;
}

function relative(file) {
  const at = file.lastIndexOf('/test/');
  return at === -1 ? file : file.slice(at + 1);
}

function table(head, rows) {
  const all = [head, ...rows.map((row) => head.map((_, i) => row[i] ?? ''))];
  const widths = head.map((_, i) => Math.max(...all.map((row) => [...row[i]].length)));
  const line = (row) => `│ ${row.map((cell, i) => cell + ' '.repeat(widths[i] - [...cell].length)).join(' │ ')} │`;
  const rule = (l, m, r) => `${l}${widths.map((w) => '─'.repeat(w + 2)).join(m)}${r}`;
  return [rule('┌', '┬', '┐'), line(head), rule('├', '┼', '┤'), ...all.slice(1).map(line), rule('└', '┴', '┘')].join('\n') + '\n';
}
