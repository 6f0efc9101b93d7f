/**
 * Every hostile page of tests/security/pages through the CLI's pipeline (cleanPage: jsdom + extract, as
 * `npm start` runs it), and once through the real CLI process: the output passes the independent safety check
 * (tests/security/safe-html.ts), holds no payload URL where it would be fetched, its text holds no markup that
 * was not text in the page, removed items (shown again on Restore) are as safe, and nothing is requested from
 * the attacker host while cleaning (a local server stands in for it and logs every request).
 */
import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanPage } from '../../src/cli/clean.ts';
import { corpus, pageUrl, payloadIds } from '../security/corpus.ts';
import { recordCounts } from '../security/report.ts';
import { loadableUrls, safeHtmlStringViolations } from '../security/safe-html.ts';

const pages = corpus();
const hits: string[] = [];
let server: Server;
let attacker = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    res.writeHead(204).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  attacker = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** The page's own text (what a reader could legitimately see as text), whitespace collapsed. */
function pageText(html: string): string {
  const dom = new JSDOM(html);
  try {
    const doc = dom.window.document;
    for (const el of Array.from(doc.querySelectorAll('script, style'))) el.remove();
    // Text inside raw-text/RCDATA elements and attribute-free text of the whole document, titles included.
    return (doc.documentElement.textContent ?? '').replace(/\s+/g, ' ');
  } finally {
    dom.window.close();
  }
}

const counts = { pages: 0, payloadIds: 0, violations: 0, payloadUrlsInOutput: 0, markupInText: 0, attackerRequests: 0, removedItemsChecked: 0 };

describe('hostile pages through the CLI pipeline (jsdom)', () => {
  it('the corpus is there', () => {
    expect(pages.length).toBeGreaterThanOrEqual(12);
    expect(pages.flatMap((p) => p.payloads).length).toBeGreaterThanOrEqual(150);
  });

  it.each(pages.map((p) => [p.name, p] as const))('%s: safe output, no payload URL, no markup in text, no request', async (_name, page) => {
    counts.pages += 1;
    counts.payloadIds += page.payloads.length;
    // The attacker host becomes a local server that logs every request.
    const bytes = Buffer.from(page.html.replaceAll('http://attacker.test', attacker));
    const before = hits.length;
    const started = performance.now();
    const { article } = cleanPage(bytes, pageUrl(page.name), null);
    expect(performance.now() - started).toBeLessThan(20_000);
    await new Promise((r) => setTimeout(r, 50));

    const violations = safeHtmlStringViolations(article.html);
    counts.violations += violations.length;
    expect(violations).toEqual([]);
    for (const item of article.removed) {
      counts.removedItemsChecked += 1;
      if (item.html) expect(safeHtmlStringViolations(item.html), `removed item: ${item.text}`).toEqual([]);
    }

    const dom = new JSDOM(`<body>${article.html}`);
    // Payload URLs where they would be fetched on display. (Article images may be on any host, the attacker's
    // too when the page's <base> says so: the page itself shows them from there.)
    const loadable = loadableUrls(dom.window.document.body).filter((u) => /\/(?:js|load|nav)\?v=/.test(u));
    // Payload ids in attribute values other than a link's href (a link loads nothing until clicked) or a media
    // source (never preloaded, see loadableUrls).
    const isMedia = (el: Element) => ['video', 'audio', 'track', 'source'].includes(el.localName) && el.closest('video, audio') !== null;
    const inAttributes = Array.from(dom.window.document.body.querySelectorAll('*')).flatMap((el) =>
      Array.from(el.attributes)
        .filter((a) => !(a.name === 'href' && (el.localName === 'a' || el.localName === 'area')) && !(a.name === 'src' && isMedia(el)))
        .flatMap((a) => payloadIds(a.value.replaceAll(attacker, 'http://attacker.test'))),
    );
    dom.window.close();
    counts.payloadUrlsInOutput += loadable.length + inAttributes.length;
    expect(loadable).toEqual([]);
    expect(inAttributes).toEqual([]);

    // Text: no markup that was not text in the page. Every tag-like run in the output text is page text.
    const source = pageText(page.html.replaceAll('http://attacker.test', attacker));
    const tags = [...article.text.replace(/\s+/g, ' ').matchAll(/<\/?[a-z][^<>]*>?/gi)].map((m) => m[0]);
    const invented = tags.filter((t) => !source.includes(t));
    counts.markupInText += invented.length;
    expect(invented).toEqual([]);
    // Metadata fields are plain strings, shown with textContent (the e2e test checks the popup); their URLs are http(s).
    for (const url of [article.url, article.canonicalUrl, article.leadImage]) if (url) expect(url).toMatch(/^https?:\/\//);

    expect(hits.length - before).toBe(0);
  });

  it('the real CLI process (`npm start -- --format json`) gives the same safe output for every page', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', '--format', 'json', ...pages.map((p) => p.file)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(r.stderr).toBe('');
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { path: string; html?: string; error?: string });
    expect(lines).toHaveLength(pages.length);
    for (const line of lines) {
      expect(line.error, line.path).toBeUndefined();
      expect(safeHtmlStringViolations(line.html ?? ''), line.path).toEqual([]);
    }
    counts.attackerRequests = hits.length;
    expect(hits).toEqual([]);
    recordCounts('corpus-cli', counts);
  });
});
