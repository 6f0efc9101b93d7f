/**
 * Every hostile page of tests/security/pages through the real extension in Chromium: the page is served from
 * http://news.test through a logging proxy that sees every request any context makes (tests/e2e/support/proxy.ts);
 * each page is loaded in the tab (its payloads fire there: the positive control), then Lectern's toolbar button
 * is clicked and the article is read, restored, saved and reopened from the library. The content script's own
 * answer is checked too, so each of the two sanitizing layers is shown to hold on its own.
 *
 * After the click, for every page: no payload reports to the attacker host (no script ran anywhere: not in the
 * popup, not in the content script's world, not in the page because of Lectern), no request at all except for
 * images of the article the popup shows, the popup is never navigated, the tab is not navigated, the rendered
 * body passes the independent safe-HTML check (tests/security/safe-html.ts) after each render, no element in
 * the popup has an event handler or is a script that is not Lectern's, and the popup logs no error and no CSP
 * violation. One browser for the whole file.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { corpus, pageUrl, payloadKind } from '../security/corpus.ts';
import { recordCounts } from '../security/report.ts';
import { safeHtmlStringViolations } from '../security/safe-html.ts';
import { Lectern, type Popup } from './support/browser.ts';
import { assertBuilt } from './support/paths.ts';
import { button, saveButton, settled, statusOf, waitForArticle } from './support/popup.ts';
import { proxyArgs, startLoggingProxy, type LoggedRequest, type LoggingProxy } from './support/proxy.ts';

assertBuilt();

declare const chrome: {
  tabs: { query(q: object): Promise<Array<{ id?: number }>>; sendMessage(tabId: number, message: unknown): Promise<unknown> };
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const payloadOf = (r: LoggedRequest) => new URL(r.url).searchParams.get('v') ?? r.url;

/** What the popup shows now: the body's HTML, every image URL it may fetch, and page-wide findings. */
async function inspectPopup(page: Page): Promise<{ body: string; images: string[]; findings: string[] }> {
  return page.evaluate(() => {
    const body = document.querySelector('article:not(article article) .article-body');
    const images: string[] = [];
    for (const el of Array.from(document.querySelectorAll('img[src], img[srcset], source[srcset], video[poster]'))) {
      const src = (el as HTMLImageElement).currentSrc || el.getAttribute('src');
      if (src) images.push(new URL(src, document.baseURI).href);
      for (const attr of ['src', 'poster']) {
        const v = el.getAttribute(attr);
        if (v) images.push(new URL(v, document.baseURI).href);
      }
      for (const part of (el.getAttribute('srcset') ?? '').split(/,\s+/)) {
        const u = part.trim().split(/\s+/)[0];
        if (u) images.push(new URL(u, document.baseURI).href);
      }
    }
    const findings: string[] = [];
    for (const s of Array.from(document.scripts)) {
      if (!s.src.startsWith(location.origin)) findings.push(`a script that is not Lectern's: ${s.outerHTML.slice(0, 120)}`);
    }
    for (const el of Array.from(document.querySelectorAll('*'))) {
      for (const a of Array.from(el.attributes)) if (/^on/i.test(a.name)) findings.push(`<${el.localName} ${a.name}>`);
      if (el.shadowRoot) findings.push(`<${el.localName}> with a shadow root`);
    }
    // Page-wide: nothing that loads, submits or navigates. In the article: no foreign content either (Lectern's
    // own UI outside it has an SVG icon).
    const inBody = ['svg', 'math', 'style', 'template'].map((t) => `article:not(article article) .article-body ${t}`);
    for (const sel of ['iframe', 'frame', 'object', 'embed', 'form', 'base', 'meta[http-equiv]', 'link', 'portal', ...inBody]) {
      for (const el of Array.from(document.querySelectorAll(sel))) {
        // The popup's own stylesheets and module preloads (same origin, in <head>) are Lectern's; nothing else is.
        const own = el.localName === 'link' && (el as HTMLLinkElement).href.startsWith(location.origin) && /^(?:stylesheet|modulepreload)$/.test(el.getAttribute('rel') ?? '');
        if (!own) findings.push(`<${el.localName}> in the popup: ${el.outerHTML.slice(0, 100)}`);
      }
    }
    const title = document.querySelector('article:not(article article) h1');
    if (title && title.children.length) findings.push('the title holds elements');
    const csp = (window as unknown as { __csp?: string[] }).__csp ?? [];
    for (const v of csp) findings.push(`CSP violation: ${v}`);
    // Lectern's own wrappers around restored items (<div class="restored" data-restored-index tabindex=-1>) are
    // not article content: check what is inside them.
    const copy = body?.cloneNode(true) as Element | undefined;
    for (const w of Array.from(copy?.querySelectorAll('div.restored[data-restored-index]') ?? [])) w.replaceWith(...Array.from(w.childNodes));
    return { body: copy?.innerHTML ?? '', images: [...new Set(images)], findings };
  });
}

