// The message catalogs as a customer meets them: every code PayDesk's sources can say has a phrase in English and
// in Bengali, area for area; and every phrase, filled with sample params, reads in its own language only. The
// params each phrase takes come from the English phrasebooks' own types (via the TypeScript checker), so a choice
// (a union of words) is rendered once per word and a boolean or a nullable param both ways.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import type { Message } from '../../shared/contract';
import { LANGUAGES, type Language } from '../../shared/messages/catalog';
import { bn } from '../../shared/messages/bn';
import { en, englishAreas, MESSAGE_CODES } from '../../shared/messages/en';
import { render } from '../../shared/messages/say';
import { setAside, wrongWords } from '../support/wrong-script';

const ROOT = join(import.meta.dirname, '../..');
const MESSAGES = join(ROOT, 'shared/messages');

/** Sample params of one kind (from the phrase's own type), by name. */
type Samples = { string: Record<string, string>; number: Record<string, number>; strings: Record<string, string[]> };

/**
 * Sample params shown as they are: data, the same in every language (refs, names, hosts, ports, file names,
 * what was typed, a statement's cells, a system's or server's own code), set aside before a sentence's script is
 * judged. Each is distinctive, so setting it aside never cuts a word of the sentence around it.
 */
const DATA: Samples = {
  string: {
    name: 'Gulshan Counter',
    ref: 'PD-004821',
    transactionId: 'TRX7Q9ZK',
    customerName: 'রহিমা খাতুন',
    profile: 'Gulshan Counter',
    shop: 'Frobnicate Store',
    file: '/home/shop/orders-0412.csv',
    path: '/home/shop/bkash-0412.xlsx',
    origin: 'https://pay.frobnicate.example',
    host: '192.0.2.77',
    url: 'https://pay.frobnicate.example/checkout?trx_id=TRX7Q9ZK',
    baseUrl: 'https://pay.frobnicate.example/api',
    listenerUrl: 'http://192.168.0.12:47400',
    location: 'https://login.frobnicate.example/',
    interface: 'wlp3s0',
    // A database server's names for things: its user, its database, a table, a row's key, a column.
    user: 'frob_owner',
    owner: 'frob_keeper',
    counterRole: 'frob_till',
    database: 'frobnicate_books',
    table: 'frob_rows',
    id: 'FROB-4821',
    column: 'frobbed_at',
    serverVersion: '13.14',
    variable: 'PAYDESK_FROB_KEY',
    // What was typed or found in a file, quoted back: a Base URL, an option, a statement's cell.
    text: 'htps:/frobnicate',
    word: 'frobnicate',
    command: 'frobnicate',
    option: '--frobnicate',
    language: 'fr',
    pair: 'trx:Frob',
    field: 'frob',
    amount: '-1,200.50',
    date: '31/02/2026 25:61',
    // The system's or a server's own words: an error code, an HTTP reason phrase, a certificate's issuer.
    code: 'ECONNFROB',
    error: 'EFROBNOTAVAIL',
    problem: 'ENOSPC',
    statusText: 'Frobnicated Gateway',
    issuer: 'Frobnicate Root CA',
    // A sentence PayDesk said before and kept (an order's failure, the confirmation's title): shown as it was.
    sentence: 'The gateway was asleep.',
    title: 'Frobnicate this?',
    reason: 'The frobnicator said no.',
    warning: 'The frobnicator is slow.',
  },
  number: { port: 47421 },
  strings: {
    addresses: ['192.0.2.77', '2001:db8::77'],
    names: ['shop.frobnicate.example', 'www.frobnicate.example'],
    headers: ['Frob Date', 'Frob ID', 'জমা (৳)'],
    columns: ['Frob ID', 'জমা (৳)'],
  },
};

/**
 * Sample params a phrase writes in its own words: numbers (through f.count or f.money), instants and local days
 * (f.dateTime, f.dayLong), and words it looks up in a table of its own (an order's status, a mapping's fields).
 * Never set aside, so a number written raw shows as Latin digits and a word not looked up as Latin letters.
 */
