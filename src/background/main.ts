/**
 * The background service worker: owns the library. It keeps no state in memory that matters (an MV3 worker is
 * stopped after ~30 s idle); every request opens what it needs from IndexedDB.
 *
 * It answers only Lectern's own extension pages, and only requests that pass the schema.
 */
import { extensionOrigin, onMessage, runtimeId, setBadge, t, type MessageSender } from '../platform/index.ts';
import type { Response } from '../messaging/protocol.ts';
import { parseBackgroundRequest, type ParsedRequest } from '../messaging/schema.ts';
import { registerCommands } from './commands.ts';
import { IdbLibraryStore } from './library/idb-store.ts';
import { ImportStaging } from './library/import-staging.ts';
import { LibraryService } from './library/service.ts';
import { StorageError } from './library/store.ts';

const store = new IdbLibraryStore();
const library = new LibraryService(store);
const staging = new ImportStaging();
// Fold what a stopped worker left in the index journal (queries read it meanwhile, so nothing waits on this).
void store.mergeAll().catch(() => undefined);
const commands = registerCommands(library);
// The e2e suite can't press browser shortcuts or click a context menu: it calls these handlers from the worker.
// Only code running in the worker itself can reach its global scope.
Object.assign(globalThis, { lecternCommands: commands });

function fromExtensionPage(sender: MessageSender): boolean {
  return sender.id === runtimeId() && typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin());
}

function failure(err: unknown): { ok: false; code: StorageError['code']; message: string } {
  if (err instanceof StorageError) return { ok: false, code: err.code, message: err.message };
  return { ok: false, code: 'failed', message: err instanceof Error ? err.message : String(err) };
}

async function handle(req: ParsedRequest): Promise<Response<ParsedRequest['type']>> {
  try {
    switch (req.type) {
      case 'library/save': {
        const item = await library.save(req.article, req.siteIcon);
        return { ok: true, item };
      }
      case 'library/list':
        return { ok: true, ...(await library.list(req.query, req.offset, req.limit)) };
      case 'library/update':
        return { ok: true, item: await library.update(req.id, req.patch) };
      case 'library/delete':
        return { ok: true, item: await library.delete(req.id) };
      case 'library/undoDelete':
        return { ok: true, item: await library.undoDelete(req.id) };
      case 'library/get':
        return { ok: true, item: await library.get(req.id) };
      case 'library/all':
        return { ok: true, items: await library.summaries(req.after ?? null, req.limit ?? 1000) };
      case 'library/export':
        return { ok: true, items: await library.exportPage(req.after ?? null, req.limit ?? 50) };
      case 'library/importBegin':
        return { ok: true, importId: staging.begin() };
      case 'library/importChunk':
        return { ok: true, received: staging.add(req.importId, req.items) };
      case 'library/importCommit':
        return { ok: true, ...(await library.importItems(staging.take(req.importId))) };
      case 'library/importAbort':
        staging.abort(req.importId);
        return { ok: true };
      case 'library/lookup': {
        const item = await library.lookup(req.url, req.canonicalUrl);
        if (req.tabId !== undefined) {
          await setBadge(req.tabId, item ? '✓' : '', item ? t('badgeSaved') : '').catch(() => undefined);
        }
        return { ok: true, item };
      }
    }
  } catch (err) {
    return failure(err);
  }
}

onMessage((message, sender) => {
  if (!fromExtensionPage(sender)) return undefined;
  const req = parseBackgroundRequest(message);
  if (!req) {
    const type = (message as { type?: unknown } | null)?.type;
    // content/extract is for the tab's content script, not for us.
    if (type === 'content/extract') return undefined;
    return Promise.resolve({ ok: false, code: 'invalid', message: 'Invalid request.' });
  }
  return handle(req);
});
