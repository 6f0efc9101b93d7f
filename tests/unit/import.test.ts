/** The importers on the hand-written fixtures in tests/import-fixtures (see its README for the quirks). */
import { zipSync, strToU8 } from 'fflate';
import { JSDOM } from 'jsdom';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BACKUP_ITEM_KEYS, createBackup, parseBackup } from '../../src/core/import/backup.ts';
import { toLibraryItem } from '../../src/background/library/merge.ts';
import { parseBookmarksHtml } from '../../src/core/import/bookmarks.ts';
import { NeedsWindowError, readImportFile } from '../../src/core/import/detect.ts';
import { reportDuplicates } from '../../src/core/import/dedupe.ts';
import { parseInstapaperCsv } from '../../src/core/import/instapaper.ts';
import { parseOmnivore } from '../../src/core/import/omnivore.ts';
import { parsePocketCsv } from '../../src/core/import/pocket.ts';
import { placeText, reasonText, skippedLine } from '../../src/core/import/report.ts';
import { ImportError, parseDate, type ImportedItem, type Skipped } from '../../src/core/import/types.ts';
import { messagesOf } from './locale-messages.ts';

const dir = 'tests/import-fixtures';
const read = (f: string) => readFileSync(path.join(dir, f), 'utf8');
const bytes = (f: string) => new Uint8Array(readFileSync(path.join(dir, f)));
const win = new JSDOM('').window as unknown as Window;
const en = messagesOf('en');
/** The report as the Library page shows it in English: places and reasons rendered from _locales/en. */
const english = (skipped: readonly Skipped[]) =>
  skipped.map((s) => ({ row: placeText(s.row, en), ...(s.field ? { field: s.field } : {}), imported: s.imported, reason: reasonText(s.reason, en) }));
const withRow = (items: readonly ImportedItem[]) => items.map((i) => ({ ...i, row: i.row && placeText(i.row, en) }));
const omnivoreFiles = () => [
  { name: 'metadata_0_to_2.json', text: read('omnivore/metadata_0_to_2.json') },
  ...readdirSync(path.join(dir, 'omnivore/content')).map((f) => ({ name: `content/${f}`, text: read(`omnivore/content/${f}`) })),
];

describe('dates', () => {
  it('reads Unix seconds, milliseconds, ISO and "YYYY-MM-DD HH:MM:SS" (UTC)', () => {
    expect(parseDate('1700000000')).toBe('2023-11-14T22:13:20.000Z');
    expect(parseDate('1700000000000')).toBe('2023-11-14T22:13:20.000Z');
    expect(parseDate('2023-11-15T10:00:00+01:00')).toBe('2023-11-15T09:00:00.000Z');
    expect(parseDate('2022-04-15 08:00:00')).toBe('2022-04-15T08:00:00.000Z');
    expect(parseDate('')).toBeNull();
    expect(parseDate('0')).toBeNull();
  });
  it('refuses words and unit mix-ups', () => {
    expect(parseDate('yesterday')).toBeUndefined();
    expect(parseDate('17000')).toBeUndefined(); // 1970
    expect(parseDate('2023-13-45')).toBeUndefined();
  });
});

