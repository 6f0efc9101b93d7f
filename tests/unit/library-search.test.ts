/**
 * The saved library's search, filters, states, delete/undo and storage faults, on every store (the in-memory
 * one must behave like IndexedDB), plus what only the IndexedDB store has: the index journal, migrations from
 * real version-1 data, and clear errors for a full disk, no IndexedDB and a blocked upgrade.
 */
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IdbLibraryStore, MIGRATIONS, type LecternDB } from '../../src/background/library/idb-store.ts';
import { MemoryLibraryStore } from '../../src/background/library/memory-store.ts';
import { parseQuery } from '../../src/background/library/search/query.ts';
import { words } from '../../src/background/library/search/tokenize.ts';
import { LibraryService } from '../../src/background/library/service.ts';
import type { LibraryStore } from '../../src/background/library/store.ts';
import type { Article } from '../../src/core/types.ts';

function article(over: Partial<Article> & { url: string; title: string; text: string }): Article {
  return {
    canonicalUrl: null, readerable: true, byline: null, siteName: null, publishedTime: null, modifiedTime: null,
    lang: 'en', dir: 'ltr', excerpt: null, leadImage: null, wordCount: 10, readingTimeMinutes: 1,
    html: `<p>${over.text}</p>`, removed: [], ms: 1, ...over,
  };
}

const ARTICLES: Article[] = [
  article({ url: 'https://news.example/climate', title: 'Glaciers retreat faster', siteName: 'Example News', byline: 'Ana Ruiz', text: 'The climate report says glaciers in the Alps lost a tenth of their ice.' }),
  article({ url: 'https://www.zeitung.example/politik', title: 'Bundestag stimmt zu', siteName: 'Die Zeitung', lang: 'de', text: 'Die Abgeordneten stimmten für das Gesetz über Straßenbahnen und Fahrräder.' }),
  article({ url: 'https://arabic.example/news', title: 'مشروع جديد', siteName: 'الأخبار', lang: 'ar', dir: 'rtl', text: 'أعلنت الحكومة عن مَشْرُوع جديد للطاقة الشمسية في المدينة.' }),
  article({ url: 'https://jp.example/kiji', title: '東京の天気', siteName: 'ニュース', lang: 'ja', text: '東京では明日大雨が降る見込みです。気象庁が発表しました。' }),
  article({ url: 'https://blog.example/cafe', title: 'A café review', siteName: 'Food Blog', text: 'We tried the new espresso bar downtown; the climate inside was cosy.' }),
];

/**
 * Folds the journal into the index after every write (queries read the index only), and with `compactEvery`
 * merges the recent level into the main one: each level of the two-level index is searched alone.
 */
class FoldingStore extends IdbLibraryStore {
  compactEvery = false;
  private async settle(): Promise<void> {
    await this.mergeAll();
    if (this.compactEvery) await this.compactIndex(true);
  }
  override async put(item: Parameters<IdbLibraryStore['put']>[0]) {
    await super.put(item);
    await this.settle();
  }
  override async delete(id: string) {
    const r = await super.delete(id);
    await this.settle();
    return r;
  }
  override async undoDelete(id: string) {
    const r = await super.undoDelete(id);
    await this.settle();
    return r;
  }
}
const compacting = (name: string) => Object.assign(new FoldingStore(name, { autoMerge: false }), { compactEvery: true });

let counter = 0;
const stores: Array<[string, () => LibraryStore]> = [
  ['memory', () => new MemoryLibraryStore()],
  ['IndexedDB, journal folded into the recent index after each write', () => new FoldingStore(`lectern-search-${++counter}`, { autoMerge: false })],
  ['IndexedDB, recent index compacted into the main one after each write', () => compacting(`lectern-search-${++counter}`)],
  ['IndexedDB, journal not folded', () => new IdbLibraryStore(`lectern-search-${++counter}`, { autoMerge: false })],
];

async function seeded(make: () => LibraryStore): Promise<LibraryService> {
  let minute = 0;
  const lib = new LibraryService(make(), () => new Date(Date.UTC(2026, 0, 1, 10, minute++)));
  for (const a of ARTICLES) await lib.save(a);
  return lib;
}

const titles = async (lib: LibraryService, query: string) => (await lib.list(query)).items.map((i) => i.title);

