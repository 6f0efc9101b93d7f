/** How much one import may bring, and the error for a file read where there is no DOM. */
import { ImportError } from './types.ts';

/**
 * Most articles one file may bring: the whole import is one IndexedDB transaction in the service worker, which
 * Chromium stops after 5 minutes on one event. Measured in real Chromium (docs/benchmarks.md, "Import"):
 * 76,083 Pocket rows took 65 s to commit and ~1.3 GB more memory; 49,510 rows 31 s. A larger file is refused
 * at once, naming the limit, before its rows are read past it.
 */
export const MAX_IMPORT_ITEMS = 50_000;

/** The file needs a DOM (bookmarks HTML, Omnivore content) and was read where there is none (a worker). */
export class NeedsWindowError extends Error {
  constructor() {
    super('This file needs a DOM to be read.');
    this.name = 'NeedsWindowError';
  }
}

const TOO_MANY = {
  rows: 'importErrorTooManyRows',
  items: 'importErrorTooManyItems',
  articles: 'importErrorTooManyArticles',
  bookmarks: 'importErrorTooManyBookmarks',
} as const;

/** Refuses a file with more than `max` articles (rows, items, bookmarks), naming the limit. */
export function checkItemCount(count: number, max: number, what: 'rows' | 'items' | 'articles' | 'bookmarks' = 'rows'): void {
  if (count > max) {
    throw new ImportError(
      TOO_MANY[what],
      [max],
      `This file has more than ${max.toLocaleString('en-US')} ${what}: Lectern imports at most ${max.toLocaleString('en-US')} articles from one file (a larger library would take the browser too long to store in one step). Split the file and import the parts one by one. Nothing was imported.`,
    );
  }
}
