/**
 * `npm run bench:ui` (after `npm run build`): the extension's speed in real Chromium (the e2e suite's browser
 * set-up, tests/e2e/support/browser.ts) on a generated ~1 MB news page (news-page.ts) served from 127.0.0.1.
 *
 *  - toolbar click → article visible in the popup, over N runs (page reloaded each run, so the content script
 *    is injected each time): from just before Extensions.triggerAction (the real toolbar-click path) to the
 *    paint of the article's <h1> (Element Timing renderTime in the popup), with the popup's own marks for the
 *    breakdown: popup document start, read start (inject + extract) and end.
 *  - reader tab open → first paint: "Open in reader" clicked in the popup, the reader's first-paint and
 *    first-contentful-paint (Paint Timing) and its title's Element Timing, from its navigation start and from
 *    the click.
 *  - sizes: the injected content script (raw, gzip) and the popup's JS + CSS (scripts/bundle-size.mjs).
 *  - the browser's floor: the same click on a copy of the build whose popup is one static <h1> (no script),
 *    so what the browser spends before any Lectern code runs is measured next to Lectern's part.
 *
 * Options: --runs N (default 20), --reader-runs N (default 10), --bytes N (page size, default 1000000),
 * --markdown (print the results as the docs/benchmarks.md section).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CONTENT_SCRIPT, CONTENT_SCRIPT_GZIP_BUDGET, fileSize, pageFiles, totalSize } from '../bundle-size.mjs';
import { Lectern } from '../../tests/e2e/support/browser.ts';
import { EXTENSION_DIR } from '../../tests/e2e/support/paths.ts';
import { newsPage } from './news-page.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const RUNS = option('runs', 20);
const READER_RUNS = option('reader-runs', 10);
const BYTES = option('bytes', 1_000_000);
const MARKDOWN = args.includes('--markdown');

const html = newsPage(BYTES);
const server = http.createServer((req, res) => {
  if (!req.url?.startsWith('/news')) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))]!;
};
const stats = (values: number[]) => ({ p50: percentile(values, 50), p95: percentile(values, 95), min: Math.min(...values), max: Math.max(...values) });
const ms = (n: number): string => `${Math.round(n)}`;

/** Epoch ms when the element with elementtiming="article-title" was painted in `page` (buffered entries). */
function titlePaint(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        new PerformanceObserver((list, observer) => {
          for (const e of list.getEntries() as Array<PerformanceEntry & { identifier?: string; renderTime?: number; loadTime?: number }>) {
            if (e.identifier === 'article-title') {
              observer.disconnect();
              resolve(performance.timeOrigin + (e.renderTime || e.loadTime || e.startTime));
            }
          }
        }).observe({ type: 'element', buffered: true });
      }),
  );
}

const markTime = (page: Page, name: string): Promise<number> =>
  page.evaluate((n) => performance.timeOrigin + (performance.getEntriesByName(n)[0]?.startTime ?? Number.NaN), name);

/** Click → static popup painted, in a browser with a copy of the build whose popup is a lone <h1>. */
async function browserFloor(runs: number): Promise<{ start: number[]; painted: number[] }> {
  const ext = mkdtempSync(path.join(os.tmpdir(), 'lectern-bench-floor-'));
  const profile = mkdtempSync(path.join(os.tmpdir(), 'lectern-bench-floor-profile-'));
  cpSync(EXTENSION_DIR, ext, { recursive: true });
  writeFileSync(path.join(ext, 'src/popup/index.html'), '<!doctype html><html><body><h1 elementtiming="article-title">Lectern</h1></body></html>');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.LECTERN_CHROMIUM ?? '/usr/bin/chromium',
    headless: false,
    viewport: null,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', `--disable-extensions-except=${ext}`, `--load-extension=${ext}`, '--remote-debugging-port=0', '--window-size=1200,900'],
  });
  const start: number[] = [];
  const painted: number[] = [];
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const id = new URL(worker.url()).host;
    const cdp = await context.browser()!.newBrowserCDPSession();
    const page = context.pages()[0] ?? (await context.newPage());
    const port = readFileSync(path.join(profile, 'DevToolsActivePort'), 'utf8').split('\n')[0];
    for (let run = 0; run <= runs; run++) {
      await page.goto(`${origin}/news/story.html?floor=${run}`, { waitUntil: 'load' });
      const { targetInfos } = (await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] } as never)) as { targetInfos: Array<{ url: string; targetId: string }> };
      const tabTarget = targetInfos.find((t) => t.url === page.url());
      if (!tabTarget) throw new Error('no tab target');
      const clickedAt = Date.now();
      await cdp.send('Extensions.triggerAction' as never, { id, targetId: tabTarget.targetId } as never);
      // A CDP connection only sees a popup that exists when it connects: wait for the target first.
      const isPopup = (t: { type: string; url: string }) => t.type === 'page' && t.url.includes('/src/popup/');
      while (!((await cdp.send('Target.getTargets')) as { targetInfos: Array<{ type: string; url: string }> }).targetInfos.some(isPopup)) {
        await new Promise((r) => setTimeout(r, 5));
      }
      const connection = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
      try {
        let popup: Page | undefined;
        while (!(popup = connection.contexts().flatMap((c) => c.pages()).find((p) => p.url().includes('/src/popup/')))) await new Promise((r) => setTimeout(r, 5));
        const paintedAt = await titlePaint(popup);
        const startedAt = await popup.evaluate(() => performance.timeOrigin);
        if (run > 0) {
          start.push(startedAt - clickedAt);
          painted.push(paintedAt - clickedAt);
        }
        await popup.close();
      } finally {
        await connection.close().catch(() => undefined);
      }
    }
  } finally {
    await context.close().catch(() => undefined);
    rmSync(ext, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  }
  return { start, painted };
}

