/**
 * The real background worker and the popup's content security policy, in Chromium:
 *  - malformed messages (fast-check mutants of every valid request, and arbitrary JSON) sent from Lectern's own
 *    popup to the real service worker are all answered "invalid", the worker keeps answering, the library is
 *    unchanged (same items, same stored bodies);
 *  - a valid save sent from Lectern's content script (in the page's tab) and from the web page itself gets no
 *    answer and writes nothing;
 *  - hostile HTML that reaches the library anyway (saved by an extension page, restored from a backup, written by
 *    a bug) is made safe by the popup's one HTML sink when the saved article is opened;
 *  - the popup runs under the default MV3 policy or stricter: eval, new Function, string timers, inline scripts,
 *    inline handlers, javascript: URLs and remote scripts are all refused (and the remote script is never even
 *    requested: the logging proxy sees everything).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import type { Page } from 'playwright-core';
import { corpus, pageUrl } from '../security/corpus.ts';
import { safeHtmlStringViolations } from '../security/safe-html.ts';
import { INVALID, mutant, validArticle } from '../security/messages.ts';
import { fuzzRuns, fuzzSeed, recordCounts } from '../security/report.ts';
import { Lectern, type Popup } from './support/browser.ts';
import { assertBuilt } from './support/paths.ts';
import { saveButton, waitForArticle } from './support/popup.ts';
import { proxyArgs, startLoggingProxy, type LoggingProxy } from './support/proxy.ts';

assertBuilt();

/** The extension API as the popup's code sees it (only what these tests call). */
declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<unknown>; getManifest(): Record<string, unknown> };
};

const PAGE = pageUrl('markup-as-text');

/** Messages as a JSON channel carries them (Chromium's runtime messaging serializes to JSON). */
const asJson = (m: unknown): unknown => JSON.parse(JSON.stringify(m) ?? 'null');

