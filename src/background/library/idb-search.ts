/**
 * A search with words, on the IndexedDB store (see idb-store.ts for the stores): the postings of each word (and
 * of its completions while it's typed) and of each filter term, the journal applied on top, the `is:` state
 * sets; then only the shown page of items is read.
 */
import type { IDBPDatabase } from 'idb';
import type { ItemRecord, LecternDB } from './idb-schema.ts';
import { isPrefix, matchesStates, META, queryFilterTerms, rank, type Candidate } from './search/match.ts';
import type { LibraryQuery } from './search/query.ts';
import { bucketOf, packedLookup } from './search/term-list.ts';
import type { ListResult } from './store.ts';
import { summarize } from './types.ts';

function union(into: Set<number>, ids: Uint32Array | undefined): void {
  if (ids) for (const n of ids) into.add(n);
}

export async function searchIndex(db: IDBPDatabase<LecternDB>, query: LibraryQuery, offset: number, limit: number): Promise<ListResult> {
    const tx = db.transaction(['postings', 'recent', 'pending', 'items', 'states'], 'readonly');
    // One read per bucket and level, shared by the words that fall in it.
    const buckets = new Map<string, Promise<Array<Map<string, Uint32Array> | undefined>>>();
    const bucket = (term: string) => {
      const key = bucketOf(term);
      let got = buckets.get(key);
      if (!got) buckets.set(key, (got = Promise.all([tx.objectStore('postings').get(key), tx.objectStore('recent').get(key)])));
      return got;
    };
    const gone = new Set(await tx.objectStore('states').get('gone'));
    const read = async (word: string, prefix: boolean): Promise<Set<number>> => {
      const ids = new Set<number>();
      for (const terms of await bucket(word)) {
        if (!terms) continue;
        if (!prefix) union(ids, terms.get(word));
        else for (const [term, list] of terms) if (term.startsWith(word)) union(ids, list);
      }
      for (const n of gone) ids.delete(n);
      return ids;
    };
    const journal = (await tx.objectStore('pending').getAll()).map((e) => ({ ...e, lookup: packedLookup(e.terms) }));
    /** The postings of a term (or of its completions), with the journal applied on top, oldest first. */
    const lookup = async (term: string, prefix: boolean): Promise<Set<number>> => {
      const ids = await read(term, prefix);
      for (const entry of journal) {
        if (entry.op === 'remove') ids.delete(entry.n);
        else if (prefix ? entry.lookup.hasPrefix(term) : entry.lookup.has(term)) ids.add(entry.n);
      }
      return ids;
    };
    const perWord = await Promise.all(
      query.words.map(async (word, i) => {
        const prefix = isPrefix(query, i);
        const [all, meta] = await Promise.all([lookup(word, prefix), lookup(META + word, prefix)]);
        return { all, meta };
      }),
    );
    // Filters are terms too: every site and tag, one of the languages.
    const filters = queryFilterTerms(query);
    const required = await Promise.all(filters.all.map((t) => lookup(t, false)));
    if (filters.anyLang.length) {
      const langs = new Set<number>();
      for (const ids of await Promise.all(filters.anyLang.map((t) => lookup(t, false)))) for (const n of ids) langs.add(n);
      required.push(langs);
    }
    const sets = [...perWord.map((w) => w.all), ...required].sort((a, b) => a.size - b.size);
    let states: { read: Set<number>; archived: Set<number> } | null = null;
    if (query.states.length) {
      const store = tx.objectStore('states');
      const [read, archived] = await Promise.all([store.get('read'), store.get('archived')]);
      states = { read: new Set(read), archived: new Set(archived) };
    }
    const candidates: Candidate[] = [];
    for (const n of sets[0]!) {
      if (!sets.every((set) => set.has(n))) continue;
      if (states && !matchesStates(states.read.has(n), states.archived.has(n), query)) continue;
      candidates.push({ n, metaHits: perWord.filter((w) => w.meta.has(n)).length });
    }
    rank(candidates);
    const byN = tx.objectStore('items').index('n');
    const records = await Promise.all(candidates.slice(offset, offset + limit).map((c) => byN.get(c.n)));
    const page = records.filter((r): r is ItemRecord => !!r).map(summarize);
    const total = candidates.length;
    await tx.done;
    return { items: page, total };
  }
