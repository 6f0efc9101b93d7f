/**
 * In-memory LibraryStore for tests, with the same semantics as the IndexedDB store (shared in search/match.ts):
 * items are copied in and out, a changed item gets a new index number, search scans term sets.
 */
import { parseQuery, type LibraryQuery } from './search/query.ts';
import { indexKey, indexTerms, matchesFilters, rank, termMatches, type Candidate } from './search/match.ts';
import { setLookup } from './search/term-list.ts';
import { sameItem } from './merge.ts';
import type { ListOptions, ListResult, LibraryStore, MergeCounts } from './store.ts';
import { fromStored, summarize, type LibraryItem, type LibrarySummary, type StoredLibraryItem } from './types.ts';

interface Entry {
  item: StoredLibraryItem;
  n: number;
  key: string;
  terms: Set<string>;
}

export class MemoryLibraryStore implements LibraryStore {
  private readonly entries = new Map<string, Entry>();
  private readonly trash = new Map<string, Entry>();
  private nextN = 1;

  async put(item: LibraryItem | StoredLibraryItem): Promise<void> {
    const previous = this.entries.get(item.id);
    const key = indexKey(item);
    const reuse = previous && previous.key === key;
    this.entries.set(item.id, {
      item: structuredClone(item),
      n: reuse ? previous.n : this.nextN++,
      key,
      terms: reuse ? previous.terms : new Set(indexTerms(item, item.text)),
    });
  }

  async get(id: string): Promise<StoredLibraryItem | undefined> {
    const entry = this.entries.get(id);
    return entry ? structuredClone(entry.item) : undefined;
  }

  async list(query: LibraryQuery = parseQuery(''), { offset = 0, limit = 50 }: ListOptions = {}): Promise<ListResult> {
    const all = [...this.entries.values()];
    let ordered: Entry[];
    if (query.words.length) {
      const byN = new Map(all.map((e) => [e.n, e]));
      const candidates: Candidate[] = [];
      for (const e of all) {
        const terms = setLookup(e.terms);
        if (!query.words.every((_, i) => termMatches(terms, query, i))) continue;
        candidates.push({ n: e.n, metaHits: query.words.filter((_, i) => termMatches(terms, query, i, true)).length });
      }
      ordered = rank(candidates).map((c) => byN.get(c.n)!);
    } else {
      ordered = all.sort((a, b) => (a.item.savedAt < b.item.savedAt ? 1 : a.item.savedAt > b.item.savedAt ? -1 : 0));
    }
    const summaries = ordered.map((e) => summarize(e.item));
    const matching = summaries.filter((s) => matchesFilters(s, query));
    return { items: matching.slice(offset, offset + limit), total: matching.length };
  }

  async delete(id: string): Promise<LibrarySummary | undefined> {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    this.entries.delete(id);
    this.trash.set(id, entry);
    return summarize(entry.item);
  }

  async undoDelete(id: string): Promise<LibrarySummary | undefined> {
    const entry = this.trash.get(id);
    if (!entry || this.entries.has(id)) return undefined;
    this.trash.delete(id);
    await this.put(entry.item);
    return summarize(entry.item);
  }

  async putMany(items: readonly LibraryItem[], combine: (current: LibraryItem | undefined, item: LibraryItem) => LibraryItem): Promise<MergeCounts> {
    const counts: MergeCounts = { added: 0, updated: 0, unchanged: 0 };
    // Everything is computed before anything is written: all or nothing, like the one IndexedDB transaction.
    const writes: LibraryItem[] = [];
    for (const item of items) {
      const entry = this.entries.get(item.id);
      const current = entry ? fromStored(structuredClone(entry.item)) : undefined;
      const next = combine(current, item);
      if (current && sameItem(current, next)) counts.unchanged++;
      else {
        writes.push(next);
        counts[current ? 'updated' : 'added']++;
      }
    }
    for (const item of writes) await this.put(item);
    return counts;
  }

  async summaries(after: string | null, limit: number): Promise<LibrarySummary[]> {
    return [...this.entries.keys()]
      .filter((id) => after === null || id > after)
      .sort()
      .slice(0, limit)
      .map((id) => summarize(this.entries.get(id)!.item));
  }
}
