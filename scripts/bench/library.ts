/**
 * `npm run bench:library [-- --items N] [--json FILE]`: the saved library at scale in real Chromium — the real
 * service worker, the real IndexedDB, requests sent through the extension's own message protocol from an
 * extension page, exactly as the popup sends them.
 *
 *  1. Generates N articles (default 10,000; ~30 KB HTML each on average) from real article text in several
 *     languages: paragraphs of Readability's test pages (../shared/corpus/readability-test-pages, expected.html)
 *     and Lectern's own fixtures (German, Arabic), shuffled with a fixed seed.
 *  2. Saves them all (`library/save`), timing each save; reports the saves made once the library holds 90%+.
 *  3. Waits until the index journal is folded, then times: the first page of the list (`library/list`,
 *     50 items), full-text queries (one to three words, with and without prefix, with filters), a save.
 *  4. Stops the service worker (CDP ServiceWorker.stopAllWorkers) and times the first query after it, 10 times:
 *     cold start of the worker + database + index.
 *  5. Reports disk used (navigator.storage.estimate) and the worker's JS heap (CDP Runtime.getHeapUsage).
 *
 * Needs `npm run build` first (dist/chrome) and Chromium at /usr/bin/chromium.
 */
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { JSDOM } from 'jsdom';
import type { CDPSession, Page } from 'playwright-core';
import { Lectern } from '../../tests/e2e/support/browser.ts';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const N = Number(opt('items', '10000'));
const JSON_OUT = opt('json', '');
const CORPUS = opt('corpus', '../shared/corpus/readability-test-pages');

// ---- 1. articles -------------------------------------------------------------------------------------------
interface Source {
  lang: string;
  paragraphs: string[];
}
function paragraphsOf(html: string): string[] {
  const doc = new JSDOM(html).window.document;
  return [...doc.querySelectorAll('p, li, blockquote')].map((p) => p.textContent?.replace(/\s+/g, ' ').trim() ?? '').filter((t) => t.length > 40);
}
function loadSources(): Source[] {
  const sources: Source[] = [];
  for (const dir of readdirSync(CORPUS)) {
    const file = path.join(CORPUS, dir, 'expected.html.gz');
    if (!existsSync(file)) continue;
    const meta = JSON.parse(readFileSync(path.join(CORPUS, dir, 'expected-metadata.json'), 'utf8')) as { lang?: string };
    const paragraphs = paragraphsOf(gunzipSync(readFileSync(file)).toString('utf8'));
    if (paragraphs.length) sources.push({ lang: (meta.lang ?? 'en').slice(0, 2).toLowerCase() || 'en', paragraphs });
  }
  for (const fixture of ['german-news', 'rtl-arabic']) {
    const html = readFileSync(`tests/fixtures/${fixture}/page.html`, 'utf8');
    const lang = fixture === 'german-news' ? 'de' : 'ar';
    // Weight the non-English fixtures so the library is mixed, not English with a sprinkle.
    for (let i = 0; i < 8; i++) sources.push({ lang, paragraphs: paragraphsOf(html) });
  }
  return sources;
}

let seed = 20261127;
const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!;

