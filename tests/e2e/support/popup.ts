/**
 * How the tests read the popup. Controls are found by role + accessible name only (the contract the popup
 * keeps for screen readers and for these tests):
 *   button "Save for later" (→ "Saved", aria-pressed=true), button "Copy text", button "Download text",
 *   button "Show anyway", tab "Saved articles", list "Saved articles", searchbox "Search saved articles",
 *   group "Source", role=status, and the reader <article> with exactly one <h1>; under the Source line the
 *   disclosure button "Removed (N)" (aria-expanded) for region "Removed", whose lists are named by kind
 *   ("Comments", …) and whose buttons are "Restore: <text>" (→ disabled "Restored: <text>").
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { ROOT } from './paths.ts';

/**
 * The reader's <article>: the outermost one in the popup. (The cleaned body may itself contain an <article>
 * element kept from the page, so a bare `article` selector can match twice.)
 */
export const readerArticle = (page: Page): Locator => page.locator('article:not(article article)');

/** The status line of the visible panel (getByRole skips the hidden panel's). */
export const statusOf = (page: Page): Locator => page.getByRole('status').first();

export const button = (page: Page, name: string): Locator => page.getByRole('button', { name, exact: true });

/** The Save button in either state ("Save for later" before, "Saved" after). */
/** The popup's Download menu: opens it (unless it is open), then chooses the format's button. */
export async function chooseDownload(page: Page, name: 'Download text' | 'Download Markdown' | 'Download HTML'): Promise<void> {
  const item = button(page, name);
  if (!(await item.isVisible())) await button(page, 'Download').click();
  await item.click();
}

export const saveButton = (page: Page): Locator => page.getByRole('button', { name: /^(Save for later|Saved)$/ });

/** Waits until the popup has finished reading the page: an article is shown, or the status explains why not. */
export async function settled(page: Page, timeout = 15_000): Promise<'article' | 'status'> {
  const handle = await page.waitForFunction(
    () => {
      const article = document.querySelector('article:not(article article)') as HTMLElement | null;
      if (article && !article.hidden && article.querySelector('h1')) return 'article';
      const status = [...document.querySelectorAll('[role=status]')].find((s) => (s as HTMLElement).offsetParent !== null);
      const text = status?.textContent?.trim() ?? '';
      if (text && !/^Reading the page/.test(text)) return 'status';
      return false;
    },
    undefined,
    { timeout, polling: 50 },
  );
  return (await handle.jsonValue()) as 'article' | 'status';
}

/** Waits for the article view and returns its <article> (asserting there is exactly one, with one <h1>). */
export async function waitForArticle(page: Page): Promise<Locator> {
  const state = await settled(page);
  if (state !== 'article') assert.fail(`expected an article, the popup says: ${await statusOf(page).innerText()}`);
  const article = readerArticle(page);
  assert.equal(await article.count(), 1, 'exactly one reader <article>');
  assert.equal(await article.locator('h1').count(), 1, 'exactly one <h1> in the article');
  return article;
}

export interface Expected {
  url: string;
  page?: string;
  readerable: boolean;
  metadata: {
    title?: string;
    byline?: string | null;
    siteName?: string | null;
    publishedTime?: string | null;
    lang?: string | null;
    dir?: 'ltr' | 'rtl' | null;
    canonicalUrl?: string | null;
    leadImage?: string | null;
  };
  mustInclude: string[];
  mustExclude: string[];
}

/** Fixture directories (tests/fixtures/<name>/expected.json), sorted. */
export function fixtureNames(): string[] {
  const dir = path.join(ROOT, 'tests/fixtures');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => existsSync(path.join(dir, n, 'expected.json')))
    .sort();
}

export function expectedFor(name: string): Expected {
  return JSON.parse(readFileSync(path.join(ROOT, 'tests/fixtures', name, 'expected.json'), 'utf8')) as Expected;
}

/** Case-insensitive "contains", on whitespace-collapsed text (how expected.json's mustExclude is meant). */
export const containsCi = (hay: string, needle: string): boolean => norm(hay).toLowerCase().includes(norm(needle).toLowerCase());

/** Collapses whitespace (incl. no-break spaces) so text from innerText and from the fixture compare equal. */
export const norm = (s: string): string => s.replace(/[\s\u00a0]+/g, ' ').trim();

export interface PlainText {
  header: string[];
  paragraphs: string[];
}

/**
 * Checks the shape of Lectern's plain-text export and returns its parts: a citation header (title, [By …],
 * [site], [Published: YYYY-MM-DD], URL: …, Captured: <ISO>), a blank line, then paragraphs separated by single
 * blank lines, a final newline, and no HTML.
 */
export function parsePlainText(text: string): PlainText {
  assert.ok(text.endsWith('\n'), 'ends with a newline');
  assert.ok(!/\r/.test(text), 'no CR characters');
  assert.doesNotMatch(text, /<\/?(?:p|div|span|a|img|figure|figcaption|h[1-6]|br|ul|li|blockquote|article|section|script|style)\b[^>]*>/i, 'no HTML tags');
  assert.doesNotMatch(text, /&(?:amp|lt|gt|quot|nbsp|#\d+);/, 'no HTML entities');
  assert.doesNotMatch(text, /\n{3,}/, 'no more than one blank line between blocks');
  const [head = '', ...rest] = text.trimEnd().split('\n\n');
  const header = head.split('\n');
  const paragraphs = rest;
  assert.ok(paragraphs.length >= 2, 'at least two paragraphs after the header');
  for (const p of paragraphs) {
    assert.ok(p.trim().length > 0, 'no empty paragraph');
    assert.equal(p, p.trim(), `paragraph has no leading/trailing whitespace: ${JSON.stringify(p.slice(0, 60))}`);
  }
  const captured = header.at(-1) ?? '';
  const m = /^Captured: (\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z)$/.exec(captured);
  assert.ok(m?.[1], `last header line is "Captured: <ISO time>": ${captured}`);
  const age = Date.now() - Date.parse(m[1]);
  assert.ok(age >= -5_000 && age < 10 * 60_000, `captured time is now-ish (${m[1]})`);
  assert.match(header.at(-2) ?? '', /^URL: https?:\/\/\S+$/, 'the line before "Captured" is "URL: …"');
  return { header, paragraphs };
}

// The saved list.
export const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The saved list's items (not the tag lists inside them). */
export const listItems = (page: Page) => page.getByRole('list', { name: 'Saved articles' }).locator(':scope > li');
export const titlesShown = (page: Page) => page.getByRole('list', { name: 'Saved articles' }).locator(':scope > li .saved-title').allInnerTexts();
/** Waits until the list shows exactly these titles (the search answers asynchronously). */
export async function expectTitles(page: Page, expected: string[], timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let shown: string[] = [];
  while (Date.now() < deadline) {
    shown = (await titlesShown(page)).map(norm);
    if (JSON.stringify(shown) === JSON.stringify(expected.map(norm))) return;
    await page.waitForTimeout(50);
  }
  assert.deepEqual(shown, expected.map(norm));
}

/** Opens the "Saved articles" tab and waits for its count line. */
export async function openSavedTab(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Saved articles' }).click();
  await page.getByRole('status').filter({ hasText: /Saved articles: \d+|No saved articles|Matching articles|No saved articles match/ }).waitFor();
}

/** Types a query into the saved list's search box and waits for exactly these titles. */
export async function searchSaved(page: Page, query: string, expected: string[]): Promise<void> {
  await page.getByRole('searchbox', { name: 'Search saved articles' }).fill(query);
  await expectTitles(page, expected);
}
