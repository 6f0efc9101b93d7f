import type { RemovedItem } from '../../core/types.ts';

/** A saved article. Stored by the background worker; identity is the normalized URL. */
export interface LibraryItem {
  /** Normalized URL (canonical URL first), see core/url.ts. */
  id: string;
  url: string;
  canonicalUrl: string | null;
  title: string;
  byline: string | null;
  siteName: string | null;
  siteIcon: string | null;
  leadImage: string | null;
  excerpt: string | null;
  lang: string | null;
  dir: 'ltr' | 'rtl' | null;
  publishedTime: string | null;
  modifiedTime: string | null;
  /** ISO 8601 times of library events. */
  savedAt: string;
  readAt: string | null;
  archivedAt: string | null;
  wordCount: number;
  readingTimeMinutes: number;
  tags: string[];
  /** 0..1, share of the article scrolled. */
  readingProgress: number;
  html: string;
  text: string;
  /** SHA-256 (hex) of `text`: tells whether a re-saved article changed. */
  textHash: string;
  /** What the clean-up removed and the reader didn't restore, for the "Removed" panel of the saved copy. */
  removed: RemovedItem[];
}

/** An item as the store holds it: items saved before the "Removed" panel have no `removed` (read it as []). */
export type StoredLibraryItem = Omit<LibraryItem, 'removed'> & { removed?: RemovedItem[] };

/** The library's states of an item, changed from the saved list and the reader. */
export interface ItemPatch {
  read?: boolean;
  archived?: boolean;
  tags?: string[];
  /** 0..1 */
  readingProgress?: number;
}

/**
 * A stored item with today's shape. What IndexedDB hands back is data written by some version of Lectern (or
 * damaged on disk), not a checked LibraryItem: a field of the wrong type is read as its empty value, so one bad
 * record can't break the list, the reader or an export.
 */
export function fromStored(item: StoredLibraryItem): LibraryItem {
  const r = item as unknown as Record<string, unknown>;
  return {
    ...summarize(item),
    html: typeof r.html === 'string' ? r.html : '',
    text: typeof r.text === 'string' ? r.text : '',
    removed: Array.isArray(r.removed) ? (r.removed as unknown[]).filter(isRemovedItem) : [],
  };
}

function isRemovedItem(v: unknown): v is RemovedItem {
  if (!v || typeof v !== 'object') return false;
  const r = v as Record<string, unknown>;
  return typeof r.rule === 'string' && typeof r.text === 'string' && (r.html === null || typeof r.html === 'string');
}

/** What the saved list shows (no body, no removed items). */
export type LibrarySummary = Omit<LibraryItem, 'html' | 'text' | 'removed'>;

/** The summary fields only (stores may keep internal fields next to them). */
export function summarize(item: StoredLibraryItem | (LibrarySummary & Record<string, unknown>)): LibrarySummary {
  // Each field is checked (see fromStored): a record is what was on disk, whatever its type says.
  const r = item as unknown as Record<string, unknown>;
  const id = str(r.id) ?? '';
  const url = str(r.url) ?? id;
  return {
    id,
    url,
    canonicalUrl: str(r.canonicalUrl),
    title: str(r.title) ?? url,
    byline: str(r.byline),
    siteName: str(r.siteName),
    siteIcon: str(r.siteIcon),
    leadImage: str(r.leadImage),
    excerpt: str(r.excerpt),
    lang: str(r.lang),
    dir: r.dir === 'rtl' || r.dir === 'ltr' ? r.dir : null,
    publishedTime: str(r.publishedTime),
    modifiedTime: str(r.modifiedTime),
    savedAt: str(r.savedAt) ?? new Date(0).toISOString(),
    readAt: str(r.readAt),
    archivedAt: str(r.archivedAt),
    wordCount: count(r.wordCount),
    readingTimeMinutes: count(r.readingTimeMinutes),
    tags: Array.isArray(r.tags) ? (r.tags as unknown[]).filter((t): t is string => typeof t === 'string') : [],
    readingProgress: typeof r.readingProgress === 'number' && r.readingProgress >= 0 && r.readingProgress <= 1 ? r.readingProgress : 0,
    textHash: str(r.textHash) ?? '',
  };
}

function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

function count(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : 0;
}
