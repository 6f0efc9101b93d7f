/**
 * What a library item contributes to the index and how results are filtered and ordered — shared by both
 * stores so the in-memory store behaves exactly like the IndexedDB one.
 */
import type { LibrarySummary } from '../types.ts';
import { isEmptyQuery, type ItemState, type LibraryQuery } from './query.ts';
import type { TermLookup } from './term-list.ts';
import { fold, termSet } from './tokenize.ts';

/**
 * Marks the second copy of a title/byline/site/tag word. Every word is indexed plainly (so any field matches);
 * words of those fields are indexed a second time with this prefix, so results that match there rank first.
 */
export const META = '\u0001';

interface Indexable {
  url: string;
  title: string;
  byline: string | null;
  siteName: string | null;
  tags: string[];
  lang: string | null;
}

export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

/** The distinct index terms of an item: body words, field words, and the field words again under META. */
export function indexTerms(item: Indexable, text: string): string[] {
  const terms = termSet(text, item.lang);
  const meta = termSet([item.title, item.byline ?? '', item.siteName ?? '', hostOf(item.url).replace(/\./g, ' '), ...item.tags].join('\n'), item.lang);
  for (const t of meta) {
    terms.add(t);
    terms.add(META + t);
  }
  return [...terms];
}

/**
 * What decides an item's terms: when it is unchanged, saving again (or marking read, or saving progress)
 * doesn't touch the index.
 */
export function indexKey(item: Indexable & { textHash: string }): string {
  return JSON.stringify([item.textHash, item.url, item.title, item.byline, item.siteName, item.tags, item.lang]);
}

export function stateOf(item: Pick<LibrarySummary, 'readAt' | 'archivedAt'>): ItemState {
  return item.archivedAt ? 'archived' : item.readAt ? 'read' : 'unread';
}

/**
 * The filters of a query. Archived items are left out of the list (the "inbox", `is:unread`, `is:read`) unless
 * the query asks for them (`is:archived`) or searches words, which finds everything.
 */
export function matchesFilters(item: LibrarySummary, q: LibraryQuery): boolean {
  const archived = item.archivedAt !== null;
  if (!q.states.every((s) => (s === 'archived' ? archived : s === 'read' ? item.readAt !== null : item.readAt === null))) return false;
  if (archived && !q.words.length && !q.states.includes('archived')) return false;
  if (q.sites.length) {
    const host = hostOf(item.url);
    const site = fold(item.siteName ?? '');
    if (!q.sites.every((s) => host.includes(s) || site.includes(fold(s)))) return false;
  }
  if (q.tags.length && !q.tags.every((t) => item.tags.includes(t))) return false;
  if (q.langs.length) {
    const lang = (item.lang ?? '').toLowerCase();
    if (!q.langs.some((l) => lang === l || lang.startsWith(`${l}-`))) return false;
  }
  return true;
}

export function hasFilters(q: LibraryQuery): boolean {
  return !isEmptyQuery({ ...q, words: [], prefix: false });
}

/** A word being typed is completed once it has this many characters (shorter ones match whole words only). */
export const MIN_PREFIX = 2;

/** Is query word `i` the last one, still being typed, long enough to be completed? */
export function isPrefix(q: LibraryQuery, i: number): boolean {
  return q.prefix && i === q.words.length - 1 && q.words[i]!.length >= MIN_PREFIX;
}

/** Do an item's terms match query word `i` (in any field, or with `meta` in the title/site/byline/tags)? */
export function termMatches(terms: TermLookup, q: LibraryQuery, i: number, meta = false): boolean {
  const word = (meta ? META : '') + q.words[i]!;
  return isPrefix(q, i) ? terms.hasPrefix(word) : terms.has(word);
}

export interface Candidate {
  n: number;
  /** How many query words match the title, byline, site or tags. */
  metaHits: number;
}

/** Field matches first, then the most recently (re)indexed. */
export function rank(candidates: Candidate[]): Candidate[] {
  return candidates.sort((a, b) => b.metaHits - a.metaHits || b.n - a.n);
}