describe('Pocket CSV', () => {
  const result = parsePocketCsv(read('pocket.csv'));
  it('reads rows through the BOM, CRLF, quoted commas and quotes', () => {
    expect(result.format).toBe('pocket');
    expect(result.items.map((i) => i.title)).toEqual([
      'Climate, cities and the sea',
      'No tags here',
      'He said "hello"',
      'https://empty-title.example.net/',
      'Bad date',
      'Duplicate of the first',
    ]);
    expect(result.items[0]).toMatchObject({ url: 'https://news.example.com/climate?utm_source=pocket', savedAt: '2023-11-14T22:13:20.000Z', tags: ['climate', 'cities'], archived: false });
    expect(result.items[1]).toMatchObject({ tags: [], archived: true });
    expect(result.items[2]?.savedAt).toBe('2023-11-15T10:00:00.000Z');
  });
  it('names each skipped row and field, and why', () => {
    expect(english(result.skipped)).toEqual([
      { row: 'row 8', imported: false, reason: 'has 2 fields, the header has 5' },
      { row: 'row 6', field: 'time_added', imported: true, reason: 'invalid date "yesterday": imported with the import time as saved date' },
      { row: 'row 7', field: 'url', imported: false, reason: 'not an http(s) URL: "javascript:alert(1)"' },
    ]);
    expect(result.items.find((i) => i.title === 'Bad date')?.savedAt).toBeNull();
  });
  it('names rows that are the same article (tracking parameters differ) as merged', () => {
    expect(english(reportDuplicates(result).skipped).at(-1)).toEqual({ row: 'row 9', imported: true, reason: 'same article as row 2: merged into it' });
  });
  it('the report is in the UI language, the row and the field still named (German, Arabic)', () => {
    const all = reportDuplicates(result).skipped;
    expect(all.map((s) => skippedLine(s, messagesOf('de')))).toEqual([
      'Zeile 8: übersprungen: hat 2 Felder, die Kopfzeile hat 5',
      'Zeile 6, time_added: importiert, aber ungültiges Datum "yesterday": mit dem Zeitpunkt des Imports als Speicherdatum importiert',
      'Zeile 7, url: übersprungen: keine http(s)-URL: "javascript:alert(1)"',
      'Zeile 9: importiert, aber derselbe Artikel wie Zeile 2: damit zusammengeführt',
    ]);
    const ar = all.map((s) => skippedLine(s, messagesOf('ar')));
    expect(ar[0]).toBe('الصف 8: تُخطي: فيه 2 حقول، وفي سطر العناوين 5');
    expect(ar[1]).toMatch(/^الصف 6، time_added|^الصف 6, time_added/);
    expect(ar[3]).toContain('الصف 2');
  });
  it('every reason and place of every fixture has a message in every locale', () => {
    const results = [result, parseInstapaperCsv(read('instapaper.csv')), parseBookmarksHtml(read('bookmarks.html'), win), parseOmnivore(omnivoreFiles(), win)];
    for (const locale of ['en', 'de', 'ar']) {
      const t = messagesOf(locale); // throws on a missing key
      for (const r of results) for (const s of reportDuplicates(r).skipped) expect(skippedLine(s, t)).not.toMatch(/\$\d|importReason|importPlace/);
      // Also the reasons no fixture produces: every key of the ReasonKey type.
      const keys = [...readFileSync('src/core/import/types.ts', 'utf8').matchAll(/'(importReason[A-Za-z]+)'/g)].map((m) => m[1]!);
      expect(keys.length).toBeGreaterThanOrEqual(12);
      for (const key of keys) expect(t(key, ['a', 'b']), `${locale}/${key}`).toBeTruthy();
    }
  });
  it('broken quoting fails the whole file, naming the row', () => {
    expect(() => parsePocketCsv(read('pocket-broken-quote.csv'))).toThrow(/Broken quoting at row 3/);
  });
  it('wrong columns fail, listing what was found', () => {
    expect(() => parsePocketCsv(read('wrong-columns.csv'))).toThrow(/missing columns title, url, time_added, tags, status \(found: name, link, date\)/);
  });
});

describe('Instapaper CSV', () => {
  const result = parseInstapaperCsv(read('instapaper.csv'));
  // Rows are records as a spreadsheet numbers them (the quoted newline in row 5 doesn't shift row 6).
  it('reads folders, JSON tags, quoted newlines and both timestamp styles', () => {
    expect(withRow(result.items)).toEqual([
      { row: 'row 2', url: 'https://longform.example.com/essay', title: 'An essay, with commas', excerpt: 'The best line, quoted.', savedAt: '2022-04-15T05:20:00.000Z', archived: false, tags: ['essays', 'long reads'] },
      { row: 'row 3', url: 'https://longform.example.com/archived', title: 'Archived one', excerpt: null, savedAt: '2022-04-15T05:21:40.000Z', archived: true, tags: [] },
      { row: 'row 4', url: 'https://longform.example.com/starred', title: 'Starred one', excerpt: null, savedAt: '2022-04-15T05:23:20.000Z', archived: false, tags: ['starred'] },
      { row: 'row 5', url: 'https://longform.example.com/folder', title: 'In a folder', excerpt: 'Line one line two', savedAt: '2022-04-15T05:25:00.000Z', archived: false, tags: ['Research'] },
      { row: 'row 7', url: 'https://longform.example.com/iso', title: 'ISO timestamp', excerpt: null, savedAt: '2022-04-15T08:00:00.000Z', archived: false, tags: [] },
    ]);
    expect(english(result.skipped)).toEqual([{ row: 'row 6', field: 'URL', imported: false, reason: 'not an http(s) URL: "not a url"' }]);
  });
});

