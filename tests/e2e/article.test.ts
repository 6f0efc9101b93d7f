/**
 * The article view, Copy text, Download text, and "the content script runs only on click", on the bundled
 * teleSUR sample, in real Chromium with the built extension (dist/chrome). One browser for the whole file.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { Lectern } from './support/browser.ts';
import { captureDownloads } from './support/downloads.ts';
import { assertBuilt, EXTENSION_DIR, screenshotPath } from './support/paths.ts';
import { button, chooseDownload, containsCi, norm, statusOf, waitForArticle } from './support/popup.ts';
import { checkSampleExport, expected, FILE_NAME, FIRST_PARAGRAPH, LAST_PARAGRAPH_END, MUST_NOT_SHOW, SAMPLE, TITLE } from './support/sample.ts';
import type { FixtureServer } from './support/server.ts';
import { withLectern } from './support/session.ts';

// Fail the file at once, with the fix in the message, when dist/chrome is missing (the tests never build).
assertBuilt();

describe('article view on the teleSUR sample', { timeout: 120_000 }, () => {
  let lectern: Lectern;
  let server: FixtureServer;
  let tab: Page;
  let n = 0;
  /** Opens the sample in the tab under a URL no other test used (the tab target is found by URL). */
  const openSample = async () => {
    await tab.goto(server.url(`${SAMPLE}?visit=${++n}`), { waitUntil: 'load' });
  };

  withLectern((s) => ({ server, lectern, tab } = s));

  test('the manifest declares no content_scripts, no web_accessible_resources and no host permissions', () => {
    const manifest = JSON.parse(readFileSync(path.join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    assert.equal(manifest.content_scripts, undefined);
    assert.equal(manifest.web_accessible_resources, undefined);
    assert.equal(manifest.host_permissions, undefined);
    assert.deepEqual([...(manifest.permissions as string[])].sort(), ['activeTab', 'contextMenus', 'scripting', 'storage']);
  });

  test('the content script runs only after the toolbar click', async () => {
    await openSample();
    // Every script world in the page is reported by Runtime.executionContextCreated (existing ones on enable).
    const cdp = await lectern.context.newCDPSession(tab);
    const worlds: { origin: string; name: string; type?: string }[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => worlds.push({ origin: context.origin, name: context.name, type: context.auxData?.type }));
    await cdp.send('Runtime.enable');
    const registered = await lectern.serviceWorker.evaluate('chrome.scripting.getRegisteredContentScripts()');
    assert.deepEqual(registered, [], 'no dynamically registered content scripts');
    const fromLectern = () => worlds.filter((w) => w.origin.startsWith(lectern.origin));
    await tab.waitForTimeout(300);
    assert.deepEqual(fromLectern(), [], 'before the click, Lectern has no script world in the page');
    assert.equal(await tab.evaluate(() => document.querySelectorAll('[id*=lectern i], [class*=lectern i]').length), 0, 'no Lectern DOM in the page');

    const popup = await lectern.clickToolbar(tab);
    await waitForArticle(popup.page);
    const after = fromLectern();
    assert.equal(after.length, 1, `after the click there is exactly one Lectern world: ${JSON.stringify(after)}`);
    assert.equal(after[0]?.type, 'isolated', 'it is an isolated world (a content script), not the page world');
    assert.equal(await tab.evaluate(() => document.querySelectorAll('[id*=lectern i], [class*=lectern i]').length), 0, 'the content script adds nothing to the page DOM');
    await popup.close();
    await cdp.detach();
  });

  test('Chrome: the click reaches the worker, which starts cleaning the page while the popup opens; without it the popup reads the page itself', async () => {
    const hasMark = (page: Page, name: string) => page.evaluate((n) => performance.getEntriesByName(n).length > 0, name);
    // The worker has taken the clicks over from the manifest's popup (src/background/action.ts).
    assert.equal(await lectern.serviceWorker.evaluate('chrome.action.getPopup({})'), '', 'no global popup once the worker runs');
    await openSample();
    let popup = await lectern.clickToolbar(tab);
    await waitForArticle(popup.page);
    assert.ok(await hasMark(popup.page, 'lectern:prefetched'), 'the article came from the cleaning started at the click');
    assert.equal(norm(await popup.page.locator('article h1').first().innerText()), TITLE);
    await popup.close();
    // The per-tab popup used to open it is gone again: the next click comes to the worker too.
    assert.equal(await lectern.serviceWorker.evaluate('chrome.tabs.query({ active: true }).then(([t]) => chrome.action.getPopup({ tabId: t.id }))'), '');

    // The manifest's popup as it is before the worker runs (just after install or a browser start): it reads the page itself.
    await lectern.serviceWorker.evaluate("chrome.action.setPopup({ popup: 'src/popup/index.html' })");
    await openSample();
    popup = await lectern.clickToolbar(tab);
    await waitForArticle(popup.page);
    assert.equal(await hasMark(popup.page, 'lectern:prefetched'), false, 'read by the popup, not prefetched');
    assert.equal(norm(await popup.page.locator('article h1').first().innerText()), TITLE);
    await popup.close();
    await lectern.serviceWorker.evaluate("chrome.action.setPopup({ popup: '' })");
  });

  test('the popup shows the clean article with its source, lead image and whole story', async () => {
    await openSample();
    const popup = await lectern.clickToolbar(tab);
    const { page } = popup;
    const article = await waitForArticle(page);

    assert.equal(norm(await article.locator('h1').innerText()), TITLE);
    assert.equal(await statusOf(page).innerText(), '', 'no status message over an article');

    const source = page.getByRole('group', { name: 'Source' });
    assert.equal(await source.count(), 1, 'one "Source" group');
    assert.equal(await article.getByRole('group', { name: 'Source' }).count(), 1, 'the Source group is inside the article');
    const sourceText = await source.innerText();
    assert.match(sourceText, /teleSUR/, 'site name');
    assert.match(sourceText, /\b\d+ min read\b/, 'reading time');
    const time = source.locator('time[datetime]');
    assert.equal(await time.count(), 1, 'one <time datetime>');
    const datetime = (await time.getAttribute('datetime')) ?? '';
    assert.ok(!Number.isNaN(Date.parse(datetime)), `datetime is a valid date: ${datetime}`);
    assert.equal(new Date(datetime).toISOString(), expected.metadata.publishedTime);
    assert.ok((await time.innerText()).trim().length > 0, 'the date is shown');
    const link = source.getByRole('link', { name: 'Original page' });
    assert.equal(await link.count(), 1, 'a link back to the original page');
    // The original page is the canonical URL the page declares (the copy here is served from 127.0.0.1).
    assert.equal(await link.getAttribute('href'), expected.metadata.canonicalUrl);

    const img = article.locator('img').first();
    assert.equal(await img.getAttribute('src'), expected.metadata.leadImage, 'the lead image, with an absolute URL');
    assert.ok(await article.locator('figure img').count(), 'the lead image is in a figure');

    const paragraphs = (await article.locator('p').allInnerTexts()).map(norm).filter(Boolean);
    assert.equal(paragraphs.filter((p) => p === FIRST_PARAGRAPH).length, 1, 'the first story paragraph');
    assert.ok(paragraphs.at(-1)?.endsWith(LAST_PARAGRAPH_END), `the last paragraph: ${paragraphs.at(-1)}`);

    const text = norm(await article.innerText());
    for (const s of expected.mustInclude) assert.ok(text.includes(norm(s)), `shows ${JSON.stringify(s)}`);
    for (const s of [...MUST_NOT_SHOW, ...expected.mustExclude]) assert.ok(!containsCi(text, s), `does not show ${JSON.stringify(s)}`);
    const lines = (await article.innerText()).split('\n').map((l) => l.trim());
    assert.ok(!lines.includes('Live'), 'no "Live" badge');
    assert.equal(await article.locator('script, style, iframe, form, nav, [onclick], [onerror]').count(), 0, 'no active or chrome markup');

    for (const name of ['Save for later', 'Copy text', 'Download']) assert.ok(await button(page, name).isEnabled(), `${name} is enabled`);
    assert.deepEqual(popup.errors, [], 'no errors in the popup');

    await page.screenshot({ path: screenshotPath('popup-article.png') });
    await popup.close();
  });

  test('Copy text puts the citation header and clean paragraphs on the real clipboard', async () => {
    // The clipboard is per-origin permission-gated; grant it to the extension's origin, then read it back in
    // the popup with navigator.clipboard.readText() (works headless here: the popup document has focus).
    await lectern.cdp.send('Browser.grantPermissions', { origin: lectern.origin, permissions: ['clipboardReadWrite', 'clipboardSanitizedWrite'] });
    await openSample();
    const popup = await lectern.clickToolbar(tab);
    const { page } = popup;
    await waitForArticle(page);
    await page.evaluate(() => navigator.clipboard.writeText('stale clipboard content'));
    await button(page, 'Copy text').click();
    await page.getByRole('status').filter({ hasText: 'Text copied to the clipboard.' }).waitFor();
    const text = await page.evaluate(() => navigator.clipboard.readText());
    assert.notEqual(text, 'stale clipboard content');
    checkSampleExport(text);
    assert.deepEqual(popup.errors, []);
    await popup.close();
  });

  test('Download text saves <slug>.txt with the same text', async () => {
    await openSample();
    const popup = await lectern.clickToolbar(tab);
    const { page } = popup;
    await waitForArticle(page);
    // After the popup's connection exists (support/downloads.ts says why).
    const downloads = await captureDownloads(lectern);
    try {
      const file = await downloads.expect(() => chooseDownload(page, 'Download text'));
      assert.equal(file.name, FILE_NAME);
      checkSampleExport(file.text);
      assert.equal(await statusOf(page).innerText(), `Saved ${FILE_NAME} to your downloads.`);
      assert.deepEqual(popup.errors, []);
    } finally {
      await downloads.close();
      await popup.close();
    }
  });
});
