/**
 * Real Chromium with the built extension loaded (dist/chrome), driven through playwright-core.
 *
 * The recipe that works on this machine (Debian chromium, headless):
 *  - launchPersistentContext with our own `--headless=new` (playwright `headless: false`), a fresh
 *    --user-data-dir, --load-extension/--disable-extensions-except, and --remote-debugging-port=0 so that a
 *    second CDP client can connect (the port is in <userDataDir>/DevToolsActivePort).
 *  - The extension id comes from the service worker URL.
 *  - The toolbar click is `Extensions.triggerAction({ id, targetId })` on a browser-level CDP session, where
 *    targetId is the TAB target (Target.getTargets filter type "tab"); a page target is refused. This opens the
 *    real popup and grants activeTab, exactly like a user click.
 *  - The launch connection never attaches to the popup, and a CDP connection only picks up a popup that
 *    already exists when it connects. So every popup gets its own `chromium.connectOverCDP` made AFTER the
 *    popup target exists (see openPopup).
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page, type Worker } from 'playwright-core';
import { assertBuilt, CHROMIUM, EXTENSION_DIR } from './paths.ts';

export const POPUP_PATH = '/src/popup/index.html';

export interface Popup {
  /** The popup document, on its own CDP connection. */
  page: Page;
  /** Console errors and uncaught exceptions seen in the popup since we attached. */
  errors: string[];
  /** Closes the popup window (like clicking elsewhere) and drops the extra connection. */
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Reuse a profile (to test persistence across browser restarts); a fresh mkdtemp dir otherwise. */
  userDataDir?: string;
  /** The browser's UI language (Chromium's --lang, and LANGUAGE for Linux), e.g. "ar", "de". Default: the system's. */
  lang?: string;
  /** Replaces the default --host-resolver-rules (only 127.0.0.1 resolves). */
  hostResolverRules?: string;
  /** More Chromium switches (e.g. --proxy-server for a test that logs every request the browser makes). */
  extraArgs?: string[];
  /** The unpacked extension to load (default: the shipped build, dist/chrome; see withTestHostPermission). */
  extensionDir?: string;
}

async function poll<T>(what: string, fn: () => Promise<T | undefined | null | false>, timeoutMs = 10_000, everyMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
  attached: boolean;
}

export class Lectern {
  private popups = new Set<Popup>();

  private constructor(
    readonly context: BrowserContext,
    readonly extensionId: string,
    readonly userDataDir: string,
    /** Browser-level CDP session on the launch connection. */
    readonly cdp: CDPSession,
    readonly serviceWorker: Worker,
    private readonly ownsProfile: boolean,
  ) {}

