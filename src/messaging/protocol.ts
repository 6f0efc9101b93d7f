/**
 * Lectern's one message protocol. Every message is `{ type, ...payload }`; each type has one request and one
 * response shape, declared here and used by all sides (popup, content script, background), so a change to a
 * message is a type error everywhere it matters. Requests to the background are validated at runtime too
 * (see ./schema.ts): a message is data from another context, not a trusted object.
 */
import type { MergeCounts } from '../background/library/store.ts';
import type { ItemPatch, LibraryItem, LibrarySummary } from '../background/library/types.ts';
import type { ImportedItem } from '../core/import/types.ts';
import type { Article, ExtractErrorCode } from '../core/types.ts';

export type ExtractResult =
  /** `prefetched`: cleaning started at the toolbar click (content/prefetch), before the popup asked. */
  | { ok: true; article: Article; prefetched?: boolean }
  | { ok: false; code: ExtractErrorCode | 'pdf'; message: string };

export type StorageErrorCode = 'quota' | 'unavailable' | 'blocked' | 'invalid' | 'failed';
export type StorageResult<T> = ({ ok: true } & T) | { ok: false; code: StorageErrorCode; message: string };

/** Request and response of every message, by type. */
export interface Protocol {
  /**
   * popup → content script (in the tab): clean the page and return the article (the one already being cleaned
   * since the click, if the worker started it: see content/prefetch).
   */
  'content/extract': { request: Record<string, never>; response: ExtractResult };
  /** worker → content script, at the toolbar click (Chrome): start cleaning the page now for the popup that opens. */
  'content/prefetch': { request: Record<string, never>; response: { ok: true } };
  /** views → background: save (or update) an article; returns the stored summary. */
  'library/save': { request: { article: Article; siteIcon?: string | null }; response: StorageResult<{ item: LibrarySummary }> };
  /**
   * views → background: a page of saved items matching `query` (the search box: words and `site:` `tag:`
   * `is:unread|read|archived` `lang:` filters): newest saved first, or best match first when it has words.
   */
  'library/list': { request: { query?: string; offset?: number; limit?: number }; response: StorageResult<{ items: LibrarySummary[]; total: number }> };
  /** views → background: mark read/unread, archive/unarchive, set tags, save the reading position. */
  'library/update': { request: { id: string; patch: ItemPatch }; response: StorageResult<{ item: LibrarySummary | null }> };
  /** views → background: delete an item (kept aside for Undo); returns what was deleted. */
  'library/delete': { request: { id: string }; response: StorageResult<{ item: LibrarySummary | null }> };
  /** views → background: put a just-deleted item back. */
  'library/undoDelete': { request: { id: string }; response: StorageResult<{ item: LibrarySummary | null }> };
  /** views → background: one saved item with its body. */
  'library/get': { request: { id: string }; response: StorageResult<{ item: LibraryItem | null }> };
  /** Library page → background: summaries of every item (archived too), in id order, the page after `after`. */
  'library/all': { request: { after?: string | null; limit?: number }; response: StorageResult<{ items: LibrarySummary[] }> };
  /** Library page → background: every item with its body, in id order, the page after `after` (exports, backups). */
  'library/export': { request: { after?: string | null; limit?: number }; response: StorageResult<{ items: LibraryItem[] }> };
  /**
   * Library page → background: an import in parts (a file may be larger than one message): begin, send the
   * items in chunks, commit. Nothing changes before the commit, which writes everything in one transaction
   * (all or nothing); abort (or a worker restart) drops what was sent.
   */
  'library/importBegin': { request: Record<string, never>; response: StorageResult<{ importId: string }> };
  'library/importChunk': { request: { importId: string; items: ImportedItem[] }; response: StorageResult<{ received: number }> };
  'library/importCommit': { request: { importId: string }; response: StorageResult<MergeCounts> };
  'library/importAbort': { request: { importId: string }; response: StorageResult<object> };
  /** views → background: is this URL saved? (also sets the tab's badge when tabId is given) */
  'library/lookup': { request: { url: string; canonicalUrl?: string | null; tabId?: number }; response: StorageResult<{ item: LibrarySummary | null }> };
}

export type MessageType = keyof Protocol;
export type Request<T extends MessageType> = { type: T } & Protocol[T]['request'];
export type Response<T extends MessageType> = Protocol[T]['response'];
export type AnyRequest = { [T in MessageType]: Request<T> }[MessageType];
