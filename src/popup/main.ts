/**
 * The popup: reads the active tab through the content script, shows the clean article, saves it, exports its
 * text, and lists saved articles. All strings come from _locales; controls keep the accessible names that the
 * end-to-end tests (and screen readers) rely on.
 */
import { articleToPlainText } from '../core/export/text.ts';
import { slugify } from '../core/filename.ts';
import { readingTimeMinutes, wordCount } from '../core/reading-time.ts';
import { htmlToText } from '../core/text.ts';
import type { Article } from '../core/types.ts';
import type { LibraryItem } from '../background/library/types.ts';
import { request, requestTab } from '../messaging/client.ts';
import type { ExtractResult } from '../messaging/protocol.ts';
import { CONTENT_SCRIPT_FILE } from '../content/file.ts';
import { activeTab, injectScript, isAllowedFileSchemeAccess, openExtensionPage, t } from '../platform/index.ts';
import { renderArticle, type Viewable } from '../ui/article-view.ts';
import { articleHtml } from '../ui/html-sink.ts';
import { localizePage } from '../ui/i18n.ts';
import { createRemovedPanel } from '../ui/removed-panel.ts';
import { bodyForSaving } from '../ui/restore.ts';
import { reasonFromInjectionError, restrictedReason } from './restricted.ts';
import { createSavedList, storageMessage } from './saved-list.ts';
import { showStorageStatus } from './storage-status.ts';
import { setupTabs } from './tabs.ts';

const $ = <T extends HTMLElement>(id: string): T => {
  const node = document.getElementById(id);
  if (!node) throw new Error(`#${id} missing`);
  return node as T;
};

const ui = {
  save: $<HTMLButtonElement>('save'),
  copy: $<HTMLButtonElement>('copy'),
  download: $<HTMLButtonElement>('download'),
  status: $<HTMLParagraphElement>('status'),
  showAnyway: $<HTMLButtonElement>('show-anyway'),
  article: $<HTMLElement>('article'),
  scroller: document.querySelector('main') as HTMLElement,
};

interface Shown {
  view: Viewable;
  /** The article as Save sends it: live from the page, or rebuilt from the saved item. */
  article: Article;
  /** A saved item is only saved again once the reader restored something in it. */
  from: 'page' | 'library';
  /** The text Copy/Download export: the article's, or the rendered body's once something is restored. */
  text: string;
  capturedAt: Date;
  /** Indices into article.removed that the reader put back. */
  restored: Set<number>;
  /** The rendered article body, once shown. */
  body: HTMLElement | null;
  /** The library item this article is, once saved: its reading position is kept as the reader scrolls. */
  libraryId: string | null;
  /** Where the reader left off last time (0..1), restored when it is shown. */
  progress: number;
}

let shown: Shown | null = null;
let tabId: number | undefined;
let siteIcon: string | null = null;

function setStatus(message: string): void {
  ui.status.textContent = message;
}

function setSaved(saved: boolean): void {
  ui.save.setAttribute('aria-pressed', String(saved));
  ui.save.textContent = t(saved ? 'saved' : 'saveForLater');
}

function enableActions(canSave: boolean): void {
  ui.save.disabled = !canSave;
  ui.copy.disabled = false;
  ui.download.disabled = false;
}

function show(next: Shown): void {
  shown = next;
  const { header, body } = renderArticle(ui.article, next.view);
  next.body = body;
  const panel = createRemovedPanel({
    items: next.article.removed,
    body,
    lang: next.view.lang,
    onRestore: (index) => onRestored(next, index),
  });
  if (panel) header.append(panel);
  ui.article.hidden = false;
  ui.showAnyway.hidden = true;
  enableActions(next.from === 'page');
  restorePosition(next.progress);
}

/** Set while the popup itself scrolls to a saved position, so that scroll isn't saved as the reader's. */
let restoring: { top: number; stop: () => void } | null = null;

/**
 * Scrolls to where the reader left off (a share of the scrollable height), and again while images load and
 * the article grows, until the reader scrolls or 3 s have passed.
 */
