/**
 * The toolbar click, made faster in Chrome: the browser takes ~270 ms to start a popup's document after the
 * click (docs/benchmarks.md, "browser floor"), and the popup could only start reading the page after that. So
 * once the worker runs, it takes the clicks over from the manifest's popup (platform: takeOverActionClicks):
 * at a click it starts reading the page — inject the content script, `content/prefetch` — and opens the popup
 * in the same moment. The page is cleaned while the popup opens, and the popup's own read
 * (popup/early-read.ts) takes that result. The click's activeTab grant covers both.
 *
 * Until the worker has run (just after install or browser start), a click opens the manifest popup as before,
 * which then reads the page itself; if the popup can't be opened from the worker, clicks go back to that too.
 * Firefox keeps the manifest popup.
 */
import { CONTENT_SCRIPT_FILE } from '../content/file.ts';
import { requestTab } from '../messaging/client.ts';
import { injectScript, onActionClicked, openActionPopup, restoreActionPopup, takeOverActionClicks } from '../platform/index.ts';
import { POPUP_PAGE } from '../popup/page.ts';

export function registerAction(): void {
  // Listeners first: an MV3 worker woken by the click gets the event only if its listener exists at once.
  onActionClicked((tab) => {
    void openActionPopup(tab, POPUP_PAGE).catch(() => restoreActionPopup(POPUP_PAGE).catch(() => undefined));
    // A page Lectern can't read fails here quietly; the popup says why.
    const tabId = tab.id;
    if (tabId !== undefined) void injectScript(tabId, CONTENT_SCRIPT_FILE).then(() => requestTab(tabId, 'content/prefetch', {})).catch(() => undefined);
  });
  void takeOverActionClicks().catch(() => undefined);
}
