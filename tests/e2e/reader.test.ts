/**
 * The reader tab in real Chromium: "Open in reader" from the popup (mouse and keyboard), the same header,
 * Removed panel and exports as the popup, Save, saved items by id, reload, "Back to the page", reading settings
 * (instant, position kept, remembered, shared with the options page), the bundled font, read aloud controls,
 * keyboard reachability with visible focus, Escape, and an RTL article.
 * One browser (one profile) for the whole file; the tests run in order and build on each other.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { Lectern, type Popup } from './support/browser.ts';
import { assertBuilt } from './support/paths.ts';
import { expectedFor, norm, readerArticle, waitForArticle } from './support/popup.ts';
import { getSettings, OPTIONS_PATH, openReaderFromPopup, READER_PATH, setSettings, waitForReader } from './support/reader.ts';
import { captureDownloads } from './support/downloads.ts';
import type { FixtureServer } from './support/server.ts';
import { withLectern } from './support/session.ts';

assertBuilt();

const TELESUR = expectedFor('telesur-iraq-drone');
const TITLE = 'Drone Strike Pushes Iraq to End US-Led Coalition Mission';

const focusedName = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return el ? `${el.tagName.toLowerCase()}:${el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40) ?? ''}` : '';
  });

describe('the reader tab', { timeout: 180_000 }, () => {
  let lectern: Lectern;
  let server: FixtureServer;
  let tab: Page;
  let reader: Page;
  let visit = 0;
  let popupArticleText = '';

  const openPopup = async (fixture = 'telesur-iraq-drone'): Promise<Popup> => {
    await tab.goto(server.url(`/fixtures/${fixture}/?visit=${++visit}`), { waitUntil: 'load' });
    const popup = await lectern.clickToolbar(tab);
    await waitForArticle(popup.page);
    return popup;
  };

  withLectern((s) => ({ server, lectern, tab } = s));

  test('"Open in reader" opens the article in a tab next to the page, with the popup\'s header, Removed panel and actions', async () => {
    const popup = await openPopup();
    const popupArticle = readerArticle(popup.page);
    popupArticleText = norm(await popupArticle.locator('.article-body').innerText());
    const popupSource = norm(await popup.page.getByRole('group', { name: 'Source' }).innerText());
    reader = await openReaderFromPopup(lectern, popup);
    assert.ok(reader.url().startsWith(`${lectern.origin}${READER_PATH}?live=`), reader.url());
    // The popup closes itself once the reader tab is open.
    await popup.page.waitForEvent('close', { timeout: 5_000 }).catch(() => undefined);
    assert.equal(popup.page.isClosed(), true, 'the popup closed');
    await popup.close();

    const article = readerArticle(reader);
    assert.equal(await reader.locator('h1').count(), 1, 'one <h1> on the page');
    assert.equal(norm(await article.locator('h1').innerText()), TITLE);
    assert.equal(await reader.title(), TITLE);
    assert.equal(norm(await reader.getByRole('group', { name: 'Source' }).innerText()), popupSource);
    assert.equal(norm(await article.locator('.article-body').innerText()), popupArticleText, 'the same body as the popup');
    await reader.getByRole('button', { name: /^Removed \(\d+\)$/ }).waitFor();
    for (const name of ['Save for later', 'Copy text', 'Download text', 'Download Markdown', 'Download HTML', 'Read aloud', 'Reading settings']) {
      assert.equal(await reader.getByRole('button', { name, exact: true }).isEnabled(), true, name);
    }
    assert.equal(await reader.getByRole('link', { name: 'Back to the page' }).getAttribute('href'), TELESUR.metadata.canonicalUrl ?? TELESUR.url);
    // A comfortable measure at the default settings: about 65–75 characters a line in the long paragraphs.
    const perLine = await article.locator('.article-body p:not(.standfirst)').evaluateAll((ps) =>
      ps.flatMap((p) => {
        const lines = Math.round(p.getBoundingClientRect().height / parseFloat(getComputedStyle(p).lineHeight));
        return lines >= 3 ? [(p.textContent ?? '').length / (lines - 0.5)] : [];
      }),
    );
    const average = perLine.reduce((a, b) => a + b, 0) / perLine.length;
    assert.ok(perLine.length >= 3 && average >= 60 && average <= 80, `characters per line: ${average.toFixed(1)} over ${perLine.length} paragraphs`);
    // Landmarks: banner, main; the tab sits right after the page's tab.
    assert.equal(await reader.getByRole('banner').count(), 1);
    assert.equal(await reader.getByRole('main').count(), 1);
    const order = await lectern.serviceWorker.evaluate(`chrome.tabs.query({ currentWindow: true }).then((tabs) => tabs.map((t) => t.url ?? t.pendingUrl ?? ''))`);
    const urls = order as string[];
    const readerIndex = urls.findIndex((u) => u.includes(READER_PATH));
    assert.ok(readerIndex > 0 && urls[readerIndex - 1]?.includes('/fixtures/telesur-iraq-drone/'), `reader tab next to the page: ${JSON.stringify(urls)}`);
  });

  test('Restore, Download Markdown and Save work in the reader; the popup then shows the page saved', async () => {
    const toggle = reader.getByRole('button', { name: /^Removed \(\d+\)$/ });
    await toggle.click();
    await reader.getByRole('button', { name: 'Restore: Post with no comments.' }).click();
    await reader.getByRole('button', { name: 'Restored: Post with no comments.' }).waitFor();
    await reader.keyboard.press('Escape');

    const downloads = await captureDownloads(lectern);
    try {
      const md = await downloads.expect(() => reader.getByRole('button', { name: 'Download Markdown' }).click());
      assert.equal(md.name, 'drone-strike-pushes-iraq-to-end-us-led-coalition-mission.md');
      assert.match(md.text, /^---\ntitle: "Drone Strike Pushes Iraq to End US-Led Coalition Mission"\n/);
      assert.match(md.text, /\n# Drone Strike Pushes Iraq to End US-Led Coalition Mission\n\n/);
      assert.match(md.text, /Post with no comments\./, 'the restored item is in the export');
      assert.equal(await reader.getByRole('status').first().innerText(), `Saved ${md.name} to your downloads.`);
    } finally {
      await downloads.close();
    }

    await reader.getByRole('button', { name: 'Save for later', exact: true }).click();
    await reader.getByRole('button', { name: 'Saved', exact: true }).waitFor();
    assert.equal(await reader.getByRole('button', { name: 'Saved', exact: true }).getAttribute('aria-pressed'), 'true');
    assert.equal(await reader.getByRole('status').first().innerText(), 'Saved to your library.');
    const popup = await lectern.clickToolbar(tab);
    await waitForArticle(popup.page);
    await popup.page.getByRole('button', { name: 'Saved', exact: true }).waitFor();
    await popup.close();
  });

  test('a reload keeps the live article (storage.session, not memory); a saved item opens by id, also after a reload', async () => {
    await reader.reload();
    assert.equal(await waitForReader(reader), 'article');
    assert.equal(norm(await readerArticle(reader).locator('h1').innerText()), TITLE);
    // The worker may be stopped at any time: stop it (Chromium restarts it for the next message).
    const id = (await lectern.serviceWorker.evaluate(`chrome.storage.session.get(null).then((all) => Object.keys(all).filter((k) => k.startsWith('live:')).length)`)) as number;
    assert.ok(id >= 1, 'the handoff is in storage.session');

    const items = (await reader.evaluate(`chrome.runtime.sendMessage({ type: 'library/list' })`)) as { items: Array<{ id: string; title: string }> };
    const saved = items.items.find((i) => i.title === TITLE);
    assert.ok(saved, 'the article is in the library');
    const page = await lectern.context.newPage();
    await page.goto(`${lectern.origin}${READER_PATH}?item=${encodeURIComponent(saved.id)}`);
    assert.equal(await waitForReader(page), 'article');
    assert.equal(norm(await readerArticle(page).locator('h1').innerText()), TITLE);
    assert.equal(await page.getByRole('button', { name: 'Saved', exact: true }).getAttribute('aria-pressed'), 'true');
    assert.match(norm(await readerArticle(page).locator('.article-body').innerText()), /Post with no comments\./, 'the saved copy has the restored item');
    await page.reload();
    assert.equal(await waitForReader(page), 'article');
    // A missing item and a bad handoff id say so.
    await page.goto(`${lectern.origin}${READER_PATH}?item=https%3A%2F%2Fnowhere.invalid%2F`);
    assert.equal(await waitForReader(page), 'status');
    assert.equal(await page.getByRole('status').first().innerText(), 'This saved article is no longer in your library.');
    await page.goto(`${lectern.origin}${READER_PATH}?live=not-a-handoff`);
    assert.equal(await waitForReader(page), 'status');
    assert.match(await page.getByRole('status').first().innerText(), /no longer available/);
    await page.close();
  });

  test('reading settings apply at once without moving the text being read, are remembered, and the options page shares them', async () => {
    await reader.setViewportSize({ width: 1200, height: 800 });
    // The paragraph being read: the first line under the bar.
    const paragraph = readerArticle(reader).locator('.article-body p').nth(6);
    const bar = await reader.getByRole('banner').evaluate((b) => b.getBoundingClientRect().height);
    await paragraph.evaluate((p, top) => window.scrollTo({ top: window.scrollY + p.getBoundingClientRect().top - top, behavior: 'instant' }), bar + 4);
    const topBefore = await paragraph.evaluate((p) => p.getBoundingClientRect().top);
    const bodyFont = () => readerArticle(reader).locator('.article-body p:not(.standfirst)').first().evaluate((p) => getComputedStyle(p).fontSize);
    assert.equal(await bodyFont(), '19px');

    // Keyboard: open the panel, move the size slider with the arrow keys.
    await reader.getByRole('button', { name: 'Reading settings' }).focus();
    await reader.keyboard.press('Enter');
    const panel = reader.getByRole('region', { name: 'Reading settings' });
    await panel.waitFor();
    const size = panel.getByRole('slider', { name: 'Text size' });
    await size.focus();
    for (let i = 0; i < 4; i++) await reader.keyboard.press('ArrowRight');
    assert.equal(await bodyFont(), '23px', 'applied at once');
    assert.equal(await size.getAttribute('aria-valuetext'), '23 px');
    const topAfter = await paragraph.evaluate((p) => p.getBoundingClientRect().top);
    assert.ok(Math.abs(topAfter - topBefore) <= 2, `the paragraph being read stays put (${topBefore} → ${topAfter})`);

    // Theme by keyboard (radio group: arrow keys), width and justification.
    await panel.getByRole('radio', { name: 'Light' }).focus();
    await reader.keyboard.press('ArrowRight');
    assert.equal(await panel.getByRole('radio', { name: 'Sepia' }).isChecked(), true);
    assert.equal(await reader.evaluate(() => document.documentElement.dataset.theme), 'sepia');
    assert.equal(await reader.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(246, 239, 223)');
    await panel.getByRole('slider', { name: 'Line width' }).fill('60');
    const measure = await readerArticle(reader).evaluate((a) => a.getBoundingClientRect().width / parseFloat(getComputedStyle(a).fontSize));
    assert.ok(measure > 25 && measure < 40, `60ch is ~30em of body text (${measure.toFixed(1)} em)`);
    await panel.getByRole('checkbox', { name: 'Justify text' }).check();
    assert.equal(await readerArticle(reader).locator('.article-body p').first().evaluate((p) => getComputedStyle(p).textAlign), 'justify');
    const moved = Math.abs((await paragraph.evaluate((p) => p.getBoundingClientRect().top)) - topBefore);
    assert.ok(moved <= 2, `still in place after width and justification (${moved}px)`);

    // Escape closes the panel and gives focus back to its button.
    await panel.getByRole('checkbox', { name: 'Justify text' }).focus();
    await reader.keyboard.press('Escape');
    assert.equal(await panel.isHidden(), true);
    assert.equal(await focusedName(reader), 'button:Reading settings');
    assert.equal(await reader.getByRole('button', { name: 'Reading settings' }).getAttribute('aria-expanded'), 'false');

    // Remembered (storage.local), also by a new reader tab, and by the options page, which changes them live.
    await reader.waitForFunction(() => true, undefined, { timeout: 1000 });
    await new Promise((r) => setTimeout(r, 300)); // the save is debounced (150 ms)
    assert.deepEqual(await getSettings(lectern), { font: 'serif', size: 23, lineHeight: 1.6, width: 60, theme: 'sepia', justify: true });
    const options = await lectern.context.newPage();
    await options.goto(`${lectern.origin}${OPTIONS_PATH}`);
    assert.equal(await options.getByRole('radio', { name: 'Sepia' }).isChecked(), true);
    assert.equal(await options.getByRole('slider', { name: 'Text size' }).inputValue(), '23');
    assert.equal(await options.locator('h1').count(), 1);
    await options.getByRole('radio', { name: 'Dark' }).check();
    await reader.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    await options.getByRole('button', { name: 'Reset to defaults' }).click();
    await reader.waitForFunction(() => document.documentElement.dataset.theme === 'system' && getComputedStyle(document.querySelector('.article-body p:not(.standfirst)')!).fontSize === '19px');
    await options.close();
  });

  test('the Hyperlegible font is Atkinson Hyperlegible from the extension itself (no remote fonts), loaded before the article shows', async () => {
    await setSettings(lectern, { font: 'legible' });
    const requests: string[] = [];
    const page = await lectern.context.newPage();
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(reader.url());
    assert.equal(await waitForReader(page), 'article');
    const family = await readerArticle(page).locator('.article-body p').first().evaluate((p) => getComputedStyle(p).fontFamily);
    assert.match(family, /^"Atkinson Hyperlegible"/);
    assert.equal(await page.evaluate(() => document.fonts.check('16px "Atkinson Hyperlegible"')), true, 'the font is loaded');
    const fontFiles = requests.filter((u) => /\.woff2?$/.test(u));
    assert.ok(fontFiles.length >= 1 && fontFiles.every((u) => u.startsWith(lectern.origin)), `fonts from the extension only: ${JSON.stringify(fontFiles)}`);
    assert.deepEqual(requests.filter((u) => !u.startsWith(lectern.origin) && !u.startsWith('data:')).filter((u) => !/\.(?:jpe?g|png|webp|gif)(?:\?|$)/i.test(u)), [], 'nothing but the article\'s own images is fetched from elsewhere');
    await page.close();
    await setSettings(lectern, {});
  });

  test('read aloud: the bar opens, Play/Pause, Next/Previous paragraph move the highlight, Escape stops and closes (headless Chromium has no speech engine: no audio or voice choice here, see tests/unit/speech.test.ts)', async () => {
    await reader.reload();
    await waitForReader(reader);
    const listen = reader.getByRole('button', { name: 'Read aloud' });
    await listen.click();
    const bar = reader.getByRole('region', { name: 'Read aloud' });
    await bar.waitFor();
    assert.equal(await listen.getAttribute('aria-expanded'), 'true');
    const highlighted = () => reader.evaluate(() => Array.from(document.querySelectorAll('.speaking'), (e) => e.textContent?.trim().slice(0, 30)));
    assert.deepEqual(await highlighted(), [TITLE.slice(0, 30)], 'reading starts at the title');
    await bar.getByRole('button', { name: 'Next paragraph' }).click();
    await bar.getByRole('button', { name: 'Next paragraph' }).click();
    const second = await highlighted();
    assert.equal(second.length, 1);
    assert.notEqual(second[0], TITLE.slice(0, 30));
    await bar.getByRole('button', { name: 'Previous paragraph' }).click();
    assert.equal((await highlighted()).length, 1);
    assert.notDeepEqual(await highlighted(), second);
    // Play/Pause by keyboard speaks the highlighted paragraph, in the article's language. Headless Chromium has
    // no voices: speak() fails at once, which pauses and says so; with an engine, the button turns to Pause.
    await reader.evaluate(() => {
      const spoken: Array<{ text: string; lang: string }> = [];
      const speak = speechSynthesis.speak.bind(speechSynthesis);
      speechSynthesis.speak = (u: SpeechSynthesisUtterance) => {
        spoken.push({ text: u.text, lang: u.lang });
        speak(u);
      };
      Object.assign(window, { spoken });
    });
    const current = (await highlighted())[0] ?? '';
    const playPause = bar.getByRole('button', { name: /^(Play|Pause)$/ });
    if ((await playPause.getAttribute('aria-label')) === 'Pause') await playPause.click();
    await playPause.focus();
    await reader.keyboard.press('Enter');
    const spoken = (await reader.evaluate('window.spoken')) as Array<{ text: string; lang: string }>;
    assert.equal(spoken.length, 1, 'Play speaks');
    assert.ok(spoken[0]?.text.startsWith(current.slice(0, 20)), `the highlighted paragraph: ${spoken[0]?.text.slice(0, 40)} / ${current}`);
    assert.equal(spoken[0]?.lang, 'en', 'in the article\'s language');
    const voices = await reader.evaluate(() => speechSynthesis.getVoices().length);
    if (voices === 0) {
      await reader.getByText(/^Reading aloud stopped: /).waitFor();
      assert.equal(await playPause.getAttribute('aria-label'), 'Play');
    } else {
      assert.equal(await playPause.getAttribute('aria-label'), 'Pause');
    }
    await reader.keyboard.press('Escape');
    assert.equal(await bar.isHidden(), true);
    assert.deepEqual(await highlighted(), [], 'stop clears the highlight');
    assert.equal(await focusedName(reader), 'button:Read aloud');
  });

  test('keyboard: every control of the reader is reachable with Tab, in order, and shows a visible focus ring', async () => {
    await reader.reload(); // focus navigation starts at the top of a fresh page
    await waitForReader(reader);
    const seen: Array<{ name: string; outline: string }> = [];
    for (let i = 0; i < 12; i++) {
      await reader.keyboard.press('Tab');
      seen.push(
        await reader.evaluate(() => {
          const el = document.activeElement as HTMLElement;
          const style = getComputedStyle(el);
          const name = `${el.tagName.toLowerCase()}:${el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40) ?? ''}`;
          return { name, outline: `${style.outlineStyle} ${style.outlineWidth}` };
        }),
      );
    }
    const names = seen.map((s) => s.name);
    assert.deepEqual(names.slice(0, 10), [
      'a:Skip to the article', 'a:Back to the page', 'button:Saved', 'button:Copy text', 'button:Download text',
      'button:Download Markdown', 'button:Download HTML', 'button:Read aloud', 'button:Reading settings', 'a:Original page',
    ]);
    assert.match(names[10] ?? '', /^button:Removed \(\d+\)$/);
    for (const s of seen) assert.match(s.outline, /^solid [1-9]/, `${s.name} shows its focus (${s.outline})`);
    // Inside the settings panel: every control in turn, each showing focus (a radio's ring is on its label).
    await reader.getByRole('button', { name: 'Reading settings' }).focus();
    await reader.keyboard.press('Enter');
    const inPanel: string[] = [];
    for (let i = 0; i < 7; i++) {
      if (i > 0) await reader.keyboard.press('Tab');
      const f = await reader.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const ring = el.matches('input[type=radio]') ? el.closest('label')! : el;
        const label = el.matches('input[type=radio]') ? el.closest('label')!.textContent : ((el as HTMLInputElement).labels?.[0]?.textContent ?? el.textContent);
        return { name: `${el.getAttribute('type') ?? el.tagName.toLowerCase()}:${label?.replace('Ag', '').trim()}`, outline: getComputedStyle(ring).outlineStyle, inPanel: !!el.closest('#settings') };
      });
      assert.ok(f.inPanel, `${f.name} is in the panel`);
      assert.equal(f.outline, 'solid', `${f.name} shows its focus`);
      inPanel.push(f.name);
    }
    assert.deepEqual(inPanel, ['radio:Serif', 'range:Text size', 'range:Line spacing', 'range:Line width', 'radio:System', 'checkbox:Justify text', 'button:Reset to defaults']);
    await reader.keyboard.press('Escape');

    // The skip link goes to the article.
    await reader.reload();
    await waitForReader(reader);
    await reader.keyboard.press('Tab');
    await reader.keyboard.press('Enter');
    assert.equal(await reader.evaluate(() => document.activeElement?.id), 'article');
  });

  test('"Back to the page" switches to the page\'s tab and closes the reader; once that tab has moved on, it goes to the page in this tab', async () => {
    const pages = lectern.context.pages().length;
    const closed = reader.waitForEvent('close', { timeout: 5_000 });
    await reader.getByRole('link', { name: 'Back to the page' }).click();
    await closed;
    assert.equal(lectern.context.pages().length, pages - 1);
    const active = await lectern.serviceWorker.evaluate(`chrome.tabs.query({ active: true, lastFocusedWindow: true }).then(([t]) => t?.url ?? '')`);
    assert.match(String(active), /\/fixtures\/telesur-iraq-drone\//);

    // From the popup by keyboard only: from the first control (the "Article" tab), Tab to "Open in reader", Enter.
    const popup = await openPopup();
    const button = popup.page.getByRole('button', { name: 'Open in reader', exact: true });
    await popup.page.getByRole('tab', { name: 'Article', exact: true }).focus();
    const order: string[] = [];
    for (let i = 0; i < 8 && !(await button.evaluate((b) => b === document.activeElement)); i++) {
      await popup.page.keyboard.press('Tab');
      order.push(await focusedName(popup.page));
    }
    assert.deepEqual(
      order,
      ['button:Saved', 'button:Copy text', 'button:Download', 'button:Open in reader'],
      '"Open in reader" is reachable with Tab, after Download (its formats are in a closed menu)',
    );
    assert.equal(await button.evaluate((b) => getComputedStyle(b).outlineStyle), 'solid', 'with a visible focus ring');
    const opened = lectern.context.waitForEvent('page', { predicate: (p) => p.url().includes(READER_PATH) });
    // Enter activates the button on keydown; the popup may close itself before the key-up is delivered.
    await popup.page.keyboard.press('Enter').catch((err: Error) => {
      if (!/closed/i.test(err.message)) throw err;
    });
    const live = await opened;
    await waitForReader(live);
    await popup.close();
    // Navigate the source tab away: activeTab lapses, so "Back" can no longer vouch for it and goes there itself.
    await tab.goto(server.url('/fixtures/german-news/'), { waitUntil: 'load' });
    await live.getByRole('link', { name: 'Back to the page' }).click();
    await live.waitForURL(/telesur|teleSUR|telesurenglish/i, { timeout: 10_000 }).catch(() => undefined);
    assert.ok(!live.url().startsWith(lectern.origin), `the reader tab went to the page: ${live.url()}`);
    await live.close();
  });

  test('an Arabic article reads right to left: direction, list indents and the metadata line', async () => {
    const popup = await openPopup('rtl-arabic');
    const page = await openReaderFromPopup(lectern, popup);
    await popup.close();
    const article = readerArticle(page);
    assert.equal(await article.getAttribute('dir'), 'rtl');
    assert.equal(await article.getAttribute('lang'), expectedFor('rtl-arabic').metadata.lang);
    const p = article.locator('.article-body p').first();
    assert.equal(await p.evaluate((el) => getComputedStyle(el).direction), 'rtl');
    // Paragraphs hug the right edge of the measure.
    const [pBox, aBox] = [await p.boundingBox(), await article.boundingBox()];
    assert.ok(pBox && aBox && Math.abs(pBox.x + pBox.width - (aBox.x + aBox.width)) < 2, 'right-aligned');
    // Metadata parts isolate their own direction (Latin site names stay readable in an RTL line).
    for (const el of await page.getByRole('group', { name: 'Source' }).locator('> :not(.sep)').all()) assert.equal(await el.getAttribute('dir'), 'auto');
    // Reading time per language: Arabic is read at 138 words a minute (IReST), not English's 228.
    const words = await article.locator('.article-body').evaluate((b) => (b.textContent ?? '').match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}'’\-.]*/gu)?.length ?? 0);
    const minutes = Math.max(1, Math.round(words / 138));
    assert.equal(norm(await page.locator('.reading-time').innerText()), `${minutes} min read`);
    await page.close();
  });

  test('RTL lists and punctuation, and reading time by characters for Japanese (pages written into the tab)', async () => {
    const sentence = 'قالت الحكومة يوم الأربعاء إن الاتفاق الجديد سيوقع بعد أشهر من المحادثات بين المسؤولين في البلدين';
    const arabic = `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>اتفاق تجاري جديد</title>
      <meta property="og:type" content="article"></head><body><article><h1>اتفاق تجاري جديد بعد أشهر من المحادثات</h1>
      ${Array.from({ length: 6 }, () => `<p>${sentence}، ${sentence}. هل سيغير ذلك شيئا؟</p>`).join('')}
      <ul><li>البند الأول من الاتفاق.</li><li>البند الثاني من الاتفاق.</li></ul><p>${sentence}.</p></article></body></html>`;
    const japanese = `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>新しい貿易協定</title>
      <meta property="og:type" content="article"></head><body><article><h1>新しい貿易協定が結ばれる</h1>
      ${Array.from({ length: 30 }, () => `<p>${'政府は水曜日に新しい協定が数か月の協議の後に署名されると発表した。'.repeat(4)}</p>`).join('')}</article></body></html>`;

    const readerOn = async (html: string): Promise<Page> => {
      await tab.goto(server.url(`/fixtures/telesur-iraq-drone/?visit=${++visit}`), { waitUntil: 'load' });
      await tab.setContent(html); // same URL, new document: what Lectern reads when clicked
      const popup = await lectern.clickToolbar(tab);
      await waitForArticle(popup.page);
      const page = await openReaderFromPopup(lectern, popup);
      await popup.close();
      return page;
    };

    const ar = await readerOn(arabic);
    const body = readerArticle(ar).locator('.article-body');
    assert.equal(await readerArticle(ar).getAttribute('dir'), 'rtl');
    // List items are indented from the right, their markers on the right.
    const list = await body.locator('ul').evaluate((ul) => {
      const s = getComputedStyle(ul);
      const li = ul.querySelector('li')!.getBoundingClientRect();
      const box = ul.getBoundingClientRect();
      return { right: parseFloat(s.paddingRight), left: parseFloat(s.paddingLeft), gapRight: box.right - li.right, gapLeft: li.left - box.left };
    });
    assert.ok(list.right > 0 && list.left === 0 && list.gapRight > 10, `RTL list indent: ${JSON.stringify(list)}`);
    // The final full stop and question mark sit at the left end of their line (where an RTL sentence ends).
    const ends = await body.locator('p').first().evaluate((p) => {
      const text = p.firstChild as Text;
      const range = document.createRange();
      range.setStart(text, text.length - 1);
      range.setEnd(text, text.length);
      const mark = range.getClientRects()[0]!;
      const lines = Array.from(p.getClientRects());
      range.setStart(text, 0);
      range.setEnd(text, text.length);
      const last = Array.from(range.getClientRects()).at(-1)!;
      return { char: text.data.slice(-1), markLeft: mark.left, lineLeft: last.left, lines: lines.length };
    });
    assert.equal(ends.char, '؟');
    assert.ok(Math.abs(ends.markLeft - ends.lineLeft) < 2, `the question mark ends the line on the left: ${JSON.stringify(ends)}`);
    await ar.close();

    const ja = await readerOn(japanese);
    const chars = await readerArticle(ja).locator('.article-body').evaluate((b) => (b.textContent ?? '').match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu)?.length ?? 0);
    // IReST: Japanese is read at 357 characters a minute; counted as words, this would be "1 min read".
    assert.equal(norm(await ja.locator('.reading-time').innerText()), `${Math.round(chars / 357)} min read`);
    assert.ok(Math.round(chars / 357) >= 3, `a long article (${chars} characters)`);
    await ja.close();
  });
});