describe('background worker and popup CSP (Chromium)', { timeout: 300_000 }, () => {
  let proxy: LoggingProxy;
  let lectern: Lectern;
  let tab: Page;
  let popup: Popup;
  const counts = { malformedSent: 0, answeredInvalid: 0, answeredOther: 0, libraryBefore: 0, libraryAfter: 0, contentScriptAttempts: 0, pageAttempts: 0, storedPagesOpened: 0, cspChecks: 0, cspRefused: 0 };

  /** The library as the worker reports it: every item with its stored body. */
  const library = async () =>
    popup.page.evaluate(async () => {
      const list = (await chrome.runtime.sendMessage({ type: 'library/list', limit: 1000 })) as { ok: boolean; items: Array<{ id: string }> };
      const items = [];
      for (const s of list.items) items.push(await chrome.runtime.sendMessage({ type: 'library/get', id: s.id }));
      return JSON.stringify(items);
    });

  before(async () => {
    proxy = await startLoggingProxy();
    lectern = await Lectern.launch({ extraArgs: proxyArgs(proxy) });
    tab = await lectern.tab();
    await tab.goto(PAGE, { waitUntil: 'load' });
    popup = await lectern.clickToolbar(tab);
    await waitForArticle(popup.page);
    await saveButton(popup.page).click();
    await popup.page.getByRole('button', { name: 'Saved', exact: true }).waitFor();
  });
  after(async () => {
    await lectern?.close();
    await proxy?.close();
  });

  test('malformed messages from the popup: all answered "invalid", the worker keeps answering, the library is unchanged', async () => {
    const before = await library();
    counts.libraryBefore = (JSON.parse(before) as unknown[]).length;
    assert.equal(counts.libraryBefore, 1);
    const messages = fc
      .sample(fc.oneof({ weight: 3, arbitrary: mutant }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) }), { seed: fuzzSeed(), numRuns: fuzzRuns(300) })
      .map(asJson)
      // A JSON value that happens to be {"type":"content/extract"} (or prefetch) is for the content script, not the worker.
      .filter((m) => !/^content\/(?:extract|prefetch)$/.test(String((m as { type?: unknown } | null)?.type)));
    const answers = await popup.page.evaluate(async (all) => {
      const out: string[] = [];
      for (const m of all) out.push(await chrome.runtime.sendMessage(m).then((r: unknown) => JSON.stringify(r), (e: Error) => `rejected: ${e.message}`));
      return out;
    }, messages);
    counts.malformedSent = messages.length;
    const other = answers.map((a, i) => [a, messages[i]] as const).filter(([a]) => a !== JSON.stringify(INVALID));
    counts.answeredInvalid = answers.length - other.length;
    counts.answeredOther = other.length;
    assert.deepEqual(other.map(([a, m]) => `${a} for ${JSON.stringify(m).slice(0, 200)}`), []);
    // Still alive, and nothing written.
    const after = await library();
    counts.libraryAfter = (JSON.parse(after) as unknown[]).length;
    assert.equal(after, before, 'the library is unchanged');
  });

  test("a valid save from Lectern's own content script (the page's tab) gets no answer and writes nothing", async () => {
    const before = await library();
    const cdp = await tab.context().newCDPSession(tab);
    const contexts: Array<{ id: number; origin: string }> = [];
    cdp.on('Runtime.executionContextCreated', (e: { context: { id: number; origin: string } }) => contexts.push(e.context));
    await cdp.send('Runtime.enable');
    await new Promise((r) => setTimeout(r, 300));
    const world = contexts.find((c) => c.origin === lectern.origin);
    assert.ok(world, "Lectern's content-script world exists in the tab");
    const article = validArticle({ url: 'https://evil.example/planted.html', title: 'Planted by a page' });
    for (const message of [{ type: 'library/save', article }, { type: 'library/list', limit: 10 }]) {
      counts.contentScriptAttempts += 1;
      const r = (await cdp.send('Runtime.evaluate', {
        contextId: world.id,
        awaitPromise: true,
        returnByValue: true,
        expression: `chrome.runtime.sendMessage(${JSON.stringify(message)}).then((r) => 'answered: ' + JSON.stringify(r), (e) => 'rejected: ' + e.message)`,
      })) as { result: { value: string } };
      assert.match(r.result.value, /^rejected: |^answered: undefined$/, `no answer to ${message.type}: ${r.result.value}`);
    }
    await cdp.detach();
    assert.equal(await library(), before, 'nothing was written');
  });

  test('the web page itself cannot reach the worker', async () => {
    const before = await library();
    counts.pageAttempts += 1;
    const r = await tab.evaluate(async ({ id, article }) => {
      const c = (globalThis as { chrome?: { runtime?: { sendMessage?: (...a: unknown[]) => Promise<unknown> } } }).chrome;
      if (!c?.runtime?.sendMessage) return 'no chrome.runtime in the page';
      try {
        return `answered: ${JSON.stringify(await c.runtime.sendMessage(id, { type: 'library/save', article }))}`;
      } catch (e) {
        return `rejected: ${(e as Error).message}`;
      }
    }, { id: lectern.extensionId, article: validArticle({ url: 'https://evil.example/from-page.html' }) });
    assert.match(r, /^no chrome\.runtime in the page$|^rejected: /);
    assert.equal(await library(), before, 'nothing was written');
  });

  test('hostile HTML stored in the library is sanitized by the sink when the saved article is opened', async () => {
    const { page } = popup;
    // The raw bodies of every hostile page, stored as they are (the schema bounds sizes, not content).
    const hostile = corpus().filter((p) => p.html.length < 100_000);
    const articles = hostile.map((p) => validArticle({ url: `https://stored.example/${p.name}.html`, title: `Stored ${p.name}`, html: p.html.replace(/^[\s\S]*?<body>|<\/body>[\s\S]*$/g, ''), removed: [{ rule: 'ad', text: 'x', html: p.html, at: 'end' }] }));
    const saved = await page.evaluate(async (all) => {
      const out: unknown[] = [];
      for (const article of all) out.push(await chrome.runtime.sendMessage({ type: 'library/save', article }));
      return out;
    }, articles);
    assert.ok(saved.every((r) => (r as { ok: boolean }).ok), 'stored');
    const mark = proxy.log.length;
    await page.getByRole('tab', { name: 'Saved articles' }).click();
    const list = page.getByRole('list', { name: 'Saved articles' });
    const allowed = new Set<string>();
    for (const p of hostile) {
      await list.getByRole('button').filter({ hasText: `Stored ${p.name}` }).click();
      await page.locator('article:not(article article) .article-body').waitFor();
      await page.getByRole('heading', { level: 1, name: `Stored ${p.name}` }).waitFor();
      await page.evaluate(() => document.scrollingElement?.scrollTo(0, 1e7));
      await new Promise((r) => setTimeout(r, 200));
      const seen = await page.evaluate(() => {
        const body = document.querySelector('article:not(article article) .article-body')!;
        const images = Array.from(body.querySelectorAll('img'), (i) => [i.currentSrc, i.src]).flat().filter(Boolean);
        const handlers = Array.from(document.querySelectorAll('*')).flatMap((el) => Array.from(el.attributes).filter((a) => /^on/i.test(a.name)).map((a) => a.name));
        return { html: body.innerHTML, images, handlers };
      });
      for (const i of seen.images) allowed.add(i);
      counts.storedPagesOpened += 1;
      assert.deepEqual(safeHtmlStringViolations(seen.html), [], `${p.name}: the stored body is made safe`);
      assert.deepEqual(seen.handlers, [], `${p.name}: no event handler anywhere in the popup`);
      await page.getByRole('tab', { name: 'Saved articles' }).click();
    }
    const requests = proxy.since(mark).filter((r) => !allowed.has(r.url));
    assert.deepEqual(requests.map((r) => r.url), [], 'nothing but the shown images was requested');
  });

  test('the popup runs under the default MV3 CSP: no eval, no string code, no inline or remote script', async () => {
    const { page } = popup;
    const manifest = await page.evaluate(() => chrome.runtime.getManifest() as { content_security_policy?: unknown });
    assert.equal(manifest.content_security_policy, undefined, 'the manifest keeps the default policy');
    const mark = proxy.log.length;
    const results = await page.evaluate(async () => {
      const w = window as unknown as Record<string, unknown>;
      const out: Record<string, string> = {};
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.blockedURI}`));
      // DevTools' own evaluation (how this function arrives) may eval; code the page runs later may not. So the
      // string-to-code attempts run from a timer, as the popup's own code would.
      await new Promise<void>((resolve) =>
        setTimeout(() => {
          try {
            out.eval = String(eval('1 + 1'));
          } catch (e) {
            out.eval = `refused: ${(e as Error).name}`;
          }
          try {
            out.newFunction = String(new Function('return 2')());
          } catch (e) {
            out.newFunction = `refused: ${(e as Error).name}`;
          }
          resolve();
        }, 0),
      );
      try {
        (setTimeout as unknown as (code: string, ms: number) => void)('window.__stringTimer = 1', 0);
      } catch {
        /* refused synchronously in some versions */
      }
      const inline = document.createElement('script');
      inline.textContent = 'window.__inlineScript = 1';
      document.head.append(inline);
      const handler = document.createElement('div');
      handler.setAttribute('onclick', 'window.__inlineHandler = 1');
      document.body.append(handler);
      handler.click();
      const link = document.createElement('a');
      link.href = 'javascript:window.__javascriptUrl = 1';
      document.body.append(link);
      link.click();
      const remote = document.createElement('script');
      remote.src = 'http://attacker.test/js?v=csp-remote-script';
      document.head.append(remote);
      await new Promise((r) => setTimeout(r, 500));
      out.stringTimer = String(w.__stringTimer ?? 'did not run');
      out.inlineScript = String(w.__inlineScript ?? 'did not run');
      out.inlineHandler = String(w.__inlineHandler ?? 'did not run');
      out.javascriptUrl = String(w.__javascriptUrl ?? 'did not run');
      out.violations = String(violations.length);
      return out;
    });
    const ran = Object.entries(results).filter(([k, v]) => k !== 'violations' && !/^refused: EvalError$|^did not run$/.test(v));
    counts.cspChecks = Object.keys(results).length - 1;
    counts.cspRefused = counts.cspChecks - ran.length;
    assert.deepEqual(ran, [], `everything refused: ${JSON.stringify(results)}`);
    assert.ok(Number(results.violations) >= 4, `CSP reported the refusals: ${JSON.stringify(results)}`);
    assert.deepEqual(proxy.since(mark).map((r) => r.url), [], 'the remote script was never requested');
    recordCounts('messages-chromium', counts);
  });
});