interface BenchArticle {
  url: string; canonicalUrl: null; readerable: boolean; title: string; byline: string | null; siteName: string;
  publishedTime: string; modifiedTime: null; lang: string; dir: 'ltr' | 'rtl'; excerpt: string; leadImage: null;
  wordCount: number; readingTimeMinutes: number; html: string; text: string; removed: never[]; ms: number;
}
const SITES = ['Example News', 'The Northern Ledger', 'Elbtal-Kurier', 'صحيفة الأفق', 'Atlantic Herald', 'Quiet Systems'];
function makeArticle(i: number, sources: Source[]): BenchArticle {
  const source = pick(sources);
  // 10–50 KB of HTML, ~30 KB on average.
  const targetBytes = 10_000 + Math.floor(random() * 40_000);
  const paras: string[] = [];
  let bytes = 0;
  while (bytes < targetBytes) {
    const p = pick(random() < 0.7 ? source.paragraphs : pick(sources).paragraphs);
    paras.push(p);
    bytes += p.length + 9;
  }
  const title = `${paras[0]!.split(' ').slice(0, 8).join(' ')} #${i}`;
  const text = paras.join('\n\n');
  const words = text.split(/\s+/).length;
  return {
    url: `https://site${i % 97}.example/articles/${i}`, canonicalUrl: null, readerable: true, title,
    byline: random() < 0.6 ? `Author ${i % 311}` : null, siteName: pick(SITES), publishedTime: new Date(Date.UTC(2024, 0, 1) + i * 3_600_000).toISOString(),
    modifiedTime: null, lang: source.lang, dir: source.lang === 'ar' ? 'rtl' : 'ltr', excerpt: paras[0]!.slice(0, 200), leadImage: null,
    wordCount: words, readingTimeMinutes: Math.max(1, Math.round(words / 230)), html: paras.map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`).join('\n'),
    text, removed: [], ms: 1,
  };
}

// ---- helpers ------------------------------------------------------------------------------------------------
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? NaN;
};
const summary = (xs: number[]) => ({ n: xs.length, p50: +quantile(xs, 0.5).toFixed(1), p95: +quantile(xs, 0.95).toFixed(1), max: +Math.max(...xs).toFixed(1) });

/** Sends one message from the extension page and returns [ms, response]. */
async function timed(page: Page, message: unknown): Promise<[number, { ok: boolean; total?: number; items?: unknown[]; message?: string }]> {
  return page.evaluate(async (m) => {
    const t0 = performance.now();
    const res = await (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage(m);
    return [performance.now() - t0, res] as [number, { ok: boolean; total?: number; items?: unknown[]; message?: string }];
  }, message);
}

/** The index's backlog: journal entries not folded, and items in the recent level (compacted past a threshold). */
async function backlog(page: Page): Promise<{ pending: number; recentItems: number }> {
  return page.evaluate(`new Promise((resolve, reject) => {
    const open = indexedDB.open('lectern');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(['pending', 'meta']);
      const pending = tx.objectStore('pending').count();
      const recent = tx.objectStore('meta').get('recentItems');
      tx.oncomplete = () => { db.close(); resolve({ pending: pending.result, recentItems: recent.result ?? 0 }); };
      tx.onerror = () => reject(tx.error);
    };
  })`);
}

/** The service worker's JS heap in use, through a (non-flattened) CDP session to the worker target. */
async function workerHeap(lectern: Lectern): Promise<number | null> {
  const worker = (await lectern.targets()).find((t) => t.type === 'service_worker' && t.url.startsWith(lectern.origin));
  if (!worker) return null;
  const cdp = lectern.cdp;
  const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false })) as { sessionId: string };
  try {
    const reply = new Promise<{ usedSize: number } | null>((resolve) => {
      const timer = setTimeout(() => resolve(null), 5000);
      cdp.on('Target.receivedMessageFromTarget', (e: { sessionId: string; message: string }) => {
        const msg = JSON.parse(e.message) as { id?: number; result?: { usedSize: number } };
        if (e.sessionId === sessionId && msg.id === 1) {
          clearTimeout(timer);
          resolve(msg.result ?? null);
        }
      });
    });
    await cdp.send('Target.sendMessageToTarget' as never, { sessionId, message: JSON.stringify({ id: 1, method: 'Runtime.getHeapUsage' }) } as never);
    return (await reply)?.usedSize ?? null;
  } finally {
    await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
  }
}

// ---- run ----------------------------------------------------------------------------------------------------
const sources = loadSources();
console.log(`bench:library — ${N} articles from ${sources.length} sources (${[...new Set(sources.map((s) => s.lang))].join(', ')})`);
const lectern = await Lectern.launch();
const page = await lectern.context.newPage();
await page.goto(`${lectern.origin}/src/popup/index.html`);
let cdpPage: CDPSession | null = null;
try {
  // 2. Seed, in batches sent from Node; each save is one message, timed in the page.
  const saveTimes: number[] = [];
  let htmlBytes = 0;
  const started = performance.now();
  const BATCH = 50;
  for (let i = 0; i < N; i += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, N - i) }, (_, j) => makeArticle(i + j, sources));
    htmlBytes += batch.reduce((s, a) => s + a.html.length, 0);
    const times = await page.evaluate(async (articles) => {
      const out: number[] = [];
      for (const article of articles) {
        const t0 = performance.now();
        const res = (await (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: "library/save", article })) as { ok: boolean; message?: string };
        if (!res.ok) throw new Error(`save failed: ${res.message}`);
        out.push(performance.now() - t0);
      }
      return out;
    }, batch);
    saveTimes.push(...times);
    if ((i / BATCH) % 20 === 0) console.log(`  saved ${i + batch.length} (${Math.round((performance.now() - started) / 1000)} s)`);
  }
  const seedSeconds = (performance.now() - started) / 1000;
  console.log(`seeded ${N} in ${seedSeconds.toFixed(0)} s; average HTML ${(htmlBytes / N / 1000).toFixed(1)} KB`);
  // Let the index settle: the journal folded, and a compaction that the last folds started finished (the
  // worker compacts once the recent level holds more than 500 items and 15% of the library).
  const foldStart = performance.now();
  for (;;) {
    const { pending, recentItems } = await backlog(page);
    if (pending === 0 && recentItems <= Math.max(500, 0.15 * N)) break;
    await page.waitForTimeout(500);
    if (performance.now() - foldStart > 30 * 60_000) throw new Error(`index backlog after 30 min: ${pending} journal entries, ${recentItems} recent items`);
  }
  const foldSeconds = (performance.now() - foldStart) / 1000;

  // 3. Warm timings.
  const firstPage: number[] = [];
  for (let i = 0; i < 30; i++) {
    const [ms, res] = await timed(page, { type: 'library/list', limit: 50 });
    if (!res.ok || res.items?.length !== 50) throw new Error('first page failed');
    firstPage.push(ms);
  }
  const vocabulary = sources.flatMap((s) => s.paragraphs.join(' ').split(/[\s,.;:!?()"“”«»]+/)).filter((w) => w.length > 3);
  const queries: string[] = [];
  for (let i = 0; i < 60; i++) {
    const kind = i % 6;
    const w = () => pick(vocabulary);
    queries.push(
      kind === 0 ? w() : kind === 1 ? `${w()} ${w()}` : kind === 2 ? w().slice(0, 3) : kind === 3 ? `${w()} ${w().slice(0, 4)}` : kind === 4 ? `${w()} lang:en` : `${w()} is:unread`,
    );
  }
  const queryTimes: number[] = [];
  const hits: number[] = [];
  const KINDS = ['one word', 'two words', 'a 3-letter prefix', 'word + prefix', 'word + lang:en', 'word + is:unread'];
  const byKind = new Map<string, number[]>();
  for (const [i, query] of queries.entries()) {
    const [ms, res] = await timed(page, { type: 'library/list', query, limit: 50 });
    if (!res.ok) throw new Error(`query failed: ${res.message}`);
    queryTimes.push(ms);
    hits.push(res.total ?? 0);
    const kind = KINDS[i % 6]!;
    byKind.set(kind, [...(byKind.get(kind) ?? []), ms]);
  }
  const oneSave: number[] = [];
  for (let i = 0; i < 20; i++) {
    const [ms, res] = await timed(page, { type: 'library/save', article: makeArticle(N + i, sources) });
    if (!res.ok) throw new Error('save failed');
    oneSave.push(ms);
  }

  // 4. Cold start: stop the worker, then the first query wakes it (worker start + database open + query).
  cdpPage = await lectern.context.newCDPSession(page);
  const cold: number[] = [];
  for (let i = 0; i < 10; i++) {
    await cdpPage.send('ServiceWorker.enable');
    await cdpPage.send('ServiceWorker.stopAllWorkers');
    await page.waitForTimeout(300);
    const [ms, res] = await timed(page, { type: 'library/list', query: pick(queries), limit: 50 });
    if (!res.ok) throw new Error('cold query failed');
    cold.push(ms);
  }
  const coldFirstPage: number[] = [];
  for (let i = 0; i < 10; i++) {
    await cdpPage.send('ServiceWorker.stopAllWorkers');
    await page.waitForTimeout(300);
    const [ms] = await timed(page, { type: 'library/list', limit: 50 });
    coldFirstPage.push(ms);
  }

  // 5. Disk and memory.
  const estimate = await page.evaluate(() => navigator.storage.estimate());
  await timed(page, { type: 'library/list', query: 'the', limit: 50 }); // wake the worker for the heap reading
  const heap = await workerHeap(lectern);

  const lateSaves = saveTimes.slice(Math.floor(N * 0.9));
  const result = {
    items: N,
    averageHtmlKB: +(htmlBytes / N / 1000).toFixed(1),
    seedSeconds: +seedSeconds.toFixed(0),
    indexSettleSecondsAfterSeeding: +foldSeconds.toFixed(1),
    saveWhileSeeding_last10pct: summary(lateSaves),
    saveInFullLibrary: summary(oneSave),
    firstPage: summary(firstPage),
    fullTextQuery: summary(queryTimes),
    fullTextQueryByKind: Object.fromEntries([...byKind].map(([k, v]) => [k, summary(v)])),
    medianHits: quantile(hits, 0.5),
    coldStartQuery: summary(cold),
    coldStartFirstPage: summary(coldFirstPage),
    diskMB: +((estimate.usage ?? 0) / 1e6).toFixed(0),
    workerHeapMB: heap === null ? null : +(heap / 1e6).toFixed(1),
    chromium: lectern.context.browser()?.version(),
  };
  console.log(JSON.stringify(result, null, 2));
  if (JSON_OUT) writeFileSync(JSON_OUT, `${JSON.stringify(result, null, 2)}\n`);
} finally {
  await cdpPage?.detach().catch(() => undefined);
  await lectern.close();
}
