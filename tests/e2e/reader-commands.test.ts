/**
 * Keyboard commands and the context menu, handled by the worker. The suite can't press browser shortcuts or
 * open the native context menu, so it checks that the browser bound the suggested keys, then calls the
 * worker's handlers (globalThis.lecternCommands) on the active tab — what the browser does after the key press
 * or the click. A real key press also grants activeTab on the tab; here a toolbar click grants it first when
 * the page must be readable, and one test checks the handler without that grant.
 * One browser for the file; the tests run in order.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { Lectern } from './support/browser.ts';
import { assertBuilt } from './support/paths.ts';
import { norm, readerArticle, waitForArticle } from './support/popup.ts';
import { READER_PATH, runCommand, waitForReader } from './support/reader.ts';
import type { FixtureServer } from './support/server.ts';
import { withLectern } from './support/session.ts';

assertBuilt();

const TITLE = 'Drone Strike Pushes Iraq to End US-Led Coalition Mission';

describe('keyboard commands and the context menu (handlers called from the worker; key presses and native menus are not sent)', { timeout: 120_000 }, () => {
  let lectern: Lectern;
  let server: FixtureServer;
  let tab: Page;
  let visit = 0;

  /** Loads a fixture in the tab and grants activeTab on it with a toolbar click (then closes the popup). */
  const openAndGrant = async (fixture: string): Promise<void> => {
    await tab.goto(server.url(`/fixtures/${fixture}/?visit=${++visit}`), { waitUntil: 'load' });
    const popup = await lectern.clickToolbar(tab);
    await waitForArticle(popup.page);
    await popup.close();
    await tab.bringToFront();
  };
  const badge = (): Promise<unknown> =>
    lectern.serviceWorker.evaluate(`chrome.tabs.query({ active: true, lastFocusedWindow: true }).then(async ([t]) => [await chrome.action.getBadgeText({ tabId: t.id }), await chrome.action.getTitle({ tabId: t.id })])`);
  const libraryTitles = async (): Promise<string[]> => {
    const page = await lectern.context.newPage();
    await page.goto(`${lectern.origin}${READER_PATH}`);
    const res = (await page.evaluate(`chrome.runtime.sendMessage({ type: 'library/list' })`)) as { items: Array<{ title: string }> };
    await page.close();
    await tab.bringToFront();
    return res.items.map((i) => i.title);
  };

  withLectern((s) => ({ server, lectern, tab } = s));

  test('the manifest\'s shortcuts are bound by the browser (Alt+Shift+L open reader, Alt+Shift+S save) and the menu item exists', async () => {
    const commands = (await lectern.serviceWorker.evaluate('chrome.commands.getAll()')) as Array<{ name: string; shortcut: string; description: string }>;
    const byName = Object.fromEntries(commands.map((c) => [c.name, c]));
    assert.equal(byName['open-reader']?.shortcut, 'Alt+Shift+L');
    assert.equal(byName['save-page']?.shortcut, 'Alt+Shift+S');
    assert.equal(byName['open-reader']?.description, 'Open the page in Lectern’s reader');
    // contextMenus has no getter: update() of an id that doesn't exist fails.
    const exists = (id: string) => lectern.serviceWorker.evaluate(`chrome.contextMenus.update(${JSON.stringify(id)}, {}).then(() => true, () => false)`);
    assert.equal(await exists('save-page'), true, '"Save page to Lectern" is registered');
    assert.equal(await exists('save-link'), true, '"Save link to Lectern" is registered');
    assert.equal(await exists('no-such-item'), false, 'the check can fail');
  });

  test('open-reader: the worker reads the page and opens the reader tab on it', async () => {
    await openAndGrant('telesur-iraq-drone');
    const opened = lectern.context.waitForEvent('page', { predicate: (p) => p.url().includes(READER_PATH) });
    await runCommand(lectern, 'command', 'open-reader');
    const reader = await opened;
    assert.equal(await waitForReader(reader), 'article');
    assert.equal(norm(await readerArticle(reader).locator('h1').innerText()), TITLE);
    assert.match(reader.url(), /\?live=[0-9a-f-]{36}$/);
    // Its "Back to the page" knows the tab it came from.
    const closed = reader.waitForEvent('close', { timeout: 5_000 });
    await reader.getByRole('link', { name: 'Back to the page' }).click();
    await closed;
  });

  /** A new tab Lectern was never invoked on (activeTab lasts across same-origin navigations, so not the old tab). */
  const ungrantedTab = async (fixture: string): Promise<Page> => {
    const page = await lectern.context.newPage();
    await page.goto(server.url(`/fixtures/${fixture}/?visit=${++visit}`), { waitUntil: 'load' });
    await page.bringToFront();
    return page;
  };

  test('open-reader without access to the page (no activeTab grant) opens the reader with the reason', async () => {
    const fresh = await ungrantedTab('jsonld-newsarticle');
    const opened = lectern.context.waitForEvent('page', { predicate: (p) => p.url().includes(READER_PATH) });
    await runCommand(lectern, 'command', 'open-reader');
    const reader = await opened;
    assert.equal(await waitForReader(reader), 'status');
    assert.match(await reader.getByRole('status').first().innerText(), /^Lectern can't read this page/);
    assert.equal(await reader.getByRole('link', { name: 'Back to the page' }).isHidden(), true);
    await reader.close();
    await fresh.close();
  });

  test('save-page: saved through the library, the toolbar badge says ✓; without access it says ! and why', async () => {
    assert.deepEqual(await libraryTitles(), []);
    await openAndGrant('jsonld-newsarticle');
    await runCommand(lectern, 'command', 'save-page');
    const titles = await libraryTitles();
    assert.equal(titles.length, 1);
    assert.deepEqual(await badge(), ['✓', 'Saved in Lectern']);

    const fresh = await ungrantedTab('german-news');
    await runCommand(lectern, 'command', 'save-page');
    const [text, title] = (await badge()) as [string, string];
    assert.equal(text, '!');
    assert.match(title, /^Lectern couldn’t save this page: Lectern can't read this page/);
    await fresh.close();
    await tab.bringToFront();
    assert.equal((await libraryTitles()).length, 1, 'nothing saved');
  });

  test('context menu "Save page to Lectern" saves the page', async () => {
    await openAndGrant('german-news');
    await runCommand(lectern, 'menu', 'save-page');
    assert.equal((await libraryTitles()).length, 2);
    assert.deepEqual(await badge(), ['✓', 'Saved in Lectern']);
  });

  test('context menu "Save link to Lectern" saves the link unread and link-only (no page is read); non-web links are refused', async () => {
    const before = (await libraryTitles()).length;
    await runCommand(lectern, 'menu', 'save-link', { linkUrl: 'https://elsewhere.example/stories/linked?utm_source=x', linkText: '  A linked   story ' });
    assert.deepEqual(await badge(), ['✓', 'Link saved to Lectern (its article is fetched from the Library page)']);
    const page = await lectern.context.newPage();
    await page.goto(`${lectern.origin}/src/popup/index.html?unused`);
    const res = (await page.evaluate(`chrome.runtime.sendMessage({ type: 'library/list', query: 'is:unread linked' })`)) as { items: Array<{ title: string; url: string; wordCount: number; readAt: string | null }> };
    await page.close();
    assert.equal(res.items.length, 1);
    assert.equal(res.items[0]!.title, 'A linked story');
    assert.equal(res.items[0]!.wordCount, 0, 'link only: its article is fetched later');
    assert.equal((await libraryTitles()).length, before + 1);
    await runCommand(lectern, 'menu', 'save-link', { linkUrl: 'javascript:alert(1)', linkText: 'x' });
    const [text, title] = (await badge()) as [string, string];
    assert.equal(text, '!');
    assert.match(title, /only web links/);
    assert.equal((await libraryTitles()).length, before + 1, 'nothing saved');
  });
});
