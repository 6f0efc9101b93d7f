/**
 * IndexedDB LibraryStore (through idb), with the library's full-text index in the same database.
 *
 * Stores:
 *  - items     the summaries (no body), keyed by normalized URL; indexes savedAt (the list), n (search hits),
 *              archivedAt (counting the inbox)
 *  - bodies    html, text, removed items, and the item's index terms (to take it out of the index later)
 *  - postings  the inverted index in buckets: a term's first two characters → Map(term → sorted Uint32Array of
 *              item numbers `n`). A query reads one bucket per word; a fold touches each bucket once. (Chromium
 *              spends ~0.1 ms per IndexedDB request whatever its size, so few large records beat many small.)
 *  - recent    the same for items added since the last compaction (idb-index.ts: a two-level index)
 *  - pending   the index journal: {op: add|remove, n, terms}, written in the same transaction as the item
 *  - trash     deleted items, for Undo
 *  - meta      counters (the next item number)
 *  - states    the item numbers that are read, and archived (for `is:` filters without reading items)
 *
 * A save writes item + body + journal in one transaction (a few ms, whatever the library's size); the journal
 * is folded into `postings` later, in batches (`mergePending`: when it holds FOLD_AT entries, or when writes
 * pause), and until then queries read it directly, so a just-saved article is found at once and a worker stopped between the two steps loses nothing: the next
 * start folds what is left. An item whose indexed content changes gets a new number (the old one is removed
 * from the index through the journal), so postings never need a scan.
 *
 * Schema changes are numbered migrations (idb-schema.ts), each run once in order inside the upgrade transaction.
 */
import { openDB, type IDBPDatabase, type IDBPTransaction } from 'idb';
import { DB_NAME, DB_VERSION, MIGRATIONS, type AnyStore, type LecternDB, type StateSet } from './idb-schema.ts';
import { parseQuery, type LibraryQuery } from './search/query.ts';
import { searchIndex } from './idb-search.ts';
import { hasFilters, indexKey, indexTerms, matchesFilters } from './search/match.ts';
import { compact, foldJournal, needsCompaction } from './idb-index.ts';
import { packTerms } from './search/term-list.ts';
import { atomically, quiet } from './idb-tx.ts';
import { putManyIn, type Combine } from './idb-bulk.ts';
import { Serial, StorageError, type ListOptions, type ListResult, type LibraryStore, type MergeCounts } from './store.ts';
import { fromStored, summarize, type LibraryItem, type LibrarySummary, type StoredLibraryItem } from './types.ts';

/** Deleted items kept for Undo, at most this long. */
const TRASH_MS = 24 * 60 * 60 * 1000;
/** Journal entries folded per fold. */
const MERGE_BATCH = 256;
/** Fold at once when the journal holds this many entries… */
const FOLD_AT = 64;
/** …otherwise once writes have paused this long. */
const FOLD_IDLE_MS = 2000;

function errorName(err: unknown): string {
  if (err && typeof err === 'object' && 'name' in err && typeof err.name === 'string') return err.name;
  return '';
}

export function toStorageError(err: unknown): StorageError {
  if (err instanceof StorageError) return err;
  const name = errorName(err);
  if (name === 'QuotaExceededError') return new StorageError('quota', 'Storage is full: free some disk space or delete saved articles. Nothing saved before was lost.');
  if (name === 'InvalidStateError' || name === 'SecurityError' || name === 'UnknownError' || name === 'NotFoundError') {
    return new StorageError('unavailable', 'Local storage is not available (a private window, or the browser blocked it). Nothing can be saved here.');
  }
  return new StorageError('failed', `Storage failed: ${err instanceof Error ? err.message : String(err)}`);
}


export interface IdbStoreOptions {
  /** How long an upgrade may wait for another Lectern page holding the old version before saying so. */
  blockedAfterMs?: number;
  /** Fold the journal automatically after writes (tests turn it off to look at the journal). */
  autoMerge?: boolean;
}

