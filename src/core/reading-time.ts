/**
 * Word counts and reading time per language.
 *
 * Speeds are the silent-reading rates measured for 17 languages by Trauzettel-Klosinski et al.,
 * "Standardized Assessment of Reading Performance: The New International Reading Speed Texts IReST" (2012):
 * words per minute, and characters per minute for Chinese and Japanese, which have no spaces between words.
 * Text in Han, Hiragana, Katakana and Hangul is counted by characters; everything else by words.
 */

const WORDS_PER_MINUTE: Record<string, number> = {
  ar: 138, nl: 202, en: 228, fi: 161, fr: 195, de: 179, he: 187, it: 188, pl: 166, pt: 181,
  sl: 180, es: 218, sv: 199, tr: 166,
};
const CJK_CHARS_PER_MINUTE: Record<string, number> = { zh: 255, ja: 357, ko: 357 };
const DEFAULT_WPM = 200;
const DEFAULT_CJK_CPM = 300;

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’\-.]*/gu;

export interface TextCounts {
  words: number;
  cjkChars: number;
}

export function countText(text: string): TextCounts {
  const cjkChars = text.match(CJK)?.length ?? 0;
  const words = text.replace(CJK, ' ').match(WORD)?.length ?? 0;
  return { words, cjkChars };
}

/** Words, with CJK characters each counted as one. */
export function wordCount(text: string | TextCounts): number {
  const c = typeof text === 'string' ? countText(text) : text;
  return c.words + c.cjkChars;
}

/** Reading time of `text`, or of text already counted with countText() (one pass over the text, not two). */
export function readingTimeMinutes(text: string | TextCounts, lang: string | null): number {
  const { words, cjkChars } = typeof text === 'string' ? countText(text) : text;
  const primary = (lang ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
  const wpm = WORDS_PER_MINUTE[primary] ?? DEFAULT_WPM;
  const cpm = CJK_CHARS_PER_MINUTE[primary] ?? DEFAULT_CJK_CPM;
  const minutes = words / wpm + cjkChars / cpm;
  return Math.max(1, Math.round(minutes));
}
