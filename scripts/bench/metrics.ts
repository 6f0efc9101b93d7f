/**
 * Scores for extracted text, defined as in the shared extract-eval harness so both report the same numbers:
 * - trafilatura-eval: segment counts. A `with` snippet found in the text (whitespace-normalised) is a true
 *   positive, a `without` snippet found is a false positive; P/R/F1 from the counts summed over all pages.
 * - readability-test-pages: 4-word shingles against the expected text, per page normalised TP/FP/FN, precision
 *   averaged over pages with a prediction, recall over pages with a truth, F1 of the two averages.
 */
const WORD = /[\p{L}\p{N}_]+/gu;
const PY_WS = /[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;

export const wsNorm = (s: string): string => s.replace(PY_WS, ' ').trim();

export interface SegmentCounts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export function segmentCounts(withSegs: string[], withoutSegs: string[], text: string | null): SegmentCounts {
  if (text === null) return { tp: 0, fp: 0, fn: withSegs.length, tn: withoutSegs.length };
  const t = wsNorm(text);
  const tp = withSegs.filter((w) => t.includes(wsNorm(w))).length;
  const fp = withoutSegs.filter((w) => t.includes(wsNorm(w))).length;
  return { tp, fp, fn: withSegs.length - tp, tn: withoutSegs.length - fp };
}

export function segmentScores(c: SegmentCounts): { precision: number; recall: number; f1: number } {
  return {
    precision: c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0,
    recall: c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0,
    f1: 2 * c.tp + c.fp + c.fn ? (2 * c.tp) / (2 * c.tp + c.fp + c.fn) : 0,
  };
}

function shingles(text: string, n = 4): Map<string, number> {
  const tokens = text.match(WORD) ?? [];
  const out = new Map<string, number>();
  if (!tokens.length) return out;
  const last = Math.max(1, tokens.length - n + 1);
  for (let i = 0; i < last; i++) {
    const key = tokens.slice(i, i + n).join('\u0001');
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

export type Triple = [tp: number, fp: number, fn: number];

export function shingleMatch(truth: string, pred: string): Triple {
  const t = shingles(truth);
  const p = shingles(pred);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const k of new Set([...t.keys(), ...p.keys()])) {
    const tc = t.get(k) ?? 0;
    const pc = p.get(k) ?? 0;
    tp += Math.min(tc, pc);
    fp += Math.max(0, pc - tc);
    fn += Math.max(0, tc - pc);
  }
  const s = tp + fp + fn;
  return s > 0 ? [tp / s, fp / s, fn / s] : [0, 0, 0];
}

const mean = (xs: number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : Number.NaN);

export function shingleAggregate(triples: Triple[]): { precision: number; recall: number; f1: number } {
  const precisionOf = ([tp, fp, fn]: Triple) => (fp === 0 && fn === 0 ? 1 : tp + fp === 0 ? 0 : tp / (tp + fp));
  const recallOf = ([tp, fp, fn]: Triple) => (fp === 0 && fn === 0 ? 1 : tp + fn === 0 ? 0 : tp / (tp + fn));
  const precision = mean(triples.filter(([tp, fp]) => tp + fp > 0).map(precisionOf));
  const recall = mean(triples.filter(([tp, , fn]) => tp + fn > 0).map(recallOf));
  return { precision, recall, f1: (2 * precision * recall) / (precision + recall) };
}

export function median(xs: number[]): number {
  if (!xs.length) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/** Nearest-rank percentile. */
export function percentile(xs: number[], p: number): number {
  if (!xs.length) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] as number;
}
