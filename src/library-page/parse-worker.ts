/**
 * Reads an import file off the Library page's main thread, so a large file never freezes the page: the page
 * posts `{ name, bytes }`, this answers with the result (duplicates reported) or why it can't be read. Formats
 * that need a DOM (bookmarks HTML, Omnivore content) answer `needs-window` and the page reads them itself.
 */
import { reportDuplicates } from '../core/import/dedupe.ts';
import { NeedsWindowError, readImportFile } from '../core/import/detect.ts';
import { ImportError, type ImportResult } from '../core/import/types.ts';

export interface ParseRequest {
  name: string;
  bytes: Uint8Array;
}

export type ParseReply = { ok: true; result: ImportResult } | { ok: false; kind: 'needs-window' | 'import' | 'failed'; message: string };

const scope = globalThis as unknown as { onmessage: ((e: MessageEvent<ParseRequest>) => void) | null; postMessage(reply: ParseReply): void };

scope.onmessage = (e) => {
  let reply: ParseReply;
  try {
    reply = { ok: true, result: reportDuplicates(readImportFile(e.data.name, e.data.bytes, null)) };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    reply = { ok: false, kind: err instanceof NeedsWindowError ? 'needs-window' : err instanceof ImportError ? 'import' : 'failed', message };
  }
  scope.postMessage(reply);
};
