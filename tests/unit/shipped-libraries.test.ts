/**
 * scripts/shipped-libraries.ts: once it is loaded, Node gives src/ Readability and DOMPurify patched as the
 * extension ships them (scripts/vendor-hooks.ts), and everything else (the benchmark's plain-Readability baseline)
 * the libraries as installed. Checked in a child process, the way the CLI and the benchmarks load it.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');

/** What src/ and an outside importer get, with or without the hooks. */
function probe(withHooks: boolean) {
  const script = `
    ${withHooks ? "await import('./scripts/shipped-libraries.ts');" : ''}
    const { purifierFor } = await import('./src/core/sanitize.ts');
    const { READABILITY_PATTERNS } = await import('./src/core/readability-patterns.ts');
    const { JSDOM } = await import('jsdom');
    const plainPurify = (await import('dompurify')).default;
    const { Readability } = await import('@mozilla/readability');
    const win = new JSDOM('<p>x</p>').window;
    console.log(JSON.stringify({
      // the patched DOMPurify has no setConfig (scripts/vendor-patches.ts drops it)
      srcSetConfig: typeof purifierFor(win).setConfig,
      plainSetConfig: typeof plainPurify(win).setConfig,
      sameReadability: Readability.prototype.REGEXPS === READABILITY_PATTERNS,
    }));`;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as Record<string, string | boolean>;
}

describe('scripts/shipped-libraries.ts', () => {
  it('gives src/ the patched libraries and leaves them as installed for everyone else', () => {
    expect(probe(true)).toEqual({ srcSetConfig: 'undefined', plainSetConfig: 'function', sameReadability: false });
  }, 60_000);
  it('without it, src/ shares the installed libraries (what the probe above tells apart)', () => {
    expect(probe(false)).toEqual({ srcSetConfig: 'function', plainSetConfig: 'function', sameReadability: true });
  }, 60_000);
});
