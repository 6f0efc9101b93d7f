/**
 * What a library item contributes to the index and how results are filtered and ordered — shared by both
 * stores so the in-memory store behaves exactly like the IndexedDB one.
 */
import type { LibrarySummary } from '../types.ts';
import { isEmptyQuery, type ItemState, type LibraryQuery } from './query.ts';
import type { TermLookup } from './term-list.ts';
import { termSet, words } from './tokenize.ts';

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

/** Marks the terms of the filters (`lang:`, `site:`, `tag:`): the index answers them like words. */
export const FILTER = '\u0002';

/**
 * The filter terms of an item. `site:` matches a label of the host ("nytimes"), a suffix of it
 * ("nytimes.com"), or a word of the site's name; `lang:` the language ("de" matches "de-AT" too); `tag:` a tag.
 */
export function filterTerms(item: Indexable): Set<string> {
  const out = new Set<string>();
  const lang = (item.lang ?? '').toLowerCase();
  if (lang) {
    out.add(`${FILTER}l:${lang}`);
    out.add(`${FILTER}l:${lang.split('-')[0]}`);
  }
  const labels = hostOf(item.url).split('.').filter(Boolean);
  labels.forEach((label, i) => {
    out.add(`${FILTER}s:${label}`);
    out.add(`${FILTER}s:${labels.slice(i).join('.')}`);
  });
  for (const w of words(item.siteName ?? '')) out.add(`${FILTER}s:${w}`);
  for (const tag of item.tags) out.add(`${FILTER}g:${tag}`);
  return out;
}

/** The filter terms a query requires: every site and tag, and one of its languages. */
export function queryFilterTerms(q: LibraryQuery): { all: string[]; anyLang: string[] } {
  const all: string[] = [];
  for (const site of q.sites) {
    const value = site.trim().toLowerCase().replace(/^www\./, '');
    if (/^[\p{L}\p{N}.-]+$/u.test(value) && value.includes('.')) all.push(`${FILTER}s:${value}`);
    else for (const w of words(value)) all.push(`${FILTER}s:${w}`);
  }
  for (const tag of q.tags) all.push(`${FILTER}g:${tag}`);
  return { all, anyLang: q.langs.map((l) => `${FILTER}l:${l}`) };
}

/** The distinct index terms of an item: body words, field words, those again under META, filter terms. */
export function indexTerms(item: Indexable, text: string): string[] {
  const terms = termSet(text, item.lang);
  const meta = termSet([item.title, item.byline ?? '', item.siteName ?? '', hostOf(item.url).replace(/\./g, ' '), ...item.tags].join('\n'), item.lang);
  for (const t of meta) {
    terms.add(t);
    terms.add(META + t);
  }
  for (const t of filterTerms(item)) terms.add(t);
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
  if (!matchesStates(item.readAt !== null, archived, q)) return false;
  if (archived && !q.words.length && !q.states.includes('archived')) return false;
  if (!q.sites.length && !q.tags.length && !q.langs.length) return true;
  const terms = filterTerms(item);
  const { all, anyLang } = queryFilterTerms(q);
  return all.every((t) => terms.has(t)) && (!anyLang.length || anyLang.some((t) => terms.has(t)));
}

export function hasFilters(q: LibraryQuery): boolean {
  return !isEmptyQuery({ ...q, words: [], prefix: false });
}

/** Does the state of an item (read, archived) pass the query's `is:` filters? */
export function matchesStates(read: boolean, archived: boolean, q: LibraryQuery): boolean {
  return q.states.every((s) => (s === 'archived' ? archived : s === 'read' ? read : !read));
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
