/**
 * Managing the saved library in real Chromium (the real worker, the real IndexedDB): save three pages in three
 * languages, search their text, filter (site:, lang:, tag:, is:), mark read, archive, tag, delete + Undo,
 * reading position kept and restored — then close the browser and reopen the same profile: all still there.
 * The tests run in order on one profile.
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { Lectern, type Popup } from './support/browser.ts';
import { assertBuilt, screenshotPath } from './support/paths.ts';
import { expectedFor, expectTitles, listItems, openSavedTab, searchSaved, statusOf, waitForArticle } from './support/popup.ts';
import type { FixtureServer } from './support/server.ts';
import { withLectern, type Session } from './support/session.ts';

assertBuilt();

const PAGES = ['telesur-iraq-drone', 'german-news', 'rtl-arabic'] as const;
const TITLE = Object.fromEntries(PAGES.map((p) => [p, expectedFor(p).metadata.title!])) as Record<(typeof PAGES)[number], string>;
const NEWEST_FIRST = [TITLE['rtl-arabic'], TITLE['german-news'], TITLE['telesur-iraq-drone']];

const item = (page: Page, title: string) => listItems(page).filter({ hasText: title });
const action = (page: Page, name: string, title: string) => item(page, title).getByRole('button', { name: `${name}: ${title}` });

describe('managing the saved library', { timeout: 180_000 }, () => {
  let server: FixtureServer;
  let lectern: Lectern;
  let tab: Page;
  let session: Session;

  const popupOn = async (fixture: string): Promise<Popup> => {
    await tab.goto(server.url(`/fixtures/${fixture}/`), { waitUntil: 'load' });
    return lectern.clickToolbar(tab);
  };

  withLectern((s) => void ({ server, lectern, tab } = session = s), { ownProfile: 'manage' });

  test('saves three pages (English, German, Arabic); the list shows them newest first', async () => {
    for (const fixture of PAGES) {
      const popup = await popupOn(fixture);
      await waitForArticle(popup.page);
      await popup.page.getByRole('button', { name: 'Save for later', exact: true }).click();
      await popup.page.getByRole('button', { name: 'Saved', exact: true }).waitFor();
      assert.deepEqual(popup.errors, []);
      await popup.close();
    }
    const popup = await lectern.clickToolbar(tab);
    await waitForArticle(popup.page);
    await openSavedTab(popup.page);
    await expectTitles(popup.page, NEWEST_FIRST);
    assert.equal(await statusOf(popup.page).innerText(), 'Saved articles: 3');
    await popup.close();
  });

  test('full-text search over the body in each language, and filters typed in the box', async () => {
    const popup = await lectern.clickToolbar(tab);
    const { page } = popup;
    await openSavedTab(page);
    // Words from the bodies (not the titles), folded: "Bürgerinitiative"-style German, Arabic without vowel marks.
    await searchSaved(page, 'coalition baghdad', [TITLE['telesur-iraq-drone']]);
    await searchSaved(page, 'jahrelanger debatte', [TITLE['german-news']]);
    await searchSaved(page, 'مكعب', [TITLE['rtl-arabic']]);
    await searchSaved(page, 'debat', [TITLE['german-news']]); // the word being typed matches by its beginning
    await searchSaved(page, 'lang:de', [TITLE['german-news']]);
    await searchSaved(page, 'lang:ar', [TITLE['rtl-arabic']]);
    await searchSaved(page, 'site:telesur', [TITLE['telesur-iraq-drone']]);
    await searchSaved(page, 'is:unread', NEWEST_FIRST);
    await searchSaved(page, 'nothing-like-this', []);
    assert.equal(await statusOf(page).innerText(), 'No saved articles match your search.');
    await searchSaved(page, '', NEWEST_FIRST);
    assert.deepEqual(popup.errors, []);
    await popup.close();
  });

  test('mark read, tag, archive: states and filters follow', async () => {
    const popup = await lectern.clickToolbar(tab);
    const { page } = popup;
    await openSavedTab(page);
    const german = TITLE['german-news'];
    await action(page, 'Mark as read', german).click();
    await action(page, 'Mark as unread', german).waitFor();
    assert.match(await item(page, german).innerText(), /· Read/);
    await searchSaved(page, 'is:read', [german]);
    await searchSaved(page, 'is:unread', [TITLE['rtl-arabic'], TITLE['telesur-iraq-drone']]);

    await searchSaved(page, '', NEWEST_FIRST);
    await action(page, 'Tags', TITLE['telesur-iraq-drone']).click();
    const input = page.getByRole('textbox', { name: `Tags for “${TITLE['telesur-iraq-drone']}”, separated by commas` });
    await input.fill('Middle East, war ');
    await input.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Tags saved.' }).waitFor();
    assert.deepEqual(await item(page, TITLE['telesur-iraq-drone']).getByRole('list', { name: 'Tags' }).getByRole('listitem').allInnerTexts(), ['middle east', 'war']);
    await searchSaved(page, 'tag:war', [TITLE['telesur-iraq-drone']]);
    await searchSaved(page, 'tag:"middle east"', [TITLE['telesur-iraq-drone']]);

    await searchSaved(page, '', NEWEST_FIRST);
    await action(page, 'Archive', TITLE['rtl-arabic']).click();
    await expectTitles(page, [german, TITLE['telesur-iraq-drone']]); // archived items leave the list
    await searchSaved(page, 'is:archived', [TITLE['rtl-arabic']]);
    await searchSaved(page, 'مكعب', [TITLE['rtl-arabic']]); // …but words still find them
    assert.match(await item(page, TITLE['rtl-arabic']).innerText(), /Archived/);
    await page.screenshot({ path: screenshotPath('popup-saved-states.png') });
    assert.deepEqual(popup.errors, []);
    await popup.close();
  });

  test('delete takes an item away; Undo brings it back with its tags', async () => {
    const popup = await lectern.clickToolbar(tab);
    const { page } = popup;
    await openSavedTab(page);
    const telesur = TITLE['telesur-iraq-drone'];
    await action(page, 'Delete', telesur).click();
    await page.getByRole('status').filter({ hasText: `Deleted “${telesur}”.` }).waitFor();
    await expectTitles(page, [TITLE['german-news']]);
    await searchSaved(page, 'coalition', []);
    const undo = page.getByRole('button', { name: 'Undo', exact: true });
    assert.ok(await undo.isVisible(), 'Undo is offered');
    await undo.click();
    await page.getByRole('status').filter({ hasText: `“${telesur}” is back in your library.` }).waitFor();
    await searchSaved(page, 'coalition', [telesur]);
    await searchSaved(page, 'tag:war', [telesur]);
    assert.deepEqual(popup.errors, []);
    await popup.close();
  });

  test('opening a saved item restores where the reader left off', async () => {
    let popup = await lectern.clickToolbar(tab);
    await openSavedTab(popup.page);
    await item(popup.page, TITLE['german-news']).locator('.saved-open').click();
    await waitForArticle(popup.page);
    const scroller = popup.page.locator('main');
    const target = await scroller.evaluate((m) => {
      m.scrollTop = Math.round((m.scrollHeight - m.clientHeight) * 0.5);
      m.dispatchEvent(new Event('scroll'));
      return m.scrollTop / (m.scrollHeight - m.clientHeight);
    });
    assert.ok(target > 0.3 && target < 0.7, `scrolled to the middle (${target})`);
    // The position is saved a moment after scrolling stops.
    await popup.page.waitForTimeout(900);
    await popup.close();

    popup = await lectern.clickToolbar(tab);
    await openSavedTab(popup.page);
    assert.match(await item(popup.page, TITLE['german-news']).innerText(), /\d+% read/);
    await item(popup.page, TITLE['german-news']).locator('.saved-open').click();
    await waitForArticle(popup.page);
    const restored = await popup.page.locator('main').evaluate((m) => m.scrollTop / (m.scrollHeight - m.clientHeight));
    assert.ok(Math.abs(restored - target) < 0.02, `restored ${restored}, left at ${target}`);
    await popup.close();
  });

  test('everything is still there after closing and reopening the browser profile', async () => {
    await lectern.close();
    lectern = await Lectern.launch({ userDataDir: session.profile! });
    session.replace(lectern);
    tab = await lectern.tab();
    await tab.goto(server.url('/fixtures/german-news/'), { waitUntil: 'load' });
    const popup = await lectern.clickToolbar(tab);
    const { page } = popup;
    await waitForArticle(page);
    await page.getByRole('button', { name: 'Saved', exact: true }).waitFor(); // recognised as saved
    await openSavedTab(page);
    await expectTitles(page, [TITLE['german-news'], TITLE['telesur-iraq-drone']]);
    assert.match(await item(page, TITLE['german-news']).innerText(), /· Read/);
    await searchSaved(page, 'is:archived', [TITLE['rtl-arabic']]);
    await searchSaved(page, 'tag:war', [TITLE['telesur-iraq-drone']]);
    await searchSaved(page, 'jahrelanger', [TITLE['german-news']]);
    assert.deepEqual(popup.errors, []);
    await popup.close();
  });
});