describe('Netscape bookmarks', () => {
  const result = parseBookmarksHtml(read('bookmarks.html'), win);
  it('reads links with dates, TAGS and their folder as a tag (not the browser root folders)', () => {
    expect(withRow(result.items)).toEqual([
      { row: 'bookmark 1 (Top & level)', url: 'https://www.example.com/a', title: 'Top & level', savedAt: '2020-09-13T12:28:20.000Z', tags: [] },
      { row: 'bookmark 2 (Nested bold title)', url: 'https://www.example.com/b', title: 'Nested bold title', savedAt: '2020-09-13T12:30:00.000Z', tags: ['news', 'later', 'Reading'] },
      { row: 'bookmark 4 (Bad date)', url: 'https://www.example.com/c', title: 'Bad date', savedAt: null, tags: [] },
    ]);
  });
  it('skips bookmarklets and place: URLs, naming them', () => {
    expect(english(result.skipped).map((s) => [s.row, s.field, s.imported])).toEqual([
      ['bookmark 3 (Bookmarklet)', 'HREF', false],
      ['bookmark 4 (Bad date)', 'ADD_DATE', true],
      ['bookmark 5 (Recent)', 'HREF', false],
    ]);
  });
});

describe('Omnivore export', () => {
  const result = parseOmnivore(omnivoreFiles(), win);
  it('imports metadata, states, labels, progress; content where present, sanitized, with its text', () => {
    expect(result.items).toHaveLength(2);
    const [long, bare] = result.items;
    expect(long).toMatchObject({
      url: 'https://magazine.example.com/long-read',
      title: 'The long read',
      byline: 'Ada Writer',
      excerpt: 'A story about reading.',
      leadImage: 'https://magazine.example.com/img.jpg',
      publishedTime: '2024-02-28T00:00:00.000Z',
      savedAt: '2024-03-01T12:00:00.000Z',
      tags: ['Reading', 'Newsletter'],
      readingProgress: 1,
      archived: true,
      read: true,
    });
    expect(long?.html).toContain('<em>dark</em>');
    expect(long?.html).not.toMatch(/script|onclick/);
    expect(long?.text).toBe('Chapter one\n\nIt was a dark and stormy night.\n\nSecond paragraph & more.\n\n- First\n\n- Second');
    expect(bare).toMatchObject({ tags: ['Later'], readingProgress: 0.4, archived: false, read: false, publishedTime: null });
    expect(bare?.html).toBeUndefined();
  });
  it('reports the bad date and the missing URL', () => {
    expect(english(result.skipped)).toEqual([
      { row: 'metadata_0_to_2.json [1]', field: 'publishedAt', imported: true, reason: 'invalid date "not a date": left out' },
      { row: 'metadata_0_to_2.json [2]', field: 'url', imported: false, reason: 'no URL' },
    ]);
  });
});

describe('Lectern backup', () => {
  it("holds exactly the library item's fields", async () => {
    const item = await toLibraryItem({ url: 'https://a.example/', title: 'A' }, '2026-01-01T00:00:00.000Z');
    expect([...BACKUP_ITEM_KEYS].sort()).toEqual(Object.keys(item).sort());
  });
  it('refuses a newer version with a clear message', () => {
    expect(() => parseBackup(read('backup-v2.json'))).toThrow('This backup was made by a newer Lectern (backup version 2); this Lectern reads version 1. Update Lectern, then restore it.');
  });
  it('skips an invalid item, naming its index and field', () => {
    const good = { id: 'https://a.example/', url: 'https://a.example/', canonicalUrl: null, title: 'A', byline: null, siteName: null, siteIcon: null, leadImage: null, excerpt: null, lang: null, dir: null, publishedTime: null, modifiedTime: null, savedAt: '2024-01-01T00:00:00.000Z', readAt: null, archivedAt: null, wordCount: 0, readingTimeMinutes: 0, tags: [], readingProgress: 0, html: '', text: '', textHash: '', removed: [] };
    const text = createBackup([good, { ...good, id: 'https://b.example/', url: 'https://b.example/', savedAt: 'soon' }], {}, new Date(0));
    const result = parseBackup(text);
    expect(result.items).toHaveLength(1);
    expect(english(result.skipped)).toEqual([{ row: 'items[1]', field: 'savedAt', imported: false, reason: 'savedAt: not a date: "soon"' }]);
  });
  it('refuses what is not a backup', () => {
    expect(() => parseBackup('{"format":"other"}')).toThrow(/Not a Lectern backup/);
    expect(() => parseBackup('{"format":"lectern-backup","version":1,"items":[')).toThrow(/not valid JSON/);
  });
});

