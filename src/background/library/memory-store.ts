import type { ListOptions, LibraryStore } from './store.ts';
import { summarize, type LibraryItem, type LibrarySummary, type StoredLibraryItem } from './types.ts';

/** In-memory LibraryStore for tests. Items are copied in and out, as a real store would. */
export class MemoryLibraryStore implements LibraryStore {
  private readonly items = new Map<string, StoredLibraryItem>();

  async put(item: LibraryItem | StoredLibraryItem): Promise<void> {
    this.items.set(item.id, structuredClone(item));
  }
  async get(id: string): Promise<StoredLibraryItem | undefined> {
    const item = this.items.get(id);
    return item ? structuredClone(item) : undefined;
  }
  async list({ offset = 0, limit = 50 }: ListOptions = {}): Promise<{ items: LibrarySummary[]; total: number }> {
    const all = [...this.items.values()].sort((a, b) => (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : 0));
    return { items: all.slice(offset, offset + limit).map(summarize), total: all.length };
  }
  async delete(id: string): Promise<void> {
    this.items.delete(id);
  }
}
