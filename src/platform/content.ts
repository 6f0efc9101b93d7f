/**
 * The content script's platform: the one extension API it uses (answering runtime messages), without
 * webextension-polyfill. The content script is injected into every page Lectern reads and has a size budget
 * (scripts/post-build.mjs); the polyfill would cost ≈3 KB gzip of it for one listener. Both browsers provide
 * `chrome.runtime.onMessage` in content scripts with the callback style used here (sendResponse, and `true`
 * to answer asynchronously), so no promise wrapper is needed.
 */
type SendResponse = (response: unknown) => void;
interface RuntimeLike {
  onMessage: { addListener(listener: (message: unknown, sender: unknown, sendResponse: SendResponse) => boolean | undefined): void };
}

const api = (globalThis as unknown as { chrome: { runtime: RuntimeLike } }).chrome;

/**
 * Registers a message handler. It returns the answer (a value or a promise of one), or `undefined` for
 * "not for me" so other listeners may answer.
 */
export function onMessage(handler: (message: unknown) => unknown): void {
  api.runtime.onMessage.addListener((message, _sender, sendResponse) => {
    const answer = handler(message);
    if (answer === undefined) return undefined;
    if (answer instanceof Promise) {
      answer.then(sendResponse, (err: unknown) => sendResponse({ ok: false, code: 'failed', message: err instanceof Error ? err.message : String(err) }));
      return true;
    }
    sendResponse(answer);
    return undefined;
  });
}
