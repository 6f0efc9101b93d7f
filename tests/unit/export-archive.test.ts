/** Standalone HTML export and ZIP archives of several articles. */
import { strFromU8, unzipSync } from 'fflate';
import { JSDOM } from 'jsdom';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { archiveEntry, archiveFiles, uniqueNames, zipArchive, type ExportableItem } from '../../src/core/export/archive.ts';
import { articleToHtml, standaloneCss } from '../../src/core/export/html.ts';
import { articleToMarkdown } from '../../src/core/export/markdown.ts';
import { articleToPlainText } from '../../src/core/export/text.ts';

const win = new JSDOM('').window as unknown as Window;
const css = standaloneCss(readFileSync('src/ui/reader.css', 'utf8'), readFileSync('src/ui/themes.css', 'utf8'));
const at = new Date('2026-02-03T04:05:06.000Z');
const item: ExportableItem = {
  title: 'Fish & <Chips> "today"',
  byline: 'Ann O\'Nym',
  siteName: 'The Paper',
  publishedTime: '2026-01-02T10:00:00Z',
  url: 'https://paper.example/fish?x=1&y=2',
  canonicalUrl: null,
  lang: 'en',
  dir: 'ltr',
  html: '<p>Hello <a href="https://paper.example/more">more</a></p><script>alert(1)</script><img src="x" onerror="alert(2)"><p style="color:red">Styled</p>',
  text: 'Hello more\n\nStyled',
  savedAt: '2026-01-05T00:00:00.000Z',
  tags: ['food'],
};

describe('standalone HTML', () => {
  const html = articleToHtml(item, at, css, win);
  const doc = new JSDOM(html).window.document;
  it('is one document with the reading styles inline and no way to run code or load anything but images', () => {
    expect(doc.querySelectorAll('script, link, iframe, [onerror], [style]')).toHaveLength(0);
    expect(doc.querySelector('style')?.textContent).toContain('.reader .article-body blockquote');
    // Self-contained: no @import (it would resolve to nothing offline), and the colour variables it uses are defined.
    expect(doc.querySelector('style')?.textContent).not.toMatch(/@import/);
    expect(doc.querySelector('style')?.textContent).toMatch(/--bg: #fdfcfa;/);
    expect(doc.querySelector('style')?.textContent).toMatch(/--reader-font: var\(--font-serif\)/);
    expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toMatch(/^default-src 'none'; img-src https: http: data:; style-src 'unsafe-inline'/);
  });
  it('has the citation and a link to the source, escaped', () => {
    expect(doc.title).toBe(item.title);
    expect(doc.querySelector('h1')?.textContent).toBe(item.title);
    const source = doc.querySelector('.source')!;
    expect(source.textContent).toBe('Ann O\'Nym · The Paper · 2026-01-02Source: https://paper.example/fish?x=1&y=2Captured: 2026-02-03T04:05:06.000Z');
    expect(source.querySelector('a')?.getAttribute('href')).toBe(item.url);
    expect(doc.documentElement.lang).toBe('en');
    expect([...doc.querySelectorAll('.article-body p')].map((p) => p.textContent)).toEqual(['Hello more', 'Styled']);
  });
  it('keeps a stray </style> in the CSS from ending the style element', () => {
    const odd = articleToHtml(item, at, 'a::after { content: "</style><script>x</script>" }', win);
    expect(new JSDOM(odd).window.document.querySelectorAll('script')).toHaveLength(0);
  });
});

describe('ZIP archives', () => {
  it('names files by slug, unique ignoring case, never "index", safe on Windows', () => {
    expect(uniqueNames(['Hello World', 'hello world', 'HELLO  WORLD!', 'Index', 'CON', '', '???'])).toEqual([
      'hello-world', 'hello-world-2', 'hello-world-3', 'index-2', 'con-article', 'article', 'article-2',
    ]);
  });
  it('holds each article in each chosen format plus an index, and unzips to the same files', () => {
    const render = {
      txt: (i: ExportableItem) => articleToPlainText(i, at),
      md: (i: ExportableItem) => articleToMarkdown(i, at, win),
      html: (i: ExportableItem) => articleToHtml(i, at, css, win),
    };
    const entries = [item, { ...item, url: 'https://paper.example/2', title: 'fish & chips today' }].map((i) => archiveEntry(i, ['txt', 'md', 'html'], render));
    const files = archiveFiles(entries, at);
    expect(Object.keys(files).sort()).toEqual([
      'fish-chips-today-2.html', 'fish-chips-today-2.md', 'fish-chips-today-2.txt',
      'fish-chips-today.html', 'fish-chips-today.md', 'fish-chips-today.txt', 'index.html',
    ]);
    expect(files['fish-chips-today.txt']).toMatch(/^Fish & <Chips> "today"\nBy Ann O'Nym\nThe Paper\nPublished: 2026-01-02\nURL: https:\/\/paper.example\/fish\?x=1&y=2\nCaptured: 2026-02-03T04:05:06.000Z\n\nHello more\n\nStyled\n$/);
    expect(files['fish-chips-today.md']).toMatch(/^---\ntitle: "Fish & <Chips> \\"today\\""/);
    const index = new JSDOM(files['index.html']!).window.document;
    expect([...index.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('a')].map((a) => a.getAttribute('href')))).toEqual([
      ['fish-chips-today.txt', 'fish-chips-today.md', 'fish-chips-today.html', 'https://paper.example/fish?x=1&y=2'],
      ['fish-chips-today-2.txt', 'fish-chips-today-2.md', 'fish-chips-today-2.html', 'https://paper.example/2'],
    ]);
    expect(articleToPlainText({ ...item, text: '' }, at)).toBe(`Fish & <Chips> "today"\nBy Ann O'Nym\nThe Paper\nPublished: 2026-01-02\nURL: https://paper.example/fish?x=1&y=2\nCaptured: 2026-02-03T04:05:06.000Z\n`);
    const unzipped = unzipSync(zipArchive(files, at));
    expect(Object.fromEntries(Object.entries(unzipped).map(([k, v]) => [k, strFromU8(v)]))).toEqual(files);
  });
});
