import { test } from 'node:test';
import assert from 'node:assert/strict';
import { downloadFor, readReleaseFile, type ReleaseFile } from '../../electron/core/updates/release-file';
import { downloadUrl, feedFolder, releaseFileName } from '../../electron/core/updates/release-feed';

// As electron-builder 26 writes latest-mac.yml: both architectures, each as a zip (for the updater) and a dmg.
const MAC = `version: 0.2.0
files:
  - url: PayDesk-0.2.0-arm64-mac.zip
    sha512: YWJj
    size: 101
  - url: PayDesk-0.2.0-arm64.dmg
    sha512: ZGVm
    size: 102
  - url: PayDesk-0.2.0-mac.zip
    sha512: Z2hp
    size: 103
  - url: PayDesk-0.2.0.dmg
    sha512: amts
    size: 104
path: PayDesk-0.2.0-arm64-mac.zip
sha512: YWJj
releaseName: PayDesk 0.2.0 — বাংলা
releaseNotes: |-
  Faster counter.
    - nested lines, a list: not read
  "quotes" and: colons
releaseDate: '2026-03-14T09:30:00.000Z'
`;

const read = (text: string) => {
  const reading = readReleaseFile(text);
  assert.ok(reading.ok, `read: ${JSON.stringify(reading)}`);
  return reading.release;
};

test('a release file as electron-builder writes it gives its version, date and files', () => {
  assert.deepEqual(read(MAC), {
    version: '0.2.0',
    releaseDate: '2026-03-14T09:30:00.000Z',
    files: ['PayDesk-0.2.0-arm64-mac.zip', 'PayDesk-0.2.0-arm64.dmg', 'PayDesk-0.2.0-mac.zip', 'PayDesk-0.2.0.dmg'],
    path: 'PayDesk-0.2.0-arm64-mac.zip',
  });
  // Windows line ends, a byte-order mark, comments, a document start and quoted values read the same.
  const windows =
    '\ufeff---\r\n# published by the distributor\r\nversion: \'0.3.0-beta.1\'\r\nfiles:\r\n  - url: "PayDesk Setup 0.3.0-beta.1.exe"\r\n    size: 5 # bytes\r\npath: PayDesk Setup 0.3.0-beta.1.exe\r\n';
  assert.deepEqual(read(windows), {
    version: '0.3.0-beta.1',
    releaseDate: null,
    files: ['PayDesk Setup 0.3.0-beta.1.exe'],
    path: 'PayDesk Setup 0.3.0-beta.1.exe',
  });
});

test('a file without a version is not a release file; a release file out of shape is malformed', () => {
  for (const text of ['<!DOCTYPE html><html><body>Index of /paydesk</body></html>', '{"version":"0.2.0"}', 'hello', '']) {
    assert.deepEqual(readReleaseFile(text), { ok: false, problem: 'not_release' }, text);
  }
  const malformed = {
    'a version that is not SemVer': 'version: 0.2\npath: a.exe\n',
    'an empty version': 'version:\npath: a.exe\n',
    'a version given twice': 'version: 0.2.0\nversion: 0.3.0\npath: a.exe\n',
    'a version over two lines': 'version: 0.2.0\n  -beta\npath: a.exe\n',
    'a version as a list': 'version: [0.2.0]\npath: a.exe\n',
    'an alias': 'version: *v\npath: a.exe\n',
    'no file to download': 'version: 0.2.0\nreleaseDate: 2026-03-14T09:30:00.000Z\n',
    'a file entry without url': 'version: 0.2.0\nfiles:\n  - sha512: abc\n    size: 1\n',
    'a file entry out of line': 'version: 0.2.0\nfiles:\n  - url: a.exe\n      size: 1\n',
    'tabs for indentation': 'version: 0.2.0\nfiles:\n\t- url: a.exe\n',
    'an unclosed quote': "version: '0.2.0\npath: a.exe\n",
    'a date that is no date': 'version: 0.2.0\npath: a.exe\nreleaseDate: tomorrow\n',
    'a line that is no key': 'version: 0.2.0\npath: a.exe\n<html>\n',
    'a line indented before any key': '  version: 0.2.0\nversion: 0.2.0\npath: a.exe\n',
  };
  for (const [what, text] of Object.entries(malformed)) {
    assert.deepEqual(readReleaseFile(text), { ok: false, problem: 'malformed' }, what);
  }
});

test('the download offered is the installer kind this computer runs', () => {
  const mac = read(MAC);
  assert.equal(downloadFor(mac, { platform: 'darwin', arch: 'arm64', appImage: false }), 'PayDesk-0.2.0-arm64.dmg');
  assert.equal(downloadFor(mac, { platform: 'darwin', arch: 'x64', appImage: false }), 'PayDesk-0.2.0.dmg');
  const linux: ReleaseFile = {
    version: '0.2.0',
    releaseDate: null,
    files: ['PayDesk-0.2.0.AppImage', 'paydesk_0.2.0_amd64.deb'],
    path: null,
  };
  assert.equal(downloadFor(linux, { platform: 'linux', arch: 'x64', appImage: true }), 'PayDesk-0.2.0.AppImage');
  assert.equal(downloadFor(linux, { platform: 'linux', arch: 'x64', appImage: false }), 'paydesk_0.2.0_amd64.deb');
  const windows: ReleaseFile = { version: '0.2.0', releaseDate: null, files: [], path: 'PayDesk Setup 0.2.0.exe' };
  assert.equal(downloadFor(windows, { platform: 'win32', arch: 'x64', appImage: false }), 'PayDesk Setup 0.2.0.exe');
});

test('each platform reads the release file electron-updater reads there', () => {
  assert.equal(releaseFileName('win32', 'x64'), 'latest.yml');
  assert.equal(releaseFileName('darwin', 'arm64'), 'latest-mac.yml');
  assert.equal(releaseFileName('linux', 'x64'), 'latest-linux.yml');
  assert.equal(releaseFileName('linux', 'arm64'), 'latest-linux-arm64.yml');
});

test('a feed is https, or plain http only on this computer; its files resolve inside its folder', () => {
  assert.equal(feedFolder('https://downloads.example.com/paydesk')?.href, 'https://downloads.example.com/paydesk/');
  assert.equal(feedFolder('  http://127.0.0.1:8080/feed/#x ')?.href, 'http://127.0.0.1:8080/feed/');
  assert.equal(feedFolder('http://localhost/feed')?.href, 'http://localhost/feed/');
  for (const refused of [
    'http://downloads.example.com/paydesk/',
    'ftp://downloads.example.com/',
    'https://user:pw@downloads.example.com/',
    'https://x.example/?token=1',
    'downloads.example.com',
    '',
  ]) {
    assert.equal(feedFolder(refused), null, refused);
  }
  const folder = feedFolder('https://downloads.example.com/paydesk')!;
  assert.equal(downloadUrl('PayDesk Setup 0.2.0.exe', folder), 'https://downloads.example.com/paydesk/PayDesk%20Setup%200.2.0.exe');
  assert.equal(downloadUrl('https://cdn.example.net/PayDesk-0.2.0.dmg', folder), 'https://cdn.example.net/PayDesk-0.2.0.dmg');
  assert.equal(downloadUrl('http://cdn.example.net/PayDesk-0.2.0.dmg', folder), null, 'the browser is handed https only');
  assert.equal(downloadUrl('javascript:alert(1)', folder), null);
  assert.equal(
    downloadUrl('PayDesk-0.2.0.AppImage', feedFolder('http://127.0.0.1:9/feed/')!),
    null,
    'a loopback feed offers no download of its own',
  );
});
