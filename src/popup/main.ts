/**
 * The popup: reads the active tab through the content script, shows the clean article, saves it, exports it
 * (plain text, Markdown, standalone HTML), and lists saved articles. All strings come from _locales; controls
 * keep the accessible names that the end-to-end tests (and screen readers) rely on.
 */
import type { LibraryItem } from '../background/library/types.ts';
import { request } from '../messaging/client.ts';
import { describeFailure } from '../messaging/read-tab.ts';
import { openExtensionPage, openTab, t, type Tabs } from '../platform/index.ts';
import { readerUrl, storeHandoff } from '../reader/handoff.ts';
import { articleFromItem, articleToSave, noteRestored, type Shown } from '../ui/article-state.ts';
import { byId, copyArticleText, downloadArticle, showSaved, type DownloadFormat } from '../ui/article-actions.ts';
import { renderArticle } from '../ui/article-view.ts';
import { setupDisclosure } from '../ui/disclosure.ts';
import { localizePage } from '../ui/i18n.ts';
import { createRemovedPanel } from '../ui/removed-panel.ts';
import { trackReadingPosition } from '../ui/reading-position.ts';
import { applyTheme, loadSettings, rememberedSettings } from '../ui/settings.ts';
import { startReading } from './early-read.ts';
import { createSavedList, storageMessage } from './saved-list.ts';
import { showStorageStatus } from './storage-status.ts';
import { setupTabs } from './tabs.ts';

const $ = byId;

const ui = {
  save: $<HTMLButtonElement>('save'),
  copy: $<HTMLButtonElement>('copy'),
  downloadMenu: $<HTMLButtonElement>('download-menu'),
  downloadOptions: $<HTMLElement>('download-options'),
  download: $<HTMLButtonElement>('download'),
  downloadMd: $<HTMLButtonElement>('download-md'),
  downloadHtml: $<HTMLButtonElement>('download-html'),
  openReader: $<HTMLButtonElement>('open-reader'),
  status: $<HTMLParagraphElement>('status'),
  showAnyway: $<HTMLButtonElement>('show-anyway'),
  article: $<HTMLElement>('article'),
  scroller: document.querySelector('main') as HTMLElement,
};

let shown: Shown | null = null;
let tabId: number | undefined;
let tab: Tabs.Tab | undefined;
let siteIcon: string | null = null;
/** False while the popup doesn't know yet whether the page is saved (Save waits for that answer). */
let savedStateKnown = true;

function setStatus(message: string): void {
  ui.status.textContent = message;
}

function setSaved(saved: boolean): void {
  showSaved(ui.save, saved);
}

function enableActions(canSave: boolean): void {
  ui.save.disabled = !canSave;
  ui.copy.disabled = false;
  ui.downloadMenu.disabled = false;
  ui.download.disabled = false;
  ui.downloadMd.disabled = false;
  ui.downloadHtml.disabled = false;
  ui.openReader.disabled = false;
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
  enableActions(next.from === 'page' && savedStateKnown);
  position.restore(next.progress ?? 0);
}

/** The reading position of a saved article (src/ui/reading-position.ts): restored when shown, kept as it changes. */
const position = trackReadingPosition(ui.article, ui.scroller, (progress) => {
  const current = shown;
  if (!current?.itemId) return; // (a hidden article reports nothing: reading-position.ts)
  current.progress = progress;
  void request('library/update', { id: current.itemId, patch: { readingProgress: progress } });
});

/** What Save keeps and Copy/Download export: the article as the reader now sees it, restored items included. */
function onRestored(s: Shown, index: number): void {
  noteRestored(s, index);
  // What is shown is no longer what is saved (if it was): saving again keeps the restored items.
  setSaved(false);
  ui.save.disabled = false;
}

