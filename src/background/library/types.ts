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

/** A stored item with today's shape. */
export function fromStored(item: StoredLibraryItem): LibraryItem {
  return { ...item, removed: item.removed ?? [] };
}

/** What the saved list shows (no body, no removed items). */
export type LibrarySummary = Omit<LibraryItem, 'html' | 'text' | 'removed'>;

/** The summary fields only (stores may keep internal fields next to them). */
export function summarize(item: StoredLibraryItem | (LibrarySummary & Record<string, unknown>)): LibrarySummary {
  const { id, url, canonicalUrl, title, byline, siteName, siteIcon, leadImage, excerpt, lang, dir, publishedTime, modifiedTime } = item;
  const { savedAt, readAt, archivedAt, wordCount, readingTimeMinutes, tags, readingProgress, textHash } = item;
  return {
    id, url, canonicalUrl, title, byline, siteName, siteIcon, leadImage, excerpt, lang, dir, publishedTime, modifiedTime,
    savedAt, readAt, archivedAt, wordCount, readingTimeMinutes, tags, readingProgress, textHash,
  };
}
