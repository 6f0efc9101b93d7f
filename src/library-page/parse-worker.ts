/**
 * Reads an import file off the Library page's main thread, so a large file never freezes the page: the page
 * posts `{ name, bytes }`, this answers with the result (duplicates reported) or why it can't be read. Formats
 * that need a DOM (bookmarks HTML, Omnivore content) answer `needs-window` and the page reads them itself.
 */
import { reportDuplicates } from '../core/import/dedupe.ts';
import { NeedsWindowError, readImportFile } from '../core/import/detect.ts';
import { ImportError, type ImportErrorKey, type ImportResult } from '../core/import/types.ts';

export interface ParseRequest {
  name: string;
  bytes: Uint8Array;
}

/** Why the file can't be read; an ImportError carries its message key and substitutions across (`kind: 'import'`). */
export type ParseReply =
  | { ok: true; result: ImportResult }
  | { ok: false; kind: 'import'; message: string; key: ImportErrorKey; args: ReadonlyArray<string | number> }
  | { ok: false; kind: 'needs-window' | 'failed'; message: string };

const scope = globalThis as unknown as { onmessage: ((e: MessageEvent<ParseRequest>) => void) | null; postMessage(reply: ParseReply): void };

scope.onmessage = (e) => {
  let reply: ParseReply;
  try {
    reply = { ok: true, result: reportDuplicates(readImportFile(e.data.name, e.data.bytes, null)) };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    reply =
      err instanceof ImportError
        ? { ok: false, kind: 'import', message, key: err.key, args: err.args }
        : { ok: false, kind: err instanceof NeedsWindowError ? 'needs-window' : 'failed', message };
  }
  scope.postMessage(reply);
};
