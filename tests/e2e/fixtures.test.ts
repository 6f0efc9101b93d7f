/**
 * Every extraction fixture (tests/fixtures/<name>/expected.json) through the real extension in real Chromium:
 * the unit tests check extract() in jsdom; this checks that what the user sees in the popup, and what
 * "Copy text" hands over, agree with expected.json when the page runs in the browser.
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { Lectern } from './support/browser.ts';
import { button, containsCi, expectedFor, fixtureNames, norm, parsePlainText, settled, statusOf, waitForArticle } from './support/popup.ts';
import { assertBuilt } from './support/paths.ts';
import type { FixtureServer } from './support/server.ts';
import { withLectern } from './support/session.ts';

// Fail the file at once, with the fix in the message, when dist/chrome is missing (the tests never build).
assertBuilt();

const names = fixtureNames();

describe('fixtures in the popup', { timeout: 180_000 }, () => {
  let server: FixtureServer;
  let lectern: Lectern;
  let tab: Page;

  withLectern(async (s) => {
    ({ server, lectern, tab } = s);
    await lectern.cdp.send('Browser.grantPermissions', { origin: lectern.origin, permissions: ['clipboardReadWrite', 'clipboardSanitizedWrite'] });
  });

  test('there are fixtures to run', () => {
    assert.ok(names.length > 0, 'tests/fixtures/*/expected.json');
  });

  for (const name of names) {
    const exp = expectedFor(name);
    test(`${name}: ${exp.readerable ? 'the article as expected.json describes it' : '"doesn\'t look like an article"'}`, async () => {
      await tab.goto(server.url(`/fixtures/${name}/`), { waitUntil: 'load' });
      const popup = await lectern.clickToolbar(tab);
      const { page } = popup;
      try {
        if (!exp.readerable) {
          assert.equal(await settled(page), 'status');
          assert.equal(await statusOf(page).innerText(), "This page doesn't look like an article.");
          return;
        }
        const article = await waitForArticle(page);
        const m = exp.metadata;
        if (m.title) assert.equal(norm(await article.locator('h1').innerText()), norm(m.title), 'title');
        const source = page.getByRole('group', { name: 'Source' });
        const sourceText = norm(await source.innerText());
        if (m.siteName) assert.ok(sourceText.includes(norm(m.siteName)), `site ${m.siteName} in "${sourceText}"`);
        if (m.byline) assert.ok(containsCi(sourceText, m.byline), `byline ${m.byline} in "${sourceText}"`);
        assert.match(sourceText, /\b\d+ min read\b/);
        if (m.publishedTime) {
          const datetime = (await source.locator('time').getAttribute('datetime')) ?? '';
          assert.equal(Date.parse(datetime), Date.parse(m.publishedTime), `<time datetime="${datetime}">`);
        }
        if (m.canonicalUrl) assert.equal(await source.getByRole('link', { name: 'Original page' }).getAttribute('href'), m.canonicalUrl);
        if (m.lang) assert.equal(await article.getAttribute('lang'), m.lang, 'article lang');
        if (m.dir) assert.equal(await article.getAttribute('dir'), m.dir, 'article dir');

        const shown = await article.innerText();
        for (const s of exp.mustInclude) assert.ok(norm(shown).includes(norm(s)), `the popup shows ${JSON.stringify(s)}`);
        for (const s of exp.mustExclude) assert.ok(!containsCi(shown, s), `the popup does not show ${JSON.stringify(s)}`);

        await button(page, 'Copy text').click();
        await page.getByRole('status').filter({ hasText: 'Text copied to the clipboard.' }).waitFor();
        const copied = await page.evaluate(() => navigator.clipboard.readText());
        const { header, paragraphs } = parsePlainText(copied);
        if (m.title) assert.equal(header[0], m.title);
        const body = norm(paragraphs.join('\n\n'));
        let from = 0;
        for (const s of exp.mustInclude) {
          const at = body.indexOf(norm(s), from);
          assert.ok(at >= 0, `the copied text has ${JSON.stringify(s)}${from ? ' after the previous fragment' : ''}`);
          from = at + norm(s).length;
        }
        for (const s of exp.mustExclude) assert.ok(!containsCi(body, s), `the copied text has no ${JSON.stringify(s)}`);
        assert.deepEqual(popup.errors, []);
      } finally {
        await popup.close();
      }
    });
  }
});
