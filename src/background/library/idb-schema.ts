/**
 * The library's IndexedDB schema and its numbered migrations (see idb-store.ts for what each store is for).
 * Never edit a released migration; add the next one. Tests open each version's real data with today's code.
 */
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import { quiet } from './idb-tx.ts';
import { indexKey, indexTerms } from './search/match.ts';
import { packTerms, type PackedTerms } from './search/term-list.ts';
import { summarize, type LibrarySummary, type StoredLibraryItem } from './types.ts';

export const DB_NAME = 'lectern';

/** A stored summary with the store's own fields. */
export type ItemRecord = LibrarySummary & { n: number; indexKey: string };
export interface BodyRecord {
  id: string;
  html: string;
  text: string;
  removed?: StoredLibraryItem['removed'];
  /** The item's index terms, to take it out of the index later. */
  terms: PackedTerms;
}
export interface PendingRecord {
  seq?: number;
  op: 'add' | 'remove';
  n: number;
  terms: PackedTerms;
}
interface TrashRecord {
  id: string;
  deletedAt: number;
  item: ItemRecord;
  body: BodyRecord;
}

/** 'read', 'archived': item numbers in that state; 'gone': numbers removed from the index since the last compaction. */
export type StateSet = 'read' | 'archived' | 'gone';

export interface LecternDB extends DBSchema {
  items: { key: string; value: ItemRecord; indexes: { savedAt: string; n: number; archivedAt: string } };
  bodies: { key: string; value: BodyRecord };
  /** Bucket (a term's first two characters, see term-list.ts) → term → sorted item numbers. */
  postings: { key: string; value: Map<string, Uint32Array> };
  /** The same, for the items folded in since the last compaction (small; merged into `postings` now and then). */
  recent: { key: string; value: Map<string, Uint32Array> };
  pending: { key: number; value: PendingRecord };
  trash: { key: string; value: TrashRecord };
  meta: { key: string; value: number };
  /** Sorted item numbers: read, archived (the `is:` filters of a search), gone (see StateSet). */
  states: { key: StateSet; value: Uint32Array };
}

export type AnyStore = StoreNames<LecternDB>;
type UpgradeTx = IDBPTransaction<LecternDB, AnyStore[], 'versionchange'>;

/** A version-1 record: the whole item, body included, in `items`. */
type V1Item = StoredLibraryItem;

/** migrations[i] upgrades a database from version i to version i + 1. */
export const MIGRATIONS: ReadonlyArray<(db: IDBPDatabase<LecternDB>, tx: UpgradeTx) => Promise<void> | void> = [
  // 0 → 1: the items store, keyed by normalized URL, with a savedAt index for the newest-first list.
  (db) => {
    const items = db.createObjectStore('items', { keyPath: 'id' });
    items.createIndex('savedAt', 'savedAt');
  },
  // 1 → 2: bodies move out of `items` (the list reads summaries only); the full-text index; trash; meta; states.
  async (db, tx) => {
    db.createObjectStore('bodies', { keyPath: 'id' });
    db.createObjectStore('postings');
    db.createObjectStore('recent');
    db.createObjectStore('pending', { keyPath: 'seq', autoIncrement: true });
    db.createObjectStore('trash', { keyPath: 'id' });
    db.createObjectStore('meta');
    db.createObjectStore('states');
    const read: number[] = [];
    const archived: number[] = [];
    const items = tx.objectStore('items');
    items.createIndex('n', 'n', { unique: true });
    items.createIndex('archivedAt', 'archivedAt');
    let n = 1;
    let cursor = await items.openCursor();
    while (cursor) {
      const old = cursor.value as unknown as V1Item;
      const record: ItemRecord = { ...summarize(old), n, indexKey: indexKey(old) };
      const terms = packTerms(indexTerms(old, old.text));
      quiet(tx.objectStore('bodies').put({ id: old.id, html: old.html, text: old.text, removed: old.removed ?? [], terms }));
      quiet(tx.objectStore('pending').add({ op: 'add', n, terms }));
      await cursor.update(record);
      if (old.readAt) read.push(n);
      if (old.archivedAt) archived.push(n);
      n++;
      cursor = await cursor.continue();
    }
    await tx.objectStore('meta').put(n, 'nextN');
    await tx.objectStore('states').put(Uint32Array.from(read), 'read');
    await tx.objectStore('states').put(Uint32Array.from(archived), 'archived');
  },
];
export const DB_VERSION = MIGRATIONS.length;

