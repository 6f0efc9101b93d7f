/**
 * The background service worker: owns the library. It keeps no state in memory that matters (an MV3 worker is
 * stopped after ~30 s idle); every request opens what it needs from IndexedDB.
 *
 * It answers only Lectern's own extension pages, and only requests that pass the schema (see ./handler.ts).
 */
import { extensionOrigin, onMessage, runtimeId, setBadge, t } from '../platform/index.ts';
import { registerAction } from './action.ts';
import { registerCommands } from './commands.ts';
import { createMessageHandler } from './handler.ts';
import { IdbLibraryStore } from './library/idb-store.ts';
import { ImportStaging } from './library/import-staging.ts';
import { LibraryService } from './library/service.ts';

const store = new IdbLibraryStore();
const library = new LibraryService(store);
// Fold what a stopped worker left in the index journal (queries read it meanwhile, so nothing waits on this).
void store.mergeAll().catch(() => undefined);
registerAction();
const commands = registerCommands(library);
// The e2e suite can't press browser shortcuts or click a context menu: it calls these handlers from the worker.
// Only code running in the worker itself can reach its global scope.
Object.assign(globalThis, { lecternCommands: commands });

const handler = createMessageHandler({
  library,
  staging: new ImportStaging(),
  runtimeId: runtimeId(),
  extensionOrigin: extensionOrigin(),
  setBadge,
  t: (key) => t(key),
});

onMessage((message, sender) => handler(message, sender));
