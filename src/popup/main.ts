/**
 * The popup: reads the active tab through the content script, shows the clean article, saves it, exports its
 * text, and lists saved articles. All strings come from _locales; controls keep the accessible names that the
 * end-to-end tests (and screen readers) rely on.
 */
import type { LibraryItem, LibrarySummary } from '../background/library/types.ts';
import { request } from '../messaging/client.ts';
import { describeFailure, readTab } from '../messaging/read-tab.ts';
import { activeTab, openTab, t, type Tabs } from '../platform/index.ts';
import { readerUrl, storeHandoff } from '../reader/handoff.ts';
import { articleFromItem, articleToSave, downloadFile, noteRestored, plainTextExport, type Shown } from '../ui/article-state.ts';
import { renderArticle } from '../ui/article-view.ts';
import { formatDate, localizePage } from '../ui/i18n.ts';
import { createRemovedPanel } from '../ui/removed-panel.ts';
import { applyTheme, loadSettings } from '../ui/settings.ts';
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
  openReader: $<HTMLButtonElement>('open-reader'),
  status: $<HTMLParagraphElement>('status'),
  showAnyway: $<HTMLButtonElement>('show-anyway'),
  article: $<HTMLElement>('article'),
  search: $<HTMLInputElement>('search'),
  savedStatus: $<HTMLParagraphElement>('saved-status'),
  savedList: $<HTMLUListElement>('saved-list'),
};

let shown: Shown | null = null;
let tabId: number | undefined;
let tab: Tabs.Tab | undefined;
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
  enableActions(next.from === 'page');
}

/** What Save keeps and Copy/Download export: the article as the reader now sees it, restored items included. */
function onRestored(s: Shown, index: number): void {
  noteRestored(s, index);
  // What is shown is no longer what is saved (if it was): saving again keeps the restored items.
  setSaved(false);
  ui.save.disabled = false;
}

async function readPage(): Promise<void> {
  setStatus(t('statusReading'));
  tab = await activeTab();
  tabId = tab?.id;
  if (tabId === undefined) {
    setStatus(t('cantReadNoTab'));
    return;
  }
  // Marks for bench:ui (what the time from click to article goes to); harmless otherwise.
  performance.mark('lectern:read-start');
  const result = await readTab(tabId, tab?.url);
  performance.mark('lectern:read-end');
  if (!result.ok) {
    setStatus(describeFailure(result));
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

async function copyText(): Promise<void> {
  if (!shown) return;
  try {
    await navigator.clipboard.writeText(plainTextExport(shown).body);
    setStatus(t('statusCopied'));
  } catch (err) {
    setStatus(t('statusCopyFailed', err instanceof Error ? err.message : String(err)));
  }
}

function downloadText(): void {
  if (!shown) return;
  const out = plainTextExport(shown);
  downloadFile(out);
  setStatus(t('statusDownloaded', out.name));
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
  show({ view: item, article: articleFromItem(item), from: 'library', itemId: item.id, text: item.text, capturedAt: new Date(item.savedAt), restored: new Set(), body: null });
  setSaved(true);
  setStatus(t('statusShowingSaved'));
}

localizePage();
void loadSettings().then((s) => applyTheme(document.documentElement, s));
const tabs = setupTabs({ saved: () => void loadSaved() });
ui.save.addEventListener('click', () => void save());
ui.copy.addEventListener('click', () => void copyText());
ui.download.addEventListener('click', downloadText);
ui.openReader.addEventListener('click', () => void openInReader());
ui.search.addEventListener('input', renderSavedList);
void readPage().catch((err: unknown) => setStatus(t('errorFailed', err instanceof Error ? err.message : String(err))));