const VALUES: Samples = {
  string: {
    status: 'expired',
    step: 'tcp',
    from: '2026-03-01',
    to: '2026-03-31',
    validFrom: '2027-01-15T00:00:00.000Z',
    validTo: '2026-02-28T23:59:59.000Z',
    day: '2026-03-14',
    at: '2026-03-14T15:45:00.000Z',
  },
  number: {
    max: 4821,
    min: 3917,
    width: 5183,
    height: 2749,
    schema: 17,
    count: 37,
    more: 3,
    amountMinor: 1_250_050,
    lineAmountMinor: 25_000,
    orderAmountMinor: 20_000,
    line: 1287,
    lines: 5432,
    imported: 5310,
    seconds: 8,
    ms: 143,
    status: 502,
    length: 2953,
    maxBytes: 52_428_800,
    ratio: 1250,
    here: 4821,
    there: 4820,
    known: 23,
  },
  strings: { fields: ['amount', 'time'] },
};

type Kind = 'string' | 'number' | 'strings' | 'boolean' | 'choice' | 'other';
type Param = { name: string; kind: Kind; choices: string[]; nullable: boolean };

/** Each English phrase's params, read from the phrasebooks' types. */
function paramsByCode(): Map<string, Param[]> {
  const file = join(MESSAGES, 'en.ts');
  const config = ts.getParsedCommandLineOfConfigFile(
    join(ROOT, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => assert.fail(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')),
    },
  )!;
  const program = ts.createProgram([file], config.options);
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file)!;
  const exported = checker.getExportsOfModule(checker.getSymbolAtLocation(source)!).find((symbol) => symbol.name === 'en')!;
  const byCode = new Map<string, Param[]>();
  for (const code of checker.getTypeOfSymbolAtLocation(exported, source).getProperties()) {
    const [signature] = checker.getTypeOfSymbolAtLocation(code, source).getCallSignatures();
    const [first] = signature?.getParameters() ?? [];
    const params = first ? checker.getTypeOfSymbolAtLocation(first, source).getProperties() : [];
    byCode.set(
      code.name,
      params.map((param) => {
        const optional = (param.flags & ts.SymbolFlags.Optional) !== 0;
        return { name: param.name, ...kindOf(checker, checker.getTypeOfSymbolAtLocation(param, source), optional) };
      }),
    );
  }
  return byCode;
}

function kindOf(checker: ts.TypeChecker, type: ts.Type, optional: boolean): Omit<Param, 'name'> {
  const parts = type.isUnion() ? type.types : [type];
  const absent = ts.TypeFlags.Null | ts.TypeFlags.Undefined;
  const present = parts.filter((part) => (part.flags & absent) === 0);
  const nullable = optional || present.length < parts.length;
  const all = (flags: ts.TypeFlags) => present.every((part) => (part.flags & flags) !== 0);
  if (all(ts.TypeFlags.BooleanLike)) return { kind: 'boolean', choices: [], nullable };
  if (all(ts.TypeFlags.StringLiteral)) {
    return { kind: 'choice', choices: present.map((part) => (part as ts.StringLiteralType).value), nullable };
  }
  if (all(ts.TypeFlags.NumberLike)) return { kind: 'number', choices: [], nullable };
  if (all(ts.TypeFlags.String)) return { kind: 'string', choices: [], nullable };
  if (present.length === 1 && checker.isArrayType(present[0]!)) return { kind: 'strings', choices: [], nullable };
  return { kind: 'other', choices: [], nullable };
}

const PARAMS = paramsByCode();

/** The sample of a param whose value the test picks, and whether it is data; undefined when there is none. */
function sampleOf(param: Param): { value: string | number | string[]; data: boolean } | undefined {
  const kinds =
    param.kind === 'other'
      ? (['string', 'number', 'strings'] as const)
      : param.kind === 'boolean' || param.kind === 'choice'
        ? []
        : [param.kind];
  for (const kind of kinds) {
    if (param.name in DATA[kind]) return { value: DATA[kind][param.name]!, data: true };
    if (param.name in VALUES[kind]) return { value: VALUES[kind][param.name]!, data: false };
  }
  return undefined;
}

const hasSample = (param: Param) => param.kind === 'boolean' || param.kind === 'choice' || sampleOf(param) !== undefined;

const sampled = (code: string) => PARAMS.get(code)!.every(hasSample);

/**
 * The code's message with every param at its sample, then once more for each other word of a choice, each
 * boolean the other way, and each nullable param absent: so each branch a phrase takes is read at least once.
 */
