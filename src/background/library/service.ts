/**
 * Library operations behind the background's messages: turns an Article into a LibraryItem (keeping the state
 * of an item saved before), lists, looks up. Independent of extension APIs so it is unit-tested directly.
 */
import { normalizeUrl } from '../../core/url.ts';
import type { Article } from '../../core/types.ts';
import { normalizeTags, parseQuery } from './search/query.ts';
import type { ListResult, LibraryStore } from './store.ts';
import { fromStored, summarize, type ItemPatch, type LibraryItem, type LibrarySummary } from './types.ts';

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The library identity of a page: its canonical URL when it names one, else its URL, normalized. */
export function itemId(url: string, canonicalUrl: string | null | undefined): string {
  return normalizeUrl(canonicalUrl || url);
}

export class LibraryService {
  constructor(
    private readonly store: LibraryStore,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Saves (or updates) an article; an item saved before keeps its saved date, states, tags and progress. */
  async save(article: Article, siteIcon?: string | null): Promise<LibrarySummary> {
    const id = itemId(article.url, article.canonicalUrl);
    const previous = await this.store.get(id);
    const item: LibraryItem = {
      id,
      url: article.url,
      canonicalUrl: article.canonicalUrl,
      title: article.title,
      byline: article.byline,
      siteName: article.siteName,
      siteIcon: siteIcon ?? previous?.siteIcon ?? null,
      leadImage: article.leadImage,
      excerpt: article.excerpt,
      lang: article.lang,
      dir: article.dir,
      publishedTime: article.publishedTime,
      modifiedTime: article.modifiedTime,
      savedAt: previous?.savedAt ?? this.clock().toISOString(),
      readAt: previous?.readAt ?? null,
      archivedAt: previous?.archivedAt ?? null,
      wordCount: article.wordCount,
      readingTimeMinutes: article.readingTimeMinutes,
      tags: previous?.tags ?? [],
      readingProgress: previous?.readingProgress ?? 0,
      html: article.html,
      text: article.text,
      textHash: await sha256Hex(article.text),
      removed: article.removed,
    };
    await this.store.put(item);
    return summarize(item);
  }

  /** A page of the saved list: `query` is what the reader typed in the search box (words and filters). */
  list(query = '', offset?: number, limit?: number): Promise<ListResult> {
    return this.store.list(parseQuery(query), { offset, limit });
  }

  /** Marks read/unread, archives/unarchives, sets tags or the reading position. */
  async update(id: string, patch: ItemPatch): Promise<LibrarySummary | null> {
    const stored = await this.store.get(id);
    if (!stored) return null;
    const item = fromStored(stored);
    const now = this.clock().toISOString();
    if (patch.read !== undefined) item.readAt = patch.read ? (item.readAt ?? now) : null;
    if (patch.archived !== undefined) item.archivedAt = patch.archived ? (item.archivedAt ?? now) : null;
    if (patch.tags !== undefined) item.tags = normalizeTags(patch.tags);
    if (patch.readingProgress !== undefined) {
      item.readingProgress = Math.min(1, Math.max(0, patch.readingProgress));
      // Reading to the end marks it read.
      if (item.readingProgress >= 0.98 && !item.readAt) item.readAt = now;
    }
    await this.store.put(item);
    return summarize(item);
  }

  async delete(id: string): Promise<LibrarySummary | null> {
    return (await this.store.delete(id)) ?? null;
  }

  async undoDelete(id: string): Promise<LibrarySummary | null> {
    return (await this.store.undoDelete(id)) ?? null;
  }

  async get(id: string): Promise<LibraryItem | null> {
    const item = await this.store.get(id);
    return item ? fromStored(item) : null;
  }

  async lookup(url: string, canonicalUrl?: string | null): Promise<LibrarySummary | null> {
    const byCanonical = canonicalUrl ? await this.store.get(itemId(url, canonicalUrl)) : undefined;
    const item = byCanonical ?? (await this.store.get(itemId(url, null)));
    return item ? summarize(item) : null;
  }
}
