/**
 * Reading a tab's article: check the URL (restricted pages), inject the content script, ask it to extract.
 * The popup does this after a toolbar click, the worker after a keyboard command or a context-menu click: both
 * hold activeTab on the tab at that moment. A failure carries the _locales key that explains it.
 */
import { CONTENT_SCRIPT_FILE } from '../content/file.ts';
import type { Article } from '../core/types.ts';
import { injectScript, isAllowedFileSchemeAccess, t } from '../platform/index.ts';
import { reasonFromInjectionError, restrictedReason } from '../popup/restricted.ts';
import { requestTab } from './client.ts';
import type { ExtractResult } from './protocol.ts';

export interface TabFailure {
  /** _locales key of the explanation. */
  reason: string;
  /** Its $1 substitution (an error message), if it takes one. */
  detail?: string;
  /** _locales key of a hint to add (e.g. "turn on file access"). */
  hint?: string;
}

/**
 * How long to wait for the page: injection plus the content script's answer. The content script bounds its own
 * work (about 3 s, see src/content/content-script.ts), but a page whose main thread is stuck (an endless loop, a
 * frozen tab) never lets it run; the reader is told so instead of "Reading the page…" forever.
 */
export const TAB_WAIT_MS = 10_000;

class PageTimeout extends Error {}

function withinWait<T>(work: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PageTimeout()), TAB_WAIT_MS);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** `prefetched`: the page was being cleaned since the toolbar click (src/background/action.ts). */
export type TabRead = { ok: true; article: Article; prefetched: boolean } | ({ ok: false } & TabFailure);

/** Reads the article in `tabId`. `url` is the tab's URL when the browser shows it to Lectern (activeTab). */
export async function readTab(tabId: number, url: string | undefined): Promise<TabRead> {
  // Without the "tabs" permission, tab.url is only there when activeTab granted access; on pages the browser
  // closes to extensions (chrome://, view-source:, file:// without file access) it is undefined. Then the
  // injection below fails and its error says why.
  const restricted = url === undefined ? null : restrictedReason(url, url.startsWith('file:') ? await isAllowedFileSchemeAccess() : true);
  if (restricted) return { ok: false, reason: restricted };
  let result: ExtractResult;
  try {
    result = await withinWait(injectScript(tabId, CONTENT_SCRIPT_FILE).then(() => requestTab(tabId, 'content/extract', {})));
  } catch (err) {
    if (err instanceof PageTimeout) return { ok: false, reason: 'errorTimeout' };
    const reason = reasonFromInjectionError(url, err instanceof Error ? err.message : String(err));
    // Chromium hides the URL of a file:// tab it won't let us read, so say what would help if it is one.
    const hint = reason === 'cantReadOther' && !(await isAllowedFileSchemeAccess()) ? 'cantReadFileHint' : undefined;
    return { ok: false, reason, ...(hint ? { hint } : {}) };
  }
  if (result.ok) return { ok: true, article: result.article, prefetched: result.prefetched === true };
  if (result.code === 'pdf') return { ok: false, reason: 'cantReadPdf' };
  const reason = result.code === 'too-large' ? 'errorTooLarge' : result.code === 'empty' ? 'errorEmpty' : 'errorFailed';
  return { ok: false, reason, detail: result.message };
}

/** The failure as one sentence in the UI language. */
export function describeFailure(f: TabFailure): string {
  return t(f.reason, f.detail) + (f.hint ? ` ${t(f.hint)}` : '');
}
