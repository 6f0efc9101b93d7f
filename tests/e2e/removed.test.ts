/**
 * The "Removed" panel in real Chromium: the disclosure "Removed (N)" under the Source line, the groups by kind,
 * Restore putting an item back into the article (focus follows it, the button becomes a disabled "Restored"),
 * Escape, the keyboard, what Copy text and Save for later keep afterwards, the saved copy's panel, and RTL.
 * One browser (one profile) for the whole file; the tests run in order.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { Lectern, type Popup } from './support/browser.ts';
import { assertBuilt, screenshotPath } from './support/paths.ts';
import { button, expectedFor, listItems, norm, parsePlainText, saveButton, waitForArticle } from './support/popup.ts';
import type { FixtureServer } from './support/server.ts';
import { withLectern } from './support/session.ts';

// Fail the file at once, with the fix in the message, when dist/chrome is missing (the tests never build).
assertBuilt();

const SAMPLE = '/fixtures/telesur-iraq-drone/';
const TITLE = 'Drone Strike Pushes Iraq to End US-Led Coalition Mission';
const COMMENTS = 'Post with no comments.';
const FIRST_PARAGRAPH = 'The U.S. drone strike in Baghdad on Wednesday evening pushed the Iraqi government more than ever to end the mission of the U.S.-led coalition forces.';
const SECOND_PARAGRAPH_START = 'The drone bombarded a sport utility vehicle';

const toggleOf = (page: Page): Locator => page.getByRole('button', { name: /^Removed \(\d+\)$/ });
const regionOf = (page: Page): Locator => page.getByRole('region', { name: 'Removed', exact: true });
const isFocused = (l: Locator): Promise<boolean> => l.evaluate((el) => el === document.activeElement);

async function removedCount(page: Page): Promise<number> {
  const m = /^Removed \((\d+)\)$/.exec(norm(await toggleOf(page).innerText()));
  assert.ok(m?.[1], 'the toggle says "Removed (N)"');
  return Number(m[1]);
}

describe('the Removed panel', { timeout: 120_000 }, () => {
  let lectern: Lectern;
  let server: FixtureServer;
  let tab: Page;
  let n = 0;
  const openSample = async (): Promise<Popup> => {
    await tab.goto(server.url(`${SAMPLE}?visit=${++n}`), { waitUntil: 'load' });
    return lectern.clickToolbar(tab);
  };

  withLectern((s) => ({ server, lectern, tab } = s));

  test('lists the removals by kind; Restore puts one back in the article; Escape closes the panel', async () => {
    const popup = await openSample();
    const { page } = popup;
    const article = await waitForArticle(page);

    const toggle = toggleOf(page);
    assert.equal(await toggle.count(), 1, 'one "Removed (N)" button');
    const count = await removedCount(page);
    assert.ok(count >= 3, `N ≥ 3 (${count})`);
    assert.equal(await article.locator('header').getByRole('button', { name: /^Removed/ }).count(), 1, 'it sits in the article header, under the Source line');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.equal(await regionOf(page).count(), 0, 'the panel starts closed');

    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    const region = regionOf(page);
    await region.waitFor();
    assert.equal(await toggle.getAttribute('aria-controls'), await region.getAttribute('id'), 'the toggle controls the region');

    // One list per kind, named by its label; N items in all.
    const lists = region.getByRole('list');
    const names = await lists.evaluateAll((els) => els.map((el) => document.getElementById(el.getAttribute('aria-labelledby') ?? '')?.textContent ?? ''));
    for (const label of ['Share bar', 'Breadcrumb', 'Comments']) assert.ok(names.includes(label), `a "${label}" group in ${JSON.stringify(names)}`);
    // The sidebar's newsletter box and the page's cookie banner are removed too, but were never part of the
    // article: nothing to offer back.
    for (const label of ['Newsletter box', 'Cookie banner']) assert.ok(!names.includes(label), `no "${label}" group in ${JSON.stringify(names)}`);
    assert.equal(await region.getByRole('listitem').count(), count, 'N items listed');
    const comments = region.getByRole('list', { name: 'Comments', exact: true });
    assert.deepEqual((await comments.getByRole('listitem').allInnerTexts()).map(norm), [`${COMMENTS} Restore`]);
    // Each Restore button is named after its item, so several are told apart.
    const restoreNames = await region.getByRole('button', { name: /^Restore: / }).evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')));
    assert.equal(new Set(restoreNames).size, restoreNames.length, `distinct Restore names: ${JSON.stringify(restoreNames)}`);
    await page.screenshot({ path: screenshotPath('popup-removed.png'), animations: 'disabled' });

    const body = article.locator('.article-body');
    assert.ok(!norm(await body.innerText()).includes(COMMENTS), 'not in the article before Restore');
    await region.getByRole('button', { name: `Restore: ${COMMENTS}`, exact: true }).click();

    const restored = body.locator('.restored');
    await restored.waitFor();
    assert.equal(await restored.count(), 1);
    assert.equal(norm(await restored.innerText()), COMMENTS, 'the item is back in the article');
    const neighbours = await restored.evaluate((el) => [el.previousElementSibling?.textContent ?? '', el.nextElementSibling?.textContent ?? ''].map((s) => s.replace(/\s+/g, ' ').trim()));
    assert.equal(neighbours[0], FIRST_PARAGRAPH, 'right after the paragraph it followed on the page');
    assert.ok(neighbours[1]?.startsWith(SECOND_PARAGRAPH_START), `and before the next one: ${neighbours[1]}`);
    assert.ok(await isFocused(restored), 'focus moved to the restored item');
    assert.equal(await restored.getAttribute('tabindex'), '-1');
    const borderColor = await restored.evaluate((el) => getComputedStyle(el).borderInlineStartColor);
    assert.notEqual(borderColor, 'rgba(0, 0, 0, 0)', 'a visible mark at its start edge');
    await page.screenshot({ path: screenshotPath('popup-restored.png'), animations: 'disabled' });

    const done = region.getByRole('button', { name: `Restored: ${COMMENTS}`, exact: true });
    assert.ok(await done.isDisabled(), 'its button is disabled');
    assert.equal(norm(await done.innerText()), 'Restored');
    assert.equal(await region.getByRole('button', { name: `Restore: ${COMMENTS}`, exact: true }).count(), 0, 'no second Restore');
    assert.equal(await body.getByText(COMMENTS).count(), 1, 'in the article once');

    // Escape inside the panel closes it and gives focus back to its toggle.
    await region.getByRole('button', { name: /^Restore: / }).first().focus();
    await page.keyboard.press('Escape');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.equal(await regionOf(page).count(), 0, 'the panel is closed');
    assert.ok(await isFocused(toggle), 'focus is back on "Removed (N)"');
    assert.ok(!page.isClosed(), 'the popup stays open');
    assert.deepEqual(popup.errors, []);
    await popup.close();
  });

  test('keyboard only: Enter opens the panel, Tab reaches the Restore buttons with a visible focus ring', async () => {
    const popup = await openSample();
    const { page } = popup;
    await waitForArticle(page);
    const toggle = toggleOf(page);
    await toggle.focus();
    await page.keyboard.press('Enter');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    assert.match((await focused.getAttribute('aria-label')) ?? '', /^Restore: /, 'the first Restore button is next');
    assert.equal(await focused.evaluate((el) => getComputedStyle(el).outlineStyle), 'solid', 'with a focus ring');
    await page.keyboard.press('Space');
    const restored = page.locator('.article-body .restored');
    await restored.waitFor();
    assert.ok(await isFocused(restored), 'focus follows the restored item');
    // From the article, Shift+Tab goes back into the panel; Escape there closes it.
    await page.keyboard.press('Shift+Tab');
    assert.equal(await regionOf(page).locator(':focus').count(), 1, 'focus is back in the panel');
    await page.keyboard.press('Escape');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false', 'Escape from inside the panel closes it');
    assert.deepEqual(popup.errors, []);
    await popup.close();
  });

  test('Copy text and Save for later keep a restored item; the saved copy lists only what is still removed', async () => {
    await lectern.cdp.send('Browser.grantPermissions', { origin: lectern.origin, permissions: ['clipboardReadWrite', 'clipboardSanitizedWrite'] });
    const popup = await openSample();
    const { page } = popup;
    await waitForArticle(page);
    const count = await removedCount(page);
    await toggleOf(page).click();
    await regionOf(page).getByRole('button', { name: `Restore: ${COMMENTS}`, exact: true }).click();
    await page.locator('.article-body .restored').waitFor();

    await button(page, 'Copy text').click();
    await page.getByRole('status').filter({ hasText: 'Text copied to the clipboard.' }).waitFor();
    const { paragraphs } = parsePlainText(await page.evaluate(() => navigator.clipboard.readText()));
    const at = paragraphs.map(norm).indexOf(FIRST_PARAGRAPH);
    assert.ok(at >= 0, 'the first paragraph is exported');
    assert.equal(paragraphs[at + 1], COMMENTS, 'the restored item follows it in the export');
    assert.ok(paragraphs[at + 2]?.startsWith(SECOND_PARAGRAPH_START));

    await button(page, 'Save for later').click();
    await page.getByRole('button', { name: 'Saved', exact: true }).waitFor();
    await page.getByRole('tab', { name: 'Saved articles' }).click();
    await listItems(page).filter({ hasText: TITLE }).locator('.saved-open').click();
    await page.getByRole('status').filter({ hasText: 'Showing your saved copy.' }).waitFor();
    const article = await waitForArticle(page);
    const body = norm(await article.locator('.article-body').innerText());
    assert.ok(body.includes(`${FIRST_PARAGRAPH} ${COMMENTS} ${SECOND_PARAGRAPH_START}`), 'the saved copy has the restored item in its place');
    assert.equal(await article.locator('.restored').count(), 0, 'as part of the article (no restored mark)');
    assert.equal(await removedCount(page), count - 1, 'the saved copy lists one removal less');
    await toggleOf(page).click();
    assert.equal(await regionOf(page).getByRole('list', { name: 'Comments', exact: true }).count(), 0, 'no "Comments" group any more');
    assert.ok(await regionOf(page).getByRole('list', { name: 'Share bar', exact: true }).isVisible());

    // Restoring in the saved copy offers to save it again.
    await regionOf(page).getByRole('button', { name: /^Restore: Published/ }).click();
    const save = saveButton(page);
    assert.equal(norm(await save.innerText()), 'Save for later');
    assert.ok(await save.isEnabled());
    await save.click();
    await page.getByRole('button', { name: 'Saved', exact: true }).waitFor();
    assert.deepEqual(popup.errors, []);
    await popup.close();
  });

  test('an item too large to restore says so instead of offering Restore', async () => {
    // A long story with a 6,000-character comment section: removed, but too large to offer back (html null).
    const para = 'The council met on Tuesday to discuss the new water plan, which would change how the town pays for repairs to its ageing pipes and pumps over the next decade. '.repeat(6);
    const comment = (i: number) => `<li><p>Reader ${i}: I think this plan is a good idea but the cost should be shared more fairly between households and businesses in the town, and the council should publish the full figures first.</p></li>`;
    const html = `<!doctype html><html lang="en"><head><title>Town approves water plan</title><meta property="og:type" content="article"></head><body>
      <main><article><h1>Town approves water plan</h1>${Array.from({ length: 60 }, (_, i) => `<p>${i}. ${para}</p>`).join('')}
      <section class="comments"><h2>Comments</h2><ul>${Array.from({ length: 30 }, (_, i) => comment(i)).join('')}</ul></section></article></main></body></html>`;
    const url = 'https://news.example/water-plan';
    await tab.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
    try {
      await tab.goto(url, { waitUntil: 'load' });
      const popup = await lectern.clickToolbar(tab);
      const { page } = popup;
      await waitForArticle(page);
      assert.equal(await removedCount(page), 1);
      await toggleOf(page).click();
      const item = regionOf(page).getByRole('list', { name: 'Comments', exact: true }).getByRole('listitem');
      assert.match(norm(await item.innerText()), /^Comments ?Reader 0: .*Too large to restore$/);
      assert.equal(await regionOf(page).getByRole('button').count(), 0, 'no Restore button');
      assert.deepEqual(popup.errors, []);
      await popup.close();
    } finally {
      await tab.unroute(url);
    }
  });

  test('RTL: on an Arabic article the panel follows the article direction', async () => {
    const exp = expectedFor('rtl-arabic');
    await tab.goto(server.url('/fixtures/rtl-arabic/'), { waitUntil: 'load' });
    const popup = await lectern.clickToolbar(tab);
    const { page } = popup;
    const article = await waitForArticle(page);
    assert.equal(await article.getAttribute('dir'), exp.metadata.dir);
    const toggle = toggleOf(page);
    await toggle.click();
    const region = regionOf(page);
    await region.waitFor();
    const [a, t] = await Promise.all([article.boundingBox(), toggle.boundingBox()]);
    assert.ok(a && t);
    assert.ok(a.x + a.width - (t.x + t.width) < 40, 'the toggle starts at the right edge of the article');
    const text = region.locator('.removed-text').first();
    assert.equal(await text.getAttribute('lang'), exp.metadata.lang, 'item text carries the article language');
    assert.equal(await text.evaluate((el) => getComputedStyle(el).direction), 'rtl');
    await page.screenshot({ path: screenshotPath('popup-removed-rtl.png'), animations: 'disabled' });
    assert.deepEqual(popup.errors, []);
    await popup.close();
  });
});
