/**
 * Whole-file import errors (ImportError) in the UI language: every error the importers can throw carries a
 * message key that exists in every locale with as many substitutions as it passes, its English rendering is
 * the error's own message, and the Library page's worker passes key and substitutions back to the page.
 */
import { strToU8, zipSync } from 'fflate';
import { JSDOM } from 'jsdom';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBackup } from '../../src/core/import/backup.ts';
import { parseBookmarksHtml } from '../../src/core/import/bookmarks.ts';
import { checkImportSize, readImportFile } from '../../src/core/import/detect.ts';
import { parseOmnivore } from '../../src/core/import/omnivore.ts';
import { parsePocketCsv } from '../../src/core/import/pocket.ts';
import { importErrorText } from '../../src/core/import/report.ts';
import { ImportError, type ImportErrorKey } from '../../src/core/import/types.ts';
import { messagesOf } from './locale-messages.ts';

const win = new JSDOM('').window as unknown as Window;
const locales = ['en', 'de', 'ar'] as const;
const messages = Object.fromEntries(
  locales.map((l) => [l, JSON.parse(readFileSync(`_locales/${l}/messages.json`, 'utf8')) as Record<string, { message: string; placeholders?: Record<string, { content: string }> }>]),
);
/** How many substitutions a message takes: the distinct $1…$9 its placeholders refer to. */
const substitutions = (locale: string, key: string): number =>
  new Set(Object.values(messages[locale]![key]?.placeholders ?? {}).flatMap((p) => [...p.content.matchAll(/\$(\d)/g)].map((m) => m[1]))).size;

const text = (s: string) => strToU8(s);
const pocketRows = (n: number) => ['title,url,time_added,tags,status', ...Array.from({ length: n }, (_, i) => `T${i},https://example.com/${i},1700000000,,unread`)].join('\n');
const backup = (fields: Record<string, unknown>) => JSON.stringify({ format: 'lectern-backup', ...fields });
const omnivoreEntry = (i: number) => ({ id: String(i), slug: `s${i}`, title: `T${i}`, url: `https://example.com/${i}`, savedAt: '2024-01-01T00:00:00Z' });

/** One bad input per way a whole file can fail, driven through the real parsers. */
const cases: Array<[ImportErrorKey, () => unknown]> = [
  ['importErrorNotUtf8', () => readImportFile('latin1.csv', new Uint8Array([0x74, 0xe9, 0x74, 0x65]), win)],
  ['importErrorEmpty', () => readImportFile('empty.csv', new Uint8Array(), win)],
  ['importErrorTooLarge', () => readImportFile('big.csv', new Uint8Array(2 * 1024 * 1024), win, { maxBytes: 1024 * 1024 })],
  ['importErrorTooLarge', () => checkImportSize('huge.json', 300 * 1024 * 1024)],
  ['importErrorUnknownFormat', () => readImportFile('notes.txt', text('just some notes'), win)],
  ['importErrorJsonUnknown', () => readImportFile('data.json', text('{"a": 1}'), win)],
  ['importErrorHtmlNotBookmarks', () => readImportFile('page.html', text('<html><body>hi</body></html>'), win)],
  ['importErrorCsvColumns', () => readImportFile('wrong.csv', text('name,link,date\nA,https://example.com,2024-01-01'), win)],
  ['importErrorZipUnreadable', () => readImportFile('a.zip', new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]), win)],
  ['importErrorZipUnknown', () => readImportFile('other.zip', zipSync({ 'notes.json': text('{}') }), win)],
  ['importErrorBrokenQuotingRow', () => readImportFile('pocket.csv', text('title,url,time_added,tags,status\nA,https://example.com/a,1700000000,,unread\n"Never closed,https://example.com/b,1700000000,,unread\nC,https://example.com/c,1,,unread'), win)],
  ['importErrorMissingColumn', () => parsePocketCsv('title,url,time_added,tags\nA,https://example.com,1700000000,')],
  ['importErrorMissingColumns', () => parsePocketCsv('title,url,time_added\nA,https://example.com,1700000000')],
  ['importErrorMissingColumnsNoneFound', () => parsePocketCsv('')],
  ['importErrorTooManyRows', () => readImportFile('pocket.csv', text(pocketRows(5)), win, { maxItems: 3 })],
  ['importErrorTooManyItems', () => parseBackup(backup({ version: 1, items: Array.from({ length: 5 }, (_, i) => ({ url: `https://example.com/${i}`, title: 'T' })) }), 3)],
  ['importErrorTooManyArticles', () => parseOmnivore([{ name: 'metadata_0_to_4.json', text: JSON.stringify(Array.from({ length: 5 }, (_, i) => omnivoreEntry(i))) }], win, 3)],
  ['importErrorTooManyBookmarks', () => parseBookmarksHtml(readFileSync('tests/import-fixtures/bookmarks.html', 'utf8'), win, 1)],
  ['importErrorOmnivoreNoMetadata', () => parseOmnivore([{ name: 'content/a.html', text: '<p>hi</p>' }], win)],
  ['importErrorOmnivoreNotJson', () => parseOmnivore([{ name: 'metadata_0_to_1.json', text: '[{"slug": ' }], win)],
  ['importErrorOmnivoreNotList', () => parseOmnivore([{ name: 'metadata_0_to_1.json', text: '{"slug": "a"}' }], win)],
  ['importErrorBackupNotJson', () => parseBackup('{"format": "lectern-backup", ')],
  ['importErrorBackupFormat', () => readImportFile('other.json', text('{"format": "pocket-export", "items": []}'), win)],
  ['importErrorBackupVersionInvalid', () => parseBackup(backup({ version: 'two', items: [] }))],
  ['importErrorBackupNewer', () => readImportFile('backup-v2.json', new Uint8Array(readFileSync('tests/import-fixtures/backup-v2.json')), win)],
  ['importErrorBackupNoItems', () => parseBackup(backup({ version: 1 }))],
  ['importErrorBackupSettings', () => parseBackup(backup({ version: 1, items: [], settings: 'dark' }))],
];

