/** Where saved articles live. The background worker uses IndexedDB; tests use the in-memory store too. */
import type { LibraryQuery } from './search/query.ts';
import type { LibraryItem, LibrarySummary, StoredLibraryItem } from './types.ts';

export interface ListOptions {
  offset?: number;
  limit?: number;
}

export interface ListResult {
  items: LibrarySummary[];
  /** How many items match in all (the list shows a page of them). */
  total: number;
}

/** What an import did to the library. */
export interface MergeCounts {
  added: number;
  updated: number;
  unchanged: number;
}

export interface LibraryStore {
  /**
   * Inserts or replaces the item with `item.id`, in one transaction (item, body and index journal together:
   * a worker stopped mid-save leaves the old item or the new one, never half of one).
   */
  put(item: LibraryItem): Promise<void>;
  /** As stored: an item saved by an older version may lack newer fields (see StoredLibraryItem). */
  get(id: string): Promise<StoredLibraryItem | undefined>;
  /** One page of the items matching the query: newest saved first, or by relevance when it has words. */
  list(query: LibraryQuery, options?: ListOptions): Promise<ListResult>;
  /** Deletes the item, keeping it aside so `undoDelete` can bring it back. Returns what was deleted. */
  delete(id: string): Promise<LibrarySummary | undefined>;
  /** Puts a just-deleted item back, unchanged. */
  undoDelete(id: string): Promise<LibrarySummary | undefined>;
  /**
   * Writes many items (distinct ids) in ONE transaction: for each, `combine(current, item)` (current: the
   * stored item with that id, if any) is stored — or nothing when it equals the current item. If anything
   * fails, nothing is written. Index journal and state sets are kept exactly as `put` keeps them.
   */
  putMany(items: readonly LibraryItem[], combine: (current: LibraryItem | undefined, item: LibraryItem) => LibraryItem): Promise<MergeCounts>;
  /** Summaries of every item, archived too, in id order, the first `limit` after `after` (null: from the start). */
  summaries(after: string | null, limit: number): Promise<LibrarySummary[]>;
}

/** Thrown by stores with a code the UI can explain. */
export class StorageError extends Error {
  constructor(
    readonly code: 'quota' | 'unavailable' | 'blocked' | 'failed',
    message: string,
  ) {
    super(message);
    this.name = 'StorageError';
  }
}

/** Runs async tasks one after another (one worker writes one thing at a time). */
export class Serial {
  private tail: Promise<unknown> = Promise.resolve();
  run<T>(task: () => Promise<T>): Promise<T> {
    const next = this.tail.then(task, task);
    this.tail = next.catch(() => undefined);
    return next;
  }
}