describe.each(stores)('library search on %s', (_name, make) => {
  it('finds words in the body, title, site and byline; every word must match', async () => {
    const lib = await seeded(make);
    expect(await titles(lib, 'alps')).toEqual(['Glaciers retreat faster']);
    expect(await titles(lib, 'ruiz')).toEqual(['Glaciers retreat faster']);
    expect(await titles(lib, 'food blog')).toEqual(['A café review']);
    expect(await titles(lib, 'climate alps')).toEqual(['Glaciers retreat faster']);
    expect(await titles(lib, 'climate zebra')).toEqual([]);
  });

  it('ranks articles that match in the title (or site, byline, tags) above body-only matches', async () => {
    const lib = await seeded(make);
    await lib.save(article({ url: 'https://x.example/climate-policy', title: 'Climate policy explained', text: 'What the new rules mean.' }));
    const found = await titles(lib, 'climate');
    expect(found[0]).toBe('Climate policy explained');
    expect(found.slice(1).sort()).toEqual(['A café review', 'Glaciers retreat faster']);
    expect((await lib.list('climate')).total).toBe(3);
  });

  it('matches the word being typed by its beginning, and finished words exactly', async () => {
    const lib = await seeded(make);
    expect(await titles(lib, 'glac')).toEqual(['Glaciers retreat faster']);
    expect(await titles(lib, 'glac ')).toEqual([]);
    expect(await titles(lib, 'espr')).toEqual(['A café review']);
  });

  it('ignores case, accents and Arabic vowel marks; finds German, Arabic and Japanese words', async () => {
    const lib = await seeded(make);
    expect(await titles(lib, 'CAFE')).toEqual(['A café review']);
    expect(await titles(lib, 'strassenbahnen')).toEqual([]); // ß is not ss: folding keeps letters
    expect(await titles(lib, 'straßenbahnen')).toEqual(['Bundestag stimmt zu']);
    expect(await titles(lib, 'fahrrader')).toEqual(['Bundestag stimmt zu']);
    expect(await titles(lib, 'مشروع')).toEqual(['مشروع جديد']); // the body has it with vowel marks
    expect(await titles(lib, 'الشمسية')).toEqual(['مشروع جديد']);
    expect(await titles(lib, '大雨')).toEqual(['東京の天気']);
    expect(await titles(lib, '気象庁')).toEqual(['東京の天気']);
  });

  it('filters typed in the box: site:, lang:, tag:, is:, alone or with words', async () => {
    const lib = await seeded(make);
    expect(await titles(lib, 'site:zeitung')).toEqual(['Bundestag stimmt zu']);
    expect(await titles(lib, 'site:"food blog"')).toEqual(['A café review']);
    expect(await titles(lib, 'lang:de')).toEqual(['Bundestag stimmt zu']);
    expect(await titles(lib, 'climate site:news.example')).toEqual(['Glaciers retreat faster']);
    const cafe = (await lib.list('cafe')).items[0]!;
    await lib.update(cafe.id, { tags: ['Coffee', ' coffee ', 'Long reads'] });
    expect(await titles(lib, 'tag:coffee')).toEqual(['A café review']);
    expect(await titles(lib, 'tag:"long reads"')).toEqual(['A café review']);
    expect(await titles(lib, 'tag:coffee climate')).toEqual(['A café review']);
    expect((await lib.get(cafe.id))?.tags).toEqual(['coffee', 'long reads']);
    // Tags are searchable as words too, and rank like titles.
    expect(await titles(lib, 'coffee')).toEqual(['A café review']);
  });

  it('site: matches a host label, a host suffix or a site-name word; lang: a language with or without region; both with words and states', async () => {
    const lib = await seeded(make);
    await lib.save(article({ url: 'https://www.news.example.co.uk/x', title: 'Rain in Leeds', siteName: 'Northern Times', lang: 'en-GB', text: 'Rain and climate talk.' }));
    expect(await titles(lib, 'site:news.example.co.uk')).toEqual(['Rain in Leeds']);
    expect(await titles(lib, 'site:co.uk')).toEqual(['Rain in Leeds']);
    expect(await titles(lib, 'site:northern')).toEqual(['Rain in Leeds']);
    expect(await titles(lib, 'site:orthern')).toEqual([]);
    expect(await titles(lib, 'lang:en-gb')).toEqual(['Rain in Leeds']);
    expect((await titles(lib, 'climate lang:en')).sort()).toEqual(['A café review', 'Glaciers retreat faster', 'Rain in Leeds']);
    expect(await titles(lib, 'climate lang:en site:co.uk')).toEqual(['Rain in Leeds']);
    expect(await titles(lib, 'climate lang:de')).toEqual([]);
    const rain = (await lib.list('leeds')).items[0]!;
    await lib.update(rain.id, { read: true });
    expect((await titles(lib, 'climate is:unread')).sort()).toEqual(['A café review', 'Glaciers retreat faster']);
    expect(await titles(lib, 'climate is:read')).toEqual(['Rain in Leeds']);
    await lib.update(rain.id, { archived: true });
    expect(await titles(lib, 'climate is:archived')).toEqual(['Rain in Leeds']);
    expect(await titles(lib, 'climate is:archived is:unread')).toEqual([]);
    await lib.delete(rain.id);
    expect(await titles(lib, 'climate is:read')).toEqual([]);
    await lib.undoDelete(rain.id);
    expect(await titles(lib, 'climate is:archived is:read')).toEqual(['Rain in Leeds']);
  });

  it('read, unread and archived states; archived items leave the plain list but are found by words', async () => {
    const lib = await seeded(make);
    const all = (await lib.list('')).items;
    expect(all.map((i) => i.title)).toEqual(ARTICLES.map((a) => a.title).reverse()); // newest first
    const glaciers = all.find((i) => i.title === 'Glaciers retreat faster')!;
    const cafe = all.find((i) => i.title === 'A café review')!;
    expect((await lib.update(glaciers.id, { read: true }))?.readAt).not.toBeNull();
    await lib.update(cafe.id, { archived: true });
    expect(await titles(lib, 'is:read')).toEqual(['Glaciers retreat faster']);
    expect((await lib.list('is:unread')).total).toBe(3);
    expect(await titles(lib, 'is:archived')).toEqual(['A café review']);
    expect((await lib.list('')).total).toBe(4);
    expect((await lib.list('')).items.map((i) => i.title)).not.toContain('A café review');
    expect(await titles(lib, 'espresso')).toEqual(['A café review']);
    await lib.update(cafe.id, { archived: false });
    await lib.update(glaciers.id, { read: false });
    expect((await lib.list('is:unread')).total).toBe(5);
  });

  it('keeps the reading position (clamped); reading to the end marks the article read', async () => {
    const lib = await seeded(make);
    const id = (await lib.list('alps')).items[0]!.id;
    expect((await lib.update(id, { readingProgress: 0.4 }))?.readingProgress).toBe(0.4);
    expect((await lib.get(id))?.readAt).toBeNull();
    expect((await lib.update(id, { readingProgress: 1 }))?.readAt).not.toBeNull();
    expect(await lib.update('https://nope.example/', { read: true })).toBeNull();
  });

  it('saving again keeps the state; a changed text is searched by its new words only', async () => {
    const lib = await seeded(make);
    const id = (await lib.list('alps')).items[0]!.id;
    await lib.update(id, { tags: ['ice'], readingProgress: 0.5 });
    await lib.save(article({ ...ARTICLES[0]!, text: 'A rewritten story about Greenland.' }));
    expect(await titles(lib, 'alps')).toEqual([]);
    expect(await titles(lib, 'greenland')).toEqual(['Glaciers retreat faster']);
    expect(await lib.get(id)).toMatchObject({ tags: ['ice'], readingProgress: 0.5, savedAt: '2026-01-01T10:00:00.000Z' });
    expect((await lib.list('')).total).toBe(5);
  });

  it('delete takes an item out of the list and the search; Undo brings it back as it was', async () => {
    const lib = await seeded(make);
    const id = (await lib.list('alps')).items[0]!.id;
    await lib.update(id, { tags: ['ice'], read: true });
    const deleted = await lib.delete(id);
    expect(deleted?.title).toBe('Glaciers retreat faster');
    expect(await titles(lib, 'alps')).toEqual([]);
    expect(await lib.get(id)).toBeNull();
    expect((await lib.list('')).total).toBe(4);
    expect(await lib.delete(id)).toBeNull();
    expect((await lib.undoDelete(id))?.title).toBe('Glaciers retreat faster');
    expect(await titles(lib, 'alps')).toEqual(['Glaciers retreat faster']);
    expect(await lib.get(id)).toMatchObject({ tags: ['ice'], text: ARTICLES[0]!.text, savedAt: '2026-01-01T10:00:00.000Z' });
    expect((await lib.get(id))?.readAt).not.toBeNull();
    expect(await lib.undoDelete(id)).toBeNull(); // already back
  });

  it('pages through results with offset and limit', async () => {
    const lib = await seeded(make);
    const first = await lib.list('', 0, 2);
    const second = await lib.list('', 2, 2);
    expect(first.total).toBe(5);
    expect([...first.items, ...second.items].map((i) => i.title)).toEqual(ARTICLES.map((a) => a.title).reverse().slice(0, 4));
  });
});

