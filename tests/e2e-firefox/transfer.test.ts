/**
 * The Library page in headless Firefox (the shipped build): import the Pocket fixture through the file input,
 * then export everything as a ZIP and read the file Firefox saved.
 */
import assert from 'node:assert/strict';
import { strFromU8, unzipSync } from 'fflate';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { ElementHandle, Page } from 'puppeteer-core';
import { ROOT } from '../e2e/support/paths.ts';
import { assertBuilt, Firefox, navigate, ORIGIN } from './support/firefox.ts';

assertBuilt();

const text = (page: Page, selector: string) => page.$eval(selector, (el) => (el as HTMLElement).innerText.trim());
async function waitFor<T>(what: string, fn: () => Promise<T | null | undefined | false>, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('Library page in Firefox', { timeout: 90_000 }, () => {
  let firefox: Firefox;
  let page: Page;
  const errors: string[] = [];

  before(async () => {
    firefox = await Firefox.launch();
    page = await firefox.browser.newPage();
    page.on('pageerror', (e) => errors.push(`pageerror: ${e instanceof Error ? e.message : String(e)}`));
    await navigate(page, `${ORIGIN}/src/library-page/index.html`);
  });
  after(async () => {
    await firefox?.close();
  });

  test('imports a Pocket CSV through the file input', async () => {
    const input = (await page.$('#import-file')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(path.join(ROOT, 'tests/import-fixtures/pocket.csv'));
    await page.click('#import');
    const status = await waitFor('the import report', async () => {
      const s = await text(page, '#import-status');
      return s.startsWith('Imported') && s;
    });
    assert.equal(status, 'Imported 5 articles from the Pocket file: 5 new, 0 merged into articles you had, 0 already there. Rows skipped: 2.');
    await waitFor('5 items listed', async () => (await page.$$('#items li')).length === 5);
  });

  test('exports everything as a ZIP that Firefox saves', async () => {
    await page.click('#export-all');
    const zip = await waitFor('the ZIP in the downloads folder', async () => {
      const name = readdirSync(firefox.downloadsDir).find((f) => /^lectern-export-.*\.zip$/.test(f));
      return name && existsSync(path.join(firefox.downloadsDir, name)) && (await text(page, '#export-status')).startsWith('Saved') && path.join(firefox.downloadsDir, name);
    });
    const files = unzipSync(new Uint8Array(readFileSync(zip)));
    assert.deepEqual(Object.keys(files).filter((f) => f.endsWith('.txt')).length, 5);
    assert.match(strFromU8(files['climate-cities-and-the-sea.txt']!), /^Climate, cities and the sea\nURL: https:\/\/news.example.com\/climate\?utm_source=pocket\nCaptured: \S+Z\n$/);
    assert.deepEqual(errors, []);
  });
});