function samplesOf(code: string): Message[] {
  const params = PARAMS.get(code)!;
  const base: Message['params'] = {};
  for (const param of params) {
    base[param.name] = param.kind === 'boolean' ? true : param.kind === 'choice' ? param.choices[0]! : sampleOf(param)!.value;
  }
  const variants = [base];
  for (const param of params) {
    for (const other of param.choices.slice(1)) variants.push({ ...base, [param.name]: other });
    if (param.kind === 'boolean') variants.push({ ...base, [param.name]: false });
    if (param.nullable) variants.push({ ...base, [param.name]: null });
  }
  return variants.map((params) => ({ code: code as Message['code'], params }));
}

/** The data a message's sentence may show as it is. */
function dataOf(message: Message): string[] {
  const params = PARAMS.get(message.code)!.filter((param) => sampleOf(param)?.data);
  return params.flatMap((param) => {
    const value = message.params[param.name];
    return Array.isArray(value) ? value : value === null || value === undefined ? [] : [String(value)];
  });
}

/**
 * The command line's own words, typed as they are in every language, which its sentences and its help name:
 * the program, its commands, their options (and a number typed after one), the values options take, and the
 * placeholders and variables in capitals. Set aside in the cli area's phrases only.
 */
const CLI_SYNTAX = new RegExp(
  String.raw`(?<![\p{L}\p{N}_])(?:` +
    [
      // Examples first, so a command word does not take the start of one: a ref, a file name, a number after an option.
      String.raw`PD-\d+|[a-z]+\.(?:csv|html)|(?<=--[a-z-]+ )\d+(?:\.\d+)?|\\uXXXX`,
      'paydesk|profile|add|list|use|link|listen|orders|export|csv|receipt|reconcile|return|check|sandbox|report',
      'en|bn|a4|roll80|json|trx|amount|time|sender|reference|unverified|verified|amount_mismatch|missing|reconciled_by_hand',
      '-{1,2}[a-z][a-z-]*',
      String.raw`[A-Z][A-Z0-9_]*(?:\.html)?`,
    ].join('|') +
    String.raw`)(?![\p{L}\p{N}_])`,
  'gu',
);
const CLI_CODES = new Set<string>(Object.keys(englishAreas.cli));

type Wrong = { message: Message; sentence: string; words: string[] };

/** Each sampled message of every code, rendered in `language`, with the words of it in the wrong script. */
function wrongIn(language: Language): Wrong[] {
  return MESSAGE_CODES.filter(sampled).flatMap((code) =>
    samplesOf(code).flatMap((message) => {
      const sentence = render(message, language);
      const rest = setAside(sentence, dataOf(message));
      const words = wrongWords(CLI_CODES.has(code) ? rest.replace(CLI_SYNTAX, ' ') : rest, language);
      return words.length > 0 ? [{ message, sentence, words }] : [];
    }),
  );
}

const shown = ({ message, sentence, words }: Wrong) =>
  `${message.code} ${JSON.stringify(message.params)}: “${sentence}” → ${words.join(' ')}`;
const hasLetters = ({ words }: Wrong) => words.some((word) => /[A-Za-z]/.test(word));

const listed = (lines: string[]) => lines.map((line) => `\n  ${line}`).join('');

test('every code has a phrase in English and in Bengali, and nothing else has one', () => {
  const english = Object.keys(en).sort();
  const bengali = Object.keys(bn).sort();
  assert.deepEqual(
    { onlyInEnglish: english.filter((code) => !bengali.includes(code)), onlyInBengali: bengali.filter((code) => !english.includes(code)) },
    { onlyInEnglish: [], onlyInBengali: [] },
  );
  for (const language of [en, bn]) {
    const notPhrases = Object.entries(language).filter(([, phrase]) => typeof phrase !== 'function');
    assert.deepEqual(notPhrases, [], 'each entry is a phrase');
  }
});

