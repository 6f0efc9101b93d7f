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

export async function isAllowedFileSchemeAccess(): Promise<boolean> {
  return browser.extension.isAllowedFileSchemeAccess();
}

export async function setBadge(tabId: number, text: string, title?: string): Promise<void> {
  await browser.action.setBadgeText({ tabId, text });
  if (title !== undefined) await browser.action.setTitle({ tabId, title });
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
