/**
 * The codebase's own rules, checked on the source (refined-github style): where HTML may be written, who may
 * touch extension APIs, what the core may import, that every UI string exists, and the permission snapshot.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OPTIONAL_HOST_PERMISSIONS, PERMISSIONS } from '../../manifest.config.ts';

const root = join(import.meta.dirname, '../..');
function files(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    return statSync(join(root, path)).isDirectory() ? files(path) : [path];
  });
}
const sources = files('src').filter((f) => /\.(ts|html)$/.test(f));
const read = (f: string) => readFileSync(join(root, f), 'utf8');
/** Source without comments (good enough for these checks: block comments and whole-line // comments). */
const code = (f: string) => read(f).replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '').replace(/<!--[\s\S]*?-->/g, '');
const offenders = (re: RegExp, allowed: string[] = []) => sources.filter((f) => !allowed.includes(f) && re.test(code(f)));

describe('codebase rules', () => {
  it('only src/ui/html-sink.ts puts HTML into an extension page', () => {
    // Views may not write HTML at all; the core only *reads* innerHTML to serialize its own sanitized output.
    const views = sources.filter((f) => !f.startsWith('src/core/') && f !== 'src/ui/html-sink.ts');
    const writes = /\.(?:innerHTML|outerHTML)\s*[+]?=(?!=)|insertAdjacentHTML|document\.write|createContextualFragment|\.srcdoc\b|DOMParser/;
    expect(views.filter((f) => writes.test(code(f)))).toEqual([]);
    expect(offenders(/\.(?:innerHTML|outerHTML)\s*[+]?=(?!=)|insertAdjacentHTML|document\.write/)).toEqual([]);
  });
  it('the html sink sanitizes', () => {
    expect(read('src/ui/html-sink.ts')).toMatch(/sanitizeToFragment\(window,/);
  });
  it('only src/platform imports webextension-polyfill or touches chrome.* / browser.* globals', () => {
    expect(offenders(/from ['"]webextension-polyfill['"]/, ['src/platform/index.ts'])).toEqual([]);
    expect(offenders(/\bchrome\.(?:runtime|tabs|scripting|storage|action|i18n)\b/)).toEqual([]);
  });
  it('the injected content script stays lean: no webextension-polyfill (its size has a budget, scripts/bundle-size.mjs)', () => {
    const content = sources.filter((f) => f.startsWith('src/content/'));
    expect(content.filter((f) => /from ['"][./]*platform\/index(?:\.ts)?['"]|from ['"]webextension-polyfill['"]/.test(code(f)))).toEqual([]);
  });
  it('Readability is run in one place, src/core/readability.ts (its tag lookup is given there; the build cuts the original)', () => {
    expect(offenders(/new Readability\b/, ['src/core/readability.ts'])).toEqual([]);
  });
  it('the core lists DOM collections with itemsOf(): on jsdom, Array.from or for…of over an HTMLCollection re-reads every item per step', () => {
    const core = sources.filter((f) => f.startsWith('src/core/'));
    expect(core.filter((f) => /Array\.from\((?!\{)|\bof [\w.]*(?:\.children|getElementsBy\w+\([^)]*\))\)/.test(code(f)))).toEqual([]);
  });
  it('the core is pure: no extension, view or worker imports', () => {
    const core = sources.filter((f) => f.startsWith('src/core/'));
    expect(core.filter((f) => /from ['"]\.\.\/(?:\.\.\/)*(?:platform|messaging|background|popup|content|ui|cli)\//.test(read(f)))).toEqual([]);
    expect(core.filter((f) => /from ['"]node:/.test(read(f)))).toEqual([]);
  });
  it('no eval or remote code', () => {
    expect(offenders(/\beval\(|new Function\(|importScripts\(|<script[^>]+src=["']https?:/)).toEqual([]);
  });
  it('every UI string exists in _locales/en/messages.json', () => {
    const messages = JSON.parse(read('_locales/en/messages.json')) as Record<string, unknown>;
    const used = new Set<string>();
    for (const f of sources) {
      for (const m of read(f).matchAll(/\bt\(\s*'([A-Za-z]+)'/g)) used.add(m[1]!);
      for (const m of read(f).matchAll(/data-i18n(?:-[a-z-]+)?="([A-Za-z]+)"/g)) used.add(m[1]!);
      for (const m of read(f).matchAll(/__MSG_([A-Za-z]+)__/g)) used.add(m[1]!);
    }
    for (const m of read('manifest.config.ts').matchAll(/__MSG_([A-Za-z]+)__/g)) used.add(m[1]!);
    for (const m of read('src/popup/restricted.ts').matchAll(/'(cantRead[A-Za-z]+)'/g)) used.add(m[1]!);
    expect([...used].filter((k) => !(k in messages))).toEqual([]);
  });
  it('permissions snapshot: a new permission fails until this snapshot and the README table change together', () => {
    expect([...PERMISSIONS]).toEqual(['activeTab', 'scripting', 'storage', 'contextMenus']);
    const readme = read('README.md');
    for (const p of PERMISSIONS) expect(readme).toMatch(new RegExp(`^\\| \`${p}\` \\|`, 'm'));
    const table = readme.match(/^\| `[a-zA-Z]+` \|/gm) ?? [];
    expect(table.length).toBe(PERMISSIONS.length);
  });
  it('the manifest declares no host permissions, content scripts or web-accessible resources', () => {
    // The one exception: optional host permissions, asked for by "Fetch articles" only (README table).
    const manifest = code('manifest.config.ts').replace(/optional_host_permissions: \[\.\.\.OPTIONAL_HOST_PERMISSIONS\]/, '');
    expect(manifest).not.toMatch(/host_permissions|content_scripts|web_accessible_resources|optional_permissions/);
    expect([...OPTIONAL_HOST_PERMISSIONS]).toEqual(['http://*/*', 'https://*/*']);
    expect(read('README.md')).toMatch(/^\| `http:\/\/\*\/\*`, `https:\/\/\*\/\*` \(optional\) \|/m);
  });
  it('source files stay small and focused (≤ 400 lines)', () => {
    const big = sources.filter((f) => read(f).split('\n').length > 400).map((f) => relative(root, join(root, f)));
    expect(big).toEqual([]);
  });
});