async function readPage(): Promise<void> {
  setStatus(t('statusReading'));
  const early = await startReading();
  tab = early.tab;
  tabId = tab?.id;
  siteIcon = tab?.favIconUrl && /^https?:|^data:image\//.test(tab.favIconUrl) && tab.favIconUrl.length <= 8192 ? tab.favIconUrl : null;
  const result = early.result;
  if (tabId === undefined || !result) {
    setStatus(t('cantReadNoTab'));
    return;
  }
  if (!result.ok) {
    setStatus(describeFailure(result));
    return;
  }
  const article = result.article;
  // Is this page saved already? Asked now and answered while the article renders: the worker may have to start
  // first, and the reader should not wait for that. Save stays disabled until the answer says which it is.
  const lookup = request('library/lookup', { url: article.url, canonicalUrl: article.canonicalUrl, tabId });
  const next: Shown = { view: article, article, from: 'page', text: article.text, capturedAt: new Date(), restored: new Set(), body: null };
  savedStateKnown = false;
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
  const answer = await lookup;
  const savedItem = answer.ok ? answer.item : null;
  if (savedItem) {
    // A page that is already saved keeps its reading position as the reader scrolls here too.
    next.itemId = savedItem.id;
    next.progress = savedItem.readingProgress;
    if (shown === next && !ui.article.hidden) position.restore(next.progress);
  }
  savedStateKnown = true;
  if (shown === next || !shown) {
    setSaved(savedItem !== null);
    if (shown === next) ui.save.disabled = false;
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
    current.itemId = res.item.id;
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

async function copyText(): Promise<void> {
  if (shown) setStatus(await copyArticleText(shown));
}

async function download(format: DownloadFormat): Promise<void> {
  if (shown) setStatus(await downloadArticle(shown, format));
}

/**
 * "Open in reader": a saved copy opens by its id; an article read from the page (or a saved copy with restored
 * items) is handed over through storage.session (reader/handoff.ts). The reader tab opens next to this one.
 */
async function openInReader(): Promise<void> {
  const current = shown;
  if (!current) return;
  ui.openReader.disabled = true;
  try {
    const target =
      current.from === 'library' && current.itemId && current.restored.size === 0
        ? { item: current.itemId }
        : { live: await storeHandoff({ ok: true, article: articleToSave(current), tabId: current.from === 'page' ? (tabId ?? null) : null, capturedAt: current.capturedAt.toISOString() }) };
    await openTab(readerUrl(target), tab);
    window.close();
  } catch (err) {
    ui.openReader.disabled = false;
    setStatus(t('errorFailed', err instanceof Error ? err.message : String(err)));
  }
}

async function openSaved(id: string): Promise<void> {
  const res = await request('library/get', { id });
  if (!res.ok || !res.item) {
    tabs.select('article');
    setStatus(t('statusLoadFailed', res.ok ? id : storageMessage(res)));
    return;
  }
  const item: LibraryItem = res.item;
  tabs.select('article');
  show({
    view: item, article: articleFromItem(item), from: 'library', itemId: item.id, text: item.text, capturedAt: new Date(item.savedAt), restored: new Set(), body: null,
    progress: item.readingProgress,
  });
  setSaved(true);
  setStatus(t('statusShowingSaved'));
}

localizePage();
const remembered = rememberedSettings();
if (remembered) applyTheme(document.documentElement, remembered);
void loadSettings().then((s) => applyTheme(document.documentElement, s));
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
ui.save.addEventListener('click', () => void save());
ui.copy.addEventListener('click', () => void copyText());
setupDisclosure(ui.downloadMenu, ui.downloadOptions);
ui.download.addEventListener('click', () => void download('text'));
ui.downloadMd.addEventListener('click', () => void download('markdown'));
ui.downloadHtml.addEventListener('click', () => void download('html'));
ui.openReader.addEventListener('click', () => void openInReader());
$('open-library').addEventListener('click', () => void openExtensionPage('src/library-page/index.html').then(() => window.close()));
void readPage().catch((err: unknown) => setStatus(t('errorFailed', err instanceof Error ? err.message : String(err))));
