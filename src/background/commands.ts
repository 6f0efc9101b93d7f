/**
 * Keyboard commands (manifest `commands`) and the context menu, handled in the worker. Both grant activeTab on
 * the tab they are used in, so the worker can read that page the way the popup does (messaging/read-tab.ts):
 *
 *   open-reader (Alt+Shift+L)        → extract, hand over (reader/handoff.ts), open the reader tab next to it
 *   save-page (Alt+Shift+S), menu "Save page to Lectern"
 *                                    → extract, save through the same validation as a library/save message,
 *                                      then the toolbar badge says ✓ (or ! with the reason in its tooltip)
 *
 *   menu "Save link to Lectern"      → an unread, link-only library item (title from the link's text), whose
 *                                      article "Fetch articles" on the Library page fills in later; the badge
 *                                      of the tab says ✓ (or ! with the reason)
 */
import { describeFailure, readTab, type TabFailure } from '../messaging/read-tab.ts';
import { parseBackgroundRequest } from '../messaging/schema.ts';
import { createMenus, onCommand, onInstalled, onMenuClicked, openTab, setBadge, t, type CommandTab, type MenuItem } from '../platform/index.ts';
import { readerUrl, storeHandoff } from '../reader/handoff.ts';
import type { LibraryService } from './library/service.ts';

export const COMMAND_OPEN_READER = 'open-reader';
export const COMMAND_SAVE_PAGE = 'save-page';
export const MENU_SAVE_PAGE = 'save-page';
export const MENU_SAVE_LINK = 'save-link';

export function menuItems(): MenuItem[] {
  return [
    { id: MENU_SAVE_PAGE, title: t('menuSavePage'), contexts: ['page'] },
    { id: MENU_SAVE_LINK, title: t('menuSaveLink'), contexts: ['link'] },
  ];
}

/**
 * Saves a link's target as an unread, link-only item (no page is read: the link may be on any site). Only
 * http(s) links; an item already saved keeps what it has (the import merge). Returns whether it was saved.
 */
export async function saveLinkFrom(link: { linkUrl?: string; linkText?: string }, tab: CommandTab | undefined, library: LibraryService): Promise<boolean> {
  const url = link.linkUrl ?? '';
  const badge = (text: string, title: string) => (tab?.id === undefined ? Promise.resolve() : setBadge(tab.id, text, title).catch(() => undefined));
  if (!/^https?:\/\//i.test(url) || url.length > 8192) {
    await badge('!', t('badgeSaveFailed', t('saveLinkNotWeb')));
    return false;
  }
  const title = (link.linkText ?? '').replace(/\s+/g, ' ').trim().slice(0, 300) || url;
  try {
    await library.importItems([{ url, title }]);
  } catch (err) {
    await badge('!', t('badgeSaveFailed', err instanceof Error ? err.message : String(err)));
    return false;
  }
  await badge('✓', t('badgeLinkSaved'));
  return true;
}

/** Reads the tab and opens the reader on it (or on the reason it can't be read). */
export async function openReaderFor(tab: CommandTab): Promise<void> {
  if (tab.id === undefined) return;
  const read = await readTab(tab.id, tab.url);
  const handoff = read.ok
    ? { ok: true as const, article: read.article, tabId: tab.id, capturedAt: new Date().toISOString() }
    : { ...failureOf(read), ok: false as const, tabId: tab.id };
  const id = await storeHandoff(handoff);
  await openTab(readerUrl({ live: id }), tab);
}

/** Reads the tab and saves its article; the toolbar badge on that tab tells how it went. */
export async function savePageFrom(tab: CommandTab, library: LibraryService): Promise<boolean> {
  if (tab.id === undefined) return false;
  const tabId = tab.id;
  const fail = async (f: TabFailure): Promise<false> => {
    await setBadge(tabId, '!', t('badgeSaveFailed', describeFailure(f))).catch(() => undefined);
    return false;
  };
  const read = await readTab(tabId, tab.url);
  if (!read.ok) return fail(read);
  // The article comes from the page's context: the same validation as a library/save message.
  const req = parseBackgroundRequest({ type: 'library/save', article: read.article });
  if (req?.type !== 'library/save') return fail({ reason: 'errorFailed', detail: 'Invalid article.' });
  try {
    await library.save(req.article);
  } catch (err) {
    return fail({ reason: 'statusSaveFailed', detail: err instanceof Error ? err.message : String(err) });
  }
  await setBadge(tabId, '✓', t('badgeSaved')).catch(() => undefined);
  return true;
}

function failureOf(f: TabFailure): TabFailure {
  return { reason: f.reason, ...(f.detail !== undefined ? { detail: f.detail } : {}), ...(f.hint !== undefined ? { hint: f.hint } : {}) };
}

export interface CommandHandlers {
  command(name: string, tab: CommandTab | undefined): Promise<void>;
  menu(menuItemId: string, tab: CommandTab | undefined, link?: { linkUrl?: string; linkText?: string }): Promise<void>;
}

/** Registers the command and menu listeners (at the worker's top level, so a wake-up event finds them). */
export function registerCommands(library: LibraryService): CommandHandlers {
  const handlers: CommandHandlers = {
    async command(name, tab) {
      if (!tab) return;
      if (name === COMMAND_OPEN_READER) await openReaderFor(tab);
      else if (name === COMMAND_SAVE_PAGE) await savePageFrom(tab, library);
    },
    async menu(menuItemId, tab, link) {
      if (menuItemId === MENU_SAVE_LINK) await saveLinkFrom(link ?? {}, tab, library);
      else if (menuItemId === MENU_SAVE_PAGE && tab) await savePageFrom(tab, library);
    },
  };
  onCommand((name, tab) => void handlers.command(name, tab).catch((err: unknown) => console.error('Lectern command', name, err)));
  onMenuClicked((info, tab) => void handlers.menu(info.menuItemId, tab, info).catch((err: unknown) => console.error('Lectern menu', err)));
  onInstalled(() => void createMenus(menuItems()).catch((err: unknown) => console.error('Lectern menus', err)));
  return handlers;
}
