/**
 * Save for later, the "Saved articles" list (order, metadata, search, opening an item) and persistence in the
 * background's library: across popup openings and across a browser restart with the same profile.
 * The tests in this file run in order and build on each other (one profile for the whole file).
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { Lectern, type Popup } from './support/browser.ts';
import { assertBuilt, screenshotPath } from './support/paths.ts';
import { escape, expectedFor, expectTitles, listItems, norm, saveButton, statusOf, waitForArticle } from './support/popup.ts';
import type { FixtureServer } from './support/server.ts';
import { withLectern, type Session } from './support/session.ts';

// Fail the file at once, with the fix in the message, when dist/chrome is missing (the tests never build).
assertBuilt();

const TELESUR = expectedFor('telesur-iraq-drone');
const LAGOON = expectedFor('jsonld-newsarticle');
const TELESUR_TITLE = 'Drone Strike Pushes Iraq to End US-Led Coalition Mission';

const savedList = (page: Page) => page.getByRole('list', { name: 'Saved articles' });
const savedTab = (page: Page) => page.getByRole('tab', { name: 'Saved articles' });

async function savedItems(page: Page): Promise<string[]> {
  await savedTab(page).click();
  const list = savedList(page);
  await list.waitFor({ state: 'attached' }); // an empty list has no size, so it is not "visible"
  // The list is filled after the background answers; its status line says how many there are.
  await page.getByRole('status').filter({ hasText: /Saved articles: \d+|No saved articles/ }).waitFor();
  // Each item's open button: title, then "site · saved date · reading time · state".
  return (await list.locator(':scope > li > .saved-open').allInnerTexts()).map((t) => t.replace(/\s*\n\s*/g, ' | ').trim());
}

async function assertSaved(page: Page): Promise<void> {
  const button = saveButton(page);
  assert.equal(norm(await button.innerText()), 'Saved');
  assert.equal(await button.getAttribute('aria-pressed'), 'true');
}

