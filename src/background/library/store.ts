/** Where saved articles live. The background worker uses IndexedDB; tests use the in-memory store. */
import type { LibraryItem, LibrarySummary } from './types.ts';

export interface ListOptions {
  offset?: number;
  limit?: number;
}

export interface LibraryStore {
  /** Inserts or replaces the item with `item.id`, in one transaction. */
  put(item: LibraryItem): Promise<void>;
  get(id: string): Promise<LibraryItem | undefined>;
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
