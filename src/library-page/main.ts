/**
 * The Library page (opened from the popup's Saved tab): import a file (Pocket, Instapaper, Omnivore, browser
 * bookmarks, a Lectern backup), fetch the articles of URL-only items, export selected items or all of them as a
 * ZIP (.txt, .md, .html per article plus an index), and back up everything (items and settings) as JSON.
 */
import type { LibraryItem, LibrarySummary } from '../background/library/types.ts';
import { archiveEntry, archiveFiles, zipArchive, type ExportFormat, type ExportableItem } from '../core/export/archive.ts';
import { articleToHtml, standaloneCss } from '../core/export/html.ts';
import { articleToMarkdown } from '../core/export/markdown.ts';
import { articleToPlainText } from '../core/export/text.ts';
import { createBackup } from '../core/import/backup.ts';
import { request } from '../messaging/client.ts';
import { readLocalStorage, t } from '../platform/index.ts';
import readerCss from '../ui/reader.css?raw';
import themesCss from '../ui/themes.css?raw';
import { formatDate, localizePage } from '../ui/i18n.ts';
import { setupFetch } from './fetch.ts';
import { importFile } from './import.ts';
import { $, allItems, allSummaries, check, download, localDay } from './page-util.ts';

localizePage();

const ui = {
  file: $<HTMLInputElement>('import-file'),
  import: $<HTMLButtonElement>('import'),
  importStatus: $('import-status'),
  importReport: $<HTMLUListElement>('import-report'),
  exportSelected: $<HTMLButtonElement>('export-selected'),
  exportAll: $<HTMLButtonElement>('export-all'),
  backup: $<HTMLButtonElement>('backup'),
  exportStatus: $('export-status'),
  selectAll: $<HTMLInputElement>('select-all'),
  items: $<HTMLUListElement>('items'),
  more: $<HTMLButtonElement>('items-more'),
};

/** Items listed at first and added by each "Show more" (a list of 50,000 rows took the page 23 s to lay out). */
const PAGE = 200;
let shownCount = PAGE;

let summaries: LibrarySummary[] = [];
const selected = new Set<string>();

function updateSelection(): void {
  ui.exportSelected.disabled = selected.size === 0;
  ui.selectAll.checked = summaries.length > 0 && selected.size === summaries.length;
  ui.selectAll.indeterminate = selected.size > 0 && selected.size < summaries.length;
}

function itemRow(s: LibrarySummary): HTMLLIElement {
  const li = document.createElement('li');
  const label = document.createElement('label');
  const box = document.createElement('input');
  box.type = 'checkbox';
  box.checked = selected.has(s.id);
  box.addEventListener('change', () => {
    if (box.checked) selected.add(s.id);
    else selected.delete(s.id);
    updateSelection();
  });
  const title = document.createElement('span');
  title.textContent = s.title;
  title.dir = 'auto';
  label.append(box, ' ', title);
  const meta = document.createElement('span');
  meta.className = 'meta';
  meta.textContent = [s.siteName ?? new URL(s.url).hostname, formatDate(s.savedAt), s.wordCount ? null : t('libraryNoContent')].filter(Boolean).join(' · ');
  li.append(label, meta);
  return li;
}

/** The first `shownCount` items; "Show more" adds the next ones ("Select all" and the exports cover every item). */
function renderList(): void {
  ui.items.replaceChildren(...summaries.slice(0, shownCount).map(itemRow));
  ui.more.hidden = summaries.length <= shownCount;
  updateSelection();
}

export async function loadList(): Promise<void> {
  try {
    summaries = await allSummaries();
  } catch (err) {
    ui.exportStatus.textContent = err instanceof Error ? err.message : String(err);
    return;
  }
  for (const id of [...selected]) if (!summaries.some((s) => s.id === id)) selected.delete(id);
  ui.exportAll.disabled = ui.backup.disabled = summaries.length === 0;
  renderList();
}

function chosenFormats(): ExportFormat[] {
  return [...document.querySelectorAll<HTMLInputElement>('input[name=format]:checked')].map((b) => b.value as ExportFormat);
}

async function exportZip(ids: string[] | null): Promise<void> {
  const formats = chosenFormats();
  if (!formats.length) {
    ui.exportStatus.textContent = t('exportNoFormat');
    return;
  }
  ui.exportStatus.textContent = t('exportWorking');
  try {
    let items: LibraryItem[];
    if (ids) {
      items = [];
      for (const id of ids) {
        const item = check(await request('library/get', { id })).item;
        if (item) items.push(item);
      }
    } else items = await allItems((n) => (ui.exportStatus.textContent = t('exportReading', String(n))));
    const at = new Date();
    const css = standaloneCss(readerCss, themesCss);
    const render: Record<ExportFormat, (i: ExportableItem) => string> = {
      txt: (i) => articleToPlainText(i, at),
      md: (i) => articleToMarkdown(i, at, window),
      html: (i) => articleToHtml(i, at, css, window),
    };
    const zip = zipArchive(archiveFiles(items.map((i) => archiveEntry(i, formats, render)), at), at);
    const name = `lectern-export-${localDay(at)}.zip`;
    download(new Uint8Array(zip), name, 'application/zip');
    ui.exportStatus.textContent = t('exportDone', [String(items.length), name]);
  } catch (err) {
    ui.exportStatus.textContent = t('exportFailed', err instanceof Error ? err.message : String(err));
  }
}

async function backup(): Promise<void> {
  ui.exportStatus.textContent = t('exportWorking');
  try {
    const items = await allItems((n) => (ui.exportStatus.textContent = t('exportReading', String(n))));
    const at = new Date();
    const name = `lectern-backup-${localDay(at)}.json`;
    download(createBackup(items, await readLocalStorage(), at), name, 'application/json');
    ui.exportStatus.textContent = t('backupDone', [String(items.length), name]);
  } catch (err) {
    ui.exportStatus.textContent = t('exportFailed', err instanceof Error ? err.message : String(err));
  }
}

ui.file.addEventListener('change', () => (ui.import.disabled = !ui.file.files?.length));
ui.import.addEventListener('click', async () => {
  const file = ui.file.files?.[0];
  if (!file) return;
  ui.import.disabled = true;
  if (await importFile(file, { status: ui.importStatus, report: ui.importReport })) await loadList();
  ui.import.disabled = false;
});
ui.more.addEventListener('click', () => {
  const from = shownCount;
  shownCount += PAGE;
  ui.items.append(...summaries.slice(from, shownCount).map(itemRow));
  ui.more.hidden = summaries.length <= shownCount;
  // Keyboard users continue at the first new item.
  ui.items.children[from]?.querySelector('input')?.focus();
});
ui.selectAll.addEventListener('change', () => {
  if (ui.selectAll.checked) for (const s of summaries) selected.add(s.id);
  else selected.clear();
  renderList();
});
ui.exportSelected.addEventListener('click', () => void exportZip(summaries.filter((s) => selected.has(s.id)).map((s) => s.id)));
ui.exportAll.addEventListener('click', () => void exportZip(null));
ui.backup.addEventListener('click', () => void backup());
setupFetch(() => summaries, loadList);

void loadList();
