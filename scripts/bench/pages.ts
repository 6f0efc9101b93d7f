/**
 * `npx tsx scripts/bench/pages.ts DIR [--limit N] [--only id,id] [--readability] [--out FILE]`: per-page results
 * of Lectern's extract() (and optionally plain Readability) on a trafilatura-eval style corpus, as JSON Lines:
 * the `with` snippets missed (fn) and the `without` snippets kept (fp) per page, so the pages Lectern loses can
 * be found and read. Quality only (no timing comparison; see bench:extract for that).
 */
import '../shipped-libraries.ts'; // Lectern's src/ runs the libraries as shipped; the baseline, as installed
import { Readability } from '@mozilla/readability';
import { writeFileSync } from 'node:fs';
import { loadDataset, pageDom, readBytes } from './datasets.ts';
import { segmentScores, wsNorm } from './metrics.ts';

const { LIMITS } = await import('../../src/cli/clean.ts'); // after the hooks (scripts/shipped-libraries.ts)
const { extract } = await import('../../src/core/extract.ts');

const argv = process.argv.slice(2);
let dir = '../shared/corpus/trafilatura-eval';
let limit = Infinity;
let only: Set<string> | null = null;
let withReadability = false;
let out: string | null = null;
for (let i = 0; i < argv.length; i++) {
  const a = argv[i]!;
  if (a === '--limit') limit = Number(argv[++i]);
  else if (a === '--only') only = new Set((argv[++i] ?? '').split(','));
  else if (a === '--readability') withReadability = true;
  else if (a === '--out') out = argv[++i] ?? null;
  else dir = a;
}

function judge(withSegs: string[], withoutSegs: string[], text: string | null) {
  const t = text === null ? null : wsNorm(text);
  return {
    fn: withSegs.filter((w) => t === null || !t.includes(wsNorm(w))),
    fp: withoutSegs.filter((w) => t !== null && t.includes(wsNorm(w))),
  };
}

const ds = loadDataset(dir);
const lines: string[] = [];
const totals = { l: { tp: 0, fp: 0, fn: 0, tn: 0 }, r: { tp: 0, fp: 0, fn: 0, tn: 0 } };
let n = 0;
for (const page of ds.pages) {
  if (only && !only.has(page.id)) continue;
  if (n++ >= limit) break;
  if (!('with' in page.truth)) continue;
  await new Promise((r) => setImmediate(r));
  const bytes = readBytes(page.path);
  const d = pageDom(bytes, page.url);
  let text: string | null = null;
  let error: string | undefined;
  const t0 = performance.now();
  try {
    text = extract(d.window.document, page.url, { maxElements: LIMITS.maxElements, inPlace: true }).text;
  } catch (err) {
    error = String(err);
  }
  const ms = performance.now() - t0;
  d.window.close();
  const l = judge(page.truth.with, page.truth.without, text);
  const row: Record<string, unknown> = { id: page.id, url: page.url, ms: Math.round(ms), fn: l.fn, fp: l.fp, chars: text?.length ?? null, error };
  totals.l.fn += l.fn.length;
  totals.l.fp += l.fp.length;
  totals.l.tp += page.truth.with.length - l.fn.length;
  if (withReadability) {
    const d2 = pageDom(bytes, page.url);
    let rt: string | null = null;
    try {
      rt = new Readability(d2.window.document).parse()?.textContent ?? null;
    } catch {
      rt = null;
    }
    d2.window.close();
    const r = judge(page.truth.with, page.truth.without, rt);
    row.rfn = r.fn;
    row.rfp = r.fp;
    totals.r.fn += r.fn.length;
    totals.r.fp += r.fp.length;
    totals.r.tp += page.truth.with.length - r.fn.length;
  }
  lines.push(JSON.stringify(row));
}
if (out) writeFileSync(out, `${lines.join('\n')}\n`);
else console.log(lines.join('\n'));
const s = segmentScores(totals.l);
console.error(`lectern: tp ${totals.l.tp} fp ${totals.l.fp} fn ${totals.l.fn}  P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)} F1 ${s.f1.toFixed(4)}`);
if (withReadability) {
  const r = segmentScores(totals.r);
  console.error(`readability: tp ${totals.r.tp} fp ${totals.r.fp} fn ${totals.r.fn}  P ${r.precision.toFixed(3)} R ${r.recall.toFixed(3)} F1 ${r.f1.toFixed(4)}`);
}