describe('query parsing and words', () => {
  it('splits filters from words; unknown filters are words; quotes allow spaces', () => {
    expect(parseQuery('site:nytimes.com Climate tag:"Long reads" is:unread lang:DE foo:bar')).toEqual({
      words: ['climate', 'foo', 'bar'], prefix: true, sites: ['nytimes.com'], tags: ['long reads'], langs: ['de'], states: ['unread'],
    });
    expect(parseQuery('is:nonsense').states).toEqual([]);
    expect(parseQuery('glacier ').prefix).toBe(false);
  });

  it('folds words and keeps one-character words only outside Latin script', () => {
    expect(words('A Café in Zürich, I said: 東京', 'en')).toEqual(['cafe', 'in', 'zurich', 'said', '東京']);
    expect(words('كَتَبَ الوَلَدُ', 'ar')).toEqual(['كتب', 'الولد']);
  });
});

describe('IndexedDB store: journal, migrations, faults', () => {
  afterEach(() => vi.restoreAllMocks());

  it('finds just-saved articles through the journal, and the same after folding it into the index', async () => {
    const name = `lectern-journal-${++counter}`;
    const store = new IdbLibraryStore(name, { autoMerge: false });
    const lib = new LibraryService(store);
    for (const a of ARTICLES) await lib.save(a);
    await lib.delete((await lib.list('cafe')).items[0]!.id);
    expect(await store.pendingCount()).toBe(ARTICLES.length + 1);
    const before = await titles(lib, 'climate');
    // A worker stopped before folding: a new one reads the journal left behind, then folds it.
    await store.close();
    const restarted = new IdbLibraryStore(name, { autoMerge: false });
    const lib2 = new LibraryService(restarted);
    expect(await titles(lib2, 'climate')).toEqual(before);
    await restarted.mergeAll();
    expect(await restarted.pendingCount()).toBe(0);
    expect(await titles(lib2, 'climate')).toEqual(before);
    expect(before).toEqual(['Glaciers retreat faster']);
    await restarted.close();
  });

  it('two-level index: items deleted from the main index are hidden until a compaction drops them', async () => {
    const store = new IdbLibraryStore(`lectern-levels-${++counter}`, { autoMerge: false });
    const lib = new LibraryService(store);
    for (const a of ARTICLES) await lib.save(a);
    await store.mergeAll();
    await store.compactIndex(true); // everything in the main index now
    const id = (await lib.list('alps')).items[0]!.id;
    await lib.delete(id);
    await store.mergeAll(); // folded: the number is in `gone`, still in the main postings
    expect(await lib.list('alps')).toEqual({ items: [], total: 0 });
    expect(await lib.list('climate')).toMatchObject({ items: [{ title: 'A café review' }], total: 1 });
    await lib.undoDelete(id); // back under a new number
    await store.mergeAll();
    expect(await titles(lib, 'alps')).toEqual(['Glaciers retreat faster']);
    await store.compactIndex(true);
    expect((await titles(lib, 'climate')).sort()).toEqual(['A café review', 'Glaciers retreat faster']);
    await store.close();
  });

  it('migrates real version-1 data (whole items, some without `removed`) to today\'s schema', async () => {
    const name = `lectern-v1-${++counter}`;
    const v1 = await openDB<LecternDB>(name, 1, { upgrade: (db, _o, _n, tx) => void MIGRATIONS[0]!(db, tx as never) });
    const old = {
      id: 'https://news.example/climate', url: 'https://news.example/climate', canonicalUrl: null, title: 'Glaciers retreat faster',
      byline: 'Ana Ruiz', siteName: 'Example News', siteIcon: null, leadImage: null, excerpt: null, lang: 'en', dir: 'ltr',
      publishedTime: null, modifiedTime: null, savedAt: '2025-12-01T10:00:00.000Z', readAt: '2025-12-02T10:00:00.000Z',
      archivedAt: null, wordCount: 12, readingTimeMinutes: 1, tags: ['ice'], readingProgress: 0.3,
      html: '<p>The Alps lost ice.</p>', text: 'The Alps lost ice.', textHash: 'abc',
    };
    await v1.put('items', old as never);
    await v1.put('items', { ...old, id: 'https://b.example/', url: 'https://b.example/', title: 'Second', text: 'Other words.', tags: [], removed: [{ rule: 'ad', text: 'Ad', html: null, at: 'start' }], savedAt: '2025-12-03T10:00:00.000Z' } as never);
    v1.close();
    const lib = new LibraryService(new IdbLibraryStore(name));
    expect((await lib.list('')).items.map((i) => i.title)).toEqual(['Second', 'Glaciers retreat faster']);
    expect(await lib.get(old.id)).toMatchObject({ html: old.html, text: old.text, removed: [], tags: ['ice'], readingProgress: 0.3, readAt: old.readAt });
    expect((await lib.get('https://b.example/'))?.removed).toHaveLength(1);
    expect(await titles(lib, 'alps')).toEqual(['Glaciers retreat faster']);
    expect(await titles(lib, 'tag:ice')).toEqual(['Glaciers retreat faster']);
    // New saves don't collide with the numbers the migration gave.
    await lib.save(ARTICLES[4]!);
    expect(await titles(lib, 'espresso')).toEqual(['A café review']);
    expect((await lib.list('')).total).toBe(3);
  });

  it('a full disk fails the save with a clear message and leaves what was saved untouched', async () => {
    const lib = new LibraryService(new IdbLibraryStore(`lectern-quota-${++counter}`));
    const saved = await lib.save(ARTICLES[0]!);
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await expect(lib.save({ ...ARTICLES[0]!, text: 'New text that does not fit.' })).rejects.toMatchObject({ code: 'quota', message: expect.stringMatching(/Storage is full/) });
    await expect(lib.save(ARTICLES[1]!)).rejects.toMatchObject({ code: 'quota' });
    vi.restoreAllMocks();
    expect((await lib.get(saved.id))?.text).toBe(ARTICLES[0]!.text);
    expect((await lib.list('')).total).toBe(1);
    expect(await titles(lib, 'alps')).toEqual(['Glaciers retreat faster']);
  });

  it('a save is one transaction: if any write fails, none happens', async () => {
    const lib = new LibraryService(new IdbLibraryStore(`lectern-atomic-${++counter}`));
    const realAdd = IDBObjectStore.prototype.add;
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (this.name === 'pending') throw new DOMException('disk error', 'UnknownError');
      return realAdd.apply(this, args);
    });
    await expect(lib.save(ARTICLES[0]!)).rejects.toMatchObject({ code: 'unavailable' });
    vi.restoreAllMocks();
    expect((await lib.list('')).total).toBe(0);
    expect(await lib.get('https://news.example/climate')).toBeNull();
  });

  it('no IndexedDB (a private window) gives a clear "not available" error', async () => {
    vi.spyOn(indexedDB, 'open').mockImplementation(() => {
      throw new DOMException('IndexedDB is disabled', 'SecurityError');
    });
    const lib = new LibraryService(new IdbLibraryStore(`lectern-none-${++counter}`));
    await expect(lib.list('')).rejects.toMatchObject({ code: 'unavailable', message: expect.stringMatching(/not available/) });
  });

  it('an upgrade blocked by an old Lectern page says so, then works once that page is gone', async () => {
    const name = `lectern-blocked-${++counter}`;
    const old = await openDB<LecternDB>(name, 1, { upgrade: (db, _o, _n, tx) => void MIGRATIONS[0]!(db, tx as never) }); // never closes on request
    const lib = new LibraryService(new IdbLibraryStore(name, { blockedAfterMs: 30 }));
    await expect(lib.list('')).rejects.toMatchObject({ code: 'blocked', message: expect.stringMatching(/close other Lectern tabs/) });
    old.close();
    await new Promise((r) => setTimeout(r, 50));
    expect((await lib.list('')).total).toBe(0);
  });
});
