/**
 * `npm run bench:extract [-- DIR… --limit N --json FILE]`: Lectern's extract() against plain Readability 0.6.0,
 * quality and speed side by side, in one run, on the same pages and the same DOM implementation (jsdom).
 *
 * Each page is parsed three times from the same bytes (untimed). Readability runs on one (it mutates it; that is
 * its normal use); extract() runs in place on another (as the CLI runs it) and, on the third, on its own copy
 * of the document (as the content script runs it on a live page; that copy is timed). Readability and the
 * in-place run alternate order per page. Times are extraction only; parsing is reported apart.
 *
 * `--repeat N` times every page N times on fresh parses (order alternating) and keeps each side's fastest run
 * of the page: the least noisy estimate of its cost (a run's time also holds whatever garbage collection falls
 * in it), the same for both sides. (Forcing a collection before each run instead, with --expose-gc, made both
 * sides about twice as slow: not a measure of either.)
 * Quality uses the definitions of the shared extract-eval harness (scripts/bench/metrics.ts).
 */
import '../shipped-libraries.ts'; // Lectern's src/ runs the libraries as shipped; the baseline below, as installed
import { Readability } from '@mozilla/readability';
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { loadDataset, pageDom, readBytes, type Dataset, type Page } from './datasets.ts';
import { median, percentile, segmentCounts, segmentScores, shingleAggregate, shingleMatch, type SegmentCounts, type Triple } from './metrics.ts';

// Imported only now, after the hooks are registered (see scripts/shipped-libraries.ts).
const { LIMITS } = await import('../../src/cli/clean.ts');
const { extract } = await import('../../src/core/extract.ts');
const { htmlToText } = await import('../../src/core/text.ts');

const DEFAULT_DIRS = ['../shared/corpus/trafilatura-eval', '../shared/corpus/readability-test-pages'];

function parseArgs(argv: string[]) {
  const dirs: string[] = [];
  let limit = Infinity;
  let repeat = 1;
  let json: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--limit') limit = Number(argv[++i]);
    else if (a === '--json') json = argv[++i] ?? null;
    else if (a === '--repeat') repeat = Math.max(1, Number(argv[++i]) || 1);
    else if (a === '--help') {
      console.log('Usage: npm run bench:extract -- [DIR…] [--limit N] [--repeat N] [--json FILE]');
      process.exit(0);
    } else dirs.push(a);
  }
  return { dirs: dirs.length ? dirs : DEFAULT_DIRS, limit, repeat, json };
}

interface Run {
  text: string | null;
  ms: number;
  error?: string;
}

function runReadability(doc: Document, kind: Dataset['kind']): Run {
  const t0 = performance.now();
  try {
    const r = new Readability<Element>(doc, { serializer: (el) => el as Element }).parse();
    const ms = performance.now() - t0;
    if (!r?.content) return { text: null, ms, error: 'no article' };
    // trafilatura-eval scores Readability's textContent; the Readability set scores block text of its HTML.
    return { text: kind === 'trafilatura' ? (r.textContent ?? '') : htmlToText(r.content), ms };
  } catch (err) {
    return { text: null, ms: performance.now() - t0, error: String(err) };
  }
}

function runLectern(doc: Document, url: string, inPlace: boolean): Run {
  const t0 = performance.now();
  try {
    // The CLI's element limit: jsdom needs it to stay bounded (pages over it count as failures).
    const a = extract(doc, url, { maxElements: LIMITS.maxElements, inPlace });
    return { text: a.text, ms: performance.now() - t0 };
  } catch (err) {
    return { text: null, ms: performance.now() - t0, error: String(err) };
  }
}

/** One page's time on both sides (Lectern in place), in --json's `perPage`. */
export interface PageTime {
  page: string;
  readabilityMs: number;
  lecternMs: number;
}

interface Side {
  counts: SegmentCounts;
  triples: Triple[];
  ms: number[];
  failures: number;
}
const side = (): Side => ({ counts: { tp: 0, fp: 0, fn: 0, tn: 0 }, triples: [], ms: [], failures: 0 });

function score(s: Side, page: Page, run: Run): void {
  if (run.text === null) s.failures++;
  s.ms.push(run.ms);
  if ('with' in page.truth) {
    const c = segmentCounts(page.truth.with, page.truth.without, run.text);
    s.counts.tp += c.tp;
    s.counts.fp += c.fp;
    s.counts.fn += c.fn;
    s.counts.tn += c.tn;
  } else {
    s.triples.push(shingleMatch(page.truth.text, run.text ?? ''));
  }
}

function quality(kind: Dataset['kind'], s: Side) {
  return kind === 'trafilatura' ? segmentScores(s.counts) : shingleAggregate(s.triples);
}

const f3 = (x: number) => x.toFixed(3);
const f1 = (x: number) => x.toFixed(1);

/** The first run's result, with the faster of the two times. */
const fastest = (first: Run | undefined, next: Run): Run => (first ? { ...first, ms: Math.min(first.ms, next.ms) } : next);

