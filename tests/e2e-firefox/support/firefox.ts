/**
 * Headless Firefox (Debian's firefox-esr) with Lectern installed as a temporary add-on, driven by puppeteer-core
 * over WebDriver BiDi (no browser download).
 *
 * The recipe that works here (Firefox ESR 153):
 *  - `browser.installExtension(dir)` (BiDi webExtension.install) installs the unpacked build temporarily.
 *  - The pref extensions.webextensions.uuids pins the add-on's moz-extension:// UUID, so its pages have a known URL.
 *  - BiDi refuses to navigate a tab to a moz-extension:// page unless Firefox runs with
 *    --remote-allow-system-access; the navigation then goes through BiDi's own browsingContext.navigate
 *    (puppeteer's page.goto waits for a network response an extension page never has).
 *
 * What stands in for the toolbar click, which headless Firefox can't do:
 *  - The popup page is loaded in a BACKGROUND tab of the same window while the page to read stays the active
 *    tab, so the popup's own code picks that page exactly as it does under the button (tabs.query active +
 *    currentWindow). No test hook in the extension.
 *  - The click would grant activeTab for that page. Instead, `withTestHostPermission` makes a copy of the
 *    shipped build (dist/firefox) whose manifest only adds host_permissions for http://127.0.0.1/* (where the
 *    fixture server runs); Firefox grants a temporary add-on's host permissions at install. Nothing else in
 *    the copy differs, and dist/firefox itself (linted, packaged) never has it: see assertOnlyTestPermission.
 */
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { ROOT } from '../../e2e/support/paths.ts';

export const FIREFOX = process.env.LECTERN_FIREFOX ?? '/usr/bin/firefox-esr';
/** The shipped Firefox build. */
export const SHIPPED_DIR = path.join(ROOT, 'dist/firefox');
export const GECKO_ID = 'lectern@lectern.invalid';
/** The moz-extension:// host the tests pin for Lectern (extensions.webextensions.uuids). */
export const UUID = '6f1c2b7e-0d4a-4e53-9a51-1ec7e2a0c0de';
export const ORIGIN = `moz-extension://${UUID}`;
export const POPUP_URL = `${ORIGIN}/src/popup/index.html`;
export const TEST_HOST_PERMISSION = 'http://127.0.0.1/*';

/** Fails with a clear message when the build or Firefox is missing: the tests never build. */
export function assertBuilt(): void {
  if (!existsSync(path.join(SHIPPED_DIR, 'manifest.json'))) {
    throw new Error('The extension is not built: dist/firefox/manifest.json is missing. Run `npm run build` first, then `npm run test:e2e:firefox`.');
  }
  if (!existsSync(FIREFOX)) throw new Error(`Firefox not found at ${FIREFOX} (Debian: apt-get install firefox-esr; or set LECTERN_FIREFOX).`);
}

const readManifest = (dir: string) => JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;

/** A temporary copy of dist/firefox whose manifest adds host_permissions for the fixture server only. */
export function withTestHostPermission(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'lectern-firefox-e2e-ext-'));
  cpSync(SHIPPED_DIR, dir, { recursive: true });
  const manifest = readManifest(dir);
  assert.equal(manifest.host_permissions, undefined, 'the shipped build has no host permissions');
  writeFileSync(path.join(dir, 'manifest.json'), `${JSON.stringify({ ...manifest, host_permissions: [TEST_HOST_PERMISSION] }, null, 2)}\n`);
  assertOnlyTestPermission(dir);
  return dir;
}

/** The copy's manifest is the shipped one plus the test host permission, and nothing else. */
export function assertOnlyTestPermission(dir: string): void {
  const { host_permissions: added, ...rest } = readManifest(dir);
  assert.deepEqual(added, [TEST_HOST_PERMISSION]);
  assert.deepEqual(rest, readManifest(SHIPPED_DIR));
}

export interface Popup {
  page: Page;
  /** Console errors and uncaught exceptions in the popup page. */
  errors: string[];
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** The unpacked extension to install (default: the shipped dist/firefox). */
  extensionDir?: string;
  /** Where "Download text" saves files (default: a fresh temp dir). */
  downloadsDir?: string;
}

export class Firefox {
  private constructor(
    readonly browser: Browser,
    readonly downloadsDir: string,
    private readonly temp: string[],
  ) {}

  static async launch(options: LaunchOptions = {}): Promise<Firefox> {
    assertBuilt();
    const temp: string[] = [];
    const downloadsDir = options.downloadsDir ?? mkdtempSync(path.join(tmpdir(), 'lectern-firefox-downloads-'));
    if (!options.downloadsDir) temp.push(downloadsDir);
    const browser = await puppeteer.launch({
      browser: 'firefox',
      protocol: 'webDriverBiDi',
      executablePath: FIREFOX,
      headless: true,
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }),
        // "Download text": straight into downloadsDir, no dialog, no downloads panel.
        'browser.download.dir': downloadsDir,
        'browser.download.folderList': 2,
        'browser.download.useDownloadDir': true,
        'browser.download.always_ask_before_handling_new_types': false,
        'browser.download.start_downloads_in_tmp_dir': false,
        'browser.download.alwaysOpenPanel': false,
        // Lets the test read the clipboard back with navigator.clipboard.readText() (no paste prompt).
        'dom.events.testing.asyncClipboard': true,
        // Only 127.0.0.1 is reachable (not proxied); every other host goes to a closed local port and fails at
        // once, so the fixtures' images on their real hosts never leave the machine.
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': 9,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': 9,
        'network.proxy.no_proxies_on': '127.0.0.1',
      },
    });
    try {
      const id = await browser.installExtension(options.extensionDir ?? SHIPPED_DIR);
      assert.equal(id, GECKO_ID);
      return new Firefox(browser, downloadsDir, temp);
    } catch (err) {
      await browser.close().catch(() => undefined);
      throw err;
    }
  }

  /** The first tab: the page the tests read. */
  async tab(): Promise<Page> {
    return (await this.browser.pages())[0] ?? (await this.browser.newPage());
  }

  /**
   * Opens Lectern's popup page in a background tab beside `tab`, which stays the active tab: the popup reads
   * it as under the toolbar button. Resolves once the page has loaded (it then reads the page on its own).
   */
  async openPopupBeside(tab: Page): Promise<Popup> {
    await tab.bringToFront();
    const page = await this.browser.newPage({ background: true });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(`pageerror: ${e instanceof Error ? e.message : String(e)}`));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console.error: ${m.text()}`);
    });
    await navigate(page, POPUP_URL);
    return { page, errors, close: () => page.close() };
  }

  async close(): Promise<void> {
    await this.browser.close().catch(() => undefined);
    for (const dir of this.temp) rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * BiDi browsingContext.navigate, waiting for the load event. puppeteer's page.goto waits for a network
 * response, which a moz-extension:// page never sends; the frame's browsingContext is puppeteer's BiDi object.
 */
export async function navigate(page: Page, url: string): Promise<void> {
  const context = (page.mainFrame() as unknown as { browsingContext: { navigate(url: string, wait: 'complete'): Promise<void> } }).browsingContext;
  await context.navigate(url, 'complete');
}
