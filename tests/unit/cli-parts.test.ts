/** The CLI's pieces in-process: argument parsing, input checks, decoding hints, size limits, output lines. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../../src/cli/args.ts';
import { assertCleanableSize, LIMITS, measure } from '../../src/cli/clean.ts';
import { errorLine, formatArticle, jsonErrorLine, jsonLine } from '../../src/cli/format.ts';
import { EvalUrls, InputError } from '../../src/cli/input.ts';
import { assertLooksLikeHtml, charsetHint, contentTypeFor, stripStyles } from '../../src/cli/sniff.ts';
import type { Article } from '../../src/core/types.ts';

const usage = (argv: string[]): string => {
  try {
    parseArgs(argv);
  } catch (err) {
    if (err instanceof UsageError) return err.message;
    throw err;
  }
  throw new Error('expected a usage error');
};

describe('parseArgs', () => {
  it('defaults to text and no inputs (the sample)', () => {
    expect(parseArgs([])).toEqual({ format: 'text', url: null, inputs: [], help: false });
  });
  it('reads --format/--url in both spellings, short flags and inputs in order', () => {
    expect(parseArgs(['a.html', '--format', 'json', 'b.html'])).toMatchObject({ format: 'json', inputs: ['a.html', 'b.html'] });
    expect(parseArgs(['--format=markdown', 'a.html'])).toMatchObject({ format: 'markdown' });
    expect(parseArgs(['-f', 'md', 'a.html'])).toMatchObject({ format: 'markdown' });
    expect(parseArgs(['--url=https://e.com/a', 'a.html'])).toMatchObject({ url: 'https://e.com/a', inputs: ['a.html'] });
    expect(parseArgs(['-u', 'https://e.com/a', 'a.html'])).toMatchObject({ url: 'https://e.com/a' });
    expect(parseArgs(['--', '--weird-name.html'])).toMatchObject({ inputs: ['--weird-name.html'] });
    expect(parseArgs(['-h'])).toMatchObject({ help: true });
    expect(usage(['--help', '--bogus'])).toBe('unknown option --bogus');
  });
  it('rejects mistakes with a short message', () => {
    expect(() => parseArgs(['--bogus'])).toThrow(UsageError);
    expect(usage(['--bogus'])).toBe('unknown option --bogus');
    expect(usage(['--format'])).toBe('--format needs a value');
    expect(usage(['--format', '--url', 'x'])).toBe('--format needs a value');
    expect(usage(['--format='])).toBe('--format needs a value');
    expect(usage(['--format', 'pdf'])).toBe('unknown format "pdf" (expected text, markdown, html or json)');
    expect(usage(['--format', 'json', '--format', 'text'])).toBe('--format given twice');
    expect(usage(['--url', 'https://e.com', 'a', 'b'])).toBe('--url applies to a single input, but several were given');
    expect(usage(['--url', 'https://e.com', 'https://e.com/x'])).toMatch(/--url applies to a file input/);
    expect(usage(['--url', 'file:///x', 'a'])).toMatch(/--url must be an absolute http\(s\) URL/);
    expect(usage(['--url', 'https://', 'a'])).toMatch(/--url must be an absolute http\(s\) URL/);
    expect(usage(['-'])).toMatch(/standard input/);
  });
});

describe('assertLooksLikeHtml', () => {
  const message = (bytes: Buffer | string): string | null => {
    try {
      assertLooksLikeHtml(typeof bytes === 'string' ? Buffer.from(bytes) : bytes);
      return null;
    } catch (err) {
      if (err instanceof InputError) return err.message;
      throw err;
    }
  };
  it('accepts HTML, fragments and HTML with a BOM or in UTF-16', () => {
    expect(message('<!doctype html><p>x')).toBeNull();
    expect(message('  \n<p>Just a paragraph</p>')).toBeNull();
    expect(message('<!-- saved page --> text')).toBeNull();
    expect(message(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<html>')]))).toBeNull();
    expect(message(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<html><p>hi</p>', 'utf16le')]))).toBeNull();
  });
  it('refuses empty, binary and tagless input', () => {
    expect(message('')).toBe('empty file');
    expect(message('  \n\t ')).toBe('empty file (only whitespace)');
    expect(message(Buffer.from([0x3c, 0x70, 0x3e, 0x00, 0x01]))).toBe('binary file, not an HTML page');
    expect(message('%PDF-1.7\n<</Type /Page>>')).toBe('binary file (a PDF file), not an HTML page');
    expect(message(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2]))).toBe(
      'binary file (a PNG image), not an HTML page',
    );
    expect(message('if a < b and c > d then nothing here is a tag')).toBe('not an HTML page (plain text without any tag)');
    expect(message('{"json": "<not a tag"}')).toBe('not an HTML page (plain text without any tag)');
  });
});

describe('charsetHint / contentTypeFor', () => {
  const b = (s: string) => Buffer.from(s, 'latin1');
  it('lets a BOM win (jsdom handles it)', () => {
    expect(charsetHint(Buffer.from([0xef, 0xbb, 0xbf, 0x3c]), 'windows-1252')).toBeNull();
  });
  it('uses the HTTP charset, then a <meta> anywhere in the first 64 KB', () => {
    expect(charsetHint(b('<p>caf\xe9</p>'), 'iso-8859-1')).toBe('iso-8859-1');
    const late = `<html><head>${'<script>var x = 1;</script>'.repeat(100)}<meta charset="windows-1251"></head>`;
    expect(charsetHint(b(late), null)).toBe('windows-1251');
    expect(charsetHint(b('<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">'), null)).toBe('shift_jis');
    expect(charsetHint(b('<!-- <meta charset="koi8-r"> --><p>caf\xe9</p>'), null)).toBeNull();
    expect(charsetHint(b('<meta charset="utf-16"><p>x</p>'), null)).toBe('utf-8');
  });
  it('falls back to UTF-8 for undeclared valid UTF-8, and to jsdom (windows-1252) otherwise', () => {
    expect(charsetHint(Buffer.from('<p>résumé</p>', 'utf8'), null)).toBe('utf-8');
    expect(charsetHint(b('<p>r\xe9sum\xe9</p>'), null)).toBeNull();
  });
  it('only passes a plain charset token on to jsdom', () => {
    expect(contentTypeFor('utf-8')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor(null)).toBe('text/html');
    expect(contentTypeFor('x"; evil=1')).toBe('text/html');
  });
});

describe('limits', () => {
  it('counts script and style bodies out of the content size', () => {
    const big = `<html><script>${'x'.repeat(1000)}</script><style>${'y'.repeat(500)}</style><p>hi</p></html>`;
    const m = measure(Buffer.from(big));
    expect(m.contentBytes).toBe('<html><p>hi</p></html>'.length);
    expect(m.startTags).toBe(2);
  });
  it('refuses pages over the content, total or element limits before parsing', () => {
    const tooMuchText = Buffer.alloc(LIMITS.maxContentBytes + 10, 'a');
    expect(() => assertCleanableSize(tooMuchText)).toThrow('too large to clean (10 MB of markup and text; the limit is 10 MB)');
    const scripts = Buffer.from(`<script>${'x'.repeat(LIMITS.maxContentBytes + 10)}</script><p>ok</p>`);
    expect(() => assertCleanableSize(scripts)).not.toThrow();
    const tags = Buffer.from('<i>'.repeat(LIMITS.maxElements * 2));
    expect(() => assertCleanableSize(tags)).toThrow(/too large to clean \(about 40000 elements; the limit is 20000\)/);
  });
});

describe('stripStyles', () => {
  it('removes <style> elements, closed or not, and nothing else', () => {
    const out = stripStyles(Buffer.from('<head><style media="x">a{b:c}</style><title>T</title><STYLE>.q{}</STYLE ></head><p>é</p>', 'utf8'));
    expect(out.toString('utf8')).toBe('<head><title>T</title></head><p>é</p>');
    expect(stripStyles(Buffer.from('<p>a</p><style>never closed')).toString()).toBe('<p>a</p>');
  });
});

describe('EvalUrls', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lectern-eval-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it('matches keys as given or as absolute paths, and ignores non-http values', async () => {
    const map = join(dir, 'map.json');
    writeFileSync(map, JSON.stringify({ 'pages/a.html': 'https://e.com/a', [resolve('pages/b.html')]: 'https://e.com/b', 'c.html': 'javascript:x' }));
    const urls = await EvalUrls.load(map);
    expect(urls.lookup('pages/a.html')).toBe('https://e.com/a');
    expect(urls.lookup(resolve('pages/a.html'))).toBe('https://e.com/a');
    expect(urls.lookup('./pages/b.html')).toBe('https://e.com/b');
    expect(urls.lookup('c.html')).toBeNull();
    expect(urls.lookup('other.html')).toBeNull();
  });
  it("also matches keys relative to the map file's folder", async () => {
    const map = join(dir, 'rel.json');
    writeFileSync(map, JSON.stringify({ 'pages/x.html': 'https://e.com/x' }));
    const urls = await EvalUrls.load(map);
    expect(urls.lookup(join(dir, 'pages/x.html'))).toBe('https://e.com/x');
  });
  it('explains a bad map file', async () => {
    writeFileSync(join(dir, 'bad.json'), '{not json');
    writeFileSync(join(dir, 'list.json'), '[]');
    await expect(EvalUrls.load(join(dir, 'bad.json'))).rejects.toThrow(/is not valid JSON/);
    await expect(EvalUrls.load(join(dir, 'list.json'))).rejects.toThrow(/must hold a JSON object/);
    await expect(EvalUrls.load(join(dir, 'none.json'))).rejects.toThrow(/no such file/);
  });
});

describe('output lines', () => {
  const article: Article = {
    url: 'https://e.com/a',
    canonicalUrl: null,
    readerable: true,
    title: 'T',
    byline: null,
    siteName: null,
    publishedTime: null,
    modifiedTime: null,
    lang: null,
    dir: null,
    excerpt: null,
    leadImage: null,
    wordCount: 2,
    readingTimeMinutes: 1,
    html: '<p>a b</p>',
    text: 'a b',
    removed: [],
    ms: 1.5,
  };
  it('jsonLine: path first, undefined becomes null, one line', () => {
    const broken = { ...article, byline: undefined, excerpt: undefined } as unknown as Article;
    const line = jsonLine('in put.html', broken);
    expect(line.endsWith('\n')).toBe(true);
    expect(line.split('\n')).toHaveLength(2);
    const parsed = JSON.parse(line) as Record<string, unknown>;
    expect(Object.keys(parsed)[0]).toBe('path');
    expect(parsed.byline).toBeNull();
    expect(parsed.excerpt).toBeNull();
    expect(line).not.toContain('undefined');
  });
  it('error lines', () => {
    expect(jsonErrorLine('a.html', 'no such file')).toBe('{"path":"a.html","error":"no such file"}\n');
    expect(errorLine('a.html', 'no such file')).toBe('lectern: a.html: no such file\n');
  });
  it('text and markdown put a ---- line between articles', () => {
    const at = new Date('2024-01-01T00:00:00Z');
    const first = formatArticle('text', 'a', article, 0, at);
    const second = formatArticle('text', 'a', article, 1, at);
    expect(first.startsWith('T\n')).toBe(true);
    expect(second.startsWith('\n----\n\nT\n')).toBe(true);
    expect(formatArticle('markdown', 'a', article, 1, at).startsWith('\n----\n\n---\ntitle: "T"')).toBe(true);
  });
});
