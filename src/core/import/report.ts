/**
 * The import report in words: places, fields and reasons rendered with a message lookup (`browser.i18n` on
 * the Library page, _locales/en in tests), so every line is in the UI language while the row and field stay
 * named as the file has them.
 */
import type { ImportErrorKey, Place, Reason, Skipped } from './types.ts';

/** `t(key, substitutions)` as browser.i18n.getMessage. */
export type Translate = (key: string, substitutions?: string | string[]) => string;

export function placeText(p: Place, t: Translate): string {
  if ('row' in p) return t('importPlaceRow', String(p.row));
  if ('bookmark' in p) return p.title ? t('importPlaceBookmarkTitled', [String(p.bookmark), p.title]) : t('importPlaceBookmark', String(p.bookmark));
  return p.path;
}

export function reasonText(r: Reason, t: Translate): string {
  return t(r.key, r.args.map((a) => (typeof a === 'string' ? a : placeText(a, t))));
}

/** "row 6, time_added" — the place and, when the reason is about one field, that field. */
export function whereText(s: Skipped, t: Translate): string {
  const place = placeText(s.row, t);
  return s.field ? `${place}, ${s.field}` : place;
}

/** One line of the report: "row 7, url: skipped: not an http(s) URL: "javascript:alert(1)"". */
export function skippedLine(s: Skipped, t: Translate): string {
  return t(s.imported ? 'importRowChanged' : 'importRowSkipped', [whereText(s, t), reasonText(s.reason, t)]);
}

/**
 * A whole-file import error (an ImportError's key and args) in words: numbers (the item limit, sizes in MB)
 * formatted for `locale`, the UI language.
 */
export function importErrorText(e: { key: ImportErrorKey; args: ReadonlyArray<string | number> }, t: Translate, locale = 'en-US'): string {
  const format = new Intl.NumberFormat(locale);
  return t(e.key, e.args.map((a) => (typeof a === 'number' ? format.format(a) : a)));
}
