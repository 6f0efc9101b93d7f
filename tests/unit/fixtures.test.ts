/**
 * Fixture runner: every directory in tests/fixtures is a realistic page plus the expected result of
 * extract(). See tests/fixtures/README.md for the expected.json schema.
 */
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extract } from '../../src/core/extract.ts';
import { ARTICLE_FIELDS, ExtractError, type Article } from '../../src/core/types.ts';

interface FixtureExpectation {
  url: string;
  page?: string;
  description?: string;
  readerable: boolean;
  metadata?: Record<string, string | null>;
  mustInclude?: string[];
  mustExclude?: string[];
  htmlMustMatch?: string[];
  htmlMustNotMatch?: string[];
}

interface Fixture {
  name: string;
  dir: string;
  pagePath: string;
  expected: FixtureExpectation;
}

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../..');
const fixturesRoot = join(repoRoot, 'tests/fixtures');


const TIME_KEYS = new Set(['publishedTime', 'modifiedTime']);
const URL_KEYS = ['url', 'canonicalUrl', 'leadImage'] as const;

const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();

function loadFixtures(): Fixture[] {
  return readdirSync(fixturesRoot)
    .filter((name) => statSync(join(fixturesRoot, name)).isDirectory())
    .sort()
    .map((name) => {
      const dir = join(fixturesRoot, name);
      const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as FixtureExpectation;
      const pagePath = expected.page ? resolve(repoRoot, expected.page) : join(dir, 'page.html');
      return { name, dir, pagePath, expected };
    });
}

type Outcome =
  | { kind: 'article'; article: Article }
  | { kind: 'not-article'; error: ExtractError }
  | { kind: 'error'; error: unknown };

