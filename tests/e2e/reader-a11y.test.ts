/**
 * Accessibility and looks in every theme: axe-core (WCAG A/AA + best practices, colour contrast included) on
 * the popup's article view and its "Saved articles" list, the reader tab (with its settings panel, then its
 * read-aloud bar open) and the options page, in light, sepia, dark, and system (dark and light environments): zero violations.
 * Screenshots of the popup and the reader in each theme go to test-results/screenshots/ (CI artifacts).
 * Also: prefers-reduced-motion turns off the Removed panel's chevron animation.
 * One browser for the file; the tests run in order.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { Lectern } from './support/browser.ts';
import { assertBuilt, screenshotPath } from './support/paths.ts';
import { waitForArticle } from './support/popup.ts';
import { assertNoAxeViolations, axe, OPTIONS_PATH, openReaderFromPopup, READER_PATH, setSettings, waitForReader } from './support/reader.ts';
import type { FixtureServer } from './support/server.ts';
import { withLectern } from './support/session.ts';

assertBuilt();

const THEMES: Array<{ name: string; theme: string; scheme: 'light' | 'dark' }> = [
  { name: 'light', theme: 'light', scheme: 'light' },
  { name: 'sepia', theme: 'sepia', scheme: 'light' },
  { name: 'dark', theme: 'dark', scheme: 'dark' },
  { name: 'system-dark', theme: 'system', scheme: 'dark' },
  { name: 'system-light', theme: 'system', scheme: 'light' },
];

describe('accessibility in every theme (axe-core) and screenshots', { timeout: 240_000 }, () => {
  let lectern: Lectern;
  let server: FixtureServer;
  let tab: Page;
  let visit = 0;

  withLectern(async (s) => {
    ({ server, lectern, tab } = s);
    // Something in the library, so the saved list has an item to check.
    await tab.goto(server.url('/fixtures/jsonld-newsarticle/'), { waitUntil: 'load' });
    const popup = await lectern.clickToolbar(tab);
    await waitForArticle(popup.page);
    await popup.page.getByRole('button', { name: 'Save for later', exact: true }).click();
    await popup.page.getByRole('button', { name: 'Saved', exact: true }).waitFor();
    await popup.close();
  });

  for (const { name, theme, scheme } of THEMES) {
    test(`${name}: popup (article, saved list), reader (settings panel, read-aloud bar), options page — zero violations`, async () => {
      await setSettings(lectern, { theme });
      await tab.goto(server.url(`/fixtures/telesur-iraq-drone/?theme=${name}&visit=${++visit}`), { waitUntil: 'load' });
      const popup = await lectern.clickToolbar(tab);
      const { page } = popup;
      await page.emulateMedia({ colorScheme: scheme });
      await waitForArticle(page);
      assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), theme);
      await assertNoAxeViolations(page, `popup article (${name})`);
      await page.screenshot({ path: screenshotPath(`popup-${name}.png`) });
      await page.getByRole('tab', { name: 'Saved articles' }).click();
      await page.getByRole('list', { name: 'Saved articles' }).getByRole('listitem').first().waitFor();
      await assertNoAxeViolations(page, `popup saved list (${name})`);
      await page.getByRole('tab', { name: 'Article', exact: true }).click();

      const reader = await openReaderFromPopup(lectern, popup);
      await reader.emulateMedia({ colorScheme: scheme });
      await reader.setViewportSize({ width: 1200, height: 900 });
      assert.equal(await reader.evaluate(() => document.documentElement.dataset.theme), theme);
      await assertNoAxeViolations(reader, `reader (${name})`);
      await reader.screenshot({ path: screenshotPath(`reader-${name}.png`) });
      await reader.getByRole('button', { name: 'Reading settings' }).click();
      await reader.getByRole('region', { name: 'Reading settings' }).waitFor();
      await assertNoAxeViolations(reader, `reader settings panel (${name})`);
      await reader.screenshot({ path: screenshotPath(`reader-settings-${name}.png`) });
      await reader.keyboard.press('Escape');
      await reader.getByRole('button', { name: 'Read aloud' }).click();
      await reader.getByRole('region', { name: 'Read aloud' }).waitFor();
      await assertNoAxeViolations(reader, `reader read-aloud bar (${name})`);
      if (name === 'light') await reader.screenshot({ path: screenshotPath('reader-read-aloud-light.png') });
      await reader.close();

      const options = await lectern.context.newPage();
      await options.emulateMedia({ colorScheme: scheme });
      await options.goto(`${lectern.origin}${OPTIONS_PATH}`);
      await options.getByRole('radio', { name: 'Serif', exact: true }).waitFor();
      await assertNoAxeViolations(options, `options page (${name})`);
      await options.close();
      await popup.close();
    });
  }

  test('the check can fail: axe reports text planted at 2:1 contrast in the reader', async () => {
    await setSettings(lectern, { theme: 'light' });
    const page = await lectern.context.newPage();
    const items = (await page.goto(`${lectern.origin}${READER_PATH}`).then(() => page.evaluate(`chrome.runtime.sendMessage({ type: 'library/list' })`))) as { items: Array<{ id: string }> };
    await page.goto(`${lectern.origin}${READER_PATH}?item=${encodeURIComponent(items.items[0]!.id)}`);
    assert.equal(await waitForReader(page), 'article');
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Barely visible';
      p.style.color = '#b3b3b3';
      document.querySelector('.article-body')?.prepend(p);
    });
    const ids = (await axe(page)).map((v) => v.id);
    assert.deepEqual(ids, ['color-contrast']);
    await page.close();
  });

  test('prefers-reduced-motion: the reader\'s animations are off (the Removed chevron turns without a transition)', async () => {
    const page = await lectern.context.newPage();
    const items = (await page.goto(`${lectern.origin}${READER_PATH}`).then(() => page.evaluate(`chrome.runtime.sendMessage({ type: 'library/list' })`))) as { items: Array<{ id: string }> };
    await page.goto(`${lectern.origin}${READER_PATH}?item=${encodeURIComponent(items.items[0]!.id)}`);
    await waitForReader(page);
    const chevron = page.locator('.removed-toggle .chevron');
    const duration = () => chevron.evaluate((c) => getComputedStyle(c).transitionDuration);
    assert.equal(await chevron.count(), 1, 'the saved article has a Removed panel');
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    assert.equal(await duration(), '0.15s');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    assert.equal(await duration(), '0s');
    await page.close();
  });
});
