/**
 * The background's message handler, without the extension APIs it is wired to (see ./main.ts), so the real
 * handler can be fuzzed in unit tests with an in-memory store and fake senders.
 *
 * A message is data from another context, not a trusted object. Only Lectern's own extension pages are
 * answered (not content scripts, not web pages, not other extensions); every request must pass the schema
 * before it touches storage; nothing a sender can put in a message makes the handler throw.
 */
import type { Response } from '../messaging/protocol.ts';
import { parseBackgroundRequest, type ParsedRequest } from '../messaging/schema.ts';
import type { ImportStaging } from './library/import-staging.ts';
import type { LibraryService } from './library/service.ts';
import { StorageError } from './library/store.ts';

/** What the handler reads of a runtime.MessageSender (a subset of Chrome's and Firefox's). */
export interface Sender {
  id?: string;
  url?: string;
  origin?: string;
  tab?: unknown;
}

export interface HandlerDeps {
  library: LibraryService;
  /** Import chunks waiting for their commit (kept in the worker between the messages of one import). */
  staging: ImportStaging;
  /** Lectern's extension id (runtime.id). */
  runtimeId: string;
  /** Lectern's own origin with a trailing slash, e.g. "chrome-extension://abc…/" (runtime.getURL('')). */
  extensionOrigin: string;
  setBadge(tabId: number, text: string, title?: string): Promise<void>;
  t(key: string): string;
}

export type MessageHandler = (message: unknown, sender: Sender) => Promise<unknown> | undefined;

/**
 * True only for Lectern's own pages: same extension id, and a document URL (and, where the browser reports
 * it, an origin) inside the extension's origin. A content script has Lectern's id but the page's URL.
 */
export function fromExtensionPage(sender: Sender, runtimeId: string, extensionOrigin: string): boolean {
  if (!sender || sender.id !== runtimeId || !runtimeId) return false;
  if (typeof sender.url !== 'string' || !extensionOrigin || !sender.url.startsWith(extensionOrigin)) return false;
  if (sender.origin !== undefined && sender.origin !== extensionOrigin.replace(/\/$/, '')) return false;
  return true;
}

function failure(err: unknown): { ok: false; code: StorageError['code']; message: string } {
  if (err instanceof StorageError) return { ok: false, code: err.code, message: err.message };
  return { ok: false, code: 'failed', message: err instanceof Error ? err.message : String(err) };
}

const INVALID = { ok: false, code: 'invalid', message: 'Invalid request.' } as const;

async function handle(deps: HandlerDeps, req: ParsedRequest): Promise<Response<ParsedRequest['type']>> {
  const { library, staging } = deps;
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
          await deps.setBadge(req.tabId, item ? '✓' : '', item ? deps.t('badgeSaved') : '').catch(() => undefined);
        }
        return { ok: true, item };
      }
    }
  } catch (err) {
    return failure(err);
  }
}

/** The runtime.onMessage listener: `undefined` means "not for me" (no answer), otherwise a promised answer. */
export function createMessageHandler(deps: HandlerDeps): MessageHandler {
  return (message, sender) => {
    try {
      if (!fromExtensionPage(sender, deps.runtimeId, deps.extensionOrigin)) return undefined;
      const req = parseBackgroundRequest(message);
      if (!req) {
        // content/* messages are for the tab's content script, not for us.
        const type = typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined;
        if (type === 'content/extract' || type === 'content/prefetch') return undefined;
        return Promise.resolve(INVALID);
      }
      return handle(deps, req);
    } catch {
      // Validation itself failed (not possible with structured-cloned data, but a message is not trusted).
      return Promise.resolve(INVALID);
    }
  };
}
