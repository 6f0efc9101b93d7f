/**
 * What every importer returns: the items it could read and, for everything it could not, the row or field and
 * why. Importers are pure (no storage, no extension APIs): the library merges `items` in one transaction.
 */
import type { RemovedItem } from '../types.ts';

/**
 * Where in the file something is, named as the file has it: a spreadsheet row (the header is row 1), a bookmark
 * (its number and title), or a path (`items[3]`, `metadata_0_to_49.json [7]`: the same in every language).
 */
export type Place = { row: number } | { bookmark: number; title: string } | { path: string };

/**
 * Keys of the report's reasons in _locales (the Library page shows them in the UI language; report.ts renders
 * them). Their substitutions are `args`, in order; a Place among them is rendered as a place.
 */
export type ReasonKey =
  | 'importReasonFieldCount'
  | 'importReasonNoUrl'
  | 'importReasonUrlTooLong'
  | 'importReasonNotHttp'
  | 'importReasonBadDateNow'
  | 'importReasonBadDateLeftOut'
  | 'importReasonUnknownStatus'
  | 'importReasonSameAs'
  | 'importReasonNotObject'
  | 'importReasonNotDate'
  | 'importReasonNotImageUrl'
  | 'importReasonInvalidValue';

export interface Reason {
  key: ReasonKey;
  args: Array<string | Place>;
}

export const reason = (key: ReasonKey, ...args: Array<string | Place>): Reason => ({ key, args });

/** One article read from an import file. Only `url` and `title` are required; the library fills the rest. */
export interface ImportedItem {
  /** Where in the file it came from, for the report; not stored (the Library page drops it before sending). */
  row?: Place;
  url: string;
  title: string;
  canonicalUrl?: string | null;
  byline?: string | null;
  siteName?: string | null;
  siteIcon?: string | null;
  leadImage?: string | null;
  excerpt?: string | null;
  lang?: string | null;
  dir?: 'ltr' | 'rtl' | null;
  publishedTime?: string | null;
  modifiedTime?: string | null;
  savedAt?: string | null;
  readAt?: string | null;
  archivedAt?: string | null;
  /** Read / archived when the file says so without a time (the library uses the saved date, else now). */
  read?: boolean;
  archived?: boolean;
  wordCount?: number;
  readingTimeMinutes?: number;
  tags?: string[];
  readingProgress?: number;
  html?: string;
  text?: string;
  removed?: RemovedItem[];
}

/**
 * Something the import left out: the whole row (`imported: false`), or one field of a row that was imported
 * without it (`imported: true`). `row` names the row as the file has it, `field` the column or key (as the file
 * spells it), `reason` why, as a message key with its substitutions.
 */
export interface Skipped {
  row: Place;
  field?: string;
  imported: boolean;
  reason: Reason;
}

export type ImportFormat = 'pocket' | 'instapaper' | 'omnivore' | 'bookmarks' | 'lectern-backup';

export interface ImportResult {
  format: ImportFormat;
  items: ImportedItem[];
  skipped: Skipped[];
  /** Settings carried by a Lectern backup (restored with it). */
  settings?: Record<string, unknown>;
}

/**
 * Keys of the whole-file import errors in _locales (the Library page shows them in the UI language; report.ts
 * renders them). Their substitutions are an ImportError's `args`, in order.
 */
export type ImportErrorKey =
  | 'importErrorNotUtf8'
  | 'importErrorEmpty'
  | 'importErrorTooLarge'
  | 'importErrorUnknownFormat'
  | 'importErrorJsonUnknown'
  | 'importErrorHtmlNotBookmarks'
  | 'importErrorCsvColumns'
  | 'importErrorZipUnreadable'
  | 'importErrorZipUnknown'
  | 'importErrorBrokenQuoting'
  | 'importErrorBrokenQuotingRow'
  | 'importErrorMissingColumn'
  | 'importErrorMissingColumns'
  | 'importErrorMissingColumnsNoneFound'
  | 'importErrorTooManyRows'
  | 'importErrorTooManyItems'
  | 'importErrorTooManyArticles'
  | 'importErrorTooManyBookmarks'
  | 'importErrorOmnivoreNoMetadata'
  | 'importErrorOmnivoreNotJson'
  | 'importErrorOmnivoreNotList'
  | 'importErrorBackupNotJson'
  | 'importErrorBackupFormat'
  | 'importErrorBackupVersionInvalid'
  | 'importErrorBackupNewer'
  | 'importErrorBackupNoItems'
  | 'importErrorBackupSettings';

