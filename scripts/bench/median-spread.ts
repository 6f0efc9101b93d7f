/**
 * `npx tsx scripts/bench/median-spread.ts FILE`: how far the ratio of medians of a `bench:extract --json` run
 * could move with the pages sampled (2,000 bootstrap resamples of its per-page times, fixed seed), next to the
 * paired measure (the median of per-page ratios). A ratio of two medians over a hundred-odd pages moves a lot
 * between runs; this says how much.
 */
import { readFileSync } from 'node:fs';
import type { PageTime } from './extract.ts';
import { median } from './metrics.ts';

interface Result {
  dataset: string;
  perPage?: PageTime[];
}

const file = process.argv[2];
if (!file) {
  console.error('Usage: npx tsx scripts/bench/median-spread.ts FILE   (FILE: bench:extract --json output)');
  process.exit(2);
}
let seed = 1;
/** A small fixed-seed generator (the same resamples every time). */
const random = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
for (const ds of JSON.parse(readFileSync(file, 'utf8')) as Result[]) {
  const pages = ds.perPage;
  if (!pages?.length) continue;
  const ratio = (ps: typeof pages) => median(ps.map((p) => p.lecternMs)) / median(ps.map((p) => p.readabilityMs));
  const resampled: number[] = [];
  for (let b = 0; b < 2000; b++) resampled.push(ratio(Array.from(pages, () => pages[Math.floor(random() * pages.length)]!)));
  resampled.sort((a, b) => a - b);
  const at = (q: number) => resampled[Math.floor(q * resampled.length)]!.toFixed(2);
  console.log(`${ds.dataset} (${pages.length} pages): ratio of medians ${ratio(pages).toFixed(2)}×, bootstrap 5th–95th percentile ${at(0.05)}×–${at(0.95)}×; median of per-page ratios ${median(pages.map((p) => p.lecternMs / p.readabilityMs)).toFixed(2)}×`);
}