const lectern = await Lectern.launch();
const tab = await lectern.tab();
const popupUrl = lectern.popupUrl;

interface PopupRun {
  total: number;
  popupStart: number;
  scriptStart: number;
  readStart: number;
  prefetched: boolean;
  read: number;
  render: number;
}
const popupRuns: PopupRun[] = [];
interface ReaderRun {
  fp: number;
  fcp: number;
  title: number;
  fromClick: number;
}
const readerRuns: ReaderRun[] = [];

try {
  for (let run = 0; run < RUNS + READER_RUNS + 1; run++) {
    const warmup = run === 0;
    await lectern.closeAllPopups();
    await tab.goto(`${origin}/news/story.html?run=${run}`, { waitUntil: 'load' });
    await tab.bringToFront();
    const url = tab.url();
    const target = (await lectern.tabTargets()).find((t) => t.url === url);
    if (!target) throw new Error(`no tab target for ${url}`);
    const clickedAt = Date.now();
    await lectern.cdp.send('Extensions.triggerAction' as never, { id: lectern.extensionId, targetId: target.targetId } as never);
    while (!(await lectern.targets()).some((t) => t.type === 'page' && t.url.startsWith(popupUrl))) await new Promise((r) => setTimeout(r, 5));
    const connection = await chromium.connectOverCDP(`http://127.0.0.1:${lectern.devToolsPort()}`);
    try {
      let popup: Page | undefined;
      while (!(popup = connection.contexts().flatMap((c) => c.pages()).find((p) => p.url().startsWith(popupUrl)))) await new Promise((r) => setTimeout(r, 5));
      const visibleAt = await titlePaint(popup);
      const popupStart = await popup.evaluate(() => performance.timeOrigin);
      const [scriptStart, readStart, readEnd] = [await markTime(popup, 'lectern:popup-script'), await markTime(popup, 'lectern:read-start'), await markTime(popup, 'lectern:read-end')];
      const prefetched = await popup.evaluate(`performance.getEntriesByName('lectern:prefetched').length > 0`) as boolean;
      if (!warmup && run <= RUNS) {
        popupRuns.push({ total: visibleAt - clickedAt, popupStart: popupStart - clickedAt, scriptStart: scriptStart - popupStart, readStart: readStart - popupStart, prefetched, read: readEnd - readStart, render: visibleAt - readEnd });
      } else if (!warmup) {
        // The reader tab: click "Open in reader", then the reader's own paint timings.
        const opened = lectern.context.waitForEvent('page', { predicate: (p) => p.url().includes('/src/reader/') });
        const openAt = Date.now();
        await popup.getByRole('button', { name: 'Open in reader', exact: true }).click();
        const reader = await opened;
        const titleAt = await titlePaint(reader);
        // (A string: tsx would wrap a named helper function in __name(), which the page doesn't have.)
        const paint = (await reader.evaluate(`({ origin: performance.timeOrigin,
          fp: performance.getEntriesByName('first-paint')[0]?.startTime ?? NaN,
          fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN })`)) as { origin: number; fp: number; fcp: number };
        readerRuns.push({ fp: paint.fp, fcp: paint.fcp, title: titleAt - paint.origin, fromClick: titleAt - openAt });
        await reader.close();
      }
    } finally {
      await connection.close().catch(() => undefined);
    }
  }
} finally {
  await lectern.close();
}

const floor = await browserFloor(8).finally(() => server.close());
const content = fileSize(path.join(EXTENSION_DIR, CONTENT_SCRIPT));
const popupFiles = pageFiles(EXTENSION_DIR, 'src/popup/index.html');
const popupSize = totalSize(EXTENSION_DIR, popupFiles);
const readerFiles = pageFiles(EXTENSION_DIR, 'src/reader/index.html');
const readerSize = totalSize(EXTENSION_DIR, readerFiles);

