import 'fake-indexeddb/auto';
import { JSDOM } from 'jsdom';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IdbLibraryStore } from '../../src/background/library/idb-store.ts';
import { MemoryLibraryStore } from '../../src/background/library/memory-store.ts';
import { itemId, LibraryService } from '../../src/background/library/service.ts';
import type { LibraryStore } from '../../src/background/library/store.ts';
import type { LibraryItem } from '../../src/background/library/types.ts';
import { extract } from '../../src/core/extract.ts';
import type { Article } from '../../src/core/types.ts';

const SAMPLE_URL = 'https://www.telesurenglish.net/news/drone-strike-pushes-iraq-to-end-us-led-coalition-mission-20240208-0010.html';
const sample: Article = extract(new JSDOM(readFileSync('samples/telesur-iraq-drone.html'), { url: SAMPLE_URL }).window.document, SAMPLE_URL);

function article(over: Partial<Article>): Article {
  return { ...sample, ...over };
}

let dbCounter = 0;
const stores: Array<[string, () => LibraryStore]> = [
  ['memory', () => new MemoryLibraryStore()],
  ['IndexedDB (fake-indexeddb)', () => new IdbLibraryStore(`lectern-test-${++dbCounter}`)],
  ['IndexedDB, journal not yet folded', () => new IdbLibraryStore(`lectern-test-${++dbCounter}`, { autoMerge: false })],
];

describe.each(stores)('library on %s', (_name, make) => {
  function service(times: string[]) {
    let i = 0;
    return new LibraryService(make(), () => new Date(times[Math.min(i++, times.length - 1)]!));
  }

  it('saves an article with metadata, sanitized html, text and a text hash', async () => {
    const lib = service(['2026-01-01T10:00:00.000Z']);
    const saved = await lib.save(sample);
    expect(saved.id).toBe(itemId(SAMPLE_URL, sample.canonicalUrl));
    const item = await lib.get(saved.id);
    expect(item).toMatchObject({ title: sample.title, siteName: 'teleSUR', html: sample.html, text: sample.text, savedAt: '2026-01-01T10:00:00.000Z', readingProgress: 0, tags: [] });
    expect(item?.textHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('lists newest first, without bodies', async () => {
    const lib = service(['2026-01-01T10:00:00.000Z', '2026-01-02T10:00:00.000Z', '2026-01-03T10:00:00.000Z']);
    await lib.save(article({ url: 'https://a.example/1', canonicalUrl: null, title: 'One' }));
    await lib.save(article({ url: 'https://a.example/2', canonicalUrl: null, title: 'Two' }));
    await lib.save(article({ url: 'https://a.example/3', canonicalUrl: null, title: 'Three' }));
    const { items, total } = await lib.list();
    expect(total).toBe(3);
    expect(items.map((i) => i.title)).toEqual(['Three', 'Two', 'One']);
    expect(items[0]).not.toHaveProperty('html');
    expect((await lib.list('', 1, 1)).items.map((i) => i.title)).toEqual(['Two']);
  });

  it('saving again updates the one item and keeps its saved date', async () => {
    const lib = service(['2026-01-01T10:00:00.000Z', '2026-02-01T10:00:00.000Z']);
    await lib.save(article({ url: 'https://a.example/story?utm_source=x' , canonicalUrl: null }));
    const again = await lib.save(article({ url: 'https://a.example/story#top', canonicalUrl: null, text: 'changed text' }));
    const { items } = await lib.list();
    expect(items).toHaveLength(1);
    expect(again.savedAt).toBe('2026-01-01T10:00:00.000Z');
    expect((await lib.get(again.id))?.text).toBe('changed text');
  });

  it('keeps what the clean-up removed, for the saved copy\'s "Removed" panel (not in the list)', async () => {
    const lib = service(['2026-01-01T10:00:00.000Z']);
    expect(sample.removed.length).toBeGreaterThan(0);
    const saved = await lib.save(sample);
    expect((await lib.get(saved.id))?.removed).toEqual(sample.removed);
    expect(saved).not.toHaveProperty('removed');
    expect((await lib.list()).items[0]).not.toHaveProperty('removed');
  });

  it('looks an article up by canonical URL or by URL', async () => {
    const lib = service(['2026-01-01T10:00:00.000Z']);
    await lib.save(sample);
    expect(await lib.lookup(`${SAMPLE_URL}?utm_medium=social`, null)).not.toBeNull();
    expect(await lib.lookup('https://elsewhere.example/x', sample.canonicalUrl)).not.toBeNull();
    expect(await lib.lookup('https://elsewhere.example/x', null)).toBeNull();
  });
});

describe('IndexedDB store', () => {
  it('keeps items across store instances (a restarted worker)', async () => {
    const name = `lectern-restart-${Date.now()}`;
    await new LibraryService(new IdbLibraryStore(name)).save(sample);
    const reopened = new LibraryService(new IdbLibraryStore(name));
    expect((await reopened.list()).total).toBe(1);
  });
});
