/**
 * `npm run package` is reproducible: two runs (each building from scratch, in different time zones) write
 * byte-identical zips; the zips hold exactly dist/<browser>/ and the tracked files, sorted, with one fixed time
 * and mode. Runs after `npm run build` in `npm test` (node's test runner), with tests/build/manifest.test.ts.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, test } from 'node:test';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const VERSION = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const NAMES = ['chrome', 'firefox', 'source'].map((k) => `lectern-${k}-${VERSION}.zip`);

interface Entry {
  name: string;
  os: number;
  mode: number;
  dosTime: number;
  dosDate: number;
  extraLength: number;
  commentLength: number;
}

/** The central directory of a zip (no compression support needed: only the headers are read). */
function entries(zip: Buffer): Entry[] {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(eocd >= 0, 'end of central directory record');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const out: Entry[] = [];
  for (let i = 0; i < count; i++) {
    assert.equal(zip.readUInt32LE(at), 0x02014b50, 'central directory entry signature');
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    out.push({
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
      os: zip.readUInt8(at + 5),
      mode: zip.readUInt32LE(at + 38) >>> 16,
      dosTime: zip.readUInt16LE(at + 12),
      dosDate: zip.readUInt16LE(at + 14),
      extraLength,
      commentLength,
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return out;
}

function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
  );
}

function runPackage(out: string, env: Record<string, string>, build = true): void {
  execFileSync('node', ['scripts/package.mjs', '--out', out, ...(build ? [] : ['--no-build'])], { cwd: ROOT, env: { ...process.env, ...env }, stdio: 'pipe' });
}

const dosDate = (d: Date) => ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate();

describe('npm run package', { timeout: 120_000 }, () => {
  const dirs: string[] = [];
  const temp = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lectern-package-'));
    dirs.push(dir);
    return dir;
  };
  after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  let first = '';

  test('two runs, each building from scratch, in different time zones, write byte-identical zips', () => {
    first = temp();
    const second = temp();
    runPackage(first, { TZ: 'UTC' });
    runPackage(second, { TZ: 'Pacific/Chatham' });
    assert.deepEqual(readdirSync(first).sort(), [...NAMES].sort());
    for (const name of NAMES) {
      const a = readFileSync(path.join(first, name));
      assert.ok(a.length > 1000, `${name} is not empty`);
      assert.ok(a.equals(readFileSync(path.join(second, name))), `${name} differs between the two runs`);
    }
  });

  test('the zips hold exactly the builds and the tracked files, sorted, with one time and mode, no extras', () => {
    const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' })
      .split('\0')
      .filter((f) => f && statSync(path.join(ROOT, f), { throwIfNoEntry: false })?.isFile());
    const commitTime = new Date(Number(execFileSync('git', ['log', '-1', '--format=%ct'], { cwd: ROOT, encoding: 'utf8' }).trim()) * 1000);
    const expected: Record<string, string[]> = {
      [NAMES[0]!]: filesUnder(path.join(ROOT, 'dist/chrome')),
      [NAMES[1]!]: filesUnder(path.join(ROOT, 'dist/firefox')),
      [NAMES[2]!]: tracked,
    };
    for (const name of NAMES) {
      const list = entries(readFileSync(path.join(first, name)));
      const names = list.map((e) => e.name);
      assert.deepEqual(names, [...names].sort(), `${name}: entries sorted`);
      assert.deepEqual(names, [...expected[name]!].sort(), `${name}: exactly the expected files`);
      assert.equal(new Set(list.map((e) => `${e.dosDate}/${e.dosTime}`)).size, 1, `${name}: one time for every entry`);
      assert.equal(list[0]?.dosDate, dosDate(commitTime), `${name}: the commit's date (UTC)`);
      for (const e of list) {
        assert.equal(e.os, 3, `${e.name}: unix attributes`);
        assert.equal(e.mode, 0o100644, `${e.name}: mode 0644`);
        assert.equal(e.extraLength + e.commentLength, 0, `${e.name}: no extra fields or comments`);
      }
    }
    assert.ok(expected[NAMES[1]!]!.includes('manifest.json') && expected[NAMES[2]!]!.includes('package-lock.json'));
  });

  test('SOURCE_DATE_EPOCH sets the time, and then the bytes change (the comparison above can fail)', () => {
    const other = temp();
    runPackage(other, { SOURCE_DATE_EPOCH: '1700000000' }, false);
    const zip = readFileSync(path.join(other, NAMES[1]!));
    assert.equal(entries(zip)[0]?.dosDate, dosDate(new Date(1700000000 * 1000)));
    assert.ok(!zip.equals(readFileSync(path.join(first, NAMES[1]!))));
  });
});