/**
 * The file can't be imported at all (wrong format, missing columns, newer backup version…): nothing changes.
 * `message` is the English text (for tests and any use outside the extension); `key` and `args` are the same
 * message in _locales and its substitutions (a number is formatted in the UI language when shown).
 */
export class ImportError extends Error {
  readonly key: ImportErrorKey;
  readonly args: ReadonlyArray<string | number>;
  constructor(key: ImportErrorKey, args: ReadonlyArray<string | number>, message: string) {
    super(message);
    this.name = 'ImportError';
    this.key = key;
    this.args = args;
  }
}

/** An http(s) URL as imports accept it, or null. */
export function httpUrl(value: string | undefined | null): string | null {
  const s = (value ?? '').trim();
  if (!s || s.length > 8192) return null;
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** A value from the file as the report quotes it: in double quotes, at most 80 characters. */
export const quoted = (value: unknown): string => {
  const s = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return JSON.stringify(s.length > 80 ? `${s.slice(0, 80)}…` : s);
};

/** Why `value` is not an importable URL (for the report). */
export function urlProblem(value: string | undefined | null): Reason {
  const s = (value ?? '').trim();
  if (!s) return reason('importReasonNoUrl');
  if (s.length > 8192) return reason('importReasonUrlTooLong', '8192');
  return reason('importReasonNotHttp', quoted(s));
}

/**
 * A date from an export file as ISO 8601, or null when empty; `undefined` when present but unreadable.
 * Accepts Unix seconds (Pocket, Instapaper, bookmarks), Unix milliseconds, ISO 8601 and "YYYY-MM-DD HH:MM:SS"
 * (read as UTC). Years outside 1990–2100 are refused: they are always a unit mix-up.
 */
export function parseDate(value: string | number | undefined | null): string | null | undefined {
  if (value === undefined || value === null) return null;
  const s = String(value).trim();
  if (!s || s === '0') return null;
  let ms: number;
  if (/^-?\d+(?:\.\d+)?$/.test(s)) {
    const n = Number(s);
    ms = Math.abs(n) >= 1e11 ? n : n * 1000;
  } else if (/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/.test(s)) {
    ms = Date.parse(`${s.replace(' ', 'T')}Z`);
  } else if (/^\d{4}-\d{2}-\d{2}/.test(s)) {
    ms = Date.parse(s);
  } else {
    return undefined;
  }
  if (!Number.isFinite(ms)) return undefined;
  const year = new Date(ms).getUTCFullYear();
  if (year < 1990 || year > 2100) return undefined;
  return new Date(ms).toISOString();
}

/** Tags from a cell: a JSON array (`["a","b"]`) or a list separated by `sep`; empty entries dropped. */
export function splitTags(cell: string | undefined, sep: RegExp): string[] {
  const s = (cell ?? '').trim();
  if (!s || s === '[]') return [];
  if (s.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(s);
      if (Array.isArray(parsed)) return parsed.filter((t): t is string => typeof t === 'string').map((t) => t.trim()).filter(Boolean);
    } catch {
      /* not JSON: split below */
    }
  }
  return s.split(sep).map((t) => t.trim()).filter(Boolean);
}

/** Collapses whitespace runs in a single-line field (titles in exports often carry newlines and tabs). */
export function oneLine(s: string | undefined | null): string {
  return (s ?? '').replace(/[\s\u00a0]+/g, ' ').trim();
}
