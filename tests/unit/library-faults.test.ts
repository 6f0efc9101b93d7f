/**
 * Storage faults the library must survive without losing anything (the hostile-pages issue's "storage faults",
 * next to the quota / unavailable / blocked-upgrade / atomic-save tests in library-search.test.ts and the failed
 * import in library-import.test.ts):
 *  - the worker stopped between two writes: after a save's transaction and before the journal is folded into the
 *    index, and in the middle of a fold (its transaction aborted);
 *  - corrupt records on disk (wrong types, missing fields, a damaged body): the list, search, the reader's get,
 *    exports and updates keep working, and the healthy items are untouched.
 */
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IdbLibraryStore } from '../../src/background/library/idb-store.ts';
import { LibraryService } from '../../src/background/library/service.ts';
import type { Article } from '../../src/core/types.ts';

function article(i: number, text: string): Article {
  return {
    url: `https://news.example/story-${i}`, canonicalUrl: null, readerable: true, title: `Story ${i}`, byline: null, siteName: 'Example',
    publishedTime: null, modifiedTime: null, lang: 'en', dir: 'ltr', excerpt: null, leadImage: null, wordCount: 10,
    readingTimeMinutes: 1, html: `<p>${text}</p>`, text, removed: [], ms: 1,
  };
}

const TEXTS = ['glaciers melt in the alps', 'a new tram line opens', 'glaciers and rivers', 'the espresso bar downtown'];
let counter = 0;

async function titles(lib: LibraryService, q: string): Promise<string[]> {
  return (await lib.list(q, 0, 100)).items.map((i) => i.title).sort();
}

describe('library: the worker stopped between two writes', () => {
  afterEach(() => vi.restoreAllMocks());

  it('a fold that dies half-way (its transaction aborted) loses nothing: the journal is still there and the next worker folds it', async () => {
    const name = `lectern-fold-fault-${++counter}`;
    const store = new IdbLibraryStore(name, { autoMerge: false });
    const lib = new LibraryService(store);
    for (const [i, t] of TEXTS.entries()) await lib.save(article(i, t));
    const before = await titles(lib, 'glaciers');
    expect(before).toEqual(['Story 0', 'Story 2']);
    const pending = await store.pendingCount();
    expect(pending).toBe(TEXTS.length);

    // The fold writes index buckets, then deletes the journal entries, in one transaction: fail its last write.
    const realDelete = IDBObjectStore.prototype.delete;
    let failed = 0;
    vi.spyOn(IDBObjectStore.prototype, 'delete').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (this.name === 'pending') {
        failed++;
        throw new DOMException('the worker was stopped', 'UnknownError');
      }
      return realDelete.apply(this, args);
    });
    await expect(store.mergePending()).rejects.toBeDefined();
    vi.restoreAllMocks();
    expect(failed).toBeGreaterThan(0);

    // Nothing of the fold was kept: the journal is whole, and queries read it as before.
    expect(await store.pendingCount()).toBe(pending);
    expect(await titles(lib, 'glaciers')).toEqual(before);
    await store.close();

    // The next worker starts, folds what was left, and finds the same.
    const next = new IdbLibraryStore(name, { autoMerge: false });
    const lib2 = new LibraryService(next);
    expect(await titles(lib2, 'glaciers')).toEqual(before);
    await next.mergeAll();
    expect(await next.pendingCount()).toBe(0);
    expect(await titles(lib2, 'glaciers')).toEqual(before);
    expect(await titles(lib2, 'espresso')).toEqual(['Story 3']);
    expect((await lib2.list('')).total).toBe(TEXTS.length);
    await next.close();
  });

  it('a save whose transaction dies leaves the previous version of the item whole (text, index, states)', async () => {
    const name = `lectern-resave-fault-${++counter}`;
    const store = new IdbLibraryStore(name);
    const lib = new LibraryService(store);
    const saved = await lib.save(article(0, TEXTS[0]!));
    await lib.update(saved.id, { read: true, tags: ['ice'] });
    const realPut = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (this.name === 'bodies') throw new DOMException('the worker was stopped', 'UnknownError');
      return realPut.apply(this, args);
    });
    await expect(lib.save(article(0, 'completely different words now'))).rejects.toMatchObject({ code: 'unavailable' });
    vi.restoreAllMocks();
    await store.close();
    const lib2 = new LibraryService(new IdbLibraryStore(name));
    expect(await lib2.get(saved.id)).toMatchObject({ text: TEXTS[0], tags: ['ice'], readAt: expect.any(String) });
    expect(await titles(lib2, 'glaciers')).toEqual(['Story 0']);
    expect(await titles(lib2, 'different')).toEqual([]);
    expect(await titles(lib2, 'is:read tag:ice')).toEqual(['Story 0']);
  });
});