async function benchDataset(ds: Dataset, limit: number, repeat: number) {
  const pages = ds.pages.slice(0, limit);
  const r = side();
  const l = side();
  const lc = side();
  const parseMs: number[] = [];
  const ratios: number[] = [];
  const perPage: PageTime[] = [];
  // Warm-up: the first pages once each, untimed, so JIT and jsdom's caches are warm for both sides.
  for (const page of pages.slice(0, 5)) {
    const bytes = readBytes(page.path);
    runReadability(pageDom(bytes, page.url).window.document, ds.kind);
    runLectern(pageDom(bytes, page.url).window.document, page.url, true);
    runLectern(pageDom(bytes, page.url).window.document, page.url, false);
  }
  for (const [i, page] of pages.entries()) {
    // Yield to the event loop between pages: jsdom keeps objects behind WeakRefs, which are only released
    // once the current job ends; a synchronous loop over hundreds of pages would hold every document.
    await new Promise((resolve) => setImmediate(resolve));
    const bytes = readBytes(page.path);
    let rr: Run | undefined;
    let lr: Run | undefined;
    let lcr: Run | undefined;
    for (let k = 0; k < repeat; k++) {
      if (k) await new Promise((resolve) => setImmediate(resolve));
      const t0 = performance.now();
      const a = pageDom(bytes, page.url);
      if (!k) parseMs.push(performance.now() - t0);
      const b = pageDom(bytes, page.url);
      const c = pageDom(bytes, page.url);
      if ((i + k) % 2) {
        lr = fastest(lr, runLectern(b.window.document, page.url, true));
        rr = fastest(rr, runReadability(a.window.document, ds.kind));
      } else {
        rr = fastest(rr, runReadability(a.window.document, ds.kind));
        lr = fastest(lr, runLectern(b.window.document, page.url, true));
      }
      lcr = fastest(lcr, runLectern(c.window.document, page.url, false));
      a.window.close();
      b.window.close();
      c.window.close();
    }
    if (!rr || !lr || !lcr) throw new Error('unreachable: repeat ≥ 1');
    score(r, page, rr);
    score(l, page, lr);
    score(lc, page, lcr);
    if (rr.ms > 0) ratios.push(lr.ms / rr.ms);
    perPage.push({ page: page.id, readabilityMs: rr.ms, lecternMs: lr.ms });
    if ((i + 1) % 100 === 0) process.stderr.write(`  ${ds.name}: ${i + 1}/${pages.length}\n`);
  }
  const rq = quality(ds.kind, r);
  const lq = quality(ds.kind, l);
  const lcq = quality(ds.kind, lc);
  const rows = [
    ['readability 0.6.0', r, rq],
    ['lectern (in place)', l, lq],
    ['lectern (on a copy)', lc, lcq],
  ] as const;
  console.log(`\n== ${ds.name} (${pages.length} pages, ${ds.kind === 'trafilatura' ? 'segment' : '4-gram shingle'} scoring, jsdom) ==`);
  console.log('extractor            fail      P      R     F1   ms med   ms p95');
  for (const [name, s, q] of rows) {
    console.log(`${name.padEnd(18)} ${String(s.failures).padStart(6)} ${f3(q.precision).padStart(6)} ${f3(q.recall).padStart(6)} ${f3(q.f1).padStart(6)} ${f1(median(s.ms)).padStart(8)} ${f1(percentile(s.ms, 95)).padStart(8)}`);
  }
  const medRatio = median(l.ms) / median(r.ms);
  const p95Ratio = percentile(l.ms, 95) / percentile(r.ms, 95);
  console.log(`speed: lectern in place / readability: median ${medRatio.toFixed(2)}×, p95 ${p95Ratio.toFixed(2)}×, median of per-page ratios ${median(ratios).toFixed(2)}×`);
  console.log(`       lectern on a copy / readability: median ${(median(lc.ms) / median(r.ms)).toFixed(2)}×, p95 ${(percentile(lc.ms, 95) / percentile(r.ms, 95)).toFixed(2)}×; jsdom parse (in neither) median ${f1(median(parseMs))} ms`);
  return { dataset: ds.name, kind: ds.kind, pages: pages.length, readability: { ...rq, failures: r.failures, msMedian: median(r.ms), msP95: percentile(r.ms, 95) }, lectern: { ...lq, failures: l.failures, msMedian: median(l.ms), msP95: percentile(l.ms, 95) }, lecternCopy: { ...lcq, failures: lc.failures, msMedian: median(lc.ms), msP95: percentile(lc.ms, 95) }, medianRatio: medRatio, p95Ratio, medianPageRatio: median(ratios), parseMsMedian: median(parseMs), perPage };
}

const args = parseArgs(process.argv.slice(2));
console.log(`bench:extract — node ${process.version}, ${cpus().length}× ${cpus()[0]?.model ?? 'cpu'}, jsdom, @mozilla/readability 0.6.0; ${args.repeat === 1 ? 'one run per page' : `fastest of ${args.repeat} runs per page`}`);
const results = [];
for (const dir of args.dirs) results.push(await benchDataset(loadDataset(dir), args.limit, args.repeat));
if (args.json) writeFileSync(args.json, `${JSON.stringify(results, null, 2)}\n`);
