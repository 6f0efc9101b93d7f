/** The import messages: what the background accepts, and the staging of an import sent in parts. */
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { ImportStaging, MAX_STAGED_ITEMS, UnknownImportError } from '../../src/background/library/import-staging.ts';
import { readImportFile } from '../../src/core/import/detect.ts';
import { parseBackgroundRequest } from '../../src/messaging/schema.ts';

const importId = '0f8fad5b-d9cb-469f-a165-70867728950e';
const win = new JSDOM('').window as unknown as Window;

describe('import requests', () => {
  it('accepts what the importers produce, for every fixture', () => {
    for (const f of ['pocket.csv', 'instapaper.csv', 'bookmarks.html', 'omnivore/metadata_0_to_2.json']) {
      const { items } = readImportFile(f, new Uint8Array(readFileSync(`tests/import-fixtures/${f}`)), win);
      expect(parseBackgroundRequest({ type: 'library/importChunk', importId, items })?.type, f).toBe('library/importChunk');
    }
  });
  it.each([
    ['a javascript: URL', { url: 'javascript:alert(1)', title: 'x' }],
    ['no title', { url: 'https://a.example/' }],
    ['a bad date', { url: 'https://a.example/', title: 'x', savedAt: 'soon' }],
    ['progress over 1', { url: 'https://a.example/', title: 'x', readingProgress: 2 }],
    ['a script URL as site icon', { url: 'https://a.example/', title: 'x', siteIcon: 'data:text/html;base64,PHNjcmlwdD4=' }],
  ])('refuses an item with %s', (_name, item) => {
    expect(parseBackgroundRequest({ type: 'library/importChunk', importId, items: [item] })).toBeNull();
  });
  it('refuses a made-up import id and oversized chunks', () => {
    expect(parseBackgroundRequest({ type: 'library/importCommit', importId: '../x' })).toBeNull();
    const items = Array.from({ length: 5001 }, (_, i) => ({ url: `https://a.example/${i}`, title: 't' }));
    expect(parseBackgroundRequest({ type: 'library/importChunk', importId, items })).toBeNull();
    expect(parseBackgroundRequest({ type: 'library/export', limit: 201 })).toBeNull();
  });
});

describe('ImportStaging', () => {
  const item = { url: 'https://a.example/', title: 'A' };
  it('collects parts until the commit takes them, once', () => {
    const staging = new ImportStaging();
    const id = staging.begin();
    expect(staging.add(id, [item, item])).toBe(2);
    expect(staging.add(id, [item])).toBe(3);
    expect(staging.take(id)).toHaveLength(3);
    expect(() => staging.take(id)).toThrow(UnknownImportError);
  });
  it('an unknown, aborted or stale import fails with "nothing was changed"', () => {
    let now = 0;
    const staging = new ImportStaging(() => now);
    expect(() => staging.add('nope', [item])).toThrow(/Nothing was changed: import the file again/);
    const aborted = staging.begin();
    staging.abort(aborted);
    expect(() => staging.take(aborted)).toThrow(UnknownImportError);
    const stale = staging.begin();
    now += 11 * 60 * 1000;
    staging.begin(); // drops imports idle for more than 10 minutes
    expect(() => staging.take(stale)).toThrow(UnknownImportError);
  });
  it('refuses more than the maximum and drops that import', () => {
    const staging = new ImportStaging();
    const id = staging.begin();
    expect(() => staging.add(id, { length: MAX_STAGED_ITEMS + 1 } as unknown as typeof item[])).toThrow(/at most/);
    expect(() => staging.take(id)).toThrow(UnknownImportError);
  });
});
