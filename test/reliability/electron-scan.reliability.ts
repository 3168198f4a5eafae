// Electron checklist, static half: Doyensec's Electronegativity over the Electron shell (electron/main,
// electron/preload) and the page it loads (renderer/index.html, for its CSP). The unit half is
// test/unit/electron-window.test.ts, which the reliability runner runs again beside this file.
//
// Electronegativity asks the internet for translations every time it starts, and for Electron's release list
// in one check; PayDesk's tests send nothing beyond 127.0.0.1, so it runs in a network namespace of its own
// (`unshare --net`), where it has no network at all, and the release-list check is left out. Where such a
// namespace cannot be made, the scan is skipped and says why: it is never run with the network.
//
// It reads one file at a time, so it cannot see that `new BrowserWindow(mainWindowOptions(…))` gets its
// webPreferences from window-options.ts, or that a guard two files away covers a call. Each finding it cannot judge is dismissed here only with a check
// that proves it false on the real code; any other high-severity finding fails the suite.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { canOpenExternally, windowOpenDecision } from '../../electron/main/navigation';
import type { BrowserWindowConstructorOptions } from 'electron';
import * as windowOptions from '../../electron/main/window-options';
import { reportFigure } from '../support/figures';
import { tempDir } from '../support/temp-dir';

const root = join(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);
const SCANNER = require.resolve('@doyensec/electronegativity/dist/index.js');
const SCANNER_VERSION = (require('@doyensec/electronegativity/package.json') as { version: string }).version;
const ELECTRON_VERSION = (
  JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }
).devDependencies.electron!.replace(/^[^\d]*/, '');
const SCENARIO = 'Electron scan';

type Finding = { id: string; severity: string; confidence: string; file: string; location: string; sample: string };

const source = (finding: Finding) => readFileSync(join(root, 'electron', finding.file), 'utf8');
const lineOf = (finding: Finding) => Number(finding.location.split(':')[0]);
const rendererCsp = () =>
  /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(readFileSync(join(root, 'renderer', 'index.html'), 'utf8'))?.[1] ?? '';