const total = stats(popupRuns.map((r) => r.total));
const part = (k: Exclude<keyof PopupRun, 'prefetched'>) => stats(popupRuns.map((r) => r[k]));
const fcp = stats(readerRuns.map((r) => r.fcp));
const fp = stats(readerRuns.map((r) => r.fp));
const title = stats(readerRuns.map((r) => r.title));
const fromClick = stats(readerRuns.map((r) => r.fromClick));
const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');
const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
const load = os.loadavg().map((l) => l.toFixed(1)).join(' ');

const lines = [
  `Machine: ${os.cpus().length}× ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, ${os.type()} ${os.release()}; Node ${process.version}; Chromium ${(await import('node:child_process')).execFileSync(process.env.LECTERN_CHROMIUM ?? '/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).trim().replace(/^Chromium /, '')} (headless=new). Load average at the end: ${load} (the machine is shared).`,
  `Page: generated news page, ${(Buffer.byteLength(html) / 1e6).toFixed(2)} MB of HTML (scripts/bench/news-page.ts), from 127.0.0.1. Runs: ${popupRuns.length} popup, ${readerRuns.length} reader (after 1 warm-up).`,
  '',
  '| measure | p50 ms | p95 ms | min | max | budget |',
  '|---|---|---|---|---|---|',
  `| toolbar click → article painted in the popup | ${ms(total.p50)} | ${ms(total.p95)} | ${ms(total.min)} | ${ms(total.max)} | p50 ≤ 250: ${verdict(total.p50 <= 250)}, p95 ≤ 500: ${verdict(total.p95 <= 500)} |`,
  `| … click → popup document starts | ${ms(part('popupStart').p50)} | ${ms(part('popupStart').p95)} | ${ms(part('popupStart').min)} | ${ms(part('popupStart').max)} | |`,
  `| … popup start → its script runs (HTML, CSS and modules loaded) | ${ms(part('scriptStart').p50)} | ${ms(part('scriptStart').p95)} | ${ms(part('scriptStart').min)} | ${ms(part('scriptStart').max)} | |`,
  `| … popup start → reading the page starts | ${ms(part('readStart').p50)} | ${ms(part('readStart').p95)} | ${ms(part('readStart').min)} | ${ms(part('readStart').max)} | |`,
  `| … reading the page: inject + extract, or the rest of the extraction the worker started at the click (used in ${popupRuns.filter((r) => r.prefetched).length} of ${popupRuns.length} runs) | ${ms(part('read').p50)} | ${ms(part('read').p95)} | ${ms(part('read').min)} | ${ms(part('read').max)} | |`,
  `| … render until the title is painted | ${ms(part('render').p50)} | ${ms(part('render').p95)} | ${ms(part('render').min)} | ${ms(part('render').max)} | |`,
  `| browser floor: click → a static one-line popup's document starts | ${ms(stats(floor.start).p50)} | ${ms(stats(floor.start).p95)} | ${ms(stats(floor.start).min)} | ${ms(stats(floor.start).max)} | |`,
  `| browser floor: click → that popup painted | ${ms(stats(floor.painted).p50)} | ${ms(stats(floor.painted).p95)} | ${ms(stats(floor.painted).min)} | ${ms(stats(floor.painted).max)} | |`,
  `| reader tab: first paint (from its navigation start) | ${ms(fp.p50)} | ${ms(fp.p95)} | ${ms(fp.min)} | ${ms(fp.max)} | ≤ 200: p50 ${verdict(fp.p50 <= 200)}, p95 ${verdict(fp.p95 <= 200)} |`,
  `| reader tab: first contentful paint | ${ms(fcp.p50)} | ${ms(fcp.p95)} | ${ms(fcp.min)} | ${ms(fcp.max)} | |`,
  `| reader tab: article title painted | ${ms(title.p50)} | ${ms(title.p95)} | ${ms(title.min)} | ${ms(title.max)} | |`,
  `| "Open in reader" click → reader title painted | ${ms(fromClick.p50)} | ${ms(fromClick.p95)} | ${ms(fromClick.min)} | ${ms(fromClick.max)} | |`,
  '',
  '| bundle | raw | gzip | budget |',
  '|---|---|---|---|',
  `| injected content script (${CONTENT_SCRIPT}) | ${content.raw} B | ${content.gzip} B | ≤ ${CONTENT_SCRIPT_GZIP_BUDGET} B gzip (40 KiB): ${verdict(content.gzip <= CONTENT_SCRIPT_GZIP_BUDGET)} |`,
  `| popup (${popupFiles.length} JS/CSS files) | ${popupSize.raw} B | ${popupSize.gzip} B | reported |`,
  `| reader page (${readerFiles.length} JS/CSS files) | ${readerSize.raw} B | ${readerSize.gzip} B | reported |`,
];
if (MARKDOWN) console.log(lines.join('\n'));
else {
  console.log(lines.join('\n').replace(/\*\*/g, ''));
  console.log(`\nper run (popup total ms): ${popupRuns.map((r) => ms(r.total)).join(' ')}`);
}