  static async launch(options: LaunchOptions = {}): Promise<Lectern> {
    assertBuilt();
    const ownsProfile = !options.userDataDir;
    const userDataDir = options.userDataDir ?? mkdtempSync(path.join(tmpdir(), 'lectern-e2e-profile-'));
    // DevToolsActivePort of a previous run of this profile would point at a dead port.
    rmSync(path.join(userDataDir, 'DevToolsActivePort'), { force: true });
    const { lang } = options;
    const extensionDir = options.extensionDir ?? EXTENSION_DIR;
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      ...(lang ? { env: { ...process.env, LANGUAGE: lang.replace('-', '_') } } : {}),
      headless: false, // we pass --headless=new ourselves
      viewport: null,
      args: [
        '--headless=new',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        `--disable-extensions-except=${extensionDir}`,
        `--load-extension=${extensionDir}`,
        '--remote-debugging-port=0',
        '--window-size=1200,900',
        ...(lang ? [`--lang=${lang}`] : []),
        // Only 127.0.0.1 resolves: the fixtures' images on their real hosts fail at once, nothing leaves the machine.
        `--host-resolver-rules=${options.hostResolverRules ?? 'MAP * ~NOTFOUND , EXCLUDE 127.0.0.1'}`,
        ...(options.extraArgs ?? []),
      ],
    });
    try {
      const serviceWorker =
        context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
        (await context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith('chrome-extension://'), timeout: 15_000 }));
      const extensionId = new URL(serviceWorker.url()).host;
      const browser = context.browser();
      if (!browser) throw new Error('launchPersistentContext gave no Browser object: cannot open a browser CDP session');
      const cdp = await browser.newBrowserCDPSession();
      return new Lectern(context, extensionId, userDataDir, cdp, serviceWorker, ownsProfile);
    } catch (err) {
      await context.close().catch(() => undefined);
      throw err;
    }
  }

  get origin(): string {
    return `chrome-extension://${this.extensionId}`;
  }

  get popupUrl(): string {
    return `${this.origin}${POPUP_PATH}`;
  }

  /** The DevTools port Chromium picked (first line of DevToolsActivePort). */
  devToolsPort(): number {
    const first = readFileSync(path.join(this.userDataDir, 'DevToolsActivePort'), 'utf8').split('\n')[0];
    const port = Number(first);
    if (!Number.isInteger(port) || port <= 0) throw new Error(`Bad DevToolsActivePort: ${first}`);
    return port;
  }

  /** The single tab the tests drive (the window's first tab). */
  async tab(): Promise<Page> {
    return this.context.pages()[0] ?? (await this.context.newPage());
  }

  async targets(): Promise<TargetInfo[]> {
    const { targetInfos } = (await this.cdp.send('Target.getTargets')) as { targetInfos: TargetInfo[] };
    return targetInfos;
  }

  async tabTargets(): Promise<TargetInfo[]> {
    const { targetInfos } = (await this.cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] } as never)) as { targetInfos: TargetInfo[] };
    return targetInfos;
  }

  private async popupTargets(): Promise<TargetInfo[]> {
    return (await this.targets()).filter((t) => t.type === 'page' && t.url.startsWith(this.popupUrl));
  }

  /** Closes any popup window still open (a second click would otherwise toggle it). */
  async closeAllPopups(): Promise<void> {
    for (const p of [...this.popups]) await p.close();
    for (const t of await this.popupTargets()) await this.cdp.send('Target.closeTarget', { targetId: t.targetId }).catch(() => undefined);
    await poll('popups to close', async () => (await this.popupTargets()).length === 0, 5_000);
  }

  /**
   * Clicks Lectern's toolbar button for `tab` (Extensions.triggerAction on the tab target) and returns the
   * popup that opens. The tab's URL must be unique among open tabs. `tabUrl` is the URL the tab target
   * reports when it differs from page.url() (for view-source: pages Playwright reports the inner URL).
   */
  async clickToolbar(tab: Page, { tabUrl }: { tabUrl?: string } = {}): Promise<Popup> {
    await this.closeAllPopups();
    await tab.bringToFront();
    const url = tabUrl ?? tab.url();
    const tabTarget = await poll(`the tab target for ${url}`, async () => {
      const matches = (await this.tabTargets()).filter((t) => t.url === url);
      if (matches.length > 1) throw new Error(`${matches.length} tabs have the URL ${url}; make it unique`);
      return matches[0];
    });
    await this.cdp.send('Extensions.triggerAction' as never, { id: this.extensionId, targetId: tabTarget.targetId } as never);
    await poll('the popup target', async () => (await this.popupTargets())[0]);
    return this.attachPopup();
  }

  /** Connects a second CDP client, which attaches to the (already open) popup, and returns its page. */
  private async attachPopup(): Promise<Popup> {
    const connection: Browser = await chromium.connectOverCDP(`http://127.0.0.1:${this.devToolsPort()}`);
    try {
      const page = await poll('the popup page on the new CDP connection', async () =>
        connection
          .contexts()
          .flatMap((c) => c.pages())
          .find((p) => p.url().startsWith(this.popupUrl)),
      );
      page.setDefaultTimeout(10_000);
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
      page.on('console', (m) => {
        // Images on the fixtures' real hosts never load (only 127.0.0.1 resolves): that is expected.
        if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(`console.error: ${m.text()}`);
      });
      await page.waitForLoadState('domcontentloaded');
      const popup: Popup = {
        page,
        errors,
        close: async () => {
          if (!this.popups.delete(popup)) return;
          await page.close().catch(() => undefined);
          await connection.close().catch(() => undefined);
        },
      };
      this.popups.add(popup);
      return popup;
    } catch (err) {
      await connection.close().catch(() => undefined);
      throw err;
    }
  }

  /** A browser-level CDP session on a fresh connection that lives as long as this Lectern (for downloads). */
  async newConnection(): Promise<Browser> {
    return chromium.connectOverCDP(`http://127.0.0.1:${this.devToolsPort()}`);
  }

  async close(): Promise<void> {
    for (const p of [...this.popups]) await p.close();
    await this.context.close().catch(() => undefined);
    if (this.ownsProfile) rmSync(this.userDataDir, { recursive: true, force: true });
  }
}

/**
 * Turns off "Allow access to file URLs" for Lectern in a profile that has run it once (the browser must be
 * closed). Chromium turns that switch ON by default for an extension loaded with --load-extension, so this is
 * the only way to get the store-install default (off) here: edit extensions.settings.<id>.newAllowFileAccess
 * in <profile>/Default/Preferences, which Chromium honours on the next launch.
 */
export function denyFileAccess(userDataDir: string): void {
  const file = path.join(userDataDir, 'Default', 'Preferences');
  const prefs = JSON.parse(readFileSync(file, 'utf8')) as { extensions?: { settings?: Record<string, { path?: string; newAllowFileAccess?: boolean }> } };
  const settings = Object.values(prefs.extensions?.settings ?? {}).filter((s) => s.path === EXTENSION_DIR);
  if (settings.length !== 1) throw new Error(`Lectern not found in ${file}: launch the profile once first`);
  for (const s of settings) s.newAllowFileAccess = false;
  writeFileSync(file, JSON.stringify(prefs));
}

/** The host permission a test copy of the build adds: the local test servers only (any port). */
export const TEST_HOST_PERMISSION = 'http://127.0.0.1/*';

const readManifest = (dir: string) => JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;

/**
 * A temporary copy of dist/chrome whose manifest also grants host_permissions for 127.0.0.1 (the test servers),
 * and nothing else differs. For "Fetch articles", which asks for host access with permissions.request(): no
 * test can answer Chromium's permission prompt, but a request for access the extension already holds resolves
 * `true` without one. dist/chrome itself never has it (security-build.test.ts, article.test.ts). The caller
 * removes the directory.
 */
export function withTestHostPermission(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'lectern-e2e-ext-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const manifest = readManifest(dir);
  assert.equal(manifest.host_permissions, undefined, 'the shipped build has no host permissions');
  writeFileSync(path.join(dir, 'manifest.json'), `${JSON.stringify({ ...manifest, host_permissions: [TEST_HOST_PERMISSION] }, null, 2)}\n`);
  const { host_permissions: added, ...rest } = readManifest(dir);
  assert.deepEqual(added, [TEST_HOST_PERMISSION]);
  assert.deepEqual(rest, readManifest(EXTENSION_DIR));
  return dir;
}
