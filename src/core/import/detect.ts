/**
 * Reads any import file Lectern understands, by its content (the name only breaks ties): Lectern backup JSON,
 * Pocket CSV, Instapaper CSV, Netscape bookmark HTML, Omnivore export (ZIP, or its metadata JSON alone), and a
 * ZIP holding a Lectern backup. Anything else is an ImportError that says what was expected.
 */
import { unzipSync } from 'fflate';
import { looksLikeBackup, parseBackup } from './backup.ts';
import { looksLikeBookmarks, parseBookmarksHtml } from './bookmarks.ts';
import { parseInstapaperCsv } from './instapaper.ts';
import { isOmnivoreMetadataName, parseOmnivore, type NamedText } from './omnivore.ts';
import { parsePocketCsv } from './pocket.ts';
import { MAX_IMPORT_ITEMS, NeedsWindowError } from './limits.ts';
import { ImportError, type ImportResult } from './types.ts';

export { checkItemCount, MAX_IMPORT_ITEMS, NeedsWindowError } from './limits.ts';

/** Larger files are refused before reading (a 100 MB Pocket CSV is ~750,000 articles; see docs/transfer.md). */
export const MAX_IMPORT_BYTES = 256 * 1024 * 1024;

const SUPPORTED = 'a Lectern backup (.json), a Pocket or Instapaper export (.csv), browser bookmarks (.html) or an Omnivore export (.zip)';

function decode(bytes: Uint8Array, name: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\ufeff/, '');
  } catch {
    throw new ImportError('importErrorNotUtf8', [name], `${name} is not UTF-8 text: expected ${SUPPORTED}. Nothing was imported.`);
  }
}

function needWindow(win: Window | null): Window {
  if (!win) throw new NeedsWindowError();
  return win;
}

function fromZip(bytes: Uint8Array, name: string, win: Window | null, maxItems: number): ImportResult {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, { filter: (f) => /\.(?:json|html?)$/i.test(f.name) && !f.name.startsWith('__MACOSX/') });
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    throw new ImportError('importErrorZipUnreadable', [name, detail], `${name} is not a readable ZIP file (${detail}). Nothing was imported.`);
  }
  const names = Object.keys(entries);
  const backup = names.find((n) => /(?:^|\/)[^/]*\.json$/i.test(n) && looksLikeBackup(decode(entries[n]!.subarray(0, 200), n)));
  if (backup) return parseBackup(decode(entries[backup]!, backup), maxItems);
  if (names.some(isOmnivoreMetadataName)) {
    const files: NamedText[] = names.map((n) => ({ name: n, text: decode(entries[n]!, n) }));
    return parseOmnivore(files, needWindow(win), maxItems);
  }
  throw new ImportError('importErrorZipUnknown', [name], `${name} holds neither a Lectern backup nor an Omnivore export (metadata_*_to_*.json). Nothing was imported.`);
}

/** Refuses a file that is too large, before it is read. */
export function checkImportSize(name: string, size: number, maxBytes = MAX_IMPORT_BYTES): void {
  if (size > maxBytes) {
    const mb = Math.round(size / 1024 / 1024);
    const maxMb = Math.round(maxBytes / 1024 / 1024);
    throw new ImportError('importErrorTooLarge', [name, mb, maxMb], `${name} is ${mb} MB; Lectern imports files up to ${maxMb} MB. Split it, or export fewer items. Nothing was imported.`);
  }
}

export interface ReadOptions {
  maxBytes?: number;
  maxItems?: number;
}

/**
 * Reads an import file. `win` is the window whose DOMParser and DOMPurify read bookmarks and Omnivore content;
 * null in a worker, where those formats throw NeedsWindowError (the caller then reads them in the page).
 */
export function readImportFile(name: string, bytes: Uint8Array, win: Window | null, { maxBytes = MAX_IMPORT_BYTES, maxItems = MAX_IMPORT_ITEMS }: ReadOptions = {}): ImportResult {
  checkImportSize(name, bytes.length, maxBytes);
  if (bytes.length === 0) throw new ImportError('importErrorEmpty', [name], `${name} is empty. Nothing was imported.`);
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return fromZip(bytes, name, win, maxItems);
  const text = decode(bytes, name);
  const start = text.trimStart();
  if (looksLikeBackup(start)) return parseBackup(start, maxItems);
  if (start.startsWith('{') || start.startsWith('[')) {
    if (start.startsWith('[') && /"slug"\s*:/.test(start.slice(0, 5000))) return parseOmnivore([{ name: isOmnivoreMetadataName(name) ? name : 'metadata_0_to_0.json', text: start }], needWindow(win), maxItems);
    if (/"format"\s*:/.test(start.slice(0, 200))) return parseBackup(start, maxItems); // names the wrong format
    throw new ImportError('importErrorJsonUnknown', [name], `${name} is JSON but neither a Lectern backup nor Omnivore metadata: expected ${SUPPORTED}. Nothing was imported.`);
  }
  if (start.startsWith('<')) {
    if (looksLikeBookmarks(start)) return parseBookmarksHtml(start, needWindow(win), maxItems);
    throw new ImportError('importErrorHtmlNotBookmarks', [name], `${name} is HTML but not a bookmarks file (<!DOCTYPE NETSCAPE-Bookmark-file-1>): expected ${SUPPORTED}. Nothing was imported.`);
  }
  const header = (start.split(/\r?\n/, 1)[0] ?? '').toLowerCase();
  const columns = header.split(',').map((c) => c.trim().replace(/^"|"$/g, ''));
  if (columns.includes('time_added') || (columns.includes('title') && columns.includes('url') && columns.includes('status'))) return parsePocketCsv(text, maxItems);
  if (columns.includes('folder') || columns.includes('selection')) return parseInstapaperCsv(text, maxItems);
  if (/\.csv$/i.test(name) || columns.length > 1) {
    throw new ImportError(
      'importErrorCsvColumns',
      [name, columns.join(', ')],
      `${name}: unknown CSV columns (${columns.join(', ')}). Pocket's are title, url, time_added, tags, status; Instapaper's are URL, Title, Selection, Folder, Timestamp, Tags. Nothing was imported.`,
    );
  }
  throw new ImportError('importErrorUnknownFormat', [name], `${name}: unknown format: expected ${SUPPORTED}. Nothing was imported.`);
}
