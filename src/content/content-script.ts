/**
 * The content script: injected into the active tab only when the user clicks Lectern (activeTab +
 * scripting.executeScript), never declared for every page. It answers one message, `content/extract`, with the
 * cleaned Article. Injecting twice is harmless: the second copy sees the first and does nothing.
 */
import { extract } from '../core/extract.ts';
import { ExtractError } from '../core/types.ts';
import type { ExtractResult } from '../messaging/protocol.ts';
import { onMessage } from '../platform/content.ts';

const MARK = '__lecternContentScript';
const scope = globalThis as typeof globalThis & { [MARK]?: boolean };

function run(): ExtractResult {
  // The browser's PDF viewer is an ordinary tab whose document is only a wrapper around the viewer.
  if (document.contentType === 'application/pdf') return { ok: false, code: 'pdf', message: 'PDF document' };
  try {
    return { ok: true, article: extract(document, location.href) };
  } catch (err) {
    if (err instanceof ExtractError) return { ok: false, code: err.code, message: err.message };
    return { ok: false, code: 'failed', message: err instanceof Error ? err.message : String(err) };
  }
}

if (!scope[MARK]) {
  scope[MARK] = true;
  onMessage((message) => {
    if ((message as { type?: unknown } | null)?.type !== 'content/extract') return undefined;
    return run();
  });
}
