/**
 * Importing and restoring into the library (LibraryService.importItems → LibraryStore.putMany), on both stores:
 * merge by normalized URL, one transaction, idempotent, the search index and state sets kept as `put` keeps them.
 */
import 'fake-indexeddb/auto';
import { JSDOM } from 'jsdom';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IdbLibraryStore } from '../../src/background/library/idb-store.ts';
import { MemoryLibraryStore } from '../../src/background/library/memory-store.ts';
import { LibraryService } from '../../src/background/library/service.ts';
import { StorageError, type LibraryStore } from '../../src/background/library/store.ts';
import type { LibraryItem } from '../../src/background/library/types.ts';
import { extract } from '../../src/core/extract.ts';
import type { ImportedItem } from '../../src/core/import/types.ts';

const SAMPLE_URL = 'https://www.telesurenglish.net/news/drone-strike-pushes-iraq-to-end-us-led-coalition-mission-20240208-0010.html';
const sample = extract(new JSDOM(readFileSync('samples/telesur-iraq-drone.html'), { url: SAMPLE_URL }).window.document, SAMPLE_URL);

let dbCounter = 0;
const stores: Array<[string, () => LibraryStore]> = [
  ['memory', () => new MemoryLibraryStore()],
  ['IndexedDB (fake-indexeddb)', () => new IdbLibraryStore(`lectern-import-${++dbCounter}`)],
  ['IndexedDB, journal not yet folded', () => new IdbLibraryStore(`lectern-import-${++dbCounter}`, { autoMerge: false })],
];

const NOW = '2026-03-01T00:00:00.000Z';
const pocketRows: ImportedItem[] = [
  { url: 'https://news.example.com/climate?utm_source=pocket', title: 'Climate, cities and the sea', savedAt: '2023-11-14T22:13:20.000Z', tags: ['Climate', 'cities'] },
  { url: 'https://blog.example.org/post/1', title: 'An archived post', savedAt: '2023-11-14T22:15:00.000Z', archived: true },
  { url: 'https://news.example.com/climate', title: 'Same story again', savedAt: '2022-01-01T00:00:00.000Z', tags: ['sea'] },
];

async function everything(lib: LibraryService): Promise<LibraryItem[]> {
  const out: LibraryItem[] = [];
  for (let after: string | null = null; ; ) {
    const page = await lib.exportPage(after, 2);
    if (!page.length) return out;
    out.push(...page);
    after = page.at(-1)!.id;
  }
}