/** Absolute URL check for resources (img src/srcset). */
const isAbsoluteHttp = (u: string): boolean => /^https?:\/\//i.test(u);
/** Absolute URL check for links: http(s), mailto:, tel:, or an in-page #fragment. */
const isAcceptableHref = (u: string): boolean => isAbsoluteHttp(u) || /^(mailto:|tel:|#)/i.test(u);

function srcsetUrls(srcset: string): string[] {
  return srcset
    .split(',')
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .filter((u) => u.length > 0);
}

function collectStrings(value: unknown, path: string, out: Array<[string, string]>): void {
  if (typeof value === 'string') out.push([path, value]);
  else if (Array.isArray(value)) value.forEach((v, i) => collectStrings(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) collectStrings(v, path ? `${path}.${k}` : k, out);
  }
}

const fixtures = loadFixtures();

describe('fixtures directory', () => {
  it('contains fixtures', () => {
    expect(fixtures.length, 'tests/fixtures has no fixture directories').toBeGreaterThan(0);
  });
});

for (const fx of fixtures) {
  const { name, expected: exp } = fx;

  describe(`fixture ${name}`, () => {
    let outcome: Outcome | undefined;
    let dom: JSDOM | undefined;
    let htmlFragment: DocumentFragment | undefined;

    beforeAll(() => {
      expect(existsSync(fx.pagePath), `${name}: page file ${fx.pagePath} does not exist`).toBe(true);
      const html = readFileSync(fx.pagePath, 'utf8');
      dom = new JSDOM(html, { url: exp.url });
      try {
        const article = extract(dom.window.document, exp.url);
        outcome = { kind: 'article', article };
      } catch (error) {
        outcome =
          error instanceof ExtractError && error.code === 'not-article'
            ? { kind: 'not-article', error }
            : { kind: 'error', error };
      }
    }, 30_000);

    afterAll(() => {
      dom?.window.close();
    });

    /**
     * The extracted article, or a thrown explanation. Returns null when extract() refused a page
     * that is expected not to be readerable (the remaining checks do not apply then).
     */
    const article = (): Article | null => {
      if (!outcome) throw new Error(`${name}: extraction did not run`);
      if (outcome.kind === 'error') {
        const e = outcome.error;
        throw new Error(`${name}: extract() threw ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`, {
          cause: e,
        });
      }
      if (outcome.kind === 'not-article') {
        if (exp.readerable) {
          throw new Error(`${name}: extract() refused a readerable page: ${outcome.error.message}`);
        }
        return null;
      }
      return outcome.article;
    };

    const fragment = (a: Article): DocumentFragment => {
      htmlFragment ??= JSDOM.fragment(a.html);
      return htmlFragment;
    };

    it('readerable', () => {
      const a = article();
      const actual = a ? a.readerable : false;
      expect(actual, `${name}: readerable should be ${exp.readerable}`).toBe(exp.readerable);
    });

    it.skipIf(!exp.metadata || Object.keys(exp.metadata).length === 0)('metadata', (ctx) => {
      const a = article();
      if (!a) return ctx.skip();
      const record = a as unknown as Record<string, unknown>;
      for (const [key, want] of Object.entries(exp.metadata ?? {})) {
        expect.soft(key in record, `${name}: metadata key "${key}" is not an Article field`).toBe(true);
        const got = record[key];
        const msg = `${name}: metadata ${key} (expected ${JSON.stringify(want)}, got ${JSON.stringify(got)})`;
        if (want === null) {
          expect.soft(got, msg).toBeNull();
        } else if (TIME_KEYS.has(key)) {
          expect.soft(typeof got, msg).toBe('string');
          const gotMs = typeof got === 'string' ? Date.parse(got) : Number.NaN;
          expect.soft(Number.isNaN(gotMs), `${msg}: not a parseable date`).toBe(false);
          expect.soft(gotMs, msg).toBe(Date.parse(want));
        } else if (key === 'byline') {
          expect.soft(typeof got, msg).toBe('string');
          const norm = (s: string) => collapse(s).toLowerCase();
          expect.soft(typeof got === 'string' ? norm(got) : got, msg).toBe(norm(want));
        } else {
          expect.soft(got, msg).toBe(want);
        }
      }
    });

    it.skipIf(!exp.mustInclude?.length)('mustInclude (in order)', (ctx) => {
      const a = article();
      if (!a) return ctx.skip();
      const text = collapse(a.text);
      let from = 0;
      for (const raw of exp.mustInclude ?? []) {
        const frag = collapse(raw);
        const at = text.indexOf(frag, from);
        if (at === -1) {
          const anywhere = text.indexOf(frag);
          const why = anywhere === -1 ? 'is missing from article.text' : 'is in article.text but out of order';
          expect.soft(at, `${name}: mustInclude "${raw}" ${why}`).not.toBe(-1);
        } else {
          from = at + frag.length;
        }
      }
    });

    it.skipIf(!exp.mustExclude?.length)('mustExclude', (ctx) => {
      const a = article();
      if (!a) return ctx.skip();
      const text = collapse(a.text).toLowerCase();
      const htmlText = collapse(fragment(a).textContent ?? '').toLowerCase();
      for (const raw of exp.mustExclude ?? []) {
        const frag = collapse(raw).toLowerCase();
        expect.soft(text.includes(frag), `${name}: mustExclude "${raw}" found in article.text`).toBe(false);
        expect.soft(htmlText.includes(frag), `${name}: mustExclude "${raw}" found in article.html`).toBe(false);
      }
    });

    it.skipIf(!exp.htmlMustMatch?.length)('htmlMustMatch', (ctx) => {
      const a = article();
      if (!a) return ctx.skip();
      const frag = fragment(a);
      for (const selector of exp.htmlMustMatch ?? []) {
        expect.soft(frag.querySelector(selector), `${name}: htmlMustMatch "${selector}" matches nothing in article.html`).not.toBeNull();
      }
    });

    it.skipIf(!exp.htmlMustNotMatch?.length)('htmlMustNotMatch', (ctx) => {
      const a = article();
      if (!a) return ctx.skip();
      const frag = fragment(a);
      for (const selector of exp.htmlMustNotMatch ?? []) {
        const hit = frag.querySelector(selector);
        expect
          .soft(hit, `${name}: htmlMustNotMatch "${selector}" matched ${hit ? hit.outerHTML.slice(0, 160) : ''}`)
          .toBeNull();
      }
    });

    it('invariant: result shape (no undefined, null for unknown)', (ctx) => {
      const a = article();
      if (!a) return ctx.skip();
      const record = a as unknown as Record<string, unknown>;
      for (const key of ARTICLE_FIELDS) {
        expect.soft(key in record, `${name}: Article field "${key}" is missing`).toBe(true);
        expect.soft(record[key], `${name}: Article field "${key}" is undefined (use null)`).not.toBeUndefined();
      }
      expect.soft(typeof a.readerable, `${name}: readerable is not a boolean`).toBe('boolean');
      expect.soft(typeof a.title, `${name}: title is not a string`).toBe('string');
      expect.soft(typeof a.html, `${name}: html is not a string`).toBe('string');
      expect.soft(typeof a.text, `${name}: text is not a string`).toBe('string');
      expect.soft([null, 'ltr', 'rtl'], `${name}: dir is ${JSON.stringify(a.dir)}`).toContain(a.dir);
      expect.soft(Number.isFinite(a.ms) && a.ms >= 0, `${name}: ms is ${a.ms}`).toBe(true);
      expect.soft(Array.isArray(a.removed), `${name}: removed is not an array`).toBe(true);
      for (const [i, item] of (Array.isArray(a.removed) ? a.removed : []).entries()) {
        const ok = typeof item?.rule === 'string' && item.rule.length > 0 && typeof item?.text === 'string';
        expect.soft(ok, `${name}: removed[${i}] is not {rule, text}: ${JSON.stringify(item)}`).toBe(true);
      }
      const strings: Array<[string, string]> = [];
      collectStrings(a, '', strings);
      for (const [path, value] of strings) {
        expect.soft(/\bundefined\b/.test(value), `${name}: field ${path} contains "undefined"`).toBe(false);
        expect.soft(value.includes('[object Object]'), `${name}: field ${path} contains "[object Object]"`).toBe(false);
      }
    });

    it('invariant: URLs are absolute', (ctx) => {
      const a = article();
      if (!a) return ctx.skip();
      expect.soft(a.url, `${name}: article.url should be the page URL`).toBe(exp.url);
      for (const key of URL_KEYS) {
        const v = a[key];
        if (v !== null) {
          expect.soft(isAbsoluteHttp(String(v)), `${name}: ${key} is not absolute: ${JSON.stringify(v)}`).toBe(true);
        }
      }
      const frag = fragment(a);
      for (const img of frag.querySelectorAll('img[src]')) {
        const src = img.getAttribute('src') ?? '';
        expect.soft(isAbsoluteHttp(src), `${name}: img src in article.html is not absolute: ${src}`).toBe(true);
      }
      for (const el of frag.querySelectorAll('img[srcset], source[srcset]')) {
        for (const u of srcsetUrls(el.getAttribute('srcset') ?? '')) {
          expect.soft(isAbsoluteHttp(u), `${name}: srcset URL in article.html is not absolute: ${u}`).toBe(true);
        }
      }
      for (const link of frag.querySelectorAll('a[href]')) {
        const href = link.getAttribute('href') ?? '';
        expect.soft(isAcceptableHref(href), `${name}: link in article.html is not absolute: ${href}`).toBe(true);
      }
    });

    it('invariant: text has no markup, html is sanitized', (ctx) => {
      const a = article();
      if (!a) return ctx.skip();
      const markup = /<[a-z!/]/i.exec(a.text);
      expect
        .soft(markup, `${name}: article.text contains markup near ${JSON.stringify(a.text.slice(markup?.index ?? 0, (markup?.index ?? 0) + 60))}`)
        .toBeNull();
      expect.soft(/<script/i.test(a.html), `${name}: article.html contains <script`).toBe(false);
      const handler = /\son[a-z]+\s*=/i.exec(a.html);
      expect
        .soft(handler, `${name}: article.html contains an event-handler attribute near ${JSON.stringify(a.html.slice(handler?.index ?? 0, (handler?.index ?? 0) + 60))}`)
        .toBeNull();
      expect.soft(/javascript:/i.test(a.html), `${name}: article.html contains "javascript:"`).toBe(false);
    });

    it('invariant: word count and reading time', (ctx) => {
      const a = article();
      if (!a) return ctx.skip();
      expect.soft(Number.isInteger(a.wordCount) && a.wordCount >= 0, `${name}: wordCount is ${a.wordCount}`).toBe(true);
      expect.soft(Number.isFinite(a.readingTimeMinutes), `${name}: readingTimeMinutes is ${a.readingTimeMinutes}`).toBe(true);
      if (a.wordCount > 0) {
        expect.soft(a.readingTimeMinutes, `${name}: readingTimeMinutes must be >= 1 when wordCount > 0`).toBeGreaterThanOrEqual(1);
      }
      if (exp.readerable) {
        expect.soft(a.wordCount, `${name}: readerable page has wordCount 0`).toBeGreaterThan(0);
        expect.soft(collapse(a.title).length, `${name}: readerable page has an empty title`).toBeGreaterThan(0);
      }
    });
  });
}
