/**
 * The shipped Firefox build (dist/firefox, unchanged) in headless Firefox: it installs, and without the
 * toolbar click it can read no page: no host permissions, so only the click's activeTab opens a page to it.
 * This is also why reader.test.ts adds a host permission for the fixture server to a copy of the build.
 */
import { PERMISSIONS } from '../../manifest.config.ts';
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'puppeteer-core';
import { SAMPLE } from '../e2e/support/sample.ts';
import { startServer, type FixtureServer } from '../e2e/support/server.ts';
import { assertBuilt, Firefox } from './support/firefox.ts';
import { settled, statusText } from './support/popup.ts';

assertBuilt();

describe('the shipped Firefox build', { timeout: 60_000 }, () => {
  let server: FixtureServer;
  let firefox: Firefox;
  let tab: Page;

  before(async () => {
    server = await startServer();
    firefox = await Firefox.launch();
    tab = await firefox.tab();
  });
  after(async () => {
    await firefox?.close();
    await server?.close();
  });

  test('installs with exactly its manifest permissions and no host access (checked from its own popup page)', async () => {
    await tab.goto(server.url(SAMPLE), { waitUntil: 'load' });
    const popup = await firefox.openPopupBeside(tab);
    const granted = await popup.page.evaluate(() => (globalThis as unknown as { browser: import('webextension-polyfill').Browser }).browser.permissions.getAll());
    assert.deepEqual([...(granted.permissions ?? [])].sort(), [...PERMISSIONS].sort());
    assert.deepEqual(granted.origins, []);
    await popup.close();
  });

  test('without the toolbar click it cannot read the page (popup page in a background tab beside it)', async () => {
    await tab.goto(server.url(SAMPLE), { waitUntil: 'load' });
    const popup = await firefox.openPopupBeside(tab);
    assert.equal(await settled(popup.page), 'status');
    assert.match(await statusText(popup.page), /^Lectern can't read this page: the browser doesn't let extensions read it\./);
    assert.equal(await popup.page.$eval('#article', (a) => (a as HTMLElement).hidden), true, 'no article shown');
    await popup.close();
  });
});
