/**
 * Library operations behind the background's messages: turns an Article into a LibraryItem (keeping the state
 * of an item saved before), lists, looks up. Independent of extension APIs so it is unit-tested directly.
 */
import type { Article } from '../../core/types.ts';
import type { ImportedItem } from '../../core/import/types.ts';
import { itemId, sha256Hex } from './identity.ts';
import { mergeItems, toLibraryItem } from './merge.ts';
import { normalizeTags, parseQuery } from './search/query.ts';
import type { ListResult, LibraryStore, MergeCounts } from './store.ts';
import { fromStored, summarize, type ItemPatch, type LibraryItem, type LibrarySummary } from './types.ts';

export { itemId, sha256Hex };

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

  /**
   * Imports or restores items in ONE store transaction (all or nothing): each is merged with the library's copy
   * of the same article (same normalized URL; see merge.ts), and copies within `items` are merged first.
   * Importing the same items again changes nothing.
   */
  async importItems(items: readonly ImportedItem[]): Promise<MergeCounts> {
    const now = this.clock().toISOString();
    const byId = new Map<string, LibraryItem>();
    for (const imported of items) {
      const item = await toLibraryItem(imported, now);
      byId.set(item.id, mergeItems(byId.get(item.id), item));
    }
    return this.store.putMany([...byId.values()], mergeItems);
  }

  /** A page of every item (archived too) with its body, in id order after `after` (backups and exports). */
  async exportPage(after: string | null, limit: number): Promise<LibraryItem[]> {
    const summaries = await this.store.summaries(after, limit);
    const items = await Promise.all(summaries.map((s) => this.store.get(s.id)));
    return items.filter((i) => i !== undefined).map(fromStored);
  }

  /** Summaries of every item (archived too), in id order after `after` (the Library page's list). */
  summaries(after: string | null, limit: number): Promise<LibrarySummary[]> {
    return this.store.summaries(after, limit);
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
