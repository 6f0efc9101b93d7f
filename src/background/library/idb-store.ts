/**
 * IndexedDB LibraryStore (through idb). Schema changes are numbered migrations, each run once in order inside
 * the upgrade transaction; never edit a released migration, add the next one.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction } from 'idb';
import { StorageError, type ListOptions, type LibraryStore } from './store.ts';
import { summarize, type LibraryItem, type LibrarySummary, type StoredLibraryItem } from './types.ts';

export const DB_NAME = 'lectern';

interface LecternDB extends DBSchema {
  items: { key: string; value: StoredLibraryItem; indexes: { savedAt: string } };
}

type UpgradeTx = IDBPTransaction<LecternDB, Array<'items'>, 'versionchange'>;

/** migrations[i] upgrades a database from version i to version i + 1. */
export const MIGRATIONS: ReadonlyArray<(db: IDBPDatabase<LecternDB>, tx: UpgradeTx) => void> = [
  // 0 → 1: the items store, keyed by normalized URL, with a savedAt index for the newest-first list.
  (db) => {
    const items = db.createObjectStore('items', { keyPath: 'id' });
    items.createIndex('savedAt', 'savedAt');
  },
];
export const DB_VERSION = MIGRATIONS.length;

function toStorageError(err: unknown): StorageError {
  if (err instanceof StorageError) return err;
  const name = err instanceof Error || err instanceof DOMException ? err.name : '';
  if (name === 'QuotaExceededError') return new StorageError('quota', 'Storage is full: free some space or delete saved articles.');
  if (name === 'InvalidStateError' || name === 'SecurityError' || name === 'UnknownError') {
    return new StorageError('unavailable', 'Local storage is not available (a private window, or the browser blocked it).');
  }
  return new StorageError('failed', `Storage failed: ${err instanceof Error ? err.message : String(err)}`);
}

export class IdbLibraryStore implements LibraryStore {
  private dbPromise: Promise<IDBPDatabase<LecternDB>> | null = null;

  constructor(private readonly name = DB_NAME) {}

  private db(): Promise<IDBPDatabase<LecternDB>> {
    if (!this.dbPromise) {
      this.dbPromise = openDB<LecternDB>(this.name, DB_VERSION, {
        upgrade(db, oldVersion, _newVersion, tx) {
          for (let v = oldVersion; v < DB_VERSION; v++) MIGRATIONS[v]?.(db, tx);
        },
        blocked: () => undefined,
        blocking: () => {
          // Another context wants a newer version: close so it can upgrade; we reopen on next use.
          void this.dbPromise?.then((db) => db.close());
          this.dbPromise = null;
        },
      }).catch((err: unknown) => {
        this.dbPromise = null;
        throw toStorageError(err);
      });
    }
    return this.dbPromise;
  }

  async put(item: LibraryItem | StoredLibraryItem): Promise<void> {
    try {
      const db = await this.db();
      const tx = db.transaction('items', 'readwrite');
      await Promise.all([tx.store.put(item), tx.done]);
    } catch (err) {
      throw toStorageError(err);
    }
  }

  async get(id: string): Promise<StoredLibraryItem | undefined> {
    try {
      return await (await this.db()).get('items', id);
    } catch (err) {
      throw toStorageError(err);
    }
  }

  async list({ offset = 0, limit = 50 }: ListOptions = {}): Promise<{ items: LibrarySummary[]; total: number }> {
    try {
      const db = await this.db();
      const tx = db.transaction('items', 'readonly');
      const total = await tx.store.count();
      const items: LibrarySummary[] = [];
      let cursor = await tx.store.index('savedAt').openCursor(null, 'prev');
      if (cursor && offset > 0) cursor = await cursor.advance(offset);
      while (cursor && items.length < limit) {
        items.push(summarize(cursor.value));
        cursor = await cursor.continue();
      }
      await tx.done;
      return { items, total };
    } catch (err) {
      throw toStorageError(err);
    }
  }

  async delete(id: string): Promise<void> {
    try {
      await (await this.db()).delete('items', id);
    } catch (err) {
      throw toStorageError(err);
    }
  }
}