describe.each(stores)('importing into the library on %s', (_name, make) => {
  const service = (store = make()) => new LibraryService(store, () => new Date(NOW));

  it('imports URL-only rows as unread items with their dates and tags; copies in the file merge', async () => {
    const lib = service();
    expect(await lib.importItems(pocketRows)).toEqual({ added: 2, updated: 0, unchanged: 0 });
    const items = await everything(lib);
    expect(items.map((i) => [i.id, i.title, i.savedAt, i.tags, i.readAt, i.archivedAt, i.text])).toEqual([
      ['https://blog.example.org/post/1', 'An archived post', '2023-11-14T22:15:00.000Z', [], null, '2023-11-14T22:15:00.000Z', ''],
      ['https://news.example.com/climate', 'Climate, cities and the sea', '2022-01-01T00:00:00.000Z', ['cities', 'climate', 'sea'], null, null, ''],
    ]);
    // The list, the search index and the `is:` state sets know the imported items.
    expect((await lib.list()).items.map((i) => i.title)).toEqual(['Climate, cities and the sea']);
    expect((await lib.list('is:archived')).items.map((i) => i.title)).toEqual(['An archived post']);
    expect((await lib.list('cities')).items.map((i) => i.title)).toEqual(['Climate, cities and the sea']);
    expect((await lib.list('tag:sea')).total).toBe(1);
  });

  it('a missing saved date is the import time', async () => {
    const lib = service();
    await lib.importItems([{ url: 'https://a.example/x', title: 'X', savedAt: null }]);
    expect((await lib.get('https://a.example/x'))?.savedAt).toBe(NOW);
  });

  it('merges into a library that has the article: keeps its body and states, adds tags and archived', async () => {
    const lib = service();
    const saved = await lib.save(sample);
    await lib.update(saved.id, { tags: ['iraq'], readingProgress: 0.5 });
    const counts = await lib.importItems([{ url: `${SAMPLE_URL}?utm_campaign=x`, canonicalUrl: sample.canonicalUrl, title: 'Pocket title', tags: ['news'], archived: true, savedAt: '2020-01-01T00:00:00.000Z' }]);
    expect(counts).toEqual({ added: 0, updated: 1, unchanged: 0 });
    const item = await lib.get(saved.id);
    expect(item).toMatchObject({ title: sample.title, text: sample.text, tags: ['iraq', 'news'], readingProgress: 0.5, savedAt: '2020-01-01T00:00:00.000Z', archivedAt: '2020-01-01T00:00:00.000Z' });
    expect((await lib.list('is:archived drone')).total).toBe(1);
  });

  it('a body from a backup fills a URL-only item, title and all', async () => {
    const lib = service();
    await lib.importItems([{ url: 'https://a.example/story', title: 'https://a.example/story' }]);
    await lib.importItems([{ url: 'https://a.example/story', title: 'The story', text: 'Words about zebras.', html: '<p>Words about zebras.</p>' }]);
    const item = await lib.get('https://a.example/story');
    expect(item).toMatchObject({ title: 'The story', text: 'Words about zebras.', wordCount: 3 });
    expect(item?.textHash).toMatch(/^[0-9a-f]{64}$/);
    expect((await lib.list('zebras')).items.map((i) => i.title)).toEqual(['The story']);
  });

  it('is idempotent: importing the same file again changes nothing', async () => {
    const store = make();
    const lib = service(store);
    await lib.save(sample);
    await lib.importItems(pocketRows);
    const before = await everything(lib);
    expect(await lib.importItems(pocketRows)).toEqual({ added: 0, updated: 0, unchanged: 2 });
    expect(await everything(lib)).toEqual(before);
    if (store instanceof IdbLibraryStore) await store.close();
  });

  it('pages through every item, archived too, in id order', async () => {
    const lib = service();
    await lib.importItems(Array.from({ length: 5 }, (_, i) => ({ url: `https://a.example/${i}`, title: `T${i}`, archived: i % 2 === 0 })));
    expect((await lib.summaries(null, 3)).map((s) => s.id)).toEqual(['https://a.example/0', 'https://a.example/1', 'https://a.example/2']);
    expect((await lib.summaries('https://a.example/2', 3)).map((s) => s.id)).toEqual(['https://a.example/3', 'https://a.example/4']);
  });
});

describe('an import that fails on IndexedDB', () => {
  it('changes nothing: one transaction, aborted', async () => {
    const store = new IdbLibraryStore(`lectern-import-fail-${++dbCounter}`, { autoMerge: false });
    const lib = new LibraryService(store, () => new Date(NOW));
    await lib.save(sample);
    const before = { items: await everything(lib), pending: await store.pendingCount() };
    // The third item can't be stored (a function is not cloneable): the first two must not be written either.
    const bad = { url: 'https://c.example/', title: 'C', removed: [{ rule: 'x', text: 't', html: null, at: 'start', fn: () => 1 }] } as unknown as ImportedItem;
    const rows: ImportedItem[] = [{ url: 'https://a.example/', title: 'A' }, { url: `${SAMPLE_URL}`, canonicalUrl: sample.canonicalUrl, title: 'x', tags: ['new'] }, bad];
    await expect(lib.importItems(rows)).rejects.toBeInstanceOf(StorageError);
    expect(await everything(lib)).toEqual(before.items);
    expect(await store.pendingCount()).toBe(before.pending);
    expect((await lib.list('tag:new')).total).toBe(0);
    await store.close();
  });
});