function thrown(run: () => unknown): ImportError {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(ImportError);
    return e as ImportError;
  }
  throw new Error('no error');
}

/** Every key of the ImportErrorKey type, read from its source. */
const allKeys = (() => {
  const source = readFileSync('src/core/import/types.ts', 'utf8');
  const union = /export type ImportErrorKey =([^;]+);/.exec(source)![1]!;
  return [...union.matchAll(/'(importError[A-Za-z0-9]+)'/g)].map((m) => m[1]!);
})();

describe('whole-file import errors', () => {
  const errors = cases.map(([key, run]) => ({ key, error: thrown(run) }));

  it('each bad file fails with the expected key', () => {
    expect(errors.map((e) => e.error.key)).toEqual(errors.map((e) => e.key));
  });

  it('every key the importers throw exists in en, de and ar with as many substitutions as the error passes', () => {
    for (const { error } of errors) {
      for (const locale of locales) {
        expect(messages[locale]![error.key], `${locale}/${error.key}`).toBeDefined();
        expect(substitutions(locale, error.key), `${locale}/${error.key}: ${error.message}`).toBe(error.args.length);
      }
    }
  });

  it('the English message in _locales/en is exactly the error message', () => {
    const en = messagesOf('en');
    for (const { error } of errors) expect(importErrorText(error, en, 'en-US')).toBe(error.message);
  });

  it('German and Arabic render every error fully, in their own words', () => {
    for (const locale of ['de', 'ar']) {
      const t = messagesOf(locale);
      for (const { error } of errors) {
        const shown = importErrorText(error, t, locale);
        expect(shown, `${locale}/${error.key}`).not.toMatch(/\$\d|\$[A-Z]+\$|importError/);
        expect(shown, `${locale}/${error.key}`).not.toBe(error.message);
        for (const arg of error.args) if (typeof arg === 'string') expect(shown, `${locale}/${error.key}`).toContain(arg);
      }
    }
  });

  it('covers every key of ImportErrorKey (the one no input reaches has its message too)', () => {
    expect(allKeys.length).toBeGreaterThanOrEqual(27);
    const reached = new Set(errors.map((e) => e.error.key));
    // papaparse always names the row of a broken quote; the row-less message stays for safety.
    expect(allKeys.filter((k) => !reached.has(k as ImportErrorKey))).toEqual(['importErrorBrokenQuoting']);
    for (const locale of locales) expect(substitutions(locale, 'importErrorBrokenQuoting')).toBe(0);
  });

  it('in German: the item limit with German digit grouping, and a newer backup', () => {
    const de = messagesOf('de');
    const limit = thrown(() => readImportFile('pocket.csv', text(pocketRows(3001)), win, { maxItems: 3000 }));
    expect(limit.message).toMatch(/^This file has more than 3,000 rows: Lectern imports at most 3,000 articles/);
    expect(importErrorText(limit, de, 'de')).toBe(
      'Diese Datei enthält mehr als 3.000 Zeilen: Lectern importiert höchstens 3.000 Artikel aus einer Datei (eine größere Bibliothek in einem Schritt zu speichern, würde den Browser zu lange beschäftigen). Teilen Sie die Datei auf und importieren Sie die Teile nacheinander. Es wurde nichts importiert.',
    );
    const newer = errors.find((e) => e.key === 'importErrorBackupNewer')!.error;
    expect(importErrorText(newer, de, 'de')).toBe(
      'Diese Sicherung wurde mit einer neueren Lectern-Version erstellt (Sicherungsversion 2); diese Lectern-Version liest Version 1. Aktualisieren Sie Lectern und stellen Sie die Sicherung dann wieder her. Es wurde nichts importiert.',
    );
    const latin1 = errors.find((e) => e.key === 'importErrorNotUtf8')!.error;
    expect(importErrorText(latin1, de, 'de')).toMatch(/^latin1\.csv ist kein UTF-8-Text\. Erwartet wird eine Lectern-Sicherung \(\.json\)/);
  });

  it('the Library page worker passes the key and substitutions back (they survive structured cloning)', async () => {
    const replies: unknown[] = [];
    const scope = globalThis as unknown as { onmessage: ((e: { data: unknown }) => void) | null; postMessage?: (reply: unknown) => void };
    const before = { onmessage: scope.onmessage, postMessage: scope.postMessage };
    scope.postMessage = (reply) => replies.push(structuredClone(reply));
    try {
      await import('../../src/library-page/parse-worker.ts');
      scope.onmessage!({ data: { name: 'empty.csv', bytes: new Uint8Array() } });
    } finally {
      scope.onmessage = before.onmessage;
      scope.postMessage = before.postMessage;
    }
    expect(replies).toEqual([{ ok: false, kind: 'import', key: 'importErrorEmpty', args: ['empty.csv'], message: 'empty.csv is empty. Nothing was imported.' }]);
  });
});