describe('detecting the format', () => {
  it('recognises each fixture by its content', () => {
    expect(readImportFile('x.txt', bytes('pocket.csv'), win).format).toBe('pocket');
    expect(readImportFile('export.csv', bytes('instapaper.csv'), win).format).toBe('instapaper');
    expect(readImportFile('bookmarks.html', bytes('bookmarks.html'), win).format).toBe('bookmarks');
    expect(readImportFile('metadata_0_to_2.json', bytes('omnivore/metadata_0_to_2.json'), win).format).toBe('omnivore');
  });
  it('reads an Omnivore ZIP with its content files', () => {
    const zip = zipSync(Object.fromEntries(omnivoreFiles().map((f) => [`omnivore-export/${f.name}`, strToU8(f.text)])));
    const result = readImportFile('omnivore.zip', zip, win);
    expect(result.format).toBe('omnivore');
    expect(result.items[0]?.text).toContain('stormy night');
  });
  it('explains wrong formats, broken files and files that are too large', () => {
    const err = (name: string, data: Uint8Array, maxBytes?: number, maxItems?: number) => {
      try {
        readImportFile(name, data, win, { ...(maxBytes ? { maxBytes } : {}), ...(maxItems ? { maxItems } : {}) });
      } catch (e) {
        expect(e).toBeInstanceOf(ImportError);
        return (e as Error).message;
      }
      throw new Error('no error');
    };
    expect(err('wrong-columns.csv', bytes('wrong-columns.csv'))).toMatch(/unknown CSV columns \(name, link, date\)/);
    expect(err('a.zip', new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]))).toMatch(/not a readable ZIP/);
    expect(err('page.html', strToU8('<html><body>hi</body></html>'))).toMatch(/not a bookmarks file/);
    expect(err('empty.csv', new Uint8Array())).toMatch(/is empty/);
    expect(err('latin1.csv', new Uint8Array([0x74, 0xe9, 0x74, 0x65]))).toMatch(/not UTF-8/);
    expect(err('big.csv', new Uint8Array(2 * 1024 * 1024), 1024 * 1024)).toMatch(/big.csv is 2 MB; Lectern imports files up to 1 MB/);
    expect(err('backup-v2.json', bytes('backup-v2.json'))).toMatch(/newer Lectern/);
  });
  it('refuses a file with more articles than one import may hold, naming the limit, in every format', () => {
    const expected = /^This file has more than 3 (?:rows|bookmarks|articles|items): Lectern imports at most 3 articles from one file .*Nothing was imported\.$/;
    const over = (name: string, data: Uint8Array) => () => readImportFile(name, data, win, { maxItems: 3 });
    expect(over('pocket.csv', bytes('pocket.csv'))).toThrow(expected);
    expect(over('instapaper.csv', bytes('instapaper.csv'))).toThrow(expected);
    expect(over('bookmarks.html', bytes('bookmarks.html'))).toThrow(expected);
    const good = { id: 'https://a.example/', url: 'https://a.example/', canonicalUrl: null, title: 'A', byline: null, siteName: null, siteIcon: null, leadImage: null, excerpt: null, lang: null, dir: null, publishedTime: null, modifiedTime: null, savedAt: '2024-01-01T00:00:00.000Z', readAt: null, archivedAt: null, wordCount: 0, readingTimeMinutes: 0, tags: [], readingProgress: 0, html: '', text: '', textHash: '', removed: [] };
    const backup = createBackup([1, 2, 3, 4].map((n) => ({ ...good, id: `https://a.example/${n}`, url: `https://a.example/${n}` })), {}, new Date(0));
    expect(over('backup.json', strToU8(backup))).toThrow(expected);
    expect(() => readImportFile('backup.json', strToU8(backup), win, { maxItems: 4 })).not.toThrow();
    // At the limit exactly, the file is read (the Pocket fixture has 8 data rows).
    expect(readImportFile('pocket.csv', bytes('pocket.csv'), win, { maxItems: 8 }).format).toBe('pocket');
    expect(() => readImportFile('pocket.csv', bytes('pocket.csv'), win, { maxItems: 7 })).toThrow(new RegExp(expected.source.replace(/3/g, '7')));
  });
  it('reads CSV and backups without a window (in a worker); bookmarks and Omnivore need one', () => {
    expect(readImportFile('pocket.csv', bytes('pocket.csv'), null).items).toHaveLength(6);
    expect(() => readImportFile('bookmarks.html', bytes('bookmarks.html'), null)).toThrow(NeedsWindowError);
    expect(() => readImportFile('metadata_0_to_2.json', bytes('omnivore/metadata_0_to_2.json'), null)).toThrow(NeedsWindowError);
  });
});
