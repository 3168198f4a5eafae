// The README's usage block for the `paydesk` CLI says what `paydesk --help` says: the same commands, each with
// the same options in the same form, so a shopkeeper who copies a line from the README gets what the CLI takes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { paydesk } from '../support/cli';

const README = new URL('../../README.md', import.meta.url);

type Usage = { line: string; commands: Map<string, string[]> };

/**
 * A usage line's words, a bracketed group kept whole (nested brackets too): `orders [--status S] [--json]` is
 * `orders`, `[--status S]`, `[--json]`.
 */
function words(usage: string): string[] {
  const found: string[] = [];
  let word = '';
  let depth = 0;
  for (const char of usage) {
    if (char === ' ' && depth === 0) {
      if (word) found.push(word);
      word = '';
      continue;
    }
    if (char === '[') depth++;
    if (char === ']') depth--;
    word += char;
  }
  if (word) found.push(word);
  return found;
}

/** The command is the leading lower-case words (`export csv`); its options are every word after them. */
function command(usage: string): [string, string[]] {
  const all = words(usage);
  const name = all.findIndex((w) => !/^[a-z]+$/.test(w));
  const cut = name === -1 ? all.length : name;
  return [all.slice(0, cut).join(' '), all.slice(cut)];
}

/**
 * Commands are the lines indented by two spaces: a usage, then, after two spaces or more, what it does (lines
 * indented further go on with that). `first` is the line the commands follow.
 */
function usageOf(lines: string[], first: string): Usage {
  const commands = new Map<string, string[]>();
  for (const line of lines) {
    const usage = /^ {2}(\S.*?)(?: {2,}.*)?$/.exec(line)?.[1];
    if (!usage) continue;
    const [name, options] = command(usage);
    assert.ok(!commands.has(name), `"${name}" is listed once`);
    commands.set(name, options);
  }
  return { line: first, commands };
}

function readmeUsage(): Usage {
  const readme = readFileSync(README, 'utf8');
  const section = readme.split(/^## /m).find((s) => s.startsWith('The `paydesk` CLI'));
  assert.ok(section, 'the README has a section "The `paydesk` CLI"');
  const block = /```\n([\s\S]*?)```/.exec(section)?.[1];
  assert.ok(block, 'the section opens with a usage block');
  const [first = '', ...rest] = block.trimEnd().split('\n');
  return usageOf(rest, first.trim());
}

/** The help's headings in each language the CLI speaks. */
const HEADINGS = { en: { usage: 'Usage: ', commands: 'Commands:' }, bn: { usage: 'ব্যবহার: ', commands: 'কমান্ড:' } };

async function helpUsage(language: keyof typeof HEADINGS = 'en'): Promise<Usage> {
  const help = await paydesk(['--lang', language, '--help']);
  assert.equal(help.code, 0, help.stderr);
  const headings = HEADINGS[language];
  const lines = help.stdout.split('\n');
  const first = lines.find((l) => l.startsWith(headings.usage))?.slice(headings.usage.length);
  assert.ok(first, '--help has a Usage line');
  const start = lines.indexOf(headings.commands);
  const end = lines.findIndex((l, i) => i > start && l.trim() === '');
  assert.ok(start >= 0 && end > start, '--help lists its commands under "Commands:"');
  return usageOf(lines.slice(start + 1, end), first);
}

test("the README's CLI usage names every command of `paydesk --help` with the same options", async () => {
  const [readme, help] = [readmeUsage(), await helpUsage()];
  assert.equal(readme.line, help.line, 'the first line');
  assert.deepEqual([...readme.commands.keys()], [...help.commands.keys()], 'the same commands, in the same order');
  for (const [name, options] of help.commands) {
    assert.deepEqual(readme.commands.get(name), options, `the options of "paydesk ${name}"`);
  }
});

test('the Bengali help names the same commands with the same options, typed as in English', async () => {
  const [english, bengali] = [await helpUsage('en'), await helpUsage('bn')];
  assert.deepEqual([...bengali.commands], [...english.commands]);
  assert.equal(bengali.line.split(' ')[0], 'paydesk');
});

test('a usage line is read as its command and its options, brackets and all', () => {
  assert.deepEqual(command('export csv --out FILE [--status S] [--all]'), ['export csv', ['--out', 'FILE', '[--status S]', '[--all]']]);
  assert.deepEqual(command('reconcile FILE [--map trx=COL,time=COL[,sender=COL]] [--json]'), [
    'reconcile',
    ['FILE', '[--map trx=COL,time=COL[,sender=COL]]', '[--json]'],
  ]);
  const { commands } = usageOf(
    ['  profile list [--json]     list profiles; * marks the active one', '                            more about it'],
    '',
  );
  assert.deepEqual([...commands], [['profile list', ['[--json]']]]);
});
