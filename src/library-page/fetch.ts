/**
 * "Fetch articles": fills in the text of items imported as a URL only. Host access is asked for at that moment,
 * for exactly the sites of those items (the browser's prompt: nothing happens unless the reader agrees) and
 * given back when the run ends. Polite: at most 4 requests at a time, one at a time per site with a pause
 * between two requests to the same site; cancelable; every failure is listed with its reason.
 */
import type { LibrarySummary } from '../background/library/types.ts';
import { articleFromHtml } from '../core/import/fetched.ts';
import { runPolitely } from '../core/import/polite-queue.ts';
import { request } from '../messaging/client.ts';
import { removeOrigins, requestOrigins, t } from '../platform/index.ts';
import { $, check } from './page-util.ts';

const CONCURRENCY = 4;
const SAME_SITE_PAUSE_MS = 1000;
const TIMEOUT_MS = 20_000;
const MAX_BYTES = 10 * 1024 * 1024;

const originOf = (url: string) => `${new URL(url).origin}/*`;

async function fetchOne(item: LibrarySummary, signal: AbortSignal): Promise<void> {
  const timeout = AbortSignal.timeout(TIMEOUT_MS);
  const res = await fetch(item.url, { credentials: 'omit', redirect: 'follow', signal: AbortSignal.any([signal, timeout]) });
  if (!res.ok) throw new Error(t('fetchHttpError', String(res.status)));
  const type = res.headers.get('content-type') ?? '';
  if (!/html/i.test(type)) throw new Error(t('fetchNotHtml', type || '?'));
  const body = await res.text();
  if (body.length > MAX_BYTES) throw new Error(t('fetchTooLarge'));
  const article = articleFromHtml(body, res.url || item.url, window);
  if (!article.text.trim()) throw new Error(t('fetchNoArticle'));
  // Merged into the item it was imported as (same URL): its saved date, tags and states stay.
  const { importId } = check(await request('library/importBegin', {}));
  const { canonicalUrl: _canonical, readerable: _r, ms: _ms, url: _url, ...rest } = article;
  check(await request('library/importChunk', { importId, items: [{ ...rest, url: item.url }] }));
  check(await request('library/importCommit', { importId }));
}

export function setupFetch(items: () => LibrarySummary[], reload: () => Promise<void>): void {
  const button = $<HTMLButtonElement>('fetch');
  const cancel = $<HTMLButtonElement>('fetch-cancel');
  const progress = $<HTMLProgressElement>('fetch-progress');
  const status = $('fetch-status');
  const failures = $<HTMLUListElement>('fetch-failures');
  let controller: AbortController | null = null;

  cancel.addEventListener('click', () => controller?.abort());
  button.addEventListener('click', () => {
    const targets = items().filter((s) => s.wordCount === 0);
    if (!targets.length) {
      status.textContent = t('fetchNothing');
      return;
    }
    const origins = [...new Set(targets.map((s) => originOf(s.url)))];
    // The permission request must be the first thing the click does (it needs the user gesture).
    void requestOrigins(origins).then(
      (granted) => (granted ? run(targets, origins) : void (status.textContent = t('fetchDenied'))),
      (err: unknown) => void (status.textContent = t('fetchFailedAll', err instanceof Error ? err.message : String(err))),
    );
  });

  async function run(targets: LibrarySummary[], origins: string[]): Promise<void> {
    controller = new AbortController();
    const { signal } = controller;
    button.disabled = true;
    cancel.hidden = false;
    progress.hidden = false;
    progress.max = targets.length;
    progress.value = 0;
    failures.replaceChildren();
    failures.hidden = true;
    let done = 0;
    let failed = 0;
    const show = () => {
      progress.value = done;
      status.textContent = t('fetchProgress', [String(done), String(targets.length), String(failed)]);
    };
    show();
    try {
      await runPolitely(
        targets,
        (item) => new URL(item.url).host,
        async (item) => {
          try {
            await fetchOne(item, signal);
          } catch (err) {
            if (signal.aborted) return;
            failed++;
            const li = document.createElement('li');
            li.textContent = t('fetchItemFailed', [item.title, err instanceof Error ? err.message : String(err)]);
            failures.append(li);
            failures.hidden = false;
          }
          done++;
          show();
        },
        { concurrency: CONCURRENCY, pauseMs: SAME_SITE_PAUSE_MS, signal },
      );
      status.textContent = signal.aborted
        ? t('fetchCanceled', [String(done), String(targets.length)])
        : t('fetchDone', [String(done - failed), String(failed)]);
    } finally {
      // Host access is for this run only.
      await removeOrigins(origins).catch(() => undefined);
      button.disabled = false;
      cancel.hidden = true;
      controller = null;
    }
    await reload();
  }
}
