/**
 * The CLI as a user (and the scorer) runs it: `node --import tsx src/cli/main.ts …` in a child process, against
 * temp files and a local HTTP server on 127.0.0.1.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const SLOW = 120_000;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  /** ms from spawn to the first stdout chunk, and to exit. */
  firstOutputMs: number | null;
  totalMs: number;
}

function runCli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    let firstOutputMs: number | null = null;
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      cwd: root,
      env: { ...process.env, NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => {
      firstOutputMs ??= Date.now() - started;
      out.push(b);
    });
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({
        code,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        firstOutputMs,
        totalMs: Date.now() - started,
      }),
    );
  });
}

const jsonLines = (s: string): Array<Record<string, unknown>> =>
  s
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

const filler = (topic: string, n = 6): string =>
  Array.from(
    { length: n },
    (_, i) =>
      `<p>Paragraph ${i + 1} about ${topic}: the council met on Tuesday to discuss the budget, the new bus routes and the state of the library, and residents spoke for more than an hour about each of these questions in turn.</p>`,
  ).join('\n');

function page(title: string, body: string, head = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${head}</head><body><header><nav><a href="/">Home</a></nav></header><main><article><h1>${title}</h1>${body}</article></main><footer>Footer</footer></body></html>`;
}

let dir: string;
const file = (name: string): string => join(dir, name);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lectern-cli-'));
  writeFileSync(file('one.html'), page('First story headline', filler('the first story')));
  writeFileSync(file('two.html'), page('Second story headline', filler('the second story')));
  writeFileSync(
    file('relative.html'),
    page(
      'Relative links story',
      `${filler('relative links', 4)}<p>Read <a href="../more/next.html">the next part</a> of this story.</p>`,
      '<link rel="canonical" href="/news/relative-links.html">',
    ),
  );
  writeFileSync(file('empty.html'), '');
  writeFileSync(file('blank.html'), '<!doctype html><html><head><title>Nothing</title></head><body></body></html>');
  writeFileSync(file('plain.txt'), 'Just some words in a plain text file.\nNo markup at all, not even one tag.\n');
  const binary = Buffer.alloc(4096);
  for (let i = 0; i < binary.length; i += 1) binary[i] = (i * 37) % 256;
  writeFileSync(file('binary.bin'), binary);
  writeFileSync(file('doc.pdf'), '%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\n');
  mkdirSync(file('folder.html'));
  // windows-1252 bytes, declared in <meta charset>: "é" is the byte 0xE9 and "—" the byte 0x97.
  const cp1252 = page('Caf\u00e9 culture in Paris', `<p>Le caf\u00e9 est tr\u00e8s bon \u2014 \u00e9t\u00e9 ${'et encore '.repeat(60)}.</p>`)
    .replace('charset="utf-8"', 'charset="windows-1252"')
    .replace(/\u2014/g, '\x97');
  writeFileSync(file('cp1252.html'), Buffer.from(cp1252, 'latin1'));
  // UTF-8 with no declaration at all: decoded as UTF-8 (as browsers detect), not as windows-1252 mojibake.
  writeFileSync(
    file('undeclared-utf8.html'),
    `<html><head><title>Na\u00efve r\u00e9sum\u00e9</title></head><body><article><p>R\u00e9sum\u00e9 \u2014 na\u00efve ${'mots '.repeat(80)}</p></article></body></html>`,
  );
  writeFileSync(
    file('code.html'),
    page(
      'Parsing tables in TypeScript',
      `${filler('benchmarks', 3)}
      <table><thead><tr><th>Library</th><th>Time (ms)</th></tr></thead><tbody><tr><td>alpha</td><td>12</td></tr><tr><td>beta</td><td>30</td></tr></tbody></table>
      <pre><code class="language-ts">const total: number = runs.reduce((a, b) =&gt; a + b, 0);</code></pre>
      <p>That is the whole helper: it adds up the runs and prints the total for each library in the comparison above.</p>`,
    ),
  );
  // jsdom throws on this stylesheet (SCSS interpolation inside calc()): the CLI retries without <style>.
  writeFileSync(
    file('scss.html'),
    page('Styled page headline', filler('stylesheets'), '<style>.x { width: calc(100% - #{$gutter}); }</style>'),
  );
  // More elements than the CLI's limit, in a small file.
  writeFileSync(file('many-elements.html'), page('Many elements', `<p>${'<i>x</i>'.repeat(70_000)}</p>`));
  // 20 MB of paragraphs.
  const para = `<p>${'lorem ipsum dolor sit amet consectetur adipiscing elit '.repeat(18)}</p>\n`;
  writeFileSync(file('huge.html'), page('Huge page', para.repeat(Math.ceil((20 * 1024 * 1024) / para.length))));
  writeFileSync(file('eval-urls.json'), JSON.stringify({ [file('relative.html')]: 'https://news.example.org/world/2024/story.html' }));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('cli: no arguments', () => {
  it('prints the cleaned sample article', { timeout: SLOW }, async () => {
    const r = await runCli([]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('Drone Strike Pushes Iraq to End US-Led Coalition Mission');
    expect(r.stdout).toContain(
      'URL: https://www.telesurenglish.net/news/drone-strike-pushes-iraq-to-end-us-led-coalition-mission-20240208-0010.html',
    );
    expect(r.stdout).toMatch(/^Captured: \d{4}-\d\d-\d\dT/m);
    expect(r.stdout).toContain('pushed the Iraqi government more than ever to end the mission');
    expect(r.stdout).not.toContain('Audio Only');
  });

  it('prints the sample as JSON from any working directory', { timeout: SLOW }, async () => {
    const child = await new Promise<Run>((resolve, reject) => {
      // `--import tsx` resolves from the cwd, so name tsx's loader by path.
      const tsx = pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href;
      const p = spawn(process.execPath, ['--import', tsx, join(root, 'src/cli/main.ts'), '--format', 'json'], {
        cwd: dir,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const out: Buffer[] = [];
      p.stdout.on('data', (b: Buffer) => out.push(b));
      p.stderr.on('data', () => undefined);
      p.on('error', reject);
      p.on('close', (code) =>
        resolve({ code, stdout: Buffer.concat(out).toString(), stderr: '', firstOutputMs: null, totalMs: 0 }),
      );
    });
    expect(child.code).toBe(0);
    const [a] = jsonLines(child.stdout);
    expect(a?.title).toBe('Drone Strike Pushes Iraq to End US-Led Coalition Mission');
    expect(a?.url).toBe(
      'https://www.telesurenglish.net/news/drone-strike-pushes-iraq-to-end-us-led-coalition-mission-20240208-0010.html',
    );
  });
});

describe('cli: usage', () => {
  it('--help prints the usage on stdout and exits 0', { timeout: SLOW }, async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: lectern \[--format text\|markdown\|html\|json\] \[--url URL\] \[INPUT\.\.\.\]/);
    expect(r.stdout).toContain('EXTRACT_EVAL_URLS');
    expect(r.stderr).toBe('');
  });

  const usageErrors: Array<[string, string[], RegExp]> = [
    ['an unknown flag', ['--frobnicate', 'x.html'], /unknown option --frobnicate/],
    ['a missing value', ['x.html', '--format'], /--format needs a value/],
    ['a bad format', ['--format', 'pdf', 'x.html'], /unknown format "pdf"/],
    ['--url with several inputs', ['--url', 'https://e.com/a', 'a.html', 'b.html'], /--url applies to a single input/],
    ['--url that is not http(s)', ['--url', 'ftp://e.com/a', 'a.html'], /--url must be an absolute http\(s\) URL/],
    ['--url that is not a URL', ['--url', 'e.com/a', 'a.html'], /--url must be an absolute http\(s\) URL/],
  ];
  for (const [name, args, message] of usageErrors) {
    it(`${name} exits 2 with a short usage message`, { timeout: SLOW }, async () => {
      const r = await runCli(args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toMatch(/^lectern: /);
      expect(r.stderr).toContain('Usage: lectern');
      expect(r.stderr.split('\n').length).toBeLessThan(5);
    });
  }
});

describe('cli: json', () => {
  it('writes one line per input, in order, with path and every Article field', { timeout: SLOW }, async () => {
    const inputs = [file('two.html'), file('one.html'), file('two.html')];
    const r = await runCli(['--format', 'json', ...inputs]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.endsWith('\n')).toBe(true);
    const lines = jsonLines(r.stdout);
    expect(lines.map((l) => l.path)).toEqual(inputs);
    expect(lines.map((l) => l.title)).toEqual(['Second story headline', 'First story headline', 'Second story headline']);
    const a = lines[1]!;
    expect(Object.keys(a)).toEqual([
      'path', 'url', 'canonicalUrl', 'readerable', 'title', 'byline', 'siteName', 'publishedTime', 'modifiedTime',
      'lang', 'dir', 'excerpt', 'leadImage', 'wordCount', 'readingTimeMinutes', 'html', 'text', 'removed', 'ms',
    ]);
    expect(a.url).toBe(pathToFileURL(file('one.html')).href);
    expect(typeof a.readerable).toBe('boolean');
    expect(typeof a.wordCount).toBe('number');
    expect(a.wordCount as number).toBeGreaterThan(100);
    expect(typeof a.readingTimeMinutes).toBe('number');
    expect(typeof a.html).toBe('string');
    expect(a.text).toContain('Paragraph 1 about the first story');
    expect(Array.isArray(a.removed)).toBe(true);
    expect(typeof a.ms).toBe('number');
    expect(a.ms as number).toBeGreaterThan(0);
    expect(a.lang).toBe('en');
    for (const key of ['canonicalUrl', 'byline', 'siteName', 'publishedTime', 'modifiedTime', 'leadImage']) {
      expect(a[key] === null || typeof a[key] === 'string').toBe(true);
    }
    expect(r.stdout).not.toContain('"undefined"');
  });

  it('keeps going after a failing input, reports it on its line and exits 1', { timeout: SLOW }, async () => {
    const r = await runCli(['--format', 'json', file('one.html'), file('nope.html'), file('two.html')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const lines = jsonLines(r.stdout);
    expect(lines).toHaveLength(3);
    expect(lines[0]?.title).toBe('First story headline');
    expect(lines[1]).toEqual({ path: file('nope.html'), error: 'no such file' });
    expect(lines[2]?.title).toBe('Second story headline');
  });

  it('reports every kind of bad input on one line each, without a stack trace', { timeout: SLOW }, async () => {
    const bad = {
      'nope.html': /^no such file$/,
      'folder.html': /^is a directory/,
      'empty.html': /^empty file$/,
      'binary.bin': /^binary file, not an HTML page$/,
      'doc.pdf': /^binary file \(a PDF file\), not an HTML page$/,
      'plain.txt': /^not an HTML page/,
      'blank.html': /^No readable text was found on this page\.$/,
      'many-elements.html': /too large to clean \((?:about )?\d+ elements; the limit is 20000\)/,
    };
    const names = Object.keys(bad);
    const r = await runCli(['--format', 'json', ...names.map(file)]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const lines = jsonLines(r.stdout);
    expect(lines.map((l) => l.path)).toEqual(names.map(file));
    lines.forEach((line, i) => {
      expect(Object.keys(line)).toEqual(['path', 'error']);
      expect(line.error).toMatch(Object.values(bad)[i]!);
    });
    expect(r.stdout).not.toMatch(/\n\s+at /);
  });

  it('refuses a 20 MB page quickly with "too large to clean"', { timeout: SLOW }, async () => {
    const r = await runCli(['--format', 'json', file('huge.html'), file('one.html')]);
    expect(r.code).toBe(1);
    const [huge, one] = jsonLines(r.stdout);
    expect(huge?.error).toMatch(/^too large to clean \(20 MB of markup and text; the limit is 10 MB\)$/);
    expect(one?.title).toBe('First story headline');
    expect(r.totalMs).toBeLessThan(60_000);
  });

  it('cleans a page whose stylesheet jsdom cannot parse (retry without <style>)', { timeout: SLOW }, async () => {
    const r = await runCli(['--format', 'json', file('scss.html')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(jsonLines(r.stdout)[0]?.title).toBe('Styled page headline');
  });

  it('streams each line as soon as it is ready', { timeout: SLOW }, async () => {
    const r = await runCli(['--format', 'json', file('one.html'), `${baseUrl}/slow-404`]);
    expect(r.code).toBe(1);
    expect(jsonLines(r.stdout)).toHaveLength(2);
    // The first article was written well before the slow second input finished.
    expect(r.firstOutputMs).not.toBeNull();
    expect(r.totalMs - (r.firstOutputMs ?? 0)).toBeGreaterThan(1000);
  });

  it('handles a batch of 100 files in order', { timeout: SLOW }, async () => {
    const batch = mkdtempSync(join(dir, 'batch-'));
    const inputs: string[] = [];
    for (let i = 0; i < 100; i += 1) {
      const p = join(batch, `p${i}.html`);
      writeFileSync(p, page(`Story number ${i}`, filler(`story ${i}`, 3)));
      inputs.push(p);
    }
    const r = await runCli(['--format', 'json', ...inputs]);
    expect(r.code).toBe(0);
    const lines = jsonLines(r.stdout);
    expect(lines.map((l) => l.path)).toEqual(inputs);
    expect(lines.map((l) => l.title)).toEqual(inputs.map((_, i) => `Story number ${i}`));
  });
});

describe('cli: text', () => {
  it('separates several articles with a ---- line', { timeout: SLOW }, async () => {
    const r = await runCli([file('one.html'), file('two.html')]);
    expect(r.code).toBe(0);
    const parts = r.stdout.split('\n----\n');
    expect(parts).toHaveLength(2);
    expect(parts[0]!.startsWith('First story headline\n')).toBe(true);
    expect(parts[1]!.trimStart().startsWith('Second story headline\n')).toBe(true);
    expect(parts[0]).toContain(`URL: ${pathToFileURL(file('one.html')).href}`);
    expect(parts[0]).toMatch(/\n\nParagraph 1 about the first story[^\n]*\n\nParagraph 2/);
  });

  it('writes errors to stderr as "lectern: PATH: message" and exits 1', { timeout: SLOW }, async () => {
    const r = await runCli([file('nope.html'), file('one.html'), file('plain.txt'), file('folder.html')]);
    expect(r.code).toBe(1);
    expect(r.stdout.startsWith('First story headline\n')).toBe(true);
    expect(r.stdout).not.toContain('----');
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      `lectern: ${file('nope.html')}: no such file`,
      `lectern: ${file('plain.txt')}: not an HTML page (plain text without any tag)`,
      `lectern: ${file('folder.html')}: is a directory, not an HTML file`,
    ]);
  });
});

describe('cli: page URL', () => {
  it('--url sets the page URL: canonical and links resolve against it', { timeout: SLOW }, async () => {
    const r = await runCli(['--format', 'json', '--url', 'https://news.example.com/world/2024/story.html', file('relative.html')]);
    expect(r.code).toBe(0);
    const [a] = jsonLines(r.stdout);
    expect(a?.path).toBe(file('relative.html'));
    expect(a?.url).toBe('https://news.example.com/world/2024/story.html');
    expect(a?.canonicalUrl).toBe('https://news.example.com/news/relative-links.html');
    expect(a?.html).toContain('href="https://news.example.com/world/more/next.html"');
  });

  it('without --url a file gets file:// + its absolute path', { timeout: SLOW }, async () => {
    const r = await runCli(['--format', 'json', file('relative.html')]);
    const [a] = jsonLines(r.stdout);
    expect(a?.url).toBe(pathToFileURL(file('relative.html')).href);
  });

  it('EXTRACT_EVAL_URLS maps an input path to its page URL', { timeout: SLOW }, async () => {
    const r = await runCli(['--format', 'json', file('relative.html'), file('one.html')], {
      EXTRACT_EVAL_URLS: file('eval-urls.json'),
    });
    expect(r.code).toBe(0);
    const [rel, one] = jsonLines(r.stdout);
    expect(rel?.url).toBe('https://news.example.org/world/2024/story.html');
    expect(rel?.canonicalUrl).toBe('https://news.example.org/news/relative-links.html');
    expect(one?.url).toBe(pathToFileURL(file('one.html')).href);
  });

  it('an unreadable EXTRACT_EVAL_URLS file is a usage problem (exit 2)', { timeout: SLOW }, async () => {
    const r = await runCli([file('one.html')], { EXTRACT_EVAL_URLS: file('missing.json') });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^lectern: EXTRACT_EVAL_URLS: cannot read .*missing\.json: no such file\n$/);
  });
});

describe('cli: encodings', () => {
  it('decodes windows-1252 bytes declared in <meta charset>', { timeout: SLOW }, async () => {
    const r = await runCli(['--format', 'json', file('cp1252.html')]);
    expect(r.code).toBe(0);
    const [a] = jsonLines(r.stdout);
    expect(a?.title).toBe('Caf\u00e9 culture in Paris');
    expect(a?.text).toContain('Le caf\u00e9 est tr\u00e8s bon \u2014 \u00e9t\u00e9');
  });

  it('decodes an undeclared UTF-8 file as UTF-8', { timeout: SLOW }, async () => {
    const r = await runCli(['--format', 'json', file('undeclared-utf8.html')]);
    const [a] = jsonLines(r.stdout);
    expect(a?.title).toBe('Na\u00efve r\u00e9sum\u00e9');
    expect(a?.text).toContain('R\u00e9sum\u00e9 \u2014 na\u00efve');
  });
});

describe('cli: markdown', () => {
  it('writes front matter, the title, a GFM table and a fenced code block', { timeout: SLOW }, async () => {
    const r = await runCli(['--format', 'markdown', '--url', 'https://blog.example.com/posts/tables', file('code.html')]);
    expect(r.code).toBe(0);
    const md = r.stdout;
    expect(md).toMatch(/^---\ntitle: "Parsing tables in TypeScript"\n/);
    expect(md).toContain('\nurl: "https://blog.example.com/posts/tables"\n');
    expect(md).toContain('\nlang: "en"\n');
    expect(md).toMatch(/\ncaptured: "\d{4}-\d\d-\d\dT[^"]+Z"\n---\n\n# Parsing tables in TypeScript\n/);
    expect(md).not.toMatch(/^(byline|site|published|canonical):/m);
    expect(md).toContain('| Library | Time (ms) |\n| --- | --- |\n| alpha | 12 |\n| beta | 30 |');
    expect(md).toMatch(/```[a-z]*\nconst total: number = runs\.reduce\(\(a, b\) => a \+ b, 0\);\n```/);
  });

  it('keeps the code language from class="language-xx"', { timeout: SLOW }, async () => {
    const r = await runCli(['--format', 'markdown', file('code.html')]);
    expect(r.stdout).toContain('```ts\nconst total');
  });
});

