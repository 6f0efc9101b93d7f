/**
 * The UI in other languages, in Chromium started with --lang: Arabic (right to left) and German. Popup, reader
 * and options page take their strings from _locales and the page direction from the UI language; dates in the
 * Source line are formatted for the UI language; an English article keeps its own direction inside an RTL UI.
 * axe runs on the Arabic pages too; screenshots popup-ar.png, reader-ar.png, reader-de.png.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { Lectern } from './support/browser.ts';
import { assertBuilt, CHROMIUM, screenshotPath } from './support/paths.ts';
import { norm, readerArticle } from './support/popup.ts';
import { assertNoAxeViolations, OPTIONS_PATH, READER_PATH, waitForReader } from './support/reader.ts';
import type { FixtureServer } from './support/server.ts';
import { withLectern } from './support/session.ts';

assertBuilt();

/** Chromium only switches its UI language (and chrome.i18n's) when it has that locale's resources. */
function assertLocale(lang: string): void {
  const pak = path.join('/usr/lib/chromium/locales', `${lang}.pak`);
  if (CHROMIUM === '/usr/bin/chromium' && !existsSync(pak)) {
    throw new Error(`Chromium has no ${lang} UI resources (${pak}): install Debian's chromium-l10n (.ci/run does).`);
  }
}

for (const { lang, dir, strings, date } of [
  {
    lang: 'ar',
    dir: 'rtl',
    strings: { save: 'حفظ لوقت لاحق', open: 'فتح في القارئ', settings: 'إعدادات القراءة', back: 'العودة إلى الصفحة', savedTab: 'المقالات المحفوظة', options: 'إعدادات Lectern' },
    // ICU's medium Arabic date: "08‏/02‏/2024" (right-to-left marks between the parts) or "٨ فبراير ٢٠٢٤".
    date: /^(?:0?8\u200f?\/0?2\u200f?\/2024|[٠-٩]+ فبراير[،,]? [٠-٩]{4})$/,
  },
  {
    lang: 'de',
    dir: 'ltr',
    strings: { save: 'Für später speichern', open: 'Im Reader öffnen', settings: 'Leseeinstellungen', back: 'Zurück zur Seite', savedTab: 'Gespeicherte Artikel', options: 'Lectern-Einstellungen' },
    date: /^0?8\.(?:0?2\.| Feb\.? )2024$/, // 08.02.2024
  },
]) {
  describe(`UI language ${lang} (Chromium --lang=${lang})`, { timeout: 90_000 }, () => {
    let lectern: Lectern;
    let server: FixtureServer;

    before(() => assertLocale(lang));
    withLectern((s) => void ({ server, lectern } = s), { lang });

    test(`popup, reader and options page are in ${lang}, dir=${dir}; dates for ${lang}; axe finds nothing`, async () => {
      const tab = await lectern.tab();
      await tab.goto(server.url('/fixtures/telesur-iraq-drone/'), { waitUntil: 'load' });
      const popup = await lectern.clickToolbar(tab);
      const { page } = popup;
      // (support/popup.ts settled() knows the English "Reading the page…" only: wait for the article itself.)
      await readerArticle(page).locator('h1').waitFor({ timeout: 15_000 });
      assert.equal(await page.evaluate(() => document.documentElement.dir), dir);
      assert.equal(await page.evaluate(() => document.documentElement.lang.split('-')[0]), lang);
      await page.getByRole('button', { name: strings.save, exact: true }).waitFor();
      await page.getByRole('tab', { name: strings.savedTab }).waitFor();
      // The article (English) keeps its own direction inside the UI's.
      assert.equal(await readerArticle(page).getAttribute('dir'), 'ltr');
      const time = page.locator('time.published');
      const shown = norm(await time.innerText());
      assert.match(shown, date, `the date as ${lang} writes it: ${shown}`);
      if (lang === 'ar') {
        await assertNoAxeViolations(page, 'popup (ar)');
        await page.screenshot({ path: screenshotPath('popup-ar.png') });
      }

      const opened = lectern.context.waitForEvent('page', { predicate: (p) => p.url().includes(READER_PATH) });
      await page.getByRole('button', { name: strings.open, exact: true }).click();
      const reader = await opened;
      await popup.close();
      assert.equal(await waitForReader(reader), 'article');
      await reader.setViewportSize({ width: 1200, height: 900 });
      assert.equal(await reader.evaluate(() => document.documentElement.dir), dir);
      await reader.getByRole('button', { name: strings.settings }).waitFor();
      await reader.getByRole('link', { name: strings.back }).waitFor();
      assert.equal(await readerArticle(reader).getAttribute('dir'), 'ltr');
      if (dir === 'rtl') {
        // The bar is mirrored: "back" at the right edge, the actions at the left.
        const back = await reader.getByRole('link', { name: strings.back }).boundingBox();
        const settings = await reader.getByRole('button', { name: strings.settings }).boundingBox();
        assert.ok(back && settings && back.x > settings.x, 'RTL bar');
        await assertNoAxeViolations(reader, 'reader (ar)');
      }
      await reader.screenshot({ path: screenshotPath(`reader-${lang}.png`) });
      await reader.close();

      const options = await lectern.context.newPage();
      await options.goto(`${lectern.origin}${OPTIONS_PATH}`);
      await options.getByRole('heading', { level: 1, name: strings.options }).waitFor();
      assert.equal(await options.evaluate(() => document.documentElement.dir), dir);
      if (lang === 'ar') await assertNoAxeViolations(options, 'options (ar)');
      await options.close();
    });
  });
}
