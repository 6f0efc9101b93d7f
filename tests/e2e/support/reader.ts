/**
 * How the tests drive the reader tab, the options page and the worker's commands, and run axe-core.
 * Controls are found by role + accessible name, as in support/popup.ts: buttons "Open in reader" (popup),
 * "Save for later"/"Saved", "Copy text", "Download text", "Download Markdown", "Read aloud", "Reading settings"
 * (aria-expanded), link "Back to the page", region "Reading settings" (radio groups "Font", "Theme", sliders
 * "Text size", "Line spacing", "Line width", checkbox "Justify text"), region "Read aloud" (buttons "Previous
 * paragraph", "Play"/"Pause", "Next paragraph", "Stop reading aloud").
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { Lectern, Popup } from './browser.ts';

export const READER_PATH = '/src/reader/index.html';
export const OPTIONS_PATH = '/src/options/index.html';

/** Clicks "Open in reader" in the popup and returns the reader tab once its article is shown. */
export async function openReaderFromPopup(lectern: Lectern, popup: Popup): Promise<Page> {
  const opened = lectern.context.waitForEvent('page', { predicate: (p) => p.url().includes(READER_PATH) });
  await popup.page.getByRole('button', { name: 'Open in reader', exact: true }).click();
  const reader = await opened;
  await waitForReader(reader);
  return reader;
}

/** Waits until the reader shows its article (one <h1>) or a status saying why not; returns which. */
export async function waitForReader(page: Page, timeout = 15_000): Promise<'article' | 'status'> {
  await page.waitForLoadState('domcontentloaded');
  const handle = await page.waitForFunction(
    () => {
      const article = document.getElementById('article');
      if (article && !article.hidden && article.querySelector('h1')) return 'article';
      const status = document.getElementById('status');
      return status && !status.hidden && status.textContent?.trim() ? 'status' : false;
    },
    undefined,
    { timeout, polling: 50 },
  );
  return (await handle.jsonValue()) as 'article' | 'status';
}

/** Stores reading settings the way the pages do (storage.local "settings"), from the worker. */
export async function setSettings(lectern: Lectern, settings: Record<string, unknown>): Promise<void> {
  await lectern.serviceWorker.evaluate(`chrome.storage.local.set({ settings: ${JSON.stringify(settings)} })`);
}

export async function getSettings(lectern: Lectern): Promise<Record<string, unknown>> {
  return (await lectern.serviceWorker.evaluate(`chrome.storage.local.get('settings').then((r) => r.settings ?? null)`)) as Record<string, unknown>;
}

/**
 * Runs the worker's handler for a keyboard command or context-menu item on the active tab, as the browser
 * would after the key press or click (the suite can't press browser shortcuts or open native menus). Note the
 * browser also grants activeTab on a real key press; a call from here does not, so a test grants it first with
 * a toolbar click when the page must be readable.
 */
export async function runCommand(lectern: Lectern, kind: 'command' | 'menu', name: string, link?: { linkUrl: string; linkText: string }): Promise<void> {
  await lectern.serviceWorker.evaluate(`(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    await globalThis.lecternCommands.${kind}(${JSON.stringify(name)}, tab${link ? `, ${JSON.stringify(link)}` : ''});
  })()`);
}

const require = createRequire(import.meta.url);
let axeSource: string | null = null;

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * Runs axe-core (all rules of its default set: WCAG 2.x A/AA and best practices) on the page and returns the
 * violations. axe is evaluated through CDP, which the pages' CSP (script-src 'self') doesn't block.
 */
export async function axe(page: Page): Promise<AxeViolation[]> {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate('typeof window.axe !== "undefined"'))) await page.evaluate(axeSource);
  const result = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ') + ' — ' + (n.failureSummary || '').replace(/\\s+/g, ' ').slice(0, 300)),
  })))`)) as AxeViolation[];
  return result;
}

export async function assertNoAxeViolations(page: Page, where: string): Promise<void> {
  const violations = await axe(page);
  assert.deepEqual(violations, [], `axe on ${where}:\n${violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.join('\n  ')}`).join('\n')}`);
}