test('each area’s Bengali phrasebook has exactly the codes of its English one, and no code is in two areas', async () => {
  const areasOf = new Map<string, string[]>();
  const misplaced: string[] = [];
  for (const [area, english] of Object.entries(englishAreas)) {
    // An area's file is its name in kebab case (orderBook: order-book.ts).
    const file = area.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
    const bengali = ((await import(join(MESSAGES, 'bn', `${file}.ts`))) as Record<string, object>)[area]!;
    for (const code of Object.keys(english)) areasOf.set(code, [...(areasOf.get(code) ?? []), area]);
    const [englishCodes, bengaliCodes] = [Object.keys(english), Object.keys(bengali)];
    for (const code of englishCodes.filter((c) => !bengaliCodes.includes(c)))
      misplaced.push(`${code}: in en/${area}.ts, not in bn/${area}.ts`);
    for (const code of bengaliCodes.filter((c) => !englishCodes.includes(c)))
      misplaced.push(`${code}: in bn/${area}.ts, not in en/${area}.ts`);
  }
  const twice = [...areasOf].filter(([, areas]) => areas.length > 1).map(([code, areas]) => `${code}: ${areas.join(', ')}`);
  assert.deepEqual({ twice, misplaced }, { twice: [], misplaced: [] });
});

/** Where a code is named in source: say('…'), says('…'), optionalText(max, '…'), httpUrl('…') and code: '…'. */
const CODE_USES = [
  /\bsays?\(\s*['"]([a-z0-9_]+)['"]/g,
  /\boptionalText\([^,()]+,\s*['"]([a-z0-9_]+)['"]/g,
  /\bhttpUrl\(\s*['"]([a-z0-9_]+)['"]/g,
  /\bcode:\s*['"]([a-z0-9_]+)['"]/g,
];
/** Zod's own issue codes, which a custom check names as `code: 'custom'`: not PayDesk's messages. */
const ZOD_ISSUE_CODES = new Set(['custom', 'invalid_type', 'too_big', 'too_small', 'invalid_format', 'invalid_value', 'unrecognized_keys']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

test('every code the sources can say has a phrase', () => {
  const known = new Set<string>(MESSAGE_CODES);
  const unknown: string[] = [];
  let uses = 0;
  for (const file of ['electron', 'shared', 'renderer/src'].flatMap((dir) => sourceFiles(join(ROOT, dir)))) {
    const text = readFileSync(file, 'utf8');
    for (const pattern of CODE_USES) {
      for (const match of text.matchAll(pattern)) {
        const code = match[1]!;
        if (ZOD_ISSUE_CODES.has(code)) continue;
        uses += 1;
        if (!known.has(code)) unknown.push(`${relative(ROOT, file)}:${text.slice(0, match.index).split('\n').length}: ${code}`);
      }
    }
  }
  assert.ok(uses >= MESSAGE_CODES.length / 2, `the scan finds the codes the sources say (${uses} uses)`);
  assert.deepEqual(unknown, [], `codes with no phrase:${listed(unknown)}`);
});

test('every param a phrase takes has a sample of its type', () => {
  const missing = [...PARAMS].flatMap(([code, params]) =>
    params.filter((param) => !hasSample(param)).map((param) => `${code}.${param.name} (${param.kind}): no sample in DATA or VALUES`),
  );
  assert.deepEqual(missing, [], `params without a sample:${listed(missing)}`);
});

test('every phrase renders its samples in both languages', () => {
  const broken: string[] = [];
  for (const language of LANGUAGES) {
    for (const code of MESSAGE_CODES.filter(sampled)) {
      for (const message of samplesOf(code)) {
        try {
          const sentence = render(message, language);
          if (sentence.trim() === '' || /undefined|NaN|\[object /.test(sentence)) broken.push(`${language} ${code}: “${sentence}”`);
        } catch (error) {
          broken.push(`${language} ${code} ${JSON.stringify(message.params)}: ${(error as Error).message}`);
        }
      }
    }
  }
  assert.deepEqual(broken, [], `phrases that do not render:${listed(broken)}`);
});

test('a Bengali sentence has no Latin letter but for PayDesk and the data it carries', () => {
  const latin = wrongIn('bn').filter(hasLetters).map(shown);
  assert.deepEqual(latin, [], `Bengali sentences with Latin letters:${listed(latin)}`);
});

test('a Bengali sentence writes its numbers in Bengali digits', () => {
  const digits = wrongIn('bn')
    .filter((wrong) => !hasLetters(wrong))
    .map(shown);
  assert.deepEqual(digits, [], `Bengali sentences with Latin digits:${listed(digits)}`);
});

test('an English sentence has no Bengali script but for the data it carries', () => {
  const bengali = wrongIn('en').map(shown);
  assert.deepEqual(bengali, [], `English sentences with Bengali script:${listed(bengali)}`);
});
