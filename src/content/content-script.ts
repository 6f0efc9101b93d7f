/**
 * The content script: injected into the active tab only when the user clicks Lectern (activeTab +
 * scripting.executeScript), never declared for every page. It answers `content/extract` with the
 * cleaned Article. Injecting twice is harmless: the second copy sees the first and does nothing. In Chrome the
 * worker injects it at the toolbar click and asks it to start (`content/prefetch`), so the page is being cleaned
 * while the popup opens; the popup's own request then takes that result.
 */
import { extractAsync } from '../core/extract.ts';
import { ExtractError } from '../core/types.ts';
import type { ExtractResult } from '../messaging/protocol.ts';
import { onMessage } from '../platform/content.ts';
import { extractions } from './extractions.ts';

// A symbol, not a string-named global: a page element with id="<name>" shows up as window.<name> in the content
// script's world too (named access on Window), and would make Lectern think it was already injected.
const MARK = Symbol.for('lectern.contentScript');
const scope = globalThis as typeof globalThis & { [MARK]?: boolean };

/**
 * Bounds on one extraction, so that Lectern answers within about 3 s and never freezes the page for long: the
 * size checks refuse a huge page at once (measured in Chromium's content-script world, a 50,000-element page
 * takes 1–4 s to clean on a busy 2-core machine, each phase up to about 1 s), the time budget stops a slow one
 * between phases (the page runs in between, see extractAsync), and the popup says "too large to clean" either
 * way. The popup and the worker also give up waiting after TAB_WAIT_MS (src/messaging/read-tab.ts), whatever the page does.
 */
const CONTENT_LIMITS = { maxElements: 100_000, maxTextLength: 2_000_000, timeBudgetMs: 2000 };

async function run(): Promise<ExtractResult> {
  // The browser's PDF viewer is an ordinary tab whose document is only a wrapper around the viewer.
  if (document.contentType === 'application/pdf') return { ok: false, code: 'pdf', message: 'PDF document' };
  try {
    return { ok: true, article: await extractAsync(document, location.href, CONTENT_LIMITS) };
  } catch (err) {
    if (err instanceof ExtractError) return { ok: false, code: err.code, message: err.message };
    return { ok: false, code: 'failed', message: err instanceof Error ? err.message : String(err) };
  }
}

const pageExtractions = extractions(run, () => location.href);

if (!scope[MARK]) {
  scope[MARK] = true;
  onMessage((message) => {
    const type = (message as { type?: unknown } | null)?.type;
    if (type === 'content/prefetch') {
      pageExtractions.prefetch();
      return { ok: true };
    }
    if (type === 'content/extract') {
      return pageExtractions.forPopup().then(({ result, prefetched }): ExtractResult => (result.ok && prefetched ? { ...result, prefetched } : result));
    }
    return undefined;
  });
}
