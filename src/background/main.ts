/**
 * The background service worker: owns the library. It keeps no state in memory that matters (an MV3 worker is
 * stopped after ~30 s idle); every request opens what it needs from IndexedDB.
 *
 * It answers only Lectern's own extension pages, and only requests that pass the schema (see ./handler.ts).
 */
import { extensionOrigin, onMessage, runtimeId, setBadge, t } from '../platform/index.ts';
import { createMessageHandler } from './handler.ts';
import { IdbLibraryStore } from './library/idb-store.ts';
import { LibraryService } from './library/service.ts';

const handler = createMessageHandler({
  library: new LibraryService(new IdbLibraryStore()),
  runtimeId: runtimeId(),
  extensionOrigin: extensionOrigin(),
  setBadge,
  t: (key) => t(key),
});

onMessage((message, sender) => handler(message, sender));
