/** Where saved articles live. The background worker uses IndexedDB; tests use the in-memory store. */
import type { LibraryItem, LibrarySummary, StoredLibraryItem } from './types.ts';

export interface ListOptions {
  offset?: number;
  limit?: number;
}

export interface LibraryStore {
  /** Inserts or replaces the item with `item.id`, in one transaction. */
  put(item: LibraryItem): Promise<void>;
  /** As stored: an item saved by an older version may lack newer fields (see StoredLibraryItem). */
  get(id: string): Promise<StoredLibraryItem | undefined>;
  /** Newest saved first. */
  list(options?: ListOptions): Promise<{ items: LibrarySummary[]; total: number }>;
  delete(id: string): Promise<void>;
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
