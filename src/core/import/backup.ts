/**
 * Lectern's own backup: one versioned JSON file with every saved item (all fields: metadata, dates, states,
 * tags, reading progress, body, removed items) and the settings.
 *
 *   { "format": "lectern-backup", "version": 1, "exportedAt": ISO, "items": [...], "settings": {...} }
 *
 * Items are written sorted by id with their keys in a fixed order, so the same library always gives the same
 * file (export → import → export is byte-identical, see tests/unit/transfer-property.test.ts). A backup from a
 * newer version is refused with a clear message (its meaning may have changed); an item that fails the
 * schema is skipped and reported with its index and field.
 */
import * as v from 'valibot';
import { checkItemCount } from './limits.ts';
import { ImportError, quoted, reason, type ImportResult, type ImportedItem, type Reason, type Skipped } from './types.ts';

export const BACKUP_FORMAT = 'lectern-backup';
export const BACKUP_VERSION = 1;

/**
 * An item as a backup holds it: the library's LibraryItem (the core doesn't import the library; the fields are
 * BACKUP_ITEM_KEYS, and tests/unit/import.test.ts checks that they are exactly LibraryItem's).
 */
export type BackupItem = { id: string } & Record<(typeof BACKUP_ITEM_KEYS)[number], unknown>;

/** The fields of an item, in their order in the file. */
export const BACKUP_ITEM_KEYS = [
  'id', 'url', 'canonicalUrl', 'title', 'byline', 'siteName', 'siteIcon', 'leadImage', 'excerpt', 'lang', 'dir',
  'publishedTime', 'modifiedTime', 'savedAt', 'readAt', 'archivedAt', 'wordCount', 'readingTimeMinutes', 'tags',
  'readingProgress', 'textHash', 'removed', 'text', 'html',
] as const;

/** Sorts object keys recursively (settings), so equal settings serialize equally. */
function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortedKeys((value as Record<string, unknown>)[k])]));
  }
  return value;
}