function restorePosition(progress: number): void {
  restoring?.stop();
  const apply = () => {
    const range = ui.scroller.scrollHeight - ui.scroller.clientHeight;
    const top = progress > 0 && progress < 1 && range > 0 ? Math.round(progress * range) : 0;
    if (restoring) restoring.top = top;
    ui.scroller.scrollTop = top;
  };
  if (!(progress > 0 && progress < 1)) {
    ui.scroller.scrollTop = 0;
    return;
  }
  const observer = new ResizeObserver(apply);
  const userScrolls = ['wheel', 'keydown', 'pointerdown', 'touchstart'] as const;
  const stop = () => {
    observer.disconnect();
    clearTimeout(timer);
    for (const type of userScrolls) ui.scroller.removeEventListener(type, stop);
    restoring = null;
  };
  const timer = setTimeout(stop, 3000);
  restoring = { top: 0, stop };
  for (const type of userScrolls) ui.scroller.addEventListener(type, stop, { passive: true });
  observer.observe(ui.article);
  apply();
}

let progressTimer: ReturnType<typeof setTimeout> | undefined;
/** Keeps the reading position of a saved article, a moment after the reader stops scrolling. */
function onScroll(): void {
  const current = shown;
  if (!current?.libraryId || ui.article.hidden) return;
  if (restoring && Math.abs(ui.scroller.scrollTop - restoring.top) <= 1) return;
  clearTimeout(progressTimer);
  progressTimer = setTimeout(() => {
    const range = ui.scroller.scrollHeight - ui.scroller.clientHeight;
    if (range <= 0 || !current.libraryId) return;
    const progress = Math.min(1, Math.max(0, ui.scroller.scrollTop / range));
    current.progress = progress;
    void request('library/update', { id: current.libraryId, patch: { readingProgress: Math.round(progress * 1000) / 1000 } });
  }, 400);
}

/** What Save keeps and Copy/Download export: the article as the reader now sees it, restored items included. */
function onRestored(s: Shown, index: number): void {
  s.restored.add(index);
  if (s.body) s.text = htmlToText(bodyForSaving(s.body));
  // What is shown is no longer what is saved (if it was): saving again keeps the restored items.
  setSaved(false);
  ui.save.disabled = false;
}

function articleToSave(s: Shown): Article {
  if (s.restored.size === 0 || !s.body) return s.article;
  const body = bodyForSaving(s.body);
  const text = htmlToText(body);
  return {
    ...s.article,
    html: articleHtml(body),
    text,
    wordCount: wordCount(text),
    readingTimeMinutes: readingTimeMinutes(text, s.article.lang),
    removed: s.article.removed.filter((_, i) => !s.restored.has(i)),
  };
}

/** A saved item as an Article again, so a copy changed by Restore can be saved over the old one. */
function articleFromItem(item: LibraryItem): Article {
  const { url, canonicalUrl, title, byline, siteName, publishedTime, modifiedTime, lang, dir, excerpt, leadImage } = item;
  const { wordCount: words, readingTimeMinutes: minutes, html, text } = item;
  return {
    url, canonicalUrl, readerable: true, title, byline, siteName, publishedTime, modifiedTime, lang, dir, excerpt, leadImage,
    wordCount: words, readingTimeMinutes: minutes, html, text, removed: item.removed ?? [], ms: 0,
  };
}

async function readPage(): Promise<void> {
  setStatus(t('statusReading'));
  const tab = await activeTab();
  tabId = tab?.id;
  const url = tab?.url;
  siteIcon = tab?.favIconUrl && /^https?:|^data:image\//.test(tab.favIconUrl) && tab.favIconUrl.length <= 8192 ? tab.favIconUrl : null;
  if (tabId === undefined) {
    setStatus(t('cantReadNoTab'));
    return;
  }
  // Without the "tabs" permission, tab.url is only there when activeTab granted access; on pages the browser
  // closes to extensions (chrome://, view-source:, file:// without file access) it is undefined. Then the
  // injection below fails and its error says why.
  const reason = url === undefined ? null : restrictedReason(url, url.startsWith('file:') ? await isAllowedFileSchemeAccess() : true);
  if (reason) {
    setStatus(t(reason));
    return;
  }
  let result: ExtractResult;
  try {
    await injectScript(tabId, CONTENT_SCRIPT_FILE);
    result = await requestTab(tabId, 'content/extract', {});
  } catch (err) {
    const reason = reasonFromInjectionError(url, err instanceof Error ? err.message : String(err));
    // Chromium hides the URL of a file:// tab it won't let us read, so say what would help if it is one.
    const hint = reason === 'cantReadOther' && !(await isAllowedFileSchemeAccess()) ? ` ${t('cantReadFileHint')}` : '';
    setStatus(t(reason) + hint);
    return;
  }
  if (!result.ok) {
    if (result.code === 'pdf') {
      setStatus(t('cantReadPdf'));
      return;
    }
    const key = result.code === 'too-large' ? 'errorTooLarge' : result.code === 'empty' ? 'errorEmpty' : 'errorFailed';
    setStatus(t(key, result.message));
    return;
  }
  const article = result.article;
  const lookup = await request('library/lookup', { url: article.url, canonicalUrl: article.canonicalUrl, tabId });
  const savedItem = lookup.ok ? lookup.item : null;
  const next: Shown = {
    view: article, article, from: 'page', text: article.text, capturedAt: new Date(), restored: new Set(), body: null,
    libraryId: savedItem?.id ?? null, progress: savedItem?.readingProgress ?? 0,
  };
  setSaved(savedItem !== null);
  if (article.readerable) {
    setStatus('');
    show(next);
  } else {
    setStatus(t('statusNotArticle'));
    ui.showAnyway.hidden = false;
    ui.showAnyway.onclick = () => {
      setStatus('');
      show(next);
      ui.article.focus();
    };
  }
}