describe('saving articles', { timeout: 120_000 }, () => {
  let server: FixtureServer;
  let lectern: Lectern;
  let tab: Page;
  let session: Session;
  let today = '';

  const open = async (fixture: string, query = ''): Promise<Popup> => {
    await tab.goto(server.url(`/fixtures/${fixture}/${query}`), { waitUntil: 'load' });
    return lectern.clickToolbar(tab);
  };

  withLectern((s) => void ({ server, lectern, tab } = session = s), { ownProfile: 'library' });

  test('Save for later turns into "Saved" (aria-pressed) and marks the toolbar button', async () => {
    const popup = await open('telesur-iraq-drone');
    const { page } = popup;
    await waitForArticle(page);
    const button = page.getByRole('button', { name: 'Save for later', exact: true });
    assert.equal(await button.getAttribute('aria-pressed'), 'false');
    assert.equal(await savedItems(page).then((items) => items.length), 0, 'the library starts empty');
    await page.getByRole('tab', { name: 'Article', exact: true }).click();
    await button.click();
    await page.getByRole('button', { name: 'Saved', exact: true }).waitFor();
    await assertSaved(page);
    assert.equal(await statusOf(page).innerText(), 'Saved to your library.');
    today = await page.evaluate(() => new Intl.DateTimeFormat(navigator.language, { dateStyle: 'medium' }).format(new Date()));
    // The background marks the tab's toolbar button once the page is saved.
    const badge = await lectern.serviceWorker.evaluate(`(async () => {
      const [active] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return active?.id === undefined ? null : chrome.action.getBadgeText({ tabId: active.id });
    })()`);
    assert.equal(badge, '✓');
    assert.deepEqual(popup.errors, []);
    await popup.close();
  });

  test('reopening the popup on the page shows it already saved', async () => {
    // Same page, same URL: the background remembers (the popup keeps no state of its own).
    const popup = await lectern.clickToolbar(tab);
    await waitForArticle(popup.page);
    await assertSaved(popup.page);
    await popup.close();
    // The same story under another address (query string) is recognised by its canonical URL.
    const again = await open('telesur-iraq-drone', '?utm_source=e2e');
    await waitForArticle(again.page);
    await assertSaved(again.page);
    await again.close();
  });

  test('the "Saved articles" list shows title, site and saved date, newest first; search filters it', async () => {
    const popup = await open('jsonld-newsarticle');
    const { page } = popup;
    await waitForArticle(page);
    await page.getByRole('button', { name: 'Save for later', exact: true }).click();
    await page.getByRole('button', { name: 'Saved', exact: true }).waitFor();

    const items = await savedItems(page);
    assert.equal(items.length, 2, `two saved articles: ${JSON.stringify(items)}`);
    assert.match(items[0] ?? '', new RegExp(`^${escape(`${LAGOON.metadata.title} | ${LAGOON.metadata.siteName} · Saved ${today} · `)}\\d+ min read · Unread$`), 'the newest first');
    assert.match(items[1] ?? '', new RegExp(`^${escape(`${TELESUR_TITLE} | ${TELESUR.metadata.siteName} · Saved ${today} · `)}\\d+ min read · Unread$`));
    assert.equal(await statusOf(page).innerText(), 'Saved articles: 2');
    await page.screenshot({ path: screenshotPath('popup-saved.png') });

    const search = page.getByRole('searchbox', { name: 'Search saved articles' });
    await search.fill('drone');
    await expectTitles(page, [TELESUR_TITLE]);
    assert.equal(await statusOf(page).innerText(), 'Matching articles: 1');
    await search.fill('northern ledger');
    await expectTitles(page, [LAGOON.metadata.title!]);
    await search.fill('no such thing');
    await page.getByRole('status').filter({ hasText: 'No saved articles match your search.' }).waitFor();
    assert.equal(await listItems(page).count(), 0);
    await search.fill('');
    await page.getByRole('status').filter({ hasText: 'Saved articles: 2' }).waitFor();
    assert.equal(await listItems(page).count(), 2);
    assert.deepEqual(popup.errors, []);
    await popup.close();
  });

  test('clicking a saved item opens it in the article view', async () => {
    // Open the popup on the lagoon page, then open the *other* (teleSUR) article from the list.
    const popup = await lectern.clickToolbar(tab);
    const { page } = popup;
    await waitForArticle(page);
    await savedItems(page);
    await listItems(page).filter({ hasText: TELESUR_TITLE }).locator('.saved-open').click();
    const article = await waitForArticle(page);
    await page.getByRole('tab', { name: 'Article', exact: true, selected: true }).waitFor();
    assert.equal(norm(await article.locator('h1').innerText()), TELESUR_TITLE);
    assert.equal(await statusOf(page).innerText(), 'Showing your saved copy.');
    await assertSaved(page);
    const source = page.getByRole('group', { name: 'Source' });
    assert.match(await source.innerText(), /teleSUR/);
    assert.equal(await source.getByRole('link', { name: 'Original page' }).getAttribute('href'), TELESUR.metadata.canonicalUrl);
    assert.ok(norm(await article.innerText()).includes(norm(TELESUR.mustInclude.at(-1) ?? '')), 'the saved copy has the whole story');
    assert.deepEqual(popup.errors, []);
    await popup.close();
  });

  test('the library survives closing and reopening the browser (same profile)', async () => {
    await lectern.close(); // keeps the suite's own profile
    lectern = await Lectern.launch({ userDataDir: session.profile! });
    session.replace(lectern);
    tab = await lectern.tab();
    const popup = await open('telesur-iraq-drone');
    await waitForArticle(popup.page);
    await assertSaved(popup.page);
    const items = await savedItems(popup.page);
    assert.equal(items.length, 2);
    assert.match(items[0] ?? '', new RegExp(`^${LAGOON.metadata.title}`));
    assert.match(items[1] ?? '', new RegExp(`^${TELESUR_TITLE}`));
    await popup.close();
  });
});
