/**
 * The built extension (dist/chrome and dist/firefox, as `npm run build` writes them), read as files: the
 * manifest keeps the default MV3 content security policy (or a stricter one) and opens no door to web pages or
 * other extensions; no bundle turns strings into code or loads code from elsewhere; extension pages have no
 * inline script. Runs with the e2e tests because it needs the build. Bundled libraries were checked too: the only
 * "Function" mentions in the bundles are `x instanceof Function` and `Function.call.bind(...)` (DOMPurify, the
 * webextension polyfill) and turndown's error message "plugin must be a Function…", which create no code; this
 * test lists them precisely.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { recordCounts } from '../security/report.ts';
import { ROOT } from './support/paths.ts';

const TARGETS = ['chrome', 'firefox'] as const;
/** The only absolute URLs bundles may contain: XML namespace names (identifiers, never fetched). */
const ALLOWED_URLS = new Set(['http://www.w3.org/1999/xhtml', 'http://www.w3.org/2000/svg', 'http://www.w3.org/1998/Math/MathML']);
const CODE_FROM_STRINGS: Array<[string, RegExp]> = [
  ['eval(', /(?<![.\w$])eval\s*\(/g],
  ['new Function(', /\bnew\s+Function\s*\(/g],
  ['Function("…")', /(?<![.\w$])Function\s*\(\s*["'`]/g],
  ['setTimeout/setInterval with a string', /\bset(?:Timeout|Interval)\s*\(\s*["'`]/g],
  ['importScripts(', /\bimportScripts\s*\(/g],
  ['import() of a URL', /\bimport\s*\(\s*["'`](?:https?:)?\/\//g],
  ['document.write', /\bdocument\s*\.\s*write(?:ln)?\s*\(/g],
];
/** Benign mentions of Function, listed so that a new one is looked at. */
const FUNCTION_MENTIONS = /instanceof Function|Function\.call\.bind|Function\.prototype|typeof Function|must be a Function/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

describe('the built extension', () => {
  const counts = { targets: 0, files: 0, scriptBytes: 0, codeFromStrings: 0, remoteUrls: 0, inlineScripts: 0, manifestProblems: 0, functionMentions: 0 };

  for (const target of TARGETS) {
    const dir = path.join(ROOT, 'dist', target);

    test(`${target}: the manifest keeps the default CSP (or stricter) and opens nothing to pages or other extensions`, () => {
      assert.ok(existsSync(path.join(dir, 'manifest.json')), `dist/${target} is built (npm run build)`);
      counts.targets += 1;
      const m = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
      assert.equal(m.manifest_version, 3);
      const csp = m.content_security_policy as Record<string, string> | undefined;
      if (csp !== undefined) {
        // Only a stricter policy is allowed: script-src 'self' at most, nothing unsafe, nothing remote.
        for (const [where, policy] of Object.entries(csp)) {
          assert.match(policy, /script-src\s+'self'\s*(?:;|$)/, `${where}: script-src 'self' only`);
          assert.doesNotMatch(policy, /unsafe-|https?:|\*|data:|blob:/, `${where}: nothing unsafe or remote`);
        }
      }
      for (const key of ['externally_connectable', 'web_accessible_resources', 'host_permissions', 'content_scripts', 'sandbox', 'update_url']) {
        if (key in m) counts.manifestProblems += 1;
        assert.ok(!(key in m), `no ${key}`);
      }
      assert.deepEqual(m.permissions, ['activeTab', 'scripting', 'storage', 'contextMenus']);
      // Web access is only ever optional: asked for at the moment "Fetch articles" runs, if the user agrees.
      assert.deepEqual(m.optional_host_permissions, ['http://*/*', 'https://*/*']);
    });

    test(`${target}: no bundle makes code from strings or loads remote code; pages have no inline script`, () => {
      const all = files(dir);
      counts.files += all.length;
      const found: string[] = [];
      const functionMentions: string[] = [];
      for (const file of all.filter((f) => /\.m?js$/.test(f))) {
        const code = readFileSync(file, 'utf8');
        counts.scriptBytes += code.length;
        const rel = path.relative(dir, file);
        for (const [what, re] of CODE_FROM_STRINGS) for (const m of code.matchAll(re)) found.push(`${rel}: ${what} at ${m.index}: …${code.slice(Math.max(0, (m.index ?? 0) - 40), (m.index ?? 0) + 40)}…`);
        for (const m of code.matchAll(/https?:\/\/[^\s"'`)\\]+/g)) if (!ALLOWED_URLS.has(m[0])) found.push(`${rel}: URL ${m[0]}`);
        for (const m of code.matchAll(/.{0,20}\bFunction\b.{0,20}/g)) {
          functionMentions.push(m[0]);
          if (!FUNCTION_MENTIONS.test(m[0])) found.push(`${rel}: unexplained Function mention: ${m[0]}`);
        }
      }
      for (const file of all.filter((f) => f.endsWith('.html'))) {
        const html = readFileSync(file, 'utf8');
        const rel = path.relative(dir, file);
        for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
          if (!/\bsrc=/.test(m[1]!) || m[2]!.trim()) {
            counts.inlineScripts += 1;
            found.push(`${rel}: inline script`);
          }
          const src = /\bsrc="([^"]+)"/.exec(m[1]!)?.[1] ?? '';
          if (/^(?:[a-z]+:)?\/\//i.test(src)) found.push(`${rel}: remote script ${src}`);
        }
        if (/\son[a-z]+\s*=/i.test(html)) found.push(`${rel}: inline event handler`);
        for (const m of html.matchAll(/\b(?:href|src)="((?:[a-z]+:)?\/\/[^"]+)"/gi)) found.push(`${rel}: remote resource ${m[1]}`);
      }
      counts.functionMentions += functionMentions.length;
      counts.codeFromStrings += found.filter((f) => !/ URL /.test(f)).length;
      counts.remoteUrls += found.filter((f) => / URL /.test(f)).length;
      assert.deepEqual(found, []);
    });
  }

  test('counts', () => {
    recordCounts('build', counts);
    assert.equal(counts.targets, TARGETS.length);
  });
});
