/**
 * Lectern in headless Firefox: extraction of a served fixture page, Save, the saved list, Copy, Download text,
 * Markdown and HTML. Headless Firefox can't click the toolbar button, so (see support/firefox.ts) the popup page is opened
 * in a background tab beside the page, which stays the active tab, and a copy of the shipped build with a host
 * permission for 127.0.0.1 stands in for the activeTab grant the click would give. The test names say so.
 * One browser for the file; the tests run in order and build on each other.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'puppeteer-core';
import { containsCi, norm } from '../e2e/support/popup.ts';
import { checkSampleExport, expected, FILE_NAME, FIRST_PARAGRAPH, LAST_PARAGRAPH_END, MUST_NOT_SHOW, SAMPLE, TITLE } from '../e2e/support/sample.ts';
import { startServer, type FixtureServer } from '../e2e/support/server.ts';
import { assertBuilt, Firefox, withTestHostPermission, type Popup } from './support/firefox.ts';
import { saveState, savedItems, statusText, waitForArticle } from './support/popup.ts';

assertBuilt();

/** Said in every test name: what stands in for the toolbar click (see support/firefox.ts). */
const BESIDE = 'popup page in a background tab beside the page, 127.0.0.1 host permission instead of the click: Firefox cannot click the toolbar headlessly';

