import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareVersions, parseVersion } from '../../electron/core/updates/version-order';

const order = (a: string, b: string) => compareVersions(parseVersion(a)!, parseVersion(b)!);

test('versions order as SemVer says, pre-releases before their release', () => {
  // Semantic Versioning 2.0.0, §11's own example, oldest first.
  const ascending = [
    '1.0.0-alpha',
    '1.0.0-alpha.1',
    '1.0.0-alpha.beta',
    '1.0.0-beta',
    '1.0.0-beta.2',
    '1.0.0-beta.11',
    '1.0.0-rc.1',
    '1.0.0',
    '1.0.1',
    '1.1.0',
    '1.10.0',
    '2.0.0',
  ];
  for (let i = 0; i < ascending.length - 1; i++) {
    assert.equal(order(ascending[i]!, ascending[i + 1]!), -1, `${ascending[i]} < ${ascending[i + 1]}`);
    assert.equal(order(ascending[i + 1]!, ascending[i]!), 1, `${ascending[i + 1]} > ${ascending[i]}`);
  }
  assert.equal(order('0.2.0-beta.1', '0.2.0'), -1);
  assert.equal(order('0.2.0', '0.1.0'), 1);
  assert.equal(order('0.10.0', '0.9.9'), 1, 'numbers compare as numbers, not as text');
  assert.equal(order('1.0.0-2', '1.0.0-10'), -1, 'numeric pre-release parts compare as numbers');
  assert.equal(order('1.0.0-9', '1.0.0-a'), -1, 'a numeric part comes before a word');
  assert.equal(order('99999999999999999999.0.0', '9999999999999999999.0.0'), 1, 'numbers past 2^53 still order');
});

test('build metadata does not make a release newer', () => {
  assert.equal(order('1.2.3+build.7', '1.2.3'), 0);
  assert.equal(order('1.2.3-rc.1+a', '1.2.3-rc.1+b'), 0);
});

test('only a version written as SemVer writes it is read', () => {
  for (const text of ['1.2', '1.2.3.4', 'v1.2.3', '01.2.3', '1.02.3', '1.2.3-01', '1.2.3-', '1.2.3+', ' 1.2.3', '1.2.3 ', 'latest', '']) {
    assert.equal(parseVersion(text), null, JSON.stringify(text));
  }
  assert.deepEqual(parseVersion('0.2.0-beta.1+exp.sha.5114f85'), { core: ['0', '2', '0'], prerelease: ['beta', '1'] });
  assert.deepEqual(parseVersion('1.0.0-0A.is.legal'), { core: ['1', '0', '0'], prerelease: ['0A', 'is', 'legal'] });
});
