/**
 * Reading Lectern's popup page in Firefox (puppeteer). Controls are found by the ids the popup's markup gives
 * them, and checked by their visible names (src/popup/index.html).
 */
import assert from 'node:assert/strict';
import type { Page } from 'puppeteer-core';

/** Waits until the popup has read the page: an article is shown, or the status line says why not. */
export async function settled(page: Page, timeout = 15_000): Promise<'article' | 'status'> {
  const handle = await page.waitForFunction(
    () => {
      const article = document.getElementById('article');
      if (article && !article.hidden && article.querySelector('h1')) return 'article';
      const text = document.getElementById('status')?.textContent?.trim() ?? '';
      return text && !/^Reading the page/.test(text) ? 'status' : false;
    },
    { timeout, polling: 50 },
  );
  return (await handle.jsonValue()) as 'article' | 'status';
}

export async function statusText(page: Page, id = 'status'): Promise<string> {
  return page.$eval(`#${id}`, (el) => el.textContent?.trim() ?? '');
}

/** Waits for the article view and returns its text (asserting one <h1>). */
export async function waitForArticle(page: Page): Promise<{ title: string; text: string; paragraphs: string[] }> {
  if ((await settled(page)) !== 'article') assert.fail(`expected an article, the popup says: ${await statusText(page)}`);
  return page.$eval('#article', (article) => {
    const h1 = [...article.querySelectorAll('h1')];
    return {
      title: h1.length === 1 ? (h1[0]?.textContent ?? '') : `${h1.length} <h1> elements`,
      text: (article as HTMLElement).innerText,
      paragraphs: [...article.querySelectorAll('p')].map((p) => p.textContent ?? ''),
    };
  });
}

/** The Save button's label and aria-pressed. */
export async function saveState(page: Page): Promise<{ label: string; pressed: string | null }> {
  return page.$eval('#save', (b) => ({ label: b.textContent?.trim() ?? '', pressed: b.getAttribute('aria-pressed') }));
}

/** Opens the "Saved articles" tab and returns its items as "title | meta" once the background answered. */
export async function savedItems(page: Page): Promise<string[]> {
  await page.click('#tab-saved');
  await page.waitForFunction(() => /Saved articles: \d+|No saved articles/.test(document.getElementById('saved-status')?.textContent ?? ''), { polling: 50 });
  // Each item's open button: its title, then "site · saved date · reading time · state".
  return page.$$eval('#saved-list > li > .saved-open', (buttons) =>
    buttons.map((b) => [...b.querySelectorAll('span')].map((s) => s.textContent?.trim() ?? '').join(' | ')),
  );
}
