/**
 * scripts/vendor-patches.ts: the installed libraries still match every patch, the patched code has no dynamic
 * innerHTML write left, the unit tests run the patched copies, and the patched paths still do their job.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import createDOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { applyVendorPatches, VENDOR_PATCHES } from '../../scripts/vendor-patches.ts';
import { parseWithReadability } from '../../src/core/readability.ts';

const files = [...new Set(VENDOR_PATCHES.map((p) => p.file))];
const installed = (file: string) => join(import.meta.dirname, '../../node_modules', file);
/** `x.innerHTML = <anything but a string literal>`, as web-ext lint's no-unsanitized rule sees it. */
const dynamicInnerHtmlWrite = /\.(?:inner|outer)HTML\s*=(?!=)\s*(?!["'`][^"'`]*["'`]\s*[;,)])/;

describe('vendor patches', () => {
  it.each(files)('%s: every patch matches (once, or its count) and no dynamic innerHTML write is left', (file) => {
    const original = readFileSync(installed(file), 'utf8');
    const patched = applyVendorPatches(installed(file), original);
    expect(patched).not.toBeNull();
    expect(patched).not.toMatch(dynamicInnerHtmlWrite);
    for (const p of VENDOR_PATCHES.filter((v) => v.file === file)) expect(patched).toContain(p.replace);
  });

  it('the libraries with innerHTML writes had them before the patches (so the check above can fail)', () => {
    for (const file of ['/@mozilla/readability/Readability.js', '/dompurify/dist/purify.es.mjs']) expect(readFileSync(installed(file), 'utf8')).toMatch(dynamicInnerHtmlWrite);
  });

  it('fails loudly when a library no longer matches', () => {
    expect(() => applyVendorPatches('/x/node_modules/@mozilla/readability/Readability.js', 'var a = 1;')).toThrow(/expected (?:1 match|\d+ matches)/);
    expect(applyVendorPatches('/x/node_modules/other/index.js', 'el.innerHTML = x;')).toBeNull();
  });

  it('for Node, the patches marked notInNode are left out and all the others applied', () => {
    const file = '/@mozilla/readability/Readability.js';
    const forNode = applyVendorPatches(installed(file), readFileSync(installed(file), 'utf8'), 'node')!;
    const skipped = VENDOR_PATCHES.filter((p) => p.notInNode);
    expect(skipped.map((p) => p.find)).toEqual(['var pageCacheHtml = page.innerHTML;', 'page.innerHTML = pageCacheHtml;']);
    for (const p of skipped) expect(forNode).toContain(p.find as string);
    for (const p of VENDOR_PATCHES.filter((v) => v.file === file && !v.notInNode)) expect(forNode).toContain(p.replace);
    expect(forNode).not.toContain('page.cloneNode(true)');
  });

  it('the unit tests load the patched libraries', () => {
    const grab = (Readability.prototype as unknown as Record<string, () => void>)['_grabArticle']!.toString();
    expect(grab).toContain('page.cloneNode(true)');
    expect(grab).not.toMatch(dynamicInnerHtmlWrite);
    // Its own tag lookup is cut: only src/core/readability.ts runs Readability, with one of its own.
    expect(() => new Readability(new JSDOM('<p>x</p>').window.document).parse()).toThrow(/src\/core\/readability\.ts/);
  });

  it('Readability still retries with looser rules from an intact copy of the page', () => {
    // The story sits in a "comment"-classed box: the first pass strips it as unlikely and finds too little
    // text, so Readability restores the page from its copy and retries without that filter.
    const story = Array.from({ length: 8 }, (_, i) => `<p>Paragraph ${i} of the story, long enough to count, with commas, words, and more words to pass.</p>`).join('');
    const dom = new JSDOM(`<!doctype html><html><head><title>Retry</title></head><body><div class="comment-area">${story}</div></body></html>`, { url: 'https://example.com/a' });
    const article = parseWithReadability(dom.window.document);
    expect(article?.textContent).toContain('Paragraph 0 of the story');
    expect(article?.textContent).toContain('Paragraph 7 of the story');
  });

  it('Readability still swaps a placeholder image for the one in <noscript>', () => {
    const story = Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i} of the story, long enough to count, with commas, words, and more words to pass.</p>`).join('');
    const html = `<!doctype html><html><head><title>Lazy</title></head><body><article><div><img src="https://example.com/placeholder.gif"></div><noscript><img src="https://example.com/real.jpg" alt="Real"></noscript>${story}</article></body></html>`;
    const dom = new JSDOM(html, { url: 'https://example.com/a' });
    const article = parseWithReadability(dom.window.document);
    expect(article?.content).toContain('src="https://example.com/real.jpg"');
    expect(article?.content).toContain('data-old-src="https://example.com/placeholder.gif"');
  });

  it('the emptied SVG/MathML attribute lists are never needed: Lectern sanitizes only with the html profile', async () => {
    const { SANITIZE_CONFIG } = await import('../../src/core/sanitize.ts');
    expect(SANITIZE_CONFIG.USE_PROFILES).toEqual({ html: true });
    expect(SANITIZE_CONFIG.ALLOWED_ATTR).toBeUndefined();
    // Every DOMPurify call goes through src/core/sanitize.ts, which spreads SANITIZE_CONFIG into each one.
    const { readdirSync, statSync } = await import('node:fs');
    const walk = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
    const src = join(import.meta.dirname, '../../src');
    const callers = walk(src).filter((f) => /\.sanitize\(/.test(readFileSync(f, 'utf8'))).map((f) => f.slice(src.length + 1));
    expect(callers).toEqual(['core/sanitize.ts']);
    expect(readFileSync(join(src, 'core/sanitize.ts'), 'utf8').match(/\.sanitize\([^)]*\)/g)?.every((c) => c.includes('SANITIZE_CONFIG'))).toBe(true);
  });

  it('Lectern passes DOMPurify only options the patched copy still reads (the code for all others is cut)', async () => {
    const { SANITIZE_CONFIG } = await import('../../src/core/sanitize.ts');
    const read = ['USE_PROFILES', 'FORBID_TAGS', 'FORBID_ATTR', 'ALLOWED_URI_REGEXP', 'SANITIZE_NAMED_PROPS', 'ALLOW_DATA_ATTR', 'KEEP_CONTENT', 'RETURN_DOM_FRAGMENT', 'IN_PLACE', 'NAMESPACE'];
    expect(Object.keys(SANITIZE_CONFIG).filter((k) => !read.includes(k))).toEqual([]);
    const calls = readFileSync(join(import.meta.dirname, '../../src/core/sanitize.ts'), 'utf8').match(/\.sanitize\([^)]*\)/g) ?? [];
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls) for (const key of call.match(/\b[A-Z][A-Z_]+(?=\s*:)/g) ?? []) expect(read).toContain(key);
  });

  it('DOMPurify fails closed where it would have parsed with innerHTML (a non-HTML namespace)', () => {
    const purify = createDOMPurify(new JSDOM('').window as unknown as Parameters<typeof createDOMPurify>[0]);
    expect(purify.sanitize('<p>kept</p>')).toBe('<p>kept</p>');
    // Unpatched, this parses through innerHTML and returns <circle xmlns="…" r="1"/>.
    expect(purify.sanitize('<circle r="1"/>', { NAMESPACE: 'http://www.w3.org/2000/svg' })).toBe('');
  });
});
