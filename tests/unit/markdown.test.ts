import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { articleToMarkdown, frontMatter, htmlToMarkdown, type MarkdownSource } from '../../src/core/export/markdown.ts';

const captured = new Date('2024-02-09T10:00:00.000Z');

function source(over: Partial<MarkdownSource> = {}): MarkdownSource {
  return {
    title: 'Drone Strike Pushes Iraq to End US-Led Coalition Mission',
    byline: 'Jane Doe',
    siteName: 'teleSUR',
    publishedTime: '2024-02-08T15:22:00.000Z',
    url: 'https://www.telesurenglish.net/news/a.html',
    canonicalUrl: 'https://www.telesurenglish.net/news/canonical.html',
    lang: 'en',
    html: '<p>First paragraph.</p><p>Second paragraph.</p>',
    ...over,
  };
}

/** The front matter block as key → parsed value (the values are JSON strings, so JSON.parse reads them). */
function parseFrontMatter(md: string): Record<string, string> {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(md);
  if (!m?.[1]) throw new Error('no front matter');
  return Object.fromEntries(
    m[1].split('\n').map((line) => {
      const i = line.indexOf(': ');
      return [line.slice(0, i), JSON.parse(line.slice(i + 2)) as string];
    }),
  );
}

describe('articleToMarkdown: front matter and title', () => {
  it('writes the citation fields in order, then # Title, then the body', () => {
    const md = articleToMarkdown(source(), captured);
    expect(md).toBe(
      [
        '---',
        'title: "Drone Strike Pushes Iraq to End US-Led Coalition Mission"',
        'byline: "Jane Doe"',
        'site: "teleSUR"',
        'published: "2024-02-08T15:22:00.000Z"',
        'url: "https://www.telesurenglish.net/news/a.html"',
        'canonical: "https://www.telesurenglish.net/news/canonical.html"',
        'lang: "en"',
        'captured: "2024-02-09T10:00:00.000Z"',
        '---',
        '',
        '# Drone Strike Pushes Iraq to End US-Led Coalition Mission',
        '',
        'First paragraph.',
        '',
        'Second paragraph.',
        '',
      ].join('\n'),
    );
  });

  it('omits null fields', () => {
    const md = articleToMarkdown(
      source({ byline: null, siteName: null, publishedTime: null, canonicalUrl: null, lang: null }),
      captured,
    );
    const fm = parseFrontMatter(md);
    expect(Object.keys(fm)).toEqual(['title', 'url', 'captured']);
    expect(md).not.toMatch(/null|undefined/);
  });

  it('quotes values safely: quotes, colons, #, newlines, backslashes and YAML line breaks survive a round trip', () => {
    const title = 'He said: "no" # not a comment \\ path\nnext line\u2028sep\u0085nel';
    const byline = "O'Brien & — Ünïcødé 北京";
    const md = articleToMarkdown(source({ title, byline }), captured);
    const fm = parseFrontMatter(md);
    expect(fm.title).toBe(title);
    expect(fm.byline).toBe(byline);
    // Every front matter line is one key: "value" line, nothing spills onto a new line.
    const block = md.split('\n---\n')[0]!.split('\n').slice(1);
    for (const line of block) expect(line).toMatch(/^[a-z]+: ".*"$/);
    expect(md).not.toMatch(/[\u0085\u2028\u2029]/);
  });

  it('keeps the title heading on one line and escapes Markdown in it', () => {
    const md = articleToMarkdown(source({ title: 'Why *this* [matters]\n  today #' }), captured);
    expect(md).toContain('\n# Why \\*this\\* \\[matters\\] today \\#\n');
  });
});

