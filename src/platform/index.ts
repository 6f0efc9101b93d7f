/**
 * The only module that imports webextension-polyfill: every extension API the rest of Lectern uses goes
 * through here, so the API surface (and the permissions it needs) can be read in one place.
 */
import browser from 'webextension-polyfill';

export type { Runtime, Tabs } from 'webextension-polyfill';

/** The extension's own origin, e.g. "chrome-extension://abc…/". */
export const extensionOrigin = (): string => browser.runtime.getURL('');

export function t(key: string, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

export function uiLanguage(): string {
  return browser.i18n.getUILanguage();
}

/** The writing direction of the UI language (the predefined message "@@bidi_dir"). */
export function uiDirection(): 'ltr' | 'rtl' {
  return browser.i18n.getMessage('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr';
}

export async function activeTab(): Promise<browser.Tabs.Tab | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}

/** Injects `file` (a path from the extension root) into the tab. */
export async function injectScript(tabId: number, file: string): Promise<void> {
  // Firefox resolves a relative path against the calling page (src/popup/…), Chrome against the extension
  // root: a leading slash means the extension root in both.
  await browser.scripting.executeScript({ target: { tabId }, files: [`/${file.replace(/^\/+/, '')}`] });
}

export function sendToTab<T>(tabId: number, message: unknown): Promise<T> {
  return browser.tabs.sendMessage(tabId, message) as Promise<T>;
}

export function sendToBackground<T>(message: unknown): Promise<T> {
  return browser.runtime.sendMessage(message) as Promise<T>;
}

export type MessageSender = browser.Runtime.MessageSender;

/**
 * Registers a promise-style message handler (the polyfill's style; never `return true`).
 * Returning `undefined` means "not for me" so other listeners may answer.
 */
export function onMessage(handler: (message: unknown, sender: MessageSender) => Promise<unknown> | undefined): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: MessageSender) => handler(message, sender));
}

export const runtimeId = (): string => browser.runtime.id;

/**
 * May Lectern read file:// pages? In Chrome that is the user's per-extension "Allow access to file URLs"
 * switch. Firefox has no such switch — its isAllowedFileSchemeAccess() always answers false — and lets the
 * click's activeTab grant reach a file:// page, so there the answer is yes (an injection that fails anyway
 * explains itself).
 */
export async function isAllowedFileSchemeAccess(): Promise<boolean> {
  if (isFirefox()) return true;
  return browser.extension.isAllowedFileSchemeAccess();
}

/** Firefox is the browser with runtime.getBrowserInfo (Chrome has none). */
function isFirefox(): boolean {
  return typeof (browser.runtime as { getBrowserInfo?: unknown }).getBrowserInfo === 'function';
}

/** The toolbar button was clicked (only fired when the action has no popup: Chrome, see background/action.ts). */
export function onActionClicked(listener: (tab: CommandTab) => void): void {
  browser.action.onClicked.addListener(listener);
}

/**
 * Chrome (127+, with action.openPopup): makes toolbar clicks reach the worker (action.onClicked) instead of
 * opening the manifest's popup directly, by clearing the popup until the worker puts it back. Returns whether
 * it did. Firefox keeps its popup: no click event reaches its background there, and Lectern doesn't need one.
 */
export async function takeOverActionClicks(): Promise<boolean> {
  if (isFirefox() || typeof (browser.action as { openPopup?: unknown }).openPopup !== 'function') return false;
  await browser.action.setPopup({ popup: '' });
  return true;
}

/** Gives clicks back to the manifest's popup (`popup`), for all tabs. */
export async function restoreActionPopup(popup: string): Promise<void> {
  await browser.action.setPopup({ popup });
}

/**
 * Opens the action's popup for `tab` in its window, as a click on a button with a popup does. The popup is set
 * for that tab only while it opens, so the next click comes to the worker again.
 */
export async function openActionPopup(tab: CommandTab, popup: string): Promise<void> {
  if (tab.id === undefined) throw new Error('no tab');
  await browser.action.setPopup({ tabId: tab.id, popup });
  try {
    await (browser.action as unknown as { openPopup(o?: { windowId?: number }): Promise<void> }).openPopup(tab.windowId !== undefined ? { windowId: tab.windowId } : undefined);
  } finally {
    await browser.action.setPopup({ tabId: tab.id, popup: '' });
  }
}

export async function setBadge(tabId: number, text: string, title?: string): Promise<void> {
  await browser.action.setBadgeText({ tabId, text });
  if (title !== undefined) await browser.action.setTitle({ tabId, title });
}

// ── Storage: settings live in storage.local, handed-over articles in storage.session (extension pages only). ──

export type StorageArea = 'local' | 'session';

