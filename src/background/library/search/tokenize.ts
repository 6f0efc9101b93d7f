/**
 * Words for the library's full-text index, in any language: runs of letters are words, and Intl.Segmenter
 * splits the runs of scripts without spaces (CJK, Thai…) into words; then each is folded so that a query matches regardless of case, accents or
 * Arabic/Hebrew vowel marks ("Café" = "cafe", "كَتَبَ" = "كتب"). Queries go through the same function.
 */
const segmenters = new Map<string, Intl.Segmenter>();

function segmenter(lang: string | null | undefined): Intl.Segmenter {
  const key = lang ?? '';
  let s = segmenters.get(key);
  if (!s) {
    try {
      s = new Intl.Segmenter(lang || undefined, { granularity: 'word' });
    } catch {
      s = new Intl.Segmenter(undefined, { granularity: 'word' }); // an invalid language tag from a page
    }
    segmenters.set(key, s);
  }
  return s;
}

/** Longest term kept: longer "words" are tokens, hashes, URLs; their beginning still matches. */
export const MAX_TERM = 32;
const LATIN_OR_DIGIT = /^[\p{Script=Latin}\p{Nd}]+$/u;

/** Folds one word: compatibility decomposition, combining marks dropped, lower case. */
export function fold(word: string): string {
  return word.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().slice(0, MAX_TERM);
}

/** A one-letter Latin word ("a", "I") says nothing; a one-character CJK word does. */
function keep(term: string): boolean {
  return term.length > 1 || (term.length === 1 && !LATIN_OR_DIGIT.test(term));
}

/** A run of letters, marks and digits: a word in scripts that separate words (most of them). */
const RUN = /[\p{L}\p{M}\p{N}]+/gu;
/** Scripts written without spaces between words: their runs go through Intl.Segmenter's dictionaries. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/**
 * The folded words of `text`, in order, with repeats. Letter runs are words; only runs in scripts without
 * spaces are segmented with Intl.Segmenter (it is ~20× slower than the regular expression on Latin text).
 */
export function words(text: string, lang?: string | null): string[] {
  const out: string[] = [];
  const folded = new Map<string, string>();
  const add = (raw: string) => {
    let term = folded.get(raw);
    if (term === undefined) folded.set(raw, (term = fold(raw)));
    if (keep(term)) out.push(term);
  };
  for (const [run] of text.matchAll(RUN)) {
    if (!UNSPACED.test(run)) {
      add(run);
      continue;
    }
    for (const seg of segmenter(lang).segment(run)) if (seg.isWordLike) add(seg.segment);
  }
  return out;
}

/** Distinct folded words of `text`. */
export function termSet(text: string, lang?: string | null, into = new Set<string>()): Set<string> {
  for (const w of words(text, lang)) into.add(w);
  return into;
}
