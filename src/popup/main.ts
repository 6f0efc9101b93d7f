/**
 * The popup: reads the active tab through the content script, shows the clean article, saves it, exports its
 * text, and lists saved articles. All strings come from _locales; controls keep the accessible names that the
 * end-to-end tests (and screen readers) rely on.
 */
import contentScript from '../content/content-script.ts?script&iife';
import { articleToPlainText } from '../core/export/text.ts';
import { slugify } from '../core/filename.ts';
import { readingTimeMinutes, wordCount } from '../core/reading-time.ts';
import { htmlToText } from '../core/text.ts';
import type { Article } from '../core/types.ts';
import type { LibraryItem, LibrarySummary } from '../background/library/types.ts';
import { request, requestTab } from '../messaging/client.ts';
import type { ExtractResult } from '../messaging/protocol.ts';
import { activeTab, injectScript, isAllowedFileSchemeAccess, t } from '../platform/index.ts';
import { renderArticle, type Viewable } from '../ui/article-view.ts';
import { articleHtml } from '../ui/html-sink.ts';
import { formatDate, localizePage } from '../ui/i18n.ts';
import { createRemovedPanel } from '../ui/removed-panel.ts';
import { bodyForSaving } from '../ui/restore.ts';
import { reasonFromInjectionError, restrictedReason } from './restricted.ts';
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
  search: $<HTMLInputElement>('search'),
  savedStatus: $<HTMLParagraphElement>('saved-status'),
  savedList: $<HTMLUListElement>('saved-list'),
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
}

/**
 * How long the popup waits for the page: injection plus the content script's answer. The content script bounds
 * its own work (about 3 s, see src/content/content-script.ts), but a page whose main thread is stuck (an endless
 * loop, a frozen tab) never lets it run; the popup says so instead of "Reading the page…" forever.
 */
const POPUP_WAIT_MS = 10_000;

class PageTimeout extends Error {}

function withinWait<T>(work: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PageTimeout()), POPUP_WAIT_MS);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

let shown: Shown | null = null;
let tabId: number | undefined;
let savedItems: LibrarySummary[] = [];

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
  const target = tabId;
  try {
    result = await withinWait(injectScript(target, contentScript).then(() => requestTab(target, 'content/extract', {})));
  } catch (err) {
    if (err instanceof PageTimeout) {
      setStatus(t('errorTimeout'));
      return;
    }
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
  const next: Shown = { view: article, article, from: 'page', text: article.text, capturedAt: new Date(), restored: new Set(), body: null };
  const lookup = await request('library/lookup', { url: article.url, canonicalUrl: article.canonicalUrl, tabId });
  setSaved(lookup.ok && lookup.item !== null);
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
  const res = await request('library/save', { article });
  ui.save.disabled = false;
  if (res.ok) {
    // An item restored while the save was under way isn't in it yet.
    if (shown === current) setSaved(current.restored.size === restoredAtSave);
    setStatus(t('statusSaved'));
    // The toolbar badge is about the tab's page: a saved copy opened from the list may be another page.
    if (tabId !== undefined && from === 'page') void request('library/lookup', { url: article.url, canonicalUrl: article.canonicalUrl, tabId });
  } else {
    setStatus(t('statusSaveFailed', res.message));
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

function renderSavedList(): void {
  const query = ui.search.value.trim().toLowerCase();
  const matches = query
    ? savedItems.filter((i) => [i.title, i.siteName, i.byline, i.excerpt].some((f) => f?.toLowerCase().includes(query)))
    : savedItems;
  ui.savedList.replaceChildren(
    ...matches.map((item) => {
      const li = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      const title = document.createElement('span');
      title.className = 'saved-title';
      title.textContent = item.title;
      title.dir = 'auto';
      const meta = document.createElement('span');
      meta.className = 'saved-meta';
      const savedOn = formatDate(item.savedAt) ?? item.savedAt;
      meta.textContent = [item.siteName, t('savedOn', savedOn)].filter(Boolean).join(' · ');
      button.append(title, meta);
      button.addEventListener('click', () => void openSaved(item.id));
      li.append(button);
      return li;
    }),
  );
  ui.savedStatus.textContent = savedItems.length === 0 ? t('statusEmptyLibrary') : matches.length === 0 ? t('statusNoMatches') : t('statusSavedCount', String(matches.length));
}

async function loadSaved(): Promise<void> {
  const res = await request('library/list', { limit: 1000 });
  if (!res.ok) {
    ui.savedStatus.textContent = t('statusLoadFailed', res.message);
    return;
  }
  savedItems = res.items;
  renderSavedList();
}

async function openSaved(id: string): Promise<void> {
  const res = await request('library/get', { id });
  if (!res.ok || !res.item) {
    ui.savedStatus.textContent = t('statusLoadFailed', res.ok ? id : res.message);
    return;
  }
  const item: LibraryItem = res.item;
  tabs.select('article');
  show({ view: item, article: articleFromItem(item), from: 'library', text: item.text, capturedAt: new Date(item.savedAt), restored: new Set(), body: null });
  setSaved(true);
  setStatus(t('statusShowingSaved'));
}

localizePage();
const tabs = setupTabs({ saved: () => void loadSaved() });
ui.save.addEventListener('click', () => void save());
ui.copy.addEventListener('click', () => void copyText());
ui.download.addEventListener('click', downloadText);
ui.search.addEventListener('input', renderSavedList);
void readPage().catch((err: unknown) => setStatus(t('errorFailed', err instanceof Error ? err.message : String(err))));