describe('hostile pages in the real extension (Chromium)', { timeout: 900_000 }, () => {
  let proxy: LoggingProxy;
  let lectern: Lectern;
  let tab: Page;
  const pages = corpus();
  const totals = {
    pages: 0, payloadIds: 0, firedInPage: 0, firedAfterClick: 0, requestsAfterClick: 0, imageRequestsAfterClick: 0,
    unexpectedRequests: 0, renders: 0, violations: 0, findings: 0, popupNavigations: 0, tabNavigations: 0, popupErrors: 0,
    restored: 0, savedAndReopened: 0, browserInternalIgnored: 0, contentScriptViolations: 0,
  };

  before(async () => {
    proxy = await startLoggingProxy();
    lectern = await Lectern.launch({ extraArgs: proxyArgs(proxy), hostResolverRules: 'MAP * ~NOTFOUND , EXCLUDE 127.0.0.1' });
    tab = await lectern.tab();
  });
  after(async () => {
    await lectern?.close();
    await proxy?.close();
  });

  for (const hostile of pages) {
    test(`${hostile.name}: no script runs, nothing but article images loads, nothing navigates`, async () => {
      totals.pages += 1;
      totals.payloadIds += hostile.payloads.length;
      const url = pageUrl(hostile.name);

      // 1. The page on its own (positive control: its payloads are live).
      const loadAt = proxy.log.length;
      await tab.goto(url, { waitUntil: 'load' });
      await sleep(400);
      assert.equal(tab.url(), url, 'the page stays put (a 204 cancels its own meta refresh)');
      const fired = new Set(proxy.since(loadAt).filter((r) => r.host === 'attacker.test').map(payloadOf));
      totals.firedInPage += fired.size;

      // 2. Lectern.
      const clickAt = proxy.log.length;
      const popup: Popup = await lectern.clickToolbar(tab);
      const { page } = popup;
      const navigations: string[] = [];
      page.on('framenavigated', (f) => navigations.push(f.url()));
      await page.evaluate(() => {
        const w = window as unknown as { __csp: string[] };
        w.__csp = [];
        document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
      });
      const state = await settled(page, 20_000);
      if (state === 'status') {
        const status = await statusOf(page).innerText();
        assert.ok(await button(page, 'Show anyway').isVisible(), `expected an article, the popup says: ${status}`);
        await button(page, 'Show anyway').click();
      }
      await waitForArticle(page);
      // The first layer on its own: what the content script sends is already safe, before the popup's sink.
      const fromContentScript = await page.evaluate(async () => {
        const [t] = await chrome.tabs.query({ active: true, currentWindow: true });
        return (await chrome.tabs.sendMessage(t!.id!, { type: 'content/extract' })) as { ok: boolean; article?: { html: string; removed: Array<{ html: string | null }> } };
      });
      assert.ok(fromContentScript.ok && fromContentScript.article, 'the content script answers with an article');
      const layer1 = [fromContentScript.article.html, ...fromContentScript.article.removed.map((r) => r.html ?? '')].flatMap(safeHtmlStringViolations);
      totals.contentScriptViolations += layer1.length;
      assert.deepEqual(layer1, [], "the content script's own output is safe");
      const allowed = new Set<string>();
      const check = async (when: string) => {
        // Let lazy images come into view and load.
        await page.evaluate(() => {
          for (const el of [document.scrollingElement, ...Array.from(document.querySelectorAll('main, section, article'))]) el?.scrollTo?.(0, 1e7);
        });
        await sleep(500);
        const seen = await inspectPopup(page);
        totals.renders += 1;
        for (const i of seen.images) allowed.add(i);
        const violations = safeHtmlStringViolations(seen.body);
        totals.violations += violations.length;
        totals.findings += seen.findings.length;
        assert.deepEqual(violations, [], `${when}: the rendered body is safe`);
        assert.deepEqual(seen.findings, [], `${when}: nothing executable or navigating in the popup`);
      };
      await check('first render');

      // Restore what the clean-up removed (the sink's other entry), then check again.
      const restores = page.getByRole('button', { name: /^Restore: / });
      const removedToggle = page.getByRole('button', { name: /^Removed \(\d+\)$/ });
      if (await removedToggle.count()) {
        await removedToggle.click();
        const n = Math.min(await restores.count(), 8);
        for (let i = 0; i < n; i += 1) {
          await restores.first().click();
          totals.restored += 1;
        }
        if (n) await check('after Restore');
      }

      // Save, reopen from the library (HTML from storage goes through the sink again), check again.
      await saveButton(page).click();
      await page.getByRole('button', { name: 'Saved', exact: true }).waitFor();
      await page.getByRole('tab', { name: 'Saved articles' }).click();
      await page.getByRole('list', { name: 'Saved articles' }).getByRole('button').filter({ hasText: /\(/ }).first().waitFor();
      const entries = page.getByRole('list', { name: 'Saved articles' }).getByRole('button');
      const titles = await entries.allInnerTexts();
      const index = titles.findIndex((t) => t.includes(hostile.name.split('-')[0]!) || t.toLowerCase().includes(hostile.name.replace(/-/g, ' ')));
      await entries.nth(index >= 0 ? index : 0).click();
      await waitForArticle(page);
      totals.savedAndReopened += 1;
      await check('reopened from the library');

      // 3. What happened after the click.
      const after = proxy.since(clickAt);
      totals.browserInternalIgnored += proxy.log.length - clickAt - after.length;
      const payloadHits = after.filter((r) => r.host === 'attacker.test' && payloadKind(r.url) !== 'other');
      const unexpected = after.filter((r) => !(r.method === 'GET' && allowed.has(r.url)));
      totals.firedAfterClick += payloadHits.filter((r) => !allowed.has(r.url)).length;
      totals.requestsAfterClick += after.length;
      totals.imageRequestsAfterClick += after.length - unexpected.length;
      totals.unexpectedRequests += unexpected.length;
      assert.deepEqual(payloadHits.filter((r) => !allowed.has(r.url)).map((r) => `${payloadOf(r)} (from ${r.from})`), [], 'no payload fired after the click');
      assert.deepEqual(unexpected.map((r) => `${r.method} ${r.url} (from ${r.from})`), [], 'after the click, only the article’s images were requested');
      totals.popupNavigations += navigations.length;
      assert.deepEqual(navigations, [], 'the popup was never navigated');
      assert.equal(page.url(), lectern.popupUrl, 'the popup is still Lectern’s page');
      assert.equal(tab.url(), url, 'the tab was not navigated');
      if (tab.url() !== url) totals.tabNavigations += 1;
      totals.popupErrors += popup.errors.length;
      assert.deepEqual(popup.errors, [], 'no errors in the popup');
      await popup.close();
    });
  }

  test('counts', () => {
    recordCounts('corpus-chromium', totals);
    assert.equal(totals.pages, pages.length);
    // The positive control: the payloads are live (many fire when the page is simply loaded).
    assert.ok(totals.firedInPage >= 40, `payloads fired in the page itself: ${totals.firedInPage}`);
  });
});