export function createBackup(items: readonly BackupItem[], settings: Record<string, unknown>, exportedAt: Date): string {
  const ordered = [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((item) => Object.fromEntries(BACKUP_ITEM_KEYS.map((k) => [k, item[k] ?? null])));
  const doc = { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: exportedAt.toISOString(), items: ordered, settings: sortedKeys(settings) };
  // One item per line: a diff of two backups reads item by item.
  return `{"format":${JSON.stringify(doc.format)},"version":${doc.version},"exportedAt":${JSON.stringify(doc.exportedAt)},"settings":${JSON.stringify(doc.settings)},"items":[\n${ordered.map((i) => JSON.stringify(i)).join(',\n')}\n]}\n`;
}

export function looksLikeBackup(text: string): boolean {
  return /^\ufeff?\s*\{\s*"format"\s*:\s*"lectern-backup"/.test(text.slice(0, 200));
}

const MAX_HTML = 20 * 1024 * 1024;
/** Messages of the schema's own checks, mapped to report reasons by issueReason. */
const NOT_A_DATE = 'not a date';
const NOT_HTTP = 'not an http(s) URL';
const NOT_IMAGE_URL = 'not an http(s) or image data URL';

const iso = v.pipe(v.string(), v.maxLength(64), v.check((s) => !Number.isNaN(Date.parse(s)), NOT_A_DATE));
const url = v.pipe(v.string(), v.maxLength(8192), v.regex(/^https?:\/\//i, NOT_HTTP));
const short = v.pipe(v.string(), v.maxLength(2000));
const ItemSchema = v.object({
  url,
  canonicalUrl: v.nullable(url),
  title: short,
  byline: v.nullable(short),
  siteName: v.nullable(short),
  siteIcon: v.nullable(v.pipe(v.string(), v.maxLength(8192), v.regex(/^(?:https?:\/\/|data:image\/(?:png|gif|jpeg|webp|x-icon|vnd\.microsoft\.icon);base64,)/i, NOT_IMAGE_URL))),
  leadImage: v.nullable(url),
  excerpt: v.nullable(v.pipe(v.string(), v.maxLength(10_000))),
  lang: v.nullable(v.pipe(v.string(), v.maxLength(35))),
  dir: v.nullable(v.picklist(['ltr', 'rtl'])),
  publishedTime: v.nullable(iso),
  modifiedTime: v.nullable(iso),
  savedAt: iso,
  readAt: v.nullable(iso),
  archivedAt: v.nullable(iso),
  wordCount: v.pipe(v.number(), v.integer(), v.minValue(0)),
  readingTimeMinutes: v.pipe(v.number(), v.minValue(0)),
  tags: v.pipe(v.array(v.pipe(v.string(), v.maxLength(64))), v.maxLength(50)),
  readingProgress: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
  html: v.pipe(v.string(), v.maxLength(MAX_HTML)),
  text: v.pipe(v.string(), v.maxLength(MAX_HTML)),
  removed: v.optional(
    v.pipe(
      v.array(
        v.object({
          rule: v.pipe(v.string(), v.maxLength(40)),
          text: short,
          html: v.nullable(v.pipe(v.string(), v.maxLength(200_000))),
          at: v.union([v.picklist(['start', 'end']), v.object({ before: short }), v.object({ after: short })]),
        }),
      ),
      v.maxLength(5000),
    ),
    [],
  ),
});

/** The field a schema issue is about and why, as a report reason (valibot's own wording only as a detail). */
function issueReason(issue: v.BaseIssue<unknown>): { field: string; reason: Reason } {
  const field = (issue.path ?? []).map((p) => String(p.key)).join('.') || '(item)';
  const value = quoted(issue.input);
  if (issue.message === NOT_A_DATE) return { field, reason: reason('importReasonNotDate', field, value) };
  if (issue.message === NOT_HTTP) return { field, reason: reason('importReasonNotHttp', value) };
  if (issue.message === NOT_IMAGE_URL) return { field, reason: reason('importReasonNotImageUrl', value) };
  return { field, reason: reason('importReasonInvalidValue', field, issue.message) };
}

export function parseBackup(text: string, maxItems = Infinity): ImportResult {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    throw new ImportError('importErrorBackupNotJson', [detail], `The backup is not valid JSON (${detail}). Nothing was imported.`);
  }
  if (!doc || typeof doc !== 'object' || (doc as { format?: unknown }).format !== BACKUP_FORMAT) {
    throw new ImportError('importErrorBackupFormat', [], 'Not a Lectern backup: "format" is not "lectern-backup". Nothing was imported.');
  }
  const { version, items, settings } = doc as { version?: unknown; items?: unknown; settings?: unknown };
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new ImportError('importErrorBackupVersionInvalid', [String(JSON.stringify(version))], `The backup's "version" is ${JSON.stringify(version)}, not a version number. Nothing was imported.`);
  }
  if (version > BACKUP_VERSION) {
    throw new ImportError('importErrorBackupNewer', [String(version), String(BACKUP_VERSION)], `This backup was made by a newer Lectern (backup version ${version}); this Lectern reads version ${BACKUP_VERSION}. Update Lectern, then restore it. Nothing was imported.`);
  }
  if (!Array.isArray(items)) throw new ImportError('importErrorBackupNoItems', [], 'The backup has no "items" list. Nothing was imported.');
  checkItemCount(items.length, maxItems, 'items');
  if (settings !== undefined && (settings === null || typeof settings !== 'object' || Array.isArray(settings))) {
    throw new ImportError('importErrorBackupSettings', [], 'The backup\'s "settings" is not an object. Nothing was imported.');
  }
  const out: ImportedItem[] = [];
  const skipped: Skipped[] = [];
  items.forEach((raw: unknown, i) => {
    const parsed = v.safeParse(ItemSchema, raw);
    if (!parsed.success) {
      const { field, reason: why } = issueReason(parsed.issues[0]);
      skipped.push({ row: { path: `items[${i}]` }, field, imported: false, reason: why });
      return;
    }
    out.push(parsed.output);
  });
  return { format: 'lectern-backup', items: out, skipped, settings: (settings as Record<string, unknown> | undefined) ?? {} };
}