async function save(): Promise<void> {
  const current = shown;
  if (!current) return;
  const { from } = current;
  const restoredAtSave = current.restored.size;
  const article = articleToSave(current);
  ui.save.disabled = true;
  const res = await request('library/save', { article, siteIcon: from === 'page' ? siteIcon : null });
  ui.save.disabled = false;
  if (res.ok) {
    current.libraryId = res.item.id;
    // Ask the browser to keep the library through storage pressure (granted or not, it's shown under the list).
    void navigator.storage?.persist?.().catch(() => false);
    // An item restored while the save was under way isn't in it yet.
    if (shown === current) setSaved(current.restored.size === restoredAtSave);
    setStatus(t('statusSaved'));
    // The toolbar badge is about the tab's page: a saved copy opened from the list may be another page.
    if (tabId !== undefined && from === 'page') void request('library/lookup', { url: article.url, canonicalUrl: article.canonicalUrl, tabId });
  } else {
    setStatus(t('statusSaveFailed', storageMessage(res)));
  }
}

function exportText(): { name: string; body: string } | null {
  if (!shown) return null;
  const { view } = shown;
  const body = articleToPlainText({ ...view, text: shown.text }, shown.capturedAt);
  return { name: `${slugify(view.title)}.txt`, body };
}

async function copyText(): Promise<void> {
  const out = exportText();
  if (!out) return;
  try {
    await navigator.clipboard.writeText(out.body);
    setStatus(t('statusCopied'));
  } catch (err) {
    setStatus(t('statusCopyFailed', err instanceof Error ? err.message : String(err)));
  }
}

function downloadText(): void {
  const out = exportText();
  if (!out) return;
  const blob = new Blob([out.body], { type: 'text/plain;charset=utf-8' });
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = out.name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
  setStatus(t('statusDownloaded', out.name));
}

async function openSaved(id: string): Promise<void> {
  const res = await request('library/get', { id });
  if (!res.ok || !res.item) {
    setStatus(t('statusLoadFailed', res.ok ? id : storageMessage(res)));
    tabs.select('article');
    return;
  }
  const item: LibraryItem = res.item;
  tabs.select('article');
  show({
    view: item, article: articleFromItem(item), from: 'library', text: item.text, capturedAt: new Date(item.savedAt), restored: new Set(), body: null,
    libraryId: item.id, progress: item.readingProgress,
  });
  setSaved(true);
  setStatus(t('statusShowingSaved'));
}

localizePage();
const savedList = createSavedList(
  { search: $('search'), status: $('saved-status'), undo: $('undo'), list: $('saved-list'), more: $('more') },
  (id) => void openSaved(id),
);
const tabs = setupTabs({
  saved: () => {
    savedList.load();
    void showStorageStatus($('storage'));
  },
});
ui.scroller.addEventListener('scroll', onScroll, { passive: true });
ui.save.addEventListener('click', () => void save());
ui.copy.addEventListener('click', () => void copyText());
ui.download.addEventListener('click', downloadText);
$('open-library').addEventListener('click', () => void openExtensionPage('src/library-page/index.html').then(() => window.close()));
void readPage().catch((err: unknown) => setStatus(t('errorFailed', err instanceof Error ? err.message : String(err))));
