/**
 * The Library page's import: read the chosen file (parsed here, in the page: the worker has no DOMParser),
 * send its items to the background in parts, commit them in one transaction, and report what was imported
 * and every row that was skipped or changed, and why. A file that can't be read changes nothing.
 */
import { reportDuplicates } from '../core/import/dedupe.ts';
import { importErrorText, skippedLine } from '../core/import/report.ts';
import { checkImportSize, readImportFile } from '../core/import/detect.ts';
import { ImportError, type ImportFormat, type ImportResult, type ImportedItem, type Skipped } from '../core/import/types.ts';
import type { ParseReply, ParseRequest } from './parse-worker.ts';
import { request } from '../messaging/client.ts';
import { t, uiLanguage, writeLocalStorage } from '../platform/index.ts';
import { check, RequestFailed } from './page-util.ts';

/** Items per message, and the characters of body text per message (runtime messages are limited in size). */
const CHUNK_ITEMS = 1000;
const CHUNK_CHARS = 16 * 1024 * 1024;

function* chunks(items: readonly ImportedItem[]): Generator<ImportedItem[]> {
  let chunk: ImportedItem[] = [];
  let chars = 0;
  for (const item of items) {
    const size = (item.html?.length ?? 0) + (item.text?.length ?? 0) + 1000;
    if (chunk.length && (chunk.length >= CHUNK_ITEMS || chars + size > CHUNK_CHARS)) {
      yield chunk;
      chunk = [];
      chars = 0;
    }
    const { row: _where, ...stored } = item; // where it was in the file is for the report only
    chunk.push(stored);
    chars += size;
  }
  if (chunk.length) yield chunk;
}

const FORMAT_NAMES: Record<ImportFormat, string> = {
  pocket: 'formatPocket',
  instapaper: 'formatInstapaper',
  omnivore: 'formatOmnivore',
  bookmarks: 'formatBookmarks',
  'lectern-backup': 'formatBackup',
};


/** Reads the file in a worker (the page stays responsive); formats that need a DOM are read here. */
async function readFile(file: File): Promise<ImportResult> {
  checkImportSize(file.name, file.size);
  const reply = await readInWorker(file.name, new Uint8Array(await file.arrayBuffer()));
  if (reply.ok) return reply.result;
  if (reply.kind === 'import') throw new ImportError(reply.key, reply.args, reply.message);
  if (reply.kind === 'failed') throw new Error(reply.message);
  return reportDuplicates(readImportFile(file.name, new Uint8Array(await file.arrayBuffer()), window));
}

function readInWorker(name: string, bytes: Uint8Array): Promise<ParseReply> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./parse-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<ParseReply>) => {
      worker.terminate();
      resolve(e.data);
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(e.message || 'the file reader stopped'));
    };
    const request: ParseRequest = { name, bytes };
    worker.postMessage(request, [bytes.buffer]);
  });
}

export interface ImportUi {
  status: HTMLElement;
  report: HTMLUListElement;
}

function showReport(ui: ImportUi, skipped: readonly Skipped[]): void {
  ui.report.replaceChildren(
    ...skipped.map((s) => {
      const li = document.createElement('li');
      li.textContent = skippedLine(s, t);
      return li;
    }),
  );
  ui.report.hidden = skipped.length === 0;
}

/** Sends the items in parts and commits them; aborts the staged import if anything fails on the way. */
async function send(items: readonly ImportedItem[], onProgress: (sent: number) => void) {
  const { importId } = check(await request('library/importBegin', {}));
  try {
    let sent = 0;
    for (const chunk of chunks(items)) {
      check(await request('library/importChunk', { importId, items: chunk }));
      sent += chunk.length;
      onProgress(sent);
    }
    return check(await request('library/importCommit', { importId }));
  } catch (err) {
    await request('library/importAbort', { importId }).catch(() => undefined);
    throw err;
  }
}

export async function importFile(file: File, ui: ImportUi): Promise<boolean> {
  ui.report.hidden = true;
  ui.status.textContent = t('importReading', file.name);
  let result: ImportResult;
  try {
    result = await readFile(file);
  } catch (err) {
    ui.status.textContent = err instanceof ImportError ? importErrorText(err, t, uiLanguage()) : t('importUnreadable', [file.name, String(err)]);
    return false;
  }
  const skippedRows = result.skipped.filter((s) => !s.imported).length;
  if (!result.items.length) {
    ui.status.textContent = t('importNothing', [file.name, String(skippedRows)]);
    showReport(ui, result.skipped);
    return false;
  }
  try {
    const counts = await send(result.items, (sent) => (ui.status.textContent = t('importSending', [String(sent), String(result.items.length)])));
    if (result.format === 'lectern-backup' && result.settings && Object.keys(result.settings).length) await writeLocalStorage(result.settings);
    ui.status.textContent = t('importDone', [
      t(FORMAT_NAMES[result.format]),
      String(counts.added + counts.updated + counts.unchanged),
      String(counts.added),
      String(counts.updated),
      String(counts.unchanged),
      String(skippedRows),
    ]);
    showReport(ui, result.skipped);
    return true;
  } catch (err) {
    ui.status.textContent = t('importFailed', err instanceof RequestFailed || err instanceof Error ? err.message : String(err));
    return false;
  }
}