export async function storageGet(area: StorageArea, keys: string | string[]): Promise<Record<string, unknown>> {
  return browser.storage[area].get(keys);
}

export async function storageSet(area: StorageArea, items: Record<string, unknown>): Promise<void> {
  await browser.storage[area].set(items);
}

export async function storageRemove(area: StorageArea, keys: string | string[]): Promise<void> {
  await browser.storage[area].remove(keys);
}

/** Calls `listener` with the new value whenever `key` changes in `area` (in any extension page or the worker). */
export function onStorageChanged(area: StorageArea, key: string, listener: (value: unknown) => void): void {
  browser.storage.onChanged.addListener((changes, areaName) => {
    const change = areaName === area ? changes[key] : undefined;
    if (change) listener(change.newValue);
  });
}

// ── Tabs and extension pages (no "tabs" permission: a tab's url is only visible with activeTab on it). ──

export const extensionUrl = (path: string): string => browser.runtime.getURL(path);

export async function openTab(url: string, opener?: { id?: number; index?: number; windowId?: number }): Promise<void> {
  await browser.tabs.create({
    url,
    ...(opener?.index !== undefined ? { index: opener.index + 1 } : {}),
    ...(opener?.id !== undefined ? { openerTabId: opener.id } : {}),
    ...(opener?.windowId !== undefined ? { windowId: opener.windowId } : {}),
  });
}

/** The tab, or null when it is gone. */
export async function getTab(tabId: number): Promise<browser.Tabs.Tab | null> {
  return browser.tabs.get(tabId).catch(() => null);
}

/** Brings a tab (and its window) to the front. */
export async function focusTab(tab: browser.Tabs.Tab): Promise<void> {
  if (tab.id === undefined) return;
  await browser.tabs.update(tab.id, { active: true });
  if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true }).catch(() => undefined);
}

/** Closes the tab this extension page is in (window.close() only works for windows a script opened). */
export async function closeThisTab(): Promise<void> {
  const tab = await browser.tabs.getCurrent();
  if (tab?.id !== undefined) await browser.tabs.remove(tab.id);
}

export async function openOptionsPage(): Promise<void> {
  await browser.runtime.openOptionsPage();
}

// ── Keyboard commands and the context menu (background). ──

export type CommandTab = browser.Tabs.Tab;

export function onCommand(listener: (command: string, tab: CommandTab | undefined) => void): void {
  browser.commands.onCommand.addListener((command, tab) => listener(command, tab));
}

export interface CommandInfo {
  name: string;
  description: string;
  shortcut: string;
}

export async function commandShortcuts(): Promise<CommandInfo[]> {
  const all = await browser.commands.getAll();
  return all.map((c) => ({ name: c.name ?? '', description: c.description ?? '', shortcut: c.shortcut ?? '' }));
}

export interface MenuItem {
  id: string;
  title: string;
  contexts: Array<'page' | 'link'>;
}

/** (Re)creates the context-menu items: call from runtime.onInstalled (the browser keeps them across restarts). */
export async function createMenus(items: readonly MenuItem[]): Promise<void> {
  await browser.contextMenus.removeAll();
  for (const item of items) browser.contextMenus.create({ id: item.id, title: item.title, contexts: item.contexts });
}

export interface MenuClick {
  menuItemId: string;
  linkUrl?: string;
  linkText?: string;
}

export function onMenuClicked(listener: (info: MenuClick, tab: CommandTab | undefined) => void): void {
  browser.contextMenus.onClicked.addListener((info, tab) =>
    listener({ menuItemId: String(info.menuItemId), linkUrl: info.linkUrl, linkText: (info as { linkText?: string }).linkText }, tab),
  );
}

export function onInstalled(listener: () => void): void {
  browser.runtime.onInstalled.addListener(() => listener());
}

/** Opens one of Lectern's own pages (a path from the extension root) in a new tab. */
export async function openExtensionPage(path: string): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL(path.replace(/^\/+/, '')) });
}

/** Everything in `storage.local` (the settings a backup carries). */
export async function readLocalStorage(): Promise<Record<string, unknown>> {
  return browser.storage.local.get(null);
}

/** Writes these keys to `storage.local` (restoring a backup's settings). */
export async function writeLocalStorage(values: Record<string, unknown>): Promise<void> {
  await browser.storage.local.set(values);
}

/** Asks for host access to these origins (a browser prompt; must run in a user gesture). True if granted. */
export function requestOrigins(origins: string[]): Promise<boolean> {
  return browser.permissions.request({ origins });
}

/** Gives host access back once it is no longer needed. */
export async function removeOrigins(origins: string[]): Promise<void> {
  await browser.permissions.remove({ origins });
}
