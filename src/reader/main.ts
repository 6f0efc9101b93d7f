/**
 * The reader tab (`reader.html?live=<id>` for a page just read, `?item=<id>` for a saved article): the article
 * with the same header and "Removed" panel as the popup, Save, Copy / Download (text, Markdown, HTML), Read aloud,
 * Reading settings, and "Back to the page". Settings and the article load in parallel; the article is shown
 * once both are there, so its first paint is already in the chosen theme, font and size.
 */
import type { LibraryItem } from '../background/library/types.ts';
import { request } from '../messaging/client.ts';
import { describeFailure } from '../messaging/read-tab.ts';
import { closeThisTab, focusTab, getTab, t } from '../platform/index.ts';
import { articleFromItem, articleToSave, noteRestored, type Shown } from '../ui/article-state.ts';
import { byId, copyArticleText, downloadArticle, showSaved, type DownloadFormat } from '../ui/article-actions.ts';
import { renderArticle } from '../ui/article-view.ts';
import { localizePage } from '../ui/i18n.ts';
import { createRemovedPanel } from '../ui/removed-panel.ts';
import { trackReadingPosition, type PositionTracking } from '../ui/reading-position.ts';
import { applySettings, fontReady, loadSettings, rememberedSettings } from '../ui/settings.ts';
import { parseReaderQuery } from './handoff.ts';
import { loadHandoff } from './source.ts';
import { fillIcons, icon } from '../ui/icons.ts';
import { setupSettingsPanel } from './settings-panel.ts';
import { setupSpeechBar } from './speech-bar.ts';

const $ = byId;

const ui = {
  back: $<HTMLAnchorElement>('back'),
  save: $<HTMLButtonElement>('save'),
  copy: $<HTMLButtonElement>('copy'),
  download: $<HTMLButtonElement>('download'),
  downloadMd: $<HTMLButtonElement>('download-md'),
  downloadHtml: $<HTMLButtonElement>('download-html'),
  status: $<HTMLParagraphElement>('status'),
  article: $<HTMLElement>('article'),
  bar: document.querySelector<HTMLElement>('.bar')!,
};

type Loaded = { ok: true; shown: Shown; sourceTabId: number | null } | { ok: false; message: string };

let shown: Shown | null = null;
let sourceTabId: number | null = null;

const setStatus = (message: string): void => {
  ui.status.textContent = message;
  ui.status.hidden = message === '';
};

function setSaved(saved: boolean): void {
  showSaved(ui.save, saved);
}

async function load(): Promise<Loaded> {
  const target = parseReaderQuery(location.search);
  if (!target) return { ok: false, message: t('readerNothing') };
  if ('item' in target) {
    const res = await request('library/get', { id: target.item });
    if (!res.ok) return { ok: false, message: t('statusLoadFailed', res.message) };
    if (!res.item) return { ok: false, message: t('readerItemGone') };
    const item: LibraryItem = res.item;
    const shown: Shown = {
      view: item, article: articleFromItem(item), from: 'library', itemId: item.id, text: item.text, capturedAt: new Date(item.savedAt), restored: new Set(), body: null,
      progress: item.readingProgress,
    };
    return { ok: true, shown, sourceTabId: null };
  }
  const handoff = await loadHandoff(target.live);
  if (!handoff) return { ok: false, message: t('readerLiveGone') };
  if (!handoff.ok) return { ok: false, message: describeFailure(handoff) };
  const { article } = handoff;
  const shown: Shown = { view: article, article, from: 'page', text: article.text, capturedAt: new Date(handoff.capturedAt), restored: new Set(), body: null };
  return { ok: true, shown, sourceTabId: handoff.tabId };
}

function show(s: Shown): void {
  shown = s;
  document.title = s.view.title || t('extName');
  const { header, body } = renderArticle(ui.article, s.view);
  s.body = body;
  const panel = createRemovedPanel({
    items: s.article.removed,
    body,
    lang: s.view.lang,
    onRestore: (index) => {
      noteRestored(s, index);
      setSaved(false);
      ui.save.disabled = false;
    },
  });
  if (panel) header.append(panel);
  ui.article.hidden = false;
  ui.save.disabled = s.from === 'library';
  ui.copy.disabled = false;
  ui.download.disabled = false;
  ui.downloadMd.disabled = false;
  ui.downloadHtml.disabled = false;
  setupBack(s.article.canonicalUrl ?? s.article.url);
  // A saved article opens where the reader left off (in this tab or the popup); the position is kept as the
  // reader scrolls (also for an article saved from this tab after it opened).
  position?.stop();
  position = trackReadingPosition(ui.article, null, (progress) => {
    const current = shown;
    if (!current?.itemId) return;
    current.progress = progress;
    void request('library/update', { id: current.itemId, patch: { readingProgress: progress } });
  });
  if (s.itemId) position.restore(s.progress ?? 0);
}

