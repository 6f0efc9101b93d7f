/**
 * Download text, Markdown and HTML from the popup and from the reader tab, in real Chromium with the built
 * extension (dist/chrome), on the bundled teleSUR sample: each file is read back from the downloads folder and
 * checked; the HTML file is then opened from disk with the browser offline (no script, no request but images,
 * its title, the source link, Lectern's reading styles applied).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { Lectern, type Popup } from './support/browser.ts';
import { captureDownloads, type Downloads } from './support/downloads.ts';
import { assertBuilt, screenshotPath } from './support/paths.ts';
import { button, chooseDownload, norm, statusOf, waitForArticle } from './support/popup.ts';
import { assertNoAxeViolations, openReaderFromPopup } from './support/reader.ts';
import { checkSampleExport, expected, FILE_NAME, FIRST_PARAGRAPH, MUST_NOT_SHOW, SAMPLE, TITLE } from './support/sample.ts';
import { startServer, type FixtureServer } from './support/server.ts';

assertBuilt();

const SLUG = FILE_NAME.replace(/\.txt$/, '');
const CANONICAL = expected.metadata.canonicalUrl!;

function checkMarkdown(md: string): void {
  assert.match(md, new RegExp(`^---\\ntitle: "${TITLE}"\\n`));
  assert.match(md, /\nurl: "http:\/\/127\.0\.0\.1:\d+\/fixtures\/telesur-iraq-drone\/\?exports=\d+"\n/);
  assert.ok(md.includes(`\ncanonical: "${CANONICAL}"\n`), 'the canonical URL in the front matter');
  assert.match(md, new RegExp(`\\n---\\n\\n# ${TITLE}\\n\\n`));
  assert.ok(norm(md).includes(FIRST_PARAGRAPH), 'the first paragraph');
  assert.doesNotMatch(md, /<\/?(?:p|div|span|script)\b/i, 'no HTML left in the Markdown');
}

/** Static checks of the file's text; then opens it from disk, offline, and checks what the browser shows. */
async function checkHtml(lectern: Lectern, file: string, text: string, { restored = false } = {}): Promise<void> {
  assert.match(text, /^<!doctype html>\n<html lang="en" dir="ltr">/);
  assert.match(text, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src https: http: data:; style-src 'unsafe-inline'/);
  assert.doesNotMatch(text, /<script|<iframe|<link\b|\son[a-z]+=|@import/i, 'no script, frame, external stylesheet, event handler or @import');
  for (const s of MUST_NOT_SHOW) if (!(restored && s === 'Post with no comments')) assert.ok(!text.includes(s), `leaves out ${JSON.stringify(s)}`);
  if (restored) assert.ok(text.includes('Post with no comments'), 'the restored item is in the export');

  const page: Page = await lectern.context.newPage();
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await lectern.context.setOffline(true);
  try {
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    assert.equal(await page.title(), TITLE);
    assert.equal(norm(await page.getByRole('heading', { level: 1 }).innerText()), TITLE);
    const source = page.getByRole('link', { name: CANONICAL, exact: true });
    assert.equal(await source.getAttribute('href'), CANONICAL, 'the source link');
    assert.equal(await page.evaluate(() => document.scripts.length), 0);
    assert.ok(norm(await page.locator('.article-body').innerText()).includes(FIRST_PARAGRAPH));
    // Lectern's reading styles are inline and complete: the light palette's background and the serif reading font.
    const style = await page.evaluate(() => {
      const s = getComputedStyle(document.body);
      const r = getComputedStyle(document.querySelector('.reader')!);
      return { bg: s.backgroundColor, font: r.fontFamily };
    });
    assert.equal(style.bg, 'rgb(253, 252, 250)');
    assert.match(style.font, /Georgia|serif/);
    const others = requests.filter((u) => u !== pathToFileURL(file).href && !/\.(?:jpe?g|png|gif|webp|avif|svg)(?:[?#]|$)/i.test(u));
    assert.deepEqual(others, [], 'nothing but the file itself and images is requested');
    await page.screenshot({ path: screenshotPath('export-standalone-html.png') });
  } finally {
    await lectern.context.setOffline(false);
    await page.close();
  }
}

describe('Download text, Markdown and HTML', { timeout: 120_000 }, () => {
  let lectern: Lectern;
  let server: FixtureServer;
  let tab: Page;
  let downloads: Downloads;
  let visit = 0;

  const openPopup = async (): Promise<Popup> => {
    await tab.goto(server.url(`${SAMPLE}?exports=${++visit}`), { waitUntil: 'load' });
    const popup = await lectern.clickToolbar(tab);
    await waitForArticle(popup.page);
    return popup;
  };

  before(async () => {
    server = await startServer();
    lectern = await Lectern.launch();
    tab = await lectern.tab();
  });
  after(async () => {
    await downloads?.close();
    await lectern?.close();
    await server?.close();
  });

  test('from the popup: each button saves <slug>.<ext> with the article in that format', async () => {
    const popup = await openPopup();
    const { page } = popup;
    downloads = await captureDownloads(lectern);
    // The formats are in the Download menu, which closes after each choice.
    assert.equal(await button(page, 'Download text').isVisible(), false, 'the formats are behind the Download button');
    const txt = await downloads.expect(() => chooseDownload(page, 'Download text'));
    assert.equal(txt.name, `${SLUG}.txt`);
    assert.equal(await button(page, 'Download').getAttribute('aria-expanded'), 'false', 'the menu closed after the choice');
    checkSampleExport(txt.text);

    const md = await downloads.expect(() => chooseDownload(page, 'Download Markdown'));
    assert.equal(md.name, `${SLUG}.md`);
    checkMarkdown(md.text);
    assert.equal(await statusOf(page).innerText(), `Saved ${SLUG}.md to your downloads.`);

    // From the keyboard: Enter on Download opens the menu, Tab reaches the format, Enter chooses it; Escape closes.
    await button(page, 'Download').focus();
    await page.keyboard.press('Enter');
    assert.equal(await button(page, 'Download').getAttribute('aria-expanded'), 'true');
    await assertNoAxeViolations(page, 'popup with the Download menu open');
    await page.screenshot({ path: screenshotPath('popup-download-menu.png') });
    await page.keyboard.press('Escape');
    assert.equal(await button(page, 'Download text').isVisible(), false, 'Escape closed the menu');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'download-menu', 'focus is back on Download');
    const html = await downloads.expect(async () => {
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'download-html');
      await page.keyboard.press('Enter');
    });
    assert.equal(html.name, `${SLUG}.html`);
    assert.equal(await statusOf(page).innerText(), `Saved ${SLUG}.html to your downloads.`);
    assert.deepEqual(popup.errors, []);
    await page.screenshot({ path: screenshotPath('popup-downloads.png') });
    await popup.close();
    await checkHtml(lectern, html.file, html.text);
  });

  test('from the reader tab: the same three, with an item restored from the Removed panel in each', async () => {
    const popup = await openPopup();
    const reader = await openReaderFromPopup(lectern, popup);
    await popup.close();
    await reader.getByRole('button', { name: /^Removed \(\d+\)$/ }).click();
    await reader.getByRole('button', { name: 'Restore: Post with no comments.' }).click();
    await reader.getByRole('button', { name: 'Restored: Post with no comments.' }).waitFor();
    await reader.keyboard.press('Escape');
    for (const name of ['Download text', 'Download Markdown', 'Download HTML']) assert.equal(await reader.getByRole('button', { name, exact: true }).isEnabled(), true, name);

    const txt = await downloads.expect(() => reader.getByRole('button', { name: 'Download text', exact: true }).click());
    assert.equal(txt.name, `${SLUG}.txt`);
    assert.match(txt.text, /\n\nPost with no comments\.\n/);
    const md = await downloads.expect(() => reader.getByRole('button', { name: 'Download Markdown', exact: true }).click());
    assert.equal(md.name, `${SLUG}.md`);
    checkMarkdown(md.text);
    assert.match(md.text, /Post with no comments\./);
    const html = await downloads.expect(() => reader.getByRole('button', { name: 'Download HTML', exact: true }).click());
    assert.equal(html.name, `${SLUG}.html`);
    assert.equal(await reader.getByRole('status').first().innerText(), `Saved ${SLUG}.html to your downloads.`);
    await reader.close();
    await checkHtml(lectern, html.file, html.text, { restored: true });
  });
});