export class IdbLibraryStore implements LibraryStore {
  private dbPromise: Promise<IDBPDatabase<LecternDB>> | null = null;
  private readonly writes = new Serial();
  /** One fold at a time (two overlapping folds could apply an old add after a newer remove). */
  private readonly merges = new Serial();
  private mergeTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly name = DB_NAME,
    private readonly options: IdbStoreOptions = {},
  ) {}

  private db(): Promise<IDBPDatabase<LecternDB>> {
    if (!this.dbPromise) {
      let blocked: (err: StorageError) => void = () => undefined;
      const blockedPromise = new Promise<never>((_, reject) => (blocked = reject));
      const opening = openDB<LecternDB>(this.name, DB_VERSION, {
        upgrade(db, oldVersion, _newVersion, tx) {
          let chain = Promise.resolve();
          for (let v = oldVersion; v < DB_VERSION; v++) chain = chain.then(() => MIGRATIONS[v]?.(db, tx));
          chain.catch(() => tx.abort());
        },
        blocked: () => {
          const after = this.options.blockedAfterMs ?? 1500;
          setTimeout(
            () => blocked(new StorageError('blocked', 'Lectern is being updated, but another Lectern page still uses the old version: close other Lectern tabs and popups, then try again.')),
            after,
          );
        },
        blocking: () => {
          // Another context wants a newer version: close so it can upgrade; we reopen on next use.
          void this.dbPromise?.then((db) => db.close());
          this.dbPromise = null;
        },
      });
      this.dbPromise = Promise.race([opening, blockedPromise]).catch((err: unknown) => {
        this.dbPromise = null;
        // If the blocked open completes later, don't leave its connection holding the database.
        void opening.then((db) => db.close(), () => undefined);
        throw toStorageError(err);
      });
    }
    return this.dbPromise;
  }

  /** Closes the connection (tests; a worker being stopped closes it anyway). */
  async close(): Promise<void> {
    if (this.mergeTimer) clearTimeout(this.mergeTimer);
    const db = await this.dbPromise?.catch(() => null);
    db?.close();
    this.dbPromise = null;
  }

  private async guard<T>(task: () => Promise<T>): Promise<T> {
    try {
      return await task();
    } catch (err) {
      throw toStorageError(err);
    }
  }

  /** Folds the journal soon: at once when it is long, else when writes pause. */
  private scheduleMerge(pending?: number): void {
    if (this.options.autoMerge === false) return;
    if (this.mergeTimer) clearTimeout(this.mergeTimer);
    this.mergeTimer = setTimeout(
      () => {
        this.mergeTimer = null;
        void this.mergeAll().catch(() => undefined); // retried after the next write or query
      },
      pending !== undefined && pending >= FOLD_AT ? 0 : FOLD_IDLE_MS,
    );
  }

  private async nextN(tx: IDBPTransaction<LecternDB, AnyStore[], 'readwrite'>): Promise<number> {
    const meta = tx.objectStore('meta');
    const n = (await meta.get('nextN')) ?? 1;
    await meta.put(n + 1, 'nextN');
    return n;
  }

  /** Moves an item's number between the state sets: `from` leaves both; `to` joins those its state says. */
  private async moveStates(
    tx: IDBPTransaction<LecternDB, AnyStore[], 'readwrite'>,
    from: number | undefined,
    to: number | undefined,
    state: { readAt: string | null; archivedAt: string | null },
  ): Promise<void> {
    const store = tx.objectStore('states');
    for (const key of ['read', 'archived'] as StateSet[]) {
      const ids = new Set(await store.get(key));
      const before = ids.size;
      const had = from !== undefined && ids.has(from);
      if (from !== undefined) ids.delete(from);
      const want = to !== undefined && (key === 'read' ? state.readAt !== null : state.archivedAt !== null);
      if (want) ids.add(to);
      if (had !== want || from !== to || ids.size !== before) quiet(store.put(Uint32Array.from([...ids].sort((a, b) => a - b)), key));
    }
  }

  put(item: LibraryItem | StoredLibraryItem): Promise<void> {
    return this.writes.run(() =>
      this.guard(async () => {
        const db = await this.db();
        const key = indexKey(item);
        const old = await db.get('items', item.id);
        const oldBody = old && old.indexKey !== key ? await db.get('bodies', item.id) : undefined;
        // Computed before the transaction: an IndexedDB transaction ends when it waits on anything else.
        const terms = old && old.indexKey === key ? null : packTerms(indexTerms(item, item.text));
        const tx = db.transaction(['items', 'bodies', 'pending', 'meta', 'states'], 'readwrite');
        let pending = 0;
        await atomically(tx, async () => {
          let n = old?.n;
          let bodyTerms = terms;
          if (terms) {
            if (old) quiet(tx.objectStore('pending').add({ op: 'remove', n: old.n, terms: oldBody?.terms ?? packTerms([]) }));
            n = await this.nextN(tx);
            quiet(tx.objectStore('pending').add({ op: 'add', n, terms }));
          } else {
            bodyTerms = (await tx.objectStore('bodies').get(item.id))?.terms ?? packTerms(indexTerms(item, item.text));
          }
          quiet(tx.objectStore('items').put({ ...summarize(item), n: n!, indexKey: key }));
          quiet(tx.objectStore('bodies').put({ id: item.id, html: item.html, text: item.text, removed: item.removed ?? [], terms: bodyTerms! }));
          if (!old || old.n !== n || !old.readAt !== !item.readAt || !old.archivedAt !== !item.archivedAt) await this.moveStates(tx, old?.n, n, item);
          if (terms) pending = await tx.objectStore('pending').count();
        });
        if (terms) this.scheduleMerge(pending);
      }),
    );
  }

  /** Many items in ONE transaction (an import or a restore): see idb-bulk.ts. */
  putMany(items: readonly LibraryItem[], combine: Combine): Promise<MergeCounts> {
    return this.writes.run(() =>
      this.guard(async () => {
        const { counts, pending } = await putManyIn(await this.db(), items, combine);
        if (pending) this.scheduleMerge(pending);
        return counts;
      }),
    );
  }

  summaries(after: string | null, limit: number): Promise<LibrarySummary[]> {
    return this.guard(async () => {
      const db = await this.db();
      const records = await db.getAll('items', after === null ? undefined : IDBKeyRange.lowerBound(after, true), limit);
      return records.map(summarize);
    });
  }

  get(id: string): Promise<StoredLibraryItem | undefined> {
    return this.guard(async () => {
      const db = await this.db();
      const tx = db.transaction(['items', 'bodies'], 'readonly');
      const [record, body] = await Promise.all([tx.objectStore('items').get(id), tx.objectStore('bodies').get(id)]);
      if (!record) return undefined;
      const item: StoredLibraryItem = { ...summarize(record), html: body?.html ?? '', text: body?.text ?? '' };
      if (body?.removed) item.removed = body.removed;
      return fromStored(item);
    });
  }

  list(query: LibraryQuery = parseQuery(''), { offset = 0, limit = 50 }: ListOptions = {}): Promise<ListResult> {
    return this.guard(async () => (query.words.length ? searchIndex(await this.db(), query, offset, limit) : this.browse(query, offset, limit)));
  }

  /** No words: newest saved first, filtered. */
  private async browse(query: LibraryQuery, offset: number, limit: number): Promise<ListResult> {
    const db = await this.db();
    const tx = db.transaction('items', 'readonly');
    const items: LibrarySummary[] = [];
    let total = 0;
    const filtered = hasFilters(query);
    if (!filtered) total = (await tx.store.count()) - (await tx.store.index('archivedAt').count());
    let cursor = await tx.store.index('savedAt').openCursor(null, 'prev');
    let seen = 0;
    while (cursor) {
      const item = summarize(cursor.value);
      if (matchesFilters(item, query)) {
        if (seen >= offset && items.length < limit) items.push(item);
        seen++;
        // Without filters the total is known: stop at the end of the page.
        if (!filtered && items.length >= limit) break;
      }
      cursor = await cursor.continue();
    }
    if (filtered) total = seen;
    await tx.done;
    return { items, total };
  }

  delete(id: string): Promise<LibrarySummary | undefined> {
    return this.writes.run(() =>
      this.guard(async () => {
        const db = await this.db();
        const tx = db.transaction(['items', 'bodies', 'pending', 'trash', 'states'], 'readwrite');
        const deleted = await atomically(tx, async () => {
          const [item, body] = await Promise.all([tx.objectStore('items').get(id), tx.objectStore('bodies').get(id)]);
          if (!item) return undefined;
          const trash = tx.objectStore('trash');
          const now = Date.now();
          // Forget what was deleted long ago: Undo is for the moment after.
          let old = await trash.openCursor();
          while (old) {
            if (now - old.value.deletedAt > TRASH_MS) await old.delete();
            old = await old.continue();
          }
          quiet(trash.put({ id, deletedAt: now, item, body: body ?? { id, html: '', text: '', removed: [], terms: packTerms([]) } }));
          quiet(tx.objectStore('pending').add({ op: 'remove', n: item.n, terms: body?.terms ?? packTerms([]) }));
          quiet(tx.objectStore('items').delete(id));
          quiet(tx.objectStore('bodies').delete(id));
          await this.moveStates(tx, item.n, undefined, item);
          return summarize(item);
        });
        if (deleted) this.scheduleMerge();
        return deleted;
      }),
    );
  }

  undoDelete(id: string): Promise<LibrarySummary | undefined> {
    return this.writes.run(() =>
      this.guard(async () => {
        const db = await this.db();
        const tx = db.transaction(['items', 'bodies', 'pending', 'trash', 'meta', 'states'], 'readwrite');
        const restored = await atomically(tx, async () => {
          const [entry, current] = await Promise.all([tx.objectStore('trash').get(id), tx.objectStore('items').get(id)]);
          if (!entry || current) return undefined;
          const n = await this.nextN(tx);
          quiet(tx.objectStore('items').put({ ...entry.item, n }));
          quiet(tx.objectStore('bodies').put(entry.body));
          quiet(tx.objectStore('pending').add({ op: 'add', n, terms: entry.body.terms }));
          quiet(tx.objectStore('trash').delete(id));
          await this.moveStates(tx, undefined, n, entry.item);
          return summarize(entry.item);
        });
        if (restored) this.scheduleMerge();
        return restored;
      }),
    );
  }

  /** Journal entries not yet folded into the postings. */
  pendingCount(): Promise<number> {
    return this.guard(async () => (await this.db()).count('pending'));
  }

  /** Folds up to `batch` journal entries into the index (idb-index.ts); returns how many it folded. */
  mergePending(batch = MERGE_BATCH): Promise<number> {
    return this.merges.run(() => this.guard(async () => foldJournal(await this.db(), batch)));
  }

  /** Merges the recent index into the main one when it has grown enough (or always, with `force`). */
  compactIndex(force = false): Promise<void> {
    return this.merges.run(() =>
      this.guard(async () => {
        const db = await this.db();
        if (force || (await needsCompaction(db))) await compact(db);
      }),
    );
  }

  /** Folds the whole journal. */
  async mergeAll(): Promise<void> {
    while ((await this.mergePending()) > 0) {
      /* next batch */
    }
    await this.compactIndex();
  }
}

export { DB_NAME, DB_VERSION, MIGRATIONS, type LecternDB } from './idb-schema.ts';