describe('library: corrupt records on disk', () => {
  it('wrong types, missing fields and damaged bodies: list, search, get, exports and updates still work; healthy items are untouched', async () => {
    const name = `lectern-corrupt-${++counter}`;
    const store = new IdbLibraryStore(name);
    const lib = new LibraryService(store);
    for (const [i, t] of TEXTS.entries()) await lib.save(article(i, t));
    await store.mergeAll();
    const healthy = await lib.get('https://news.example/story-1');
    await store.close();

    // Damage records behind the library's back, as a bug, an old version or a damaged disk could.
    const raw = await openDB(name);
    const item0 = await raw.get('items', 'https://news.example/story-0');
    await raw.put('items', { ...item0, title: 42, tags: 'ice', readAt: 5, wordCount: 'many', dir: 'sideways', readingProgress: 7, byline: { name: 'x' } });
    await raw.put('bodies', { id: 'https://news.example/story-0', html: { evil: true }, text: null, removed: 'nope', terms: (await raw.get('bodies', 'https://news.example/story-0')).terms });
    const item2 = await raw.get('items', 'https://news.example/story-2');
    await raw.put('items', { id: item2.id, n: item2.n, savedAt: item2.savedAt, indexKey: item2.indexKey }); // most fields gone
    await raw.delete('bodies', 'https://news.example/story-2'); // body lost
    raw.close();

    const lib2 = new LibraryService(new IdbLibraryStore(name));
    const list = await lib2.list('');
    expect(list.total).toBe(TEXTS.length);
    for (const s of list.items) {
      expect(typeof s.title).toBe('string');
      expect(Array.isArray(s.tags)).toBe(true);
      expect(s.dir === null || s.dir === 'ltr' || s.dir === 'rtl').toBe(true);
      expect(Number.isFinite(s.wordCount)).toBe(true);
      expect(s.readingProgress).toBeGreaterThanOrEqual(0);
      expect(s.readingProgress).toBeLessThanOrEqual(1);
    }
    const damaged = list.items.find((s) => s.id === 'https://news.example/story-0')!;
    expect(damaged).toMatchObject({ title: 'https://news.example/story-0', tags: [], readAt: null, wordCount: 0, dir: null, readingProgress: 0, byline: null });
    expect(list.items.find((s) => s.id === 'https://news.example/story-2')).toMatchObject({ title: 'https://news.example/story-2', url: 'https://news.example/story-2' });

    // Search still finds them through the index; the healthy item is exactly as it was.
    expect((await lib2.list('glaciers')).items.map((s) => s.id).sort()).toEqual(['https://news.example/story-0', 'https://news.example/story-2']);
    expect(await lib2.get('https://news.example/story-1')).toEqual(healthy);

    // The reader opens a damaged item as an empty article, not a crash.
    expect(await lib2.get('https://news.example/story-0')).toMatchObject({ html: '', text: '', removed: [] });
    expect(await lib2.get('https://news.example/story-2')).toMatchObject({ html: '', text: '', removed: [] });

    // Exports and the Library page's list read every item.
    const exported = await lib2.exportPage(null, 50);
    expect(exported).toHaveLength(TEXTS.length);
    for (const item of exported) expect(typeof item.html).toBe('string');
    expect(await lib2.summaries(null, 50)).toHaveLength(TEXTS.length);

    // Updating a damaged item repairs it.
    await lib2.update('https://news.example/story-0', { tags: ['repaired'], read: true });
    expect(await lib2.get('https://news.example/story-0')).toMatchObject({ tags: ['repaired'], readAt: expect.any(String), title: 'https://news.example/story-0' });
    expect((await lib2.list('tag:repaired')).total).toBe(1);
  });
});
