/**
 * Property tests (fast-check) of backup and restore on both stores:
 *  - export → import into an empty library → export gives the identical backup file;
 *  - restoring a backup twice leaves the library as restoring it once (into an empty or a non-empty library).
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdbLibraryStore } from '../../src/background/library/idb-store.ts';
import { MemoryLibraryStore } from '../../src/background/library/memory-store.ts';
import { LibraryService } from '../../src/background/library/service.ts';
import type { LibraryStore } from '../../src/background/library/store.ts';
import { createBackup, parseBackup } from '../../src/core/import/backup.ts';
import type { ImportedItem } from '../../src/core/import/types.ts';

const EXPORTED_AT = new Date('2026-06-01T00:00:00.000Z');
const iso = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2030-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString());
const word = fc.constantFrom('river', 'Straße', 'حرب', 'news', 'zebra', 'climate', '東京', 'a&b', '"quoted"', 'line\nbreak');
const text = fc.array(word, { maxLength: 12 }).map((w) => w.join(' '));

const imported: fc.Arbitrary<ImportedItem> = fc.record(
  {
    // Few hosts and paths, with tracking parameters and fragments: copies of one article are common.
    url: fc
      .tuple(fc.constantFrom('https://a.example', 'http://www.b.example', 'https://c.example'), fc.constantFrom('/', '/x', '/y/1', '/Z'), fc.constantFrom('', '?utm_source=t', '#top', '?id=2'))
      .map(([h, p, q]) => `${h}${p}${q}`),
    title: fc.string({ maxLength: 40 }),
    byline: fc.option(fc.string({ maxLength: 20 }), { nil: null }),
    siteName: fc.option(fc.constantFrom('A', 'B site'), { nil: null }),
    lang: fc.option(fc.constantFrom('en', 'de', 'ar'), { nil: null }),
    dir: fc.option(fc.constantFrom('ltr' as const, 'rtl' as const), { nil: null }),
    publishedTime: fc.option(iso, { nil: null }),
    savedAt: iso,
    readAt: fc.option(iso, { nil: null }),
    archivedAt: fc.option(iso, { nil: null }),
    tags: fc.array(fc.constantFrom('Long reads', 'long reads ', 'news', 'x', 'Ü'), { maxLength: 4 }),
    readingProgress: fc.double({ min: 0, max: 1, noNaN: true }),
    text,
    removed: fc.array(fc.record({ rule: fc.constantFrom('share-bar', 'promo'), text: fc.string({ maxLength: 10 }), html: fc.constant(null), at: fc.constantFrom('start' as const, 'end' as const) }), { maxLength: 2 }),
  },
  { requiredKeys: ['url', 'title'] },
).map((i) => ({ ...i, html: i.text ? `<p>${i.text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>` : '' }));

async function backupOf(lib: LibraryService): Promise<string> {
  const items = [];
  for (let after: string | null = null; ; ) {
    const page = await lib.exportPage(after, 7);
    if (!page.length) break;
    items.push(...page);
    after = page.at(-1)!.id;
  }
  return createBackup(items, { theme: 'dark', fontSize: 18 }, EXPORTED_AT);
}

const restore = (lib: LibraryService, backup: string) => lib.importItems(parseBackup(backup).items);

let n = 0;
const stores: Array<[string, () => LibraryStore, number]> = [
  ['memory', () => new MemoryLibraryStore(), 100],
  ['IndexedDB', () => new IdbLibraryStore(`lectern-prop-${++n}`), 25],
];

describe.each(stores)('backup and restore on %s', (_name, make, numRuns) => {
  const service = () => new LibraryService(make(), () => new Date('2026-05-01T00:00:00.000Z'));

  it('export → import into an empty library → export is identical', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(imported, { maxLength: 12 }), async (items) => {
        const first = service();
        await first.importItems(items);
        const backup1 = await backupOf(first);
        const second = service();
        await restore(second, backup1);
        expect(await backupOf(second)).toBe(backup1);
      }),
      { numRuns },
    );
  });

  it('restoring twice is restoring once, into an empty or a non-empty library', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(imported, { maxLength: 10 }), fc.array(imported, { maxLength: 10 }), async (existing, items) => {
        const source = service();
        await source.importItems(items);
        const backup = await backupOf(source);
        const lib = service();
        await lib.importItems(existing);
        await restore(lib, backup);
        const once = await backupOf(lib);
        const again = await restore(lib, backup);
        expect(again.added + again.updated).toBe(0);
        expect(await backupOf(lib)).toBe(once);
      }),
      { numRuns },
    );
  });
});