let position: PositionTracking | null = null;

/** "Back to the page": the tab it was read from when it still shows that page, else this tab goes there. */
function setupBack(url: string): void {
  if (!/^https?:/i.test(url)) return;
  ui.back.href = url;
  ui.back.hidden = false;
  ui.back.querySelector('.back-arrow')?.replaceChildren(icon('back'));
  ui.back.addEventListener('click', (e) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return; // new tab/window: the browser's way
    e.preventDefault();
    void backToPage(url);
  });
}

const samePage = (a: string, b: string): boolean => a.split('#')[0] === b.split('#')[0];

async function backToPage(url: string): Promise<void> {
  // Without the "tabs" permission the source tab's URL is visible only while activeTab still holds on it, i.e.
  // until it navigates: a visible, matching URL means the page is still there.
  const tab = sourceTabId === null ? null : await getTab(sourceTabId);
  if (tab?.url && shown && (samePage(tab.url, shown.article.url) || samePage(tab.url, url))) {
    await focusTab(tab);
    await closeThisTab();
    return;
  }
  location.assign(url);
}

async function save(): Promise<void> {
  const current = shown;
  if (!current) return;
  const restoredAtSave = current.restored.size;
  const article = articleToSave(current);
  ui.save.disabled = true;
  const res = await request('library/save', { article });
  ui.save.disabled = false;
  if (!res.ok) {
    setStatus(t('statusSaveFailed', res.message));
    return;
  }
  setSaved(current.restored.size === restoredAtSave);
  setStatus(t('statusSaved'));
  current.itemId = res.item.id;
  // The badge belongs to the tab the page is in.
  if (sourceTabId !== null && current.from === 'page') void request('library/lookup', { url: article.url, canonicalUrl: article.canonicalUrl, tabId: sourceTabId });
}

async function copyText(): Promise<void> {
  if (shown) setStatus(await copyArticleText(shown));
}

async function download(format: DownloadFormat): Promise<void> {
  if (shown) setStatus(await downloadArticle(shown, format));
}

async function start(): Promise<void> {
  // First paint in the reader's own theme at once (the page is hidden until a theme is set).
  const remembered = rememberedSettings();
  if (remembered) applySettings(document.documentElement, remembered);
  localizePage();
  fillIcons(document);
  const settingsLoaded = loadSettings().then(async (s) => {
    applySettings(document.documentElement, s);
    await fontReady(s);
    return s;
  });
  const [settings, loaded] = await Promise.all([settingsLoaded, load().catch((err: unknown): Loaded => ({ ok: false, message: t('errorFailed', err instanceof Error ? err.message : String(err)) }))]);
  setupSettingsPanel(settings, ui.article, () => ui.bar.getBoundingClientRect().height);
  if (!loaded.ok) {
    setStatus(loaded.message);
    return;
  }
  sourceTabId = loaded.sourceTabId;
  setStatus('');
  show(loaded.shown);
  setupSpeechBar(ui.article, loaded.shown.view.lang);
  if (loaded.shown.from === 'library') setSaved(true);
  else {
    const { url, canonicalUrl } = loaded.shown.article;
    void request('library/lookup', { url, canonicalUrl, ...(sourceTabId !== null ? { tabId: sourceTabId } : {}) }).then((res) => setSaved(res.ok && res.item !== null));
  }
}

ui.save.addEventListener('click', () => void save());
ui.copy.addEventListener('click', () => void copyText());
ui.download.addEventListener('click', () => void download('text'));
ui.downloadMd.addEventListener('click', () => void download('markdown'));
ui.downloadHtml.addEventListener('click', () => void download('html'));
void start().catch((err: unknown) => setStatus(t('errorFailed', err instanceof Error ? err.message : String(err))));
