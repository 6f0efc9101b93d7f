/**
 * Words for the library's full-text index, in any language: Intl.Segmenter finds the words (CJK and Thai
 * included, which have no spaces), then each is folded so that a query matches regardless of case, accents or
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

/** The folded words of `text`, in order, with repeats. */
export function words(text: string, lang?: string | null): string[] {
  const out: string[] = [];
  for (const seg of segmenter(lang).segment(text)) {
    if (!seg.isWordLike) continue;
    const term = fold(seg.segment);
    if (keep(term)) out.push(term);
  }
  return out;
}

/** Distinct folded words of `text`. */
export function termSet(text: string, lang?: string | null, into = new Set<string>()): Set<string> {
  for (const w of words(text, lang)) into.add(w);
  return into;
}
