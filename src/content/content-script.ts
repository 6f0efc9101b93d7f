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

/** An extraction of this page: the one in progress, or the worker's prefetch waiting for the popup. */
interface Started {
  href: string;
  at: number;
  result: Promise<ExtractResult>;
}
/** The extraction in progress, if any: a second request while it runs shares it (never two at once). */
let running: Started | null = null;
/**
 * The extraction the worker started at the toolbar click (content/prefetch), kept for the popup that opened at
 * the same moment: its content/extract takes it, once, if the page is still the same and it is recent.
 */
let early: Started | null = null;
const EARLY_MAX_AGE_MS = 30_000;

const fresh = (x: Started | null): x is Started => x !== null && x.href === location.href && Date.now() - x.at < EARLY_MAX_AGE_MS;

function start(): Started {
  if (fresh(running)) return running;
  const started: Started = { href: location.href, at: Date.now(), result: run() };
  running = started;
  void started.result.finally(() => {
    if (running === started) running = null;
  });
  return started;
}

function extractForPopup(): Promise<ExtractResult> {
  const kept = early;
  early = null;
  if (fresh(kept)) return kept.result.then((r) => (r.ok ? { ...r, prefetched: true } : r));
  return start().result;
}

if (!scope[MARK]) {
  scope[MARK] = true;
  onMessage((message) => {
    const type = (message as { type?: unknown } | null)?.type;
    if (type === 'content/prefetch') {
      // (If the popup's own request came first, it already has the extraction in progress.)
      if (!fresh(running)) early = start();
      return { ok: true };
    }
    if (type === 'content/extract') return extractForPopup();
    return undefined;
  });
}
