/**
 * Imports that arrive in several messages (a runtime message is limited in size, an import file is not): the
 * parts wait here, in the worker's memory, until the commit hands them to `LibraryService.importItems` in one
 * transaction. Nothing is written before that, so an abandoned import — the page closed, the worker stopped
 * — changes nothing; its commit then fails with "unknown import" and the page says to try again.
 */
import type { ImportedItem } from '../../core/import/types.ts';

/** Most items one import may hold (a 256 MB Pocket CSV has ~2.5 M rows; the library isn't meant for more). */
export const MAX_STAGED_ITEMS = 2_000_000;
/** An import not committed this long after its last part is dropped. */
const STALE_MS = 10 * 60 * 1000;

export class UnknownImportError extends Error {
  constructor() {
    super('This import was interrupted (Lectern restarted or the page closed before it finished). Nothing was changed: import the file again.');
    this.name = 'UnknownImportError';
  }
}

export class ImportStaging {
  private readonly imports = new Map<string, { items: ImportedItem[]; touched: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  begin(): string {
    this.dropStale();
    const id = crypto.randomUUID();
    this.imports.set(id, { items: [], touched: this.now() });
    return id;
  }

  add(id: string, items: readonly ImportedItem[]): number {
    const entry = this.imports.get(id);
    if (!entry) throw new UnknownImportError();
    if (entry.items.length + items.length > MAX_STAGED_ITEMS) {
      this.imports.delete(id);
      throw new Error(`An import may hold at most ${MAX_STAGED_ITEMS} items. Nothing was changed.`);
    }
    for (const item of items) entry.items.push(item);
    entry.touched = this.now();
    return entry.items.length;
  }

  /** The staged items, removed from staging. */
  take(id: string): ImportedItem[] {
    const entry = this.imports.get(id);
    if (!entry) throw new UnknownImportError();
    this.imports.delete(id);
    return entry.items;
  }

  abort(id: string): void {
    this.imports.delete(id);
  }

  private dropStale(): void {
    for (const [id, entry] of this.imports) if (this.now() - entry.touched > STALE_MS) this.imports.delete(id);
  }
}