async function poll<T>(what: string, fn: () => T | undefined | false, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = fn();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** One saved item: "title | site · Saved date", then its reading time and state. */
function assertOneSaved(items: string[], start: string): void {
  assert.equal(items.length, 1, JSON.stringify(items));
  assert.ok(items[0]!.startsWith(`${start} · `), items[0]);
  assert.match(items[0]!.slice(start.length), /^ · \d+ min read · Unread$/);
}

describe('Lectern in Firefox on the teleSUR sample', { timeout: 120_000 }, () => {
  let server: FixtureServer;
  let firefox: Firefox;
  let extensionDir: string;
  let tab: Page;
  let today = '';

  /** Loads the sample in the tab, then the popup page beside it. */
  const openPopup = async (): Promise<Popup> => {
    await tab.goto(server.url(SAMPLE), { waitUntil: 'load' });
    return firefox.openPopupBeside(tab);
  };

  before(async () => {
    server = await startServer();
    extensionDir = withTestHostPermission();
    firefox = await Firefox.launch({ extensionDir });
    tab = await firefox.tab();
  });
  after(async () => {
    await firefox?.close();
    await server?.close();
    if (extensionDir) rmSync(extensionDir, { recursive: true, force: true });
  });

  test(`extracts the served page: title, story sentences, clutter gone (${BESIDE})`, async () => {
    const popup = await openPopup();
    const { title, text, paragraphs } = await waitForArticle(popup.page);
    assert.equal(norm(title), TITLE);
    assert.equal(await statusText(popup.page), '', 'no status message over an article');
    const story = paragraphs.map(norm).filter(Boolean);
    assert.equal(story.filter((p) => p === FIRST_PARAGRAPH).length, 1, 'the first story paragraph');
    assert.ok(story.at(-1)?.endsWith(LAST_PARAGRAPH_END), `the last paragraph: ${story.at(-1)}`);
    for (const s of expected.mustInclude) assert.ok(norm(text).includes(norm(s)), `shows ${JSON.stringify(s)}`);
    for (const s of [...MUST_NOT_SHOW, ...expected.mustExclude]) assert.ok(!containsCi(text, s), `does not show ${JSON.stringify(s)}`);
    const source = await popup.page.$eval('article [role=group]', (g) => ({ text: g.textContent ?? '', href: g.querySelector('a')?.getAttribute('href') }));
    assert.match(source.text, /teleSUR/);
    assert.equal(source.href, expected.metadata.canonicalUrl, 'a link back to the original page');
    assert.deepEqual(popup.errors, [], 'no errors in the popup page');
    await popup.close();
  });

  test(`Save for later turns into "Saved", and the saved list shows the article (${BESIDE})`, async () => {
    const popup = await openPopup();
    const { page } = popup;
    await waitForArticle(page);
    assert.deepEqual(await saveState(page), { label: 'Save for later', pressed: 'false' });
    await page.bringToFront();
    await page.click('#save');
    await page.waitForFunction(() => document.getElementById('save')?.getAttribute('aria-pressed') === 'true', { polling: 50 });
    assert.deepEqual(await saveState(page), { label: 'Saved', pressed: 'true' });
    assert.equal(await statusText(page), 'Saved to your library.');
    // The background marks the page's toolbar button (the tab the popup read).
    const tabUrl = tab.url();
    const badge = await page.evaluate(async (url) => {
      const api = (globalThis as unknown as { browser: import('webextension-polyfill').Browser }).browser;
      const pageTab = (await api.tabs.query({})).find((t) => t.url === url);
      return pageTab?.id === undefined ? null : api.action.getBadgeText({ tabId: pageTab.id });
    }, tabUrl);
    assert.equal(badge, '✓');
    today = await page.evaluate(() => new Intl.DateTimeFormat(navigator.language, { dateStyle: 'medium' }).format(new Date()));
    assertOneSaved(await savedItems(page), `${TITLE} | ${expected.metadata.siteName} · Saved ${today}`);
    assert.equal(await statusText(page, 'saved-status'), 'Saved articles: 1');
    assert.deepEqual(popup.errors, []);
    await popup.close();
  });

  test(`reopening the popup page: the article shows as saved and is still in the list (${BESIDE})`, async () => {
    const popup = await openPopup();
    await waitForArticle(popup.page);
    assert.deepEqual(await saveState(popup.page), { label: 'Saved', pressed: 'true' });
    assertOneSaved(await savedItems(popup.page), `${TITLE} | ${expected.metadata.siteName} · Saved ${today}`);
    assert.deepEqual(popup.errors, []);
    await popup.close();
  });

  test(`Copy text puts the citation header and clean paragraphs on the clipboard (${BESIDE})`, async () => {
    const popup = await openPopup();
    const { page } = popup;
    await waitForArticle(page);
    await page.bringToFront();
    await page.evaluate(() => navigator.clipboard.writeText('stale clipboard content'));
    await page.click('#copy');
    await page.waitForFunction(() => document.getElementById('status')?.textContent === 'Text copied to the clipboard.', { polling: 50 });
    const text = await page.evaluate(() => navigator.clipboard.readText());
    assert.notEqual(text, 'stale clipboard content');
    checkSampleExport(text);
    assert.deepEqual(popup.errors, []);
    await popup.close();
  });

  test(`Download text saves <slug>.txt with the same text (${BESIDE})`, async () => {
    const popup = await openPopup();
    const { page } = popup;
    await waitForArticle(page);
    await page.bringToFront();
    const file = `${firefox.downloadsDir}/${FILE_NAME}`;
    assert.ok(!existsSync(file));
    await page.click('#download-menu'); // the formats are in the Download menu
    await page.click('#download');
    // Firefox writes <name>.part first and renames it when the download is complete.
    await poll('the finished download', () => existsSync(file) && !readdirSync(firefox.downloadsDir).some((f) => f.endsWith('.part')));
    assert.deepEqual(readdirSync(firefox.downloadsDir), [FILE_NAME]);
    checkSampleExport(readFileSync(file, 'utf8'));
    assert.equal(await statusText(page), `Saved ${FILE_NAME} to your downloads.`);
    assert.deepEqual(popup.errors, []);
    await popup.close();
  });

  test(`Download Markdown and Download HTML save <slug>.md and a standalone <slug>.html (${BESIDE})`, async () => {
    const popup = await openPopup();
    const { page } = popup;
    await waitForArticle(page);
    await page.bringToFront();
    const slug = FILE_NAME.replace(/\.txt$/, '');
    const downloaded = async (id: string, name: string): Promise<string> => {
      const file = `${firefox.downloadsDir}/${name}`;
      assert.ok(!existsSync(file));
      await page.click('#download-menu'); // the formats are in the Download menu
      await page.click(id);
      await poll(`the finished download of ${name}`, () => existsSync(file) && !readdirSync(firefox.downloadsDir).some((f) => f.endsWith('.part')));
      assert.equal(await statusText(page), `Saved ${name} to your downloads.`);
      return readFileSync(file, 'utf8');
    };
    const md = await downloaded('#download-md', `${slug}.md`);
    assert.match(md, new RegExp(`^---\\ntitle: "${TITLE}"\\n`));
    assert.ok(norm(md).includes(FIRST_PARAGRAPH));
    const html = await downloaded('#download-html', `${slug}.html`);
    assert.match(html, /^<!doctype html>\n/);
    assert.ok(html.includes(`<title>${TITLE}</title>`));
    assert.ok(html.includes(`Source: <a href="${expected.metadata.canonicalUrl}"`));
    assert.doesNotMatch(html, /<script|@import|\son[a-z]+=/i);
    const body = norm(html.replace(/<[^>]+>/g, '').replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&'));
    assert.ok(body.includes(FIRST_PARAGRAPH), `the first paragraph, as text: ${body.slice(body.indexOf('The U.S. drone strike'), body.indexOf('The U.S. drone strike') + 200)}`);
    assert.deepEqual(popup.errors, []);
    await popup.close();
  });
});