describe('htmlToMarkdown: body', () => {
  it('uses ATX headings, - bullets, inline absolute links, emphasis', () => {
    const md = htmlToMarkdown(
      '<h2>Section</h2><h3>Sub</h3><p>Read <a href="https://example.com/a?b=1&amp;c=2">this</a>, <em>now</em> and <strong>here</strong>.</p><ul><li>one</li><li>two</li></ul><ol><li>first</li></ol>',
    );
    expect(md).toContain('## Section');
    expect(md).toContain('### Sub');
    expect(md).toContain('[this](https://example.com/a?b=1&c=2)');
    expect(md).toContain('_now_');
    expect(md).toContain('**here**');
    expect(md).toMatch(/^- +one$/m);
    expect(md).toMatch(/^- +two$/m);
    expect(md).toMatch(/^1\. +first$/m);
    expect(md).not.toMatch(/^\* /m);
  });

  it('fences code blocks and keeps the language from class="language-xx"', () => {
    const md = htmlToMarkdown('<pre><code class="language-ts">const a: number = 1;\nconsole.log(a);\n</code></pre>');
    expect(md).toBe('```ts\nconst a: number = 1;\nconsole.log(a);\n```');
  });

  it('finds the language on <pre> or a highlight wrapper too, and fences a bare <pre>', () => {
    expect(htmlToMarkdown('<pre class="language-python"><code>print(1)</code></pre>')).toBe('```python\nprint(1)\n```');
    expect(htmlToMarkdown('<div class="highlight highlight-source-rust"><pre>fn main() {}</pre></div>')).toBe(
      '```rust\nfn main() {}\n```',
    );
    expect(htmlToMarkdown('<pre>plain\n  indented *not emphasis*</pre>')).toBe('```\nplain\n  indented *not emphasis*\n```');
  });

  it('lengthens the fence when the code contains one', () => {
    const md = htmlToMarkdown('<pre><code class="language-md">```js\nx\n```</code></pre>');
    expect(md).toBe('````md\n```js\nx\n```\n````');
  });

  it('converts tables with a header row (GFM), escaping pipes in cells', () => {
    const md = htmlToMarkdown(
      '<table><thead><tr><th>Library</th><th align="right">Time</th></tr></thead><tbody><tr><td>alpha</td><td>12</td></tr><tr><td>beta | gamma</td><td><p>30</p></td></tr></tbody></table>',
    );
    expect(md).toBe(['| Library | Time |', '| --- | ---: |', '| alpha | 12 |', '| beta \\| gamma | 30 |'].join('\n'));
  });

  it('converts tables without a header row too (first row as header), keeping empty cells and colspans aligned', () => {
    const md = htmlToMarkdown(
      '<table><tr><td>a</td><td></td><td>c</td></tr><tr><td colspan="2">wide</td><td>z</td></tr><tr><td>short</td></tr></table>',
    );
    expect(md).toBe(['| a |  | c |', '| --- | --- | --- |', '| wide |  | z |', '| short |  |  |'].join('\n'));
  });

  it('keeps a table whose header row is empty, and drops empty body rows', () => {
    const md = htmlToMarkdown('<table><tr><th></th><th></th></tr><tr><td>a</td><td>b</td></tr><tr><td></td><td></td></tr></table>');
    expect(md).toBe(['|  |  |', '| --- | --- |', '| a | b |'].join('\n'));
  });

  it('converts a 2000-row table quickly', () => {
    const rows = Array.from({ length: 2000 }, (_, i) => `<tr><td>${i}</td><td>v${i}</td></tr>`).join('');
    const started = performance.now();
    const md = htmlToMarkdown(`<table><thead><tr><th>n</th><th>v</th></tr></thead><tbody>${rows}</tbody></table>`);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(md.split('\n')).toHaveLength(2002);
    expect(md.endsWith('| 1999 | v1999 |')).toBe(true);
  });

  it('flattens layout tables (a table inside a cell) to text', () => {
    const md = htmlToMarkdown('<table><tr><td><p>Outer text</p><table><tr><th>In</th></tr><tr><td>1</td></tr></table></td></tr></table>');
    expect(md).toContain('Outer text');
    expect(md).toContain('| In |\n| --- |\n| 1 |');
    expect(md).not.toContain('<table');
    expect(htmlToMarkdown('<table><tr><td><table><tr><td>x</td></tr></table></td><td></td></tr></table>')).not.toMatch(/^\s*\|\s*$/m);
  });

  it('renders strikethrough as ~~ ~~ (GFM)', () => {
    expect(htmlToMarkdown('<p>was <del>old</del> <s>older</s></p>')).toBe('was ~~old~~ ~~older~~');
  });

  it('keeps images, figure captions and block quotes', () => {
    const md = htmlToMarkdown(
      '<figure><img src="https://example.com/i.jpg" alt="A car"><figcaption>Photo: X</figcaption></figure><blockquote><p>Quoted.</p></blockquote>',
    );
    expect(md).toContain('![A car](https://example.com/i.jpg)');
    expect(md).toContain('_Photo: X_');
    expect(md).toContain('> Quoted.');
  });

  it('escapes text that would otherwise become Markdown', () => {
    expect(htmlToMarkdown('<p>1. not a list</p><p># not a heading</p>')).toBe('1\\. not a list\n\n\\# not a heading');
  });

  it('collapses blank lines and trims trailing spaces', () => {
    const md = htmlToMarkdown('<div><p>a</p>\n\n\n<div></div><p>b  </p></div>');
    expect(md).toBe('a\n\nb');
  });

  it('gives the same result when parsing with a given window (extension page path)', () => {
    const html =
      '<h2>T</h2><p>x <a href="https://e.com/">y</a></p><table><tr><th>h</th></tr><tr><td>1</td></tr></table><pre><code class="language-js">a()</code></pre><ul><li>i</li></ul>';
    const { window } = new JSDOM('<!doctype html><body></body>');
    try {
      expect(htmlToMarkdown(html, window as unknown as Window)).toBe(htmlToMarkdown(html));
      const a = source({ html });
      expect(articleToMarkdown(a, captured, window as unknown as Window)).toBe(articleToMarkdown(a, captured));
    } finally {
      window.close();
    }
  });

  it('returns just the front matter and title for an empty body', () => {
    const md = articleToMarkdown(source({ html: '' }), captured);
    expect(md.endsWith('---\n\n# Drone Strike Pushes Iraq to End US-Led Coalition Mission\n\n')).toBe(true);
  });
});

describe('frontMatter', () => {
  it('is a --- delimited block ending with a newline', () => {
    const fm = frontMatter(source(), captured);
    expect(fm.startsWith('---\n')).toBe(true);
    expect(fm.endsWith('\n---\n')).toBe(true);
  });
});
