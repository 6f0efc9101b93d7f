/**
 * Library operations behind the background's messages: turns an Article into a LibraryItem (keeping the state
 * of an item saved before), lists, looks up. Independent of extension APIs so it is unit-tested directly.
 */
import { normalizeUrl } from '../../core/url.ts';
import type { Article } from '../../core/types.ts';
import type { LibraryStore } from './store.ts';
import { fromStored, summarize, type LibraryItem, type LibrarySummary } from './types.ts';

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

  async save(article: Article): Promise<LibrarySummary> {
    const id = itemId(article.url, article.canonicalUrl);
    const previous = await this.store.get(id);
    const item: LibraryItem = {
      id,
      url: article.url,
      canonicalUrl: article.canonicalUrl,
      title: article.title,
      byline: article.byline,
      siteName: article.siteName,
      siteIcon: previous?.siteIcon ?? null,
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

  list(offset?: number, limit?: number): Promise<{ items: LibrarySummary[]; total: number }> {
    return this.store.list({ offset, limit });
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
