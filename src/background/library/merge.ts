/**
 * Imports and restores into a library that may already hold the same articles: how an imported item becomes a
 * LibraryItem, and how two copies of one article (same normalized URL) combine.
 *
 * `mergeItems(existing, incoming)` keeps what the library knows and fills in what it doesn't:
 *  - content: the existing body if it has one, else the incoming one (with its metadata: a URL-only item
 *    gets the article's title, byline… when a backup or "Fetch articles" brings the body);
 *  - other metadata: existing values, incoming ones where the existing are missing;
 *  - saved: the earlier date; read and archived: set if either copy says so (the existing time first);
 *    reading progress: the further one; tags: both sets.
 * It is idempotent — merging the same incoming item again changes nothing — so restoring a backup twice is
 * restoring it once, and merging into an empty library is the incoming item unchanged.
 */
import type { ImportedItem } from '../../core/import/types.ts';
import { readingTimeMinutes, wordCount } from '../../core/reading-time.ts';
import { normalizeTags } from './search/query.ts';
import { itemId, sha256Hex } from './identity.ts';
import type { LibraryItem } from './types.ts';

const EMPTY_HASH = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** An imported item as a LibraryItem: defaults for what the file lacks; `now` stands in for a missing saved date. */
export async function toLibraryItem(imp: ImportedItem, now: string): Promise<LibraryItem> {
  const text = imp.text ?? '';
  const savedAt = imp.savedAt ?? now;
  const lang = imp.lang ?? null;
  return {
    id: itemId(imp.url, imp.canonicalUrl),
    url: imp.url,
    canonicalUrl: imp.canonicalUrl ?? null,
    title: imp.title,
    byline: imp.byline ?? null,
    siteName: imp.siteName ?? null,
    siteIcon: imp.siteIcon ?? null,
    leadImage: imp.leadImage ?? null,
    excerpt: imp.excerpt ?? null,
    lang,
    dir: imp.dir ?? null,
    publishedTime: imp.publishedTime ?? null,
    modifiedTime: imp.modifiedTime ?? null,
    savedAt,
    readAt: imp.readAt ?? (imp.read ? savedAt : null),
    archivedAt: imp.archivedAt ?? (imp.archived ? savedAt : null),
    wordCount: imp.wordCount ?? (text ? wordCount(text) : 0),
    readingTimeMinutes: imp.readingTimeMinutes ?? (text ? readingTimeMinutes(text, lang) : 0),
    tags: normalizeTags(imp.tags ?? []),
    readingProgress: Math.min(1, Math.max(0, imp.readingProgress ?? 0)),
    html: imp.html ?? '',
    text,
    textHash: text ? await sha256Hex(text) : EMPTY_HASH,
    removed: imp.removed ?? [],
  };
}

const hasBody = (item: LibraryItem) => item.text.trim() !== '' || item.html.trim() !== '';
const earlier = (a: string, b: string) => (Date.parse(b) < Date.parse(a) ? b : a);

export function mergeItems(existing: LibraryItem | undefined, incoming: LibraryItem): LibraryItem {
  if (!existing) return incoming;
  const takeIncoming = !hasBody(existing) && hasBody(incoming);
  const [first, second] = takeIncoming ? [incoming, existing] : [existing, incoming];
  return {
    id: existing.id,
    url: first.url,
    canonicalUrl: first.canonicalUrl ?? second.canonicalUrl,
    title: first.title || second.title,
    byline: first.byline ?? second.byline,
    siteName: first.siteName ?? second.siteName,
    siteIcon: first.siteIcon ?? second.siteIcon,
    leadImage: first.leadImage ?? second.leadImage,
    excerpt: first.excerpt ?? second.excerpt,
    lang: first.lang ?? second.lang,
    dir: first.dir ?? second.dir,
    publishedTime: first.publishedTime ?? second.publishedTime,
    modifiedTime: first.modifiedTime ?? second.modifiedTime,
    savedAt: earlier(existing.savedAt, incoming.savedAt),
    readAt: existing.readAt ?? incoming.readAt,
    archivedAt: existing.archivedAt ?? incoming.archivedAt,
    wordCount: first.wordCount,
    readingTimeMinutes: first.readingTimeMinutes,
    tags: normalizeTags([...existing.tags, ...incoming.tags]),
    readingProgress: Math.max(existing.readingProgress, incoming.readingProgress),
    html: first.html,
    text: first.text,
    textHash: first.textHash,
    removed: first.removed,
  };
}

/** Same content in every field (what decides "unchanged" in an import). */
export function sameItem(a: LibraryItem, b: LibraryItem): boolean {
  const keys = Object.keys(a).sort() as Array<keyof LibraryItem>;
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => JSON.stringify(a[k]) === JSON.stringify(b[k]));
}