/** The webPreferences of the window-options.ts function a `new BrowserWindow(…)` finding builds its window from. */
function preferencesBuiltBy(finding: Finding): Record<string, unknown> | null {
  const name = /new BrowserWindow\(\s*(?:\{\s*\.\.\.)?(\w+)\(/.exec(finding.sample)?.[1];
  const build = name && Object.hasOwn(windowOptions, name) ? (windowOptions as Record<string, unknown>)[name] : null;
  return typeof build === 'function'
    ? ((build as () => BrowserWindowConstructorOptions)().webPreferences as Record<string, unknown>)
    : null;
}

type Review = { id: string; why: string; applies(finding: Finding): boolean; holds(finding: Finding): boolean };

/** Findings the scanner cannot judge from one file, each with the check that shows what is really there. */
const REVIEWED: Review[] = [
  {
    id: 'CONTEXT_ISOLATION_JS_CHECK',
    why: 'the window is built from a window-options.ts function, which sets contextIsolation: true',
    applies: (f) => preferencesBuiltBy(f) !== null,
    holds: (f) => preferencesBuiltBy(f)?.contextIsolation === true,
  },
  {
    id: 'SANDBOX_JS_CHECK',
    why: 'the window is built from a window-options.ts function, which sets sandbox: true',
    applies: (f) => preferencesBuiltBy(f) !== null,
    holds: (f) => preferencesBuiltBy(f)?.sandbox === true,
  },
  {
    id: 'AUXCLICK_JS_CHECK',
    why: "every web contents gets guardWebContents() on 'web-contents-created', whose window-open handler denies every new window",
    applies: (f) => f.file.startsWith('main/'),
    holds: () =>
      /on\('web-contents-created'[\s\S]{0,200}guardWebContents\(/.test(readFileSync(join(root, 'electron', 'main', 'index.ts'), 'utf8')) &&
      ['https://pay.example.com/', 'file:///etc/passwd', 'javascript:alert(1)'].every((url) => windowOpenDecision(url).action === 'deny'),
  },
  {
    id: 'OPEN_EXTERNAL_JS_CHECK',
    why: 'shell.openExternal is reached only past canOpenExternally(): http(s), no credentials',
    applies: (f) => f.file.startsWith('main/'),
    holds: (f) =>
      /canOpenExternally\(/.test(
        source(f)
          .split('\n')
          .slice(Math.max(0, lineOf(f) - 4), lineOf(f))
          .join('\n'),
      ) &&
      ['file:///etc/passwd', 'smb://server/share', 'javascript:alert(1)', 'https://u:p@x.example/'].every((url) => !canOpenExternally(url)),
  },
  {
    id: 'CSP_GLOBAL_CHECK',
    why: "low: style-src allows 'unsafe-inline' (React style attributes); scripts stay 'self' only",
    applies: (f) => f.file === 'renderer/index.html' && f.severity === 'LOW',
    holds: () => /script-src 'self'(;|$)/.test(rendererCsp()) && /default-src 'none'/.test(rendererCsp()),
  },
];

/** A window with every mistake the scanner should catch, to prove it ran and read our files. */
const CANARY = `const { BrowserWindow } = require('electron');
const win = new BrowserWindow({ webPreferences: { contextIsolation: false, nodeIntegration: true, sandbox: false } });
`;

test('Electronegativity finds no real high-severity problem in the Electron shell', async (t) => {
  if (spawnSync('unshare', ['--net', 'true']).status !== 0) {
    const reason = 'no network namespace can be made here (unshare --net), and the scanner is never run with the network';
    reportFigure(t, { scenario: SCENARIO, figure: 'static scan', value: `skipped: ${reason}` });
    t.skip(reason);
    return;
  }
  const dir = tempDir(t, 'paydesk-scan-');
  const input = join(dir, 'input');
  cpSync(join(root, 'electron', 'main'), join(input, 'main'), { recursive: true });
  cpSync(join(root, 'electron', 'preload'), join(input, 'preload'), { recursive: true });
  mkdirSync(join(input, 'renderer'));
  cpSync(join(root, 'renderer', 'index.html'), join(input, 'renderer', 'index.html'));
  mkdirSync(join(input, 'canary'));
  writeFileSync(join(input, 'canary', 'insecure-window.js'), CANARY);
  const report = join(dir, 'report.csv');

  // The scanner sometimes writes its report before it has read every file (seen once in CI: only the
  // HTML was in it). The canary tells a complete report from an incomplete one, so it gets a second try.
  const startedAt = Date.now();
  let attempt = 0;
  let scan: ReturnType<typeof spawnSync>;
  let findings: Finding[];
  let canaryCaught: boolean;
  do {
    attempt++;
    scan = spawnSync(
      'unshare',
      [
        '--net',
        process.execPath,
        SCANNER,
        '-i',
        input,
        '-r',
        '-o',
        report,
        '-e',
        ELECTRON_VERSION,
        '-x',
        'AvailableSecurityFixesGlobalCheck',
      ],
      { encoding: 'utf8', timeout: 120_000, cwd: dirname(SCANNER) },
    );
    assert.equal(scan.status, 0, `the scanner ran: ${scan.stderr}`);
    findings = parseCsv(readFileSync(report, 'utf8'));
    canaryCaught = ['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK'].every((id) =>
      findings.some((f) => f.file.startsWith('canary/') && f.id === id),
    );
  } while (!canaryCaught && attempt < 2);
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  const parseErrors = `${scan.stdout}\n${scan.stderr}`.split('\n').filter((line) => /error parsing/i.test(line));

  const ours = findings.filter((f) => !f.file.startsWith('canary/'));
  const dismissed: string[] = [];
  const broken: string[] = [];
  const unreviewed: Finding[] = [];
  for (const finding of ours) {
    const review = REVIEWED.find((r) => r.id === finding.id && r.applies(finding));
    if (!review) unreviewed.push(finding);
    else if (review.holds(finding))
      dismissed.push(`${finding.id} (${finding.severity.toLowerCase()}) at ${finding.file}:${lineOf(finding)}: ${review.why}`);
    else broken.push(`${finding.id} at ${finding.file}:${finding.location} is real: ${review.why} no longer holds`);
  }
  const realHigh = [
    ...unreviewed.filter((f) => f.severity === 'HIGH').map((f) => `${f.id} at ${f.file}:${f.location}: ${f.sample}`),
    ...broken,
  ];

  reportFigure(t, {
    scenario: SCENARIO,
    figure: 'scanner',
    value: `@doyensec/electronegativity ${SCANNER_VERSION}, Electron ${ELECTRON_VERSION}, offline, ${seconds} s${attempt > 1 ? `, ${attempt} runs` : ''}`,
  });
  reportFigure(t, {
    scenario: SCENARIO,
    figure: 'canary window caught (proves the scan ran)',
    value: canaryCaught ? 'yes' : 'no',
    target: 'yes',
    ok: canaryCaught,
  });
  reportFigure(t, {
    scenario: SCENARIO,
    figure: 'files it could not parse',
    value: parseErrors.length,
    target: '= 0',
    ok: parseErrors.length === 0,
  });
  reportFigure(t, {
    scenario: SCENARIO,
    figure: 'real high-severity findings',
    value: realHigh.length,
    target: '= 0',
    ok: realHigh.length === 0,
  });
  reportFigure(t, { scenario: SCENARIO, figure: 'findings disproved on the real code', value: dismissed.length });
  reportFigure(t, {
    scenario: SCENARIO,
    figure: 'other findings to review',
    value: unreviewed.filter((f) => f.severity !== 'HIGH').length,
  });
  for (const line of dismissed) t.diagnostic(`  dismissed ${line}`);
  for (const f of unreviewed) t.diagnostic(`  to review: ${f.id} (${f.severity}, ${f.confidence}) at ${f.file}:${f.location}: ${f.sample}`);

  assert.ok(canaryCaught, 'the scanner caught the canary window');
  assert.deepEqual(parseErrors, []);
  assert.deepEqual(realHigh, []);
});

/** The scanner's CSV: a header line, then quoted or bare fields separated by commas. */
function parseCsv(text: string): Finding[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (c !== '\r') field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows.slice(1).map(([id = '', severity = '', confidence = '', file = '', location = '', sample = '']) => ({
    id,
    severity,
    confidence,
    file,
    location,
    sample,
  }));
}
