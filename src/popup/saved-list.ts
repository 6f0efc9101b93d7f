/**
 * The popup's "Saved articles" panel: search box (words and filters, searched by the background), the list
 * (newest first, or best match first), each item's actions — mark read/unread, archive, tags, delete with
 * Undo — and "Show more". Every control has an accessible name that includes the article's title.
 */
import type { LibrarySummary } from '../background/library/types.ts';
import { request } from '../messaging/client.ts';
import type { StorageResult } from '../messaging/protocol.ts';
import { t } from '../platform/index.ts';
import { formatDate } from '../ui/i18n.ts';

const PAGE = 50;
const SEARCH_DELAY_MS = 120;
const UNDO_MS = 10_000;

export interface SavedListUi {
  search: HTMLInputElement;
  status: HTMLElement;
  undo: HTMLButtonElement;
  list: HTMLUListElement;
  more: HTMLButtonElement;
}

/** A failed library request as a sentence in the UI language. */
export function storageMessage(res: Extract<StorageResult<object>, { ok: false }>): string {
  switch (res.code) {
    case 'quota':
      return t('errorStorageQuota');
    case 'unavailable':
      return t('errorStorageUnavailable');
    case 'blocked':
      return t('errorStorageBlocked');
    default:
      return res.message;
  }
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function actionButton(label: string, name: string, onClick: () => void): HTMLButtonElement {
  const button = el('button', 'saved-action', label);
  button.type = 'button';
  button.setAttribute('aria-label', name);
  button.addEventListener('click', onClick);
  return button;
}

export function createSavedList(ui: SavedListUi, onOpen: (id: string) => void): { load(): void } {
  let items: LibrarySummary[] = [];
  let total = 0;
  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let undoTimer: ReturnType<typeof setTimeout> | undefined;
  let lastDeleted: LibrarySummary | null = null;

  function say(message: string): void {
    ui.status.textContent = message;
  }

  function countMessage(): string {
    if (ui.search.value.trim()) return items.length ? t('statusResults', String(total)) : t('statusNoMatches');
    return total ? t('statusSavedCount', String(total)) : t('statusEmptyLibrary');
  }

  async function fetchPage(append: boolean): Promise<void> {
    const mine = ++generation;
    const res = await request('library/list', { query: ui.search.value, offset: append ? items.length : 0, limit: PAGE });
    if (mine !== generation) return; // a newer query answered first
    if (!res.ok) {
      say(t('statusLoadFailed', storageMessage(res)));
      return;
    }
    items = append ? [...items, ...res.items] : res.items;
    total = res.total;
    render();
    hideUndo();
    say(countMessage());
  }

  function hideUndo(): void {
    if (!lastDeleted) ui.undo.hidden = true;
  }

  async function patch(item: LibrarySummary, change: Parameters<typeof request<'library/update'>>[1]['patch'], done?: string): Promise<void> {
    const res = await request('library/update', { id: item.id, patch: change });
    if (!res.ok) {
      say(storageMessage(res));
      return;
    }
    await fetchPage(false);
    if (done) say(done);
  }

  async function remove(item: LibrarySummary): Promise<void> {
    const res = await request('library/delete', { id: item.id });
    if (!res.ok) {
      say(storageMessage(res));
      return;
    }
    lastDeleted = item;
    await fetchPage(false);
    say(t('statusDeleted', item.title));
    ui.undo.hidden = false;
    ui.undo.focus();
    clearTimeout(undoTimer);
    undoTimer = setTimeout(() => {
      lastDeleted = null;
      ui.undo.hidden = true;
    }, UNDO_MS);
  }

  async function undo(): Promise<void> {
    const item = lastDeleted;
    if (!item) return;
    lastDeleted = null;
    clearTimeout(undoTimer);
    ui.undo.hidden = true;
    const res = await request('library/undoDelete', { id: item.id });
    if (!res.ok) {
      say(storageMessage(res));
      return;
    }
    await fetchPage(false);
    say(t('statusRestoredItem', item.title));
    ui.list.querySelector<HTMLButtonElement>(`[data-id="${CSS.escape(item.id)}"] .saved-open`)?.focus();
  }

  function tagEditor(item: LibrarySummary, li: HTMLLIElement, opener: HTMLButtonElement): HTMLFormElement {
    const form = el('form', 'tag-editor');
    const label = el('label', 'tag-label', t('tagsInput', item.title));
    const input = el('input');
    input.type = 'text';
    input.value = item.tags.join(', ');
    input.autocomplete = 'off';
    label.append(input);
    const saveTags = el('button', 'saved-action', t('tagsSave'));
    saveTags.type = 'submit';
    form.append(label, saveTags);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const tags = input.value.split(',').map((s) => s.trim()).filter(Boolean);
      void patch(item, { tags }, t('statusTagsSaved'));
    });
    form.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        form.remove();
        opener.setAttribute('aria-expanded', 'false');
        opener.focus();
      }
    });
    li.append(form);
    return form;
  }

  function row(item: LibrarySummary): HTMLLIElement {
    const li = el('li', 'saved-item');
    li.dataset.id = item.id;
    const state = item.archivedAt ? 'archived' : item.readAt ? 'read' : 'unread';
    li.dataset.state = state;

    const open = el('button', 'saved-open');
    open.type = 'button';
    const title = el('span', 'saved-title', item.title);
    title.dir = 'auto';
    const meta = el('span', 'saved-meta');
    const savedOn = formatDate(item.savedAt) ?? item.savedAt;
    const progress = item.readingProgress > 0 && item.readingProgress < 1 ? t('progressRead', String(Math.round(item.readingProgress * 100))) : null;
    const stateLabel = t(state === 'archived' ? 'stateArchived' : state === 'read' ? 'stateRead' : 'stateUnread');
    meta.textContent = [item.siteName, t('savedOn', savedOn), t('minRead', String(item.readingTimeMinutes)), stateLabel, progress].filter(Boolean).join(' · ');
    open.append(title, meta);
    open.addEventListener('click', () => onOpen(item.id));
    li.append(open);

    if (item.readingProgress > 0) {
      const bar = el('span', 'saved-progress');
      bar.setAttribute('aria-hidden', 'true');
      bar.style.setProperty('--progress', String(Math.min(1, item.readingProgress)));
      li.append(bar);
    }

    if (item.tags.length) {
      const tags = el('ul', 'saved-tags');
      tags.setAttribute('aria-label', t('tagsLabel'));
      for (const tag of item.tags) {
        const chip = el('li', 'saved-tag', tag);
        tags.append(chip);
      }
      li.append(tags);
    }

    const actions = el('div', 'saved-actions');
    const read = item.readAt !== null;
    actions.append(
      actionButton(t(read ? 'markUnread' : 'markRead'), t(read ? 'markUnreadItem' : 'markReadItem', item.title), () => void patch(item, { read: !read })),
      actionButton(
        t(item.archivedAt ? 'unarchive' : 'archive'),
        t(item.archivedAt ? 'unarchiveItem' : 'archiveItem', item.title),
        () => void patch(item, { archived: !item.archivedAt }),
      ),
    );
    const tagsButton = actionButton(t('editTags'), t('editTagsItem', item.title), () => {
      const existing = li.querySelector('form.tag-editor');
      if (existing) {
        existing.remove();
        tagsButton.setAttribute('aria-expanded', 'false');
        return;
      }
      tagsButton.setAttribute('aria-expanded', 'true');
      tagEditor(item, li, tagsButton).querySelector('input')?.focus();
    });
    tagsButton.setAttribute('aria-expanded', 'false');
    actions.append(tagsButton, actionButton(t('deleteAction'), t('deleteItem', item.title), () => void remove(item)));
    li.append(actions);
    return li;
  }

  function render(): void {
    ui.list.replaceChildren(...items.map(row));
    ui.more.hidden = items.length >= total;
  }

  ui.search.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void fetchPage(false), SEARCH_DELAY_MS);
  });
  ui.more.addEventListener('click', () => void fetchPage(true));
  ui.undo.addEventListener('click', () => void undo());

  return { load: () => void fetchPage(false) };
}
