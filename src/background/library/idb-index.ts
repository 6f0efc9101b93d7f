/**
 * Maintaining the library's inverted index in IndexedDB (see idb-store.ts for the stores). Two levels, as a
 * log-structured index: the journal (`pending`) is folded into `recent`, a small index of the items added
 * since the last compaction, and `recent` is merged into the main `postings` only when it has grown to a
 * fraction of the library. So a fold rewrites small buckets, and the main index is rewritten a few times over
 * the library's life, not once per batch of saves. Removed items go into the `gone` set, which queries
 * subtract, until a compaction takes them out of the main index.
 *
 * Every step is idempotent (item numbers are never reused; journal entries apply in order), and the journal
 * entries are deleted only after their fold, so a worker stopped anywhere redoes at most a step.
 */
import type { IDBPDatabase } from 'idb';
import type { LecternDB } from './idb-schema.ts';
import { atomically, quiet } from './idb-tx.ts';
import { bucketOf, unpackTerms } from './search/term-list.ts';

/** Buckets rewritten per transaction (between them, saves and queries get their turn). */
const BUCKETS_PER_TX = 48;
/** Compact when `recent` holds more added items than this… */
const COMPACT_MIN = 500;
/** …and more than this share of the library. */
const COMPACT_SHARE = 0.15;

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

type Db = IDBPDatabase<LecternDB>;
type Bucket = Map<string, Uint32Array>;

function sorted(ids: Iterable<number>): Uint32Array {
  return Uint32Array.from([...ids].sort((a, b) => a - b));
}

/** Rewrites buckets of `store` in chunks: `update` gets each bucket's current terms (or undefined). */
async function rewriteBuckets(
  db: Db,
  stores: Array<'recent' | 'postings'>,
  keys: string[],
  update: (key: string, current: Array<Bucket | undefined>) => Bucket,
): Promise<void> {
  for (let start = 0; start < keys.length; start += BUCKETS_PER_TX) {
    const chunk = keys.slice(start, start + BUCKETS_PER_TX);
    const tx = db.transaction(stores, 'readwrite');
    await atomically(tx, async () => {
      const current = await Promise.all(chunk.map((k) => Promise.all(stores.map((s) => tx.objectStore(s).get(k)))));
      chunk.forEach((key, i) => {
        const next = update(key, current[i]!);
        const target = tx.objectStore(stores[stores.length - 1]!);
        if (next.size) quiet(target.put(next, key));
        else quiet(target.delete(key));
        if (stores.length > 1) quiet(tx.objectStore(stores[0]!).delete(key));
      });
    });
    await tick();
  }
}

/** Folds up to `batch` journal entries into `recent` (and removals into `gone`). Returns how many. */
export async function foldJournal(db: Db, batch: number): Promise<number> {
  const entries = await db.getAll('pending', undefined, batch);
  if (!entries.length) return 0;
  // bucket → term → [n, add?] in journal order
  const changes = new Map<string, Map<string, Array<[number, boolean]>>>();
  const gone: number[] = [];
  let added = 0;
  for (const entry of entries) {
    const add = entry.op === 'add';
    if (add) added++;
    else gone.push(entry.n);
    for (const term of unpackTerms(entry.terms)) {
      const key = bucketOf(term);
      let terms = changes.get(key);
      if (!terms) changes.set(key, (terms = new Map()));
      let list = terms.get(term);
      if (!list) terms.set(term, (list = []));
      list.push([entry.n, add]);
    }
  }
  await rewriteBuckets(db, ['recent'], [...changes.keys()], (key, [current]) => {
    const terms = current ?? new Map<string, Uint32Array>();
    for (const [term, list] of changes.get(key)!) {
      const ids = new Set(terms.get(term));
      for (const [n, add] of list) {
        if (add) ids.add(n);
        else ids.delete(n);
      }
      if (ids.size) terms.set(term, sorted(ids));
      else terms.delete(term);
    }
    return terms;
  });
  const tx = db.transaction(['states', 'meta', 'pending'], 'readwrite');
  await atomically(tx, async () => {
    if (gone.length) {
      const set = new Set(await tx.objectStore('states').get('gone'));
      for (const n of gone) set.add(n);
      quiet(tx.objectStore('states').put(sorted(set), 'gone'));
    }
    const meta = tx.objectStore('meta');
    quiet(meta.put(((await meta.get('recentItems')) ?? 0) + added, 'recentItems'));
    quiet(tx.objectStore('pending').delete(IDBKeyRange.bound(entries[0]!.seq!, entries[entries.length - 1]!.seq!)));
  });
  return entries.length;
}

/** Is `recent` big enough to merge into the main index? */
export async function needsCompaction(db: Db): Promise<boolean> {
  const [recentItems, items] = await Promise.all([db.get('meta', 'recentItems'), db.count('items')]);
  return (recentItems ?? 0) > Math.max(COMPACT_MIN, COMPACT_SHARE * items);
}

/** Merges `recent` into `postings` and drops `gone` items from it; then empties `recent` and `gone`. */
export async function compact(db: Db): Promise<void> {
  const gone = new Set(await db.get('states', 'gone'));
  const recentKeys = (await db.getAllKeys('recent')) as string[];
  // Removed items are in main buckets the recent ones may not name: then every main bucket is filtered.
  const keys = gone.size ? [...new Set([...recentKeys, ...((await db.getAllKeys('postings')) as string[])])] : recentKeys;
  await rewriteBuckets(db, ['recent', 'postings'], keys, (_key, [recent, main]) => {
    const terms = main ?? new Map<string, Uint32Array>();
    for (const [term, ids] of recent ?? []) {
      const merged = new Set(terms.get(term));
      for (const n of ids) merged.add(n);
      terms.set(term, sorted(merged));
    }
    if (gone.size) {
      for (const [term, ids] of terms) {
        const kept = ids.filter((n) => !gone.has(n));
        if (kept.length !== ids.length) {
          if (kept.length) terms.set(term, kept);
          else terms.delete(term);
        }
      }
    }
    return terms;
  });
  const tx = db.transaction(['states', 'meta'], 'readwrite');
  await atomically(tx, async () => {
    // Only the numbers this compaction took out (folds are serialized with it, but stay exact).
    const now = new Set(await tx.objectStore('states').get('gone'));
    for (const n of gone) now.delete(n);
    quiet(tx.objectStore('states').put(sorted(now), 'gone'));
    quiet(tx.objectStore('meta').put(0, 'recentItems'));
  });
}