describe('cli: html', () => {
  it('writes a standalone page: reading styles inline, no script, the source link', { timeout: SLOW }, async () => {
    const r = await runCli(['--format', 'html', '--url', 'https://blog.example.com/posts/tables', file('code.html')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^<!doctype html>\n<html lang="en" dir="(?:ltr|auto)">/);
    expect(r.stdout).toContain('.reader .article-body pre');
    expect(r.stdout).toContain('Source: <a href="https://blog.example.com/posts/tables"');
    expect(r.stdout).toContain('<h1 class="article-title">Parsing tables in TypeScript</h1>');
    expect(r.stdout).not.toMatch(/<script/i);
  });
});

// ------------------------------------------------------------------------------------------------------------------
// URL inputs, against a local server on 127.0.0.1 only.

let server: Server;
let baseUrl = '';
let closedPortUrl = '';

beforeAll(async () => {
  const latin1Page = Buffer.from(page('Caf\u00e9 served over HTTP', filler('the caf\u00e9')).replace('<meta charset="utf-8">', ''), 'latin1');
  server = createServer((req, res) => {
    res.on('error', () => undefined);
    switch (req.url) {
      case '/page.html':
        res.writeHead(200, { 'content-type': 'text/html; charset=iso-8859-1' });
        res.end(latin1Page);
        return;
      case '/redirect':
        res.writeHead(302, { location: '/page.html' });
        res.end();
        return;
      case '/data.json':
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"a":1}');
        return;
      case '/hang':
        res.writeHead(200, { 'content-type': 'text/html' });
        res.write('<html><head>');
        return; // never ends
      case '/slow-404':
        setTimeout(() => {
          res.writeHead(404, { 'content-type': 'text/html' });
          res.end('gone');
        }, 2500);
        return;
      case '/huge':
        res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(30 * 1024 * 1024) });
        res.write('<html>');
        return;
      default:
        res.writeHead(404, { 'content-type': 'text/html' });
        res.end('<h1>Not found</h1>');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  closedPortUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/`;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('cli: URL inputs', () => {
  it('fetches a page, decodes it with the Content-Type charset, follows redirects to the final URL', { timeout: SLOW }, async () => {
    const r = await runCli(['--format', 'json', `${baseUrl}/page.html`, `${baseUrl}/redirect`]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const [direct, redirected] = jsonLines(r.stdout);
    expect(direct?.path).toBe(`${baseUrl}/page.html`);
    expect(direct?.url).toBe(`${baseUrl}/page.html`);
    expect(direct?.title).toBe('Caf\u00e9 served over HTTP');
    expect(redirected?.path).toBe(`${baseUrl}/redirect`);
    expect(redirected?.url).toBe(`${baseUrl}/page.html`);
    expect(redirected?.text).toContain('about the caf\u00e9');
  });

  it('reports HTTP errors, non-HTML content, timeouts, oversized and unreachable servers', { timeout: SLOW }, async () => {
    const inputs = [
      `${baseUrl}/missing`,
      `${baseUrl}/data.json`,
      `${baseUrl}/hang`,
      `${baseUrl}/huge`,
      closedPortUrl,
      `${baseUrl}/page.html`,
    ];
    const r = await runCli(['--format', 'json', ...inputs], { LECTERN_TIMEOUT_MS: '1500' });
    expect(r.code).toBe(1);
    const lines = jsonLines(r.stdout);
    expect(lines.map((l) => l.path)).toEqual(inputs);
    expect(lines[0]?.error).toBe('HTTP 404 Not Found');
    expect(lines[1]?.error).toBe('not an HTML page (Content-Type: application/json)');
    expect(lines[2]?.error).toBe('timed out after 1.5 s');
    expect(lines[3]?.error).toBe('too large to clean (30 MB; the limit is 25 MB)');
    expect(lines[4]?.error).toBe('unreachable: connection refused');
    expect(lines[5]?.title).toBe('Caf\u00e9 served over HTTP');
  });

  it('refuses --url together with a URL input', { timeout: SLOW }, async () => {
    const r = await runCli(['--url', 'https://e.com/', `${baseUrl}/page.html`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--url applies to a file input/);
  });
});
