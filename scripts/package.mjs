// `npm run package`: builds both browsers, then writes, reproducibly (same commit → byte-identical files):
//   artifacts/lectern-chrome-<version>.zip    dist/chrome/, for the Chrome Web Store
//   artifacts/lectern-firefox-<version>.zip   dist/firefox/, for addons.mozilla.org
//   artifacts/lectern-source-<version>.zip    the files git tracks, for AMO's source review (build: README)
// Reproducible: entries sorted by path, every entry's time = SOURCE_DATE_EPOCH or else the commit's time, mode
// 0644, no extra fields or comments, deflate level 9, times written in UTC whatever the machine's zone.
// Options: --out DIR (default artifacts/), --no-build (zip the dist/ that is there).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';

// fflate writes zip times in the local zone: make that UTC before any Date is made.
process.env.TZ = 'UTC';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const outArg = args.indexOf('--out');
const outDir = path.resolve(ROOT, outArg >= 0 ? args[outArg + 1] ?? '' : 'artifacts');
const build = !args.includes('--no-build');
const TARGETS = ['chrome', 'firefox'];
const MODE = 0o100644; // regular file, rw-r--r--
const UNIX = 3;

function git(...argv) {
  return execFileSync('git', argv, { cwd: ROOT, encoding: 'utf8' });
}

/** Seconds since the epoch for every entry: SOURCE_DATE_EPOCH, else the time of the commit being packaged. */
function sourceDate() {
  const fromEnv = process.env.SOURCE_DATE_EPOCH;
  const seconds = Number(fromEnv ?? git('log', '-1', '--format=%ct').trim());
  if (!Number.isInteger(seconds) || seconds < 315532800) throw new Error(`bad source date ${fromEnv ?? '(commit time)'}: zip times start in 1980`);
  return seconds;
}

function filesUnder(dir, prefix = '') {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) return filesUnder(path.join(dir, e.name), rel);
    if (!e.isFile()) throw new Error(`not a regular file: ${rel}`);
    return [rel];
  });
}

/** A zip of `names` (paths relative to `base`), sorted, with fixed times and modes. */
export function zipFiles(base, names, seconds) {
  const mtime = new Date(seconds * 1000);
  const entries = {};
  for (const name of [...names].sort()) {
    // fflate keeps the object's key order, which JavaScript only guarantees for non-integer keys.
    if (/^\d+$/.test(name)) throw new Error(`cannot order a zip entry named like an integer: ${name}`);
    entries[name] = [new Uint8Array(readFileSync(path.join(base, name))), { level: 9, mtime, os: UNIX, attrs: (MODE << 16) >>> 0 }];
  }
  return zipSync(entries);
}

function main() {
  if (build) {
    const r = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
  const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const seconds = sourceDate();
  const dirty = git('status', '--porcelain', '--untracked-files=no').trim();
  if (dirty) console.warn('package: the working tree has uncommitted changes, so these zips are not those of the commit');
  mkdirSync(outDir, { recursive: true });
  const written = [];
  for (const target of TARGETS) {
    const dir = path.join(ROOT, 'dist', target);
    if (!existsSync(path.join(dir, 'manifest.json'))) throw new Error(`dist/${target} is not built`);
    written.push([`lectern-${target}-${version}.zip`, zipFiles(dir, filesUnder(dir), seconds)]);
  }
  const tracked = git('ls-files', '-z').split('\0').filter((f) => f && statSync(path.join(ROOT, f), { throwIfNoEntry: false })?.isFile());
  written.push([`lectern-source-${version}.zip`, zipFiles(ROOT, tracked, seconds)]);
  for (const [name, bytes] of written) {
    writeFileSync(path.join(outDir, name), bytes);
    console.log(`package: ${path.relative(ROOT, path.join(outDir, name))} (${bytes.length} bytes)`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
