/**
 * "Fetch articles" on the Library page, in real Chromium, against a test copy of the build whose manifest also
 * grants host access to 127.0.0.1 (see withTestHostPermission: no test can answer Chromium's permission prompt;
 * with the access already held, permissions.request() resolves without one). Six local "sites" (one server
 * each, on its own port) serve article pages, one 404 and slow pages, and count the requests each has open at
 * once. A bookmarks file with those links is imported through the file picker, then Fetch articles runs:
 * progress is shown, the articles get their titles and text (found by the saved list's search), the 404 is
 * listed with its reason, no site ever has two requests at once and never more than 4 run together, and Cancel
 * stops the run.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { Lectern, withTestHostPermission } from './support/browser.ts';
import { assertBuilt, screenshotPath } from './support/paths.ts';
import { openSavedTab, searchSaved } from './support/popup.ts';

assertBuilt();

/** Said in every test name: what stands in for the user's "Allow" in the permission prompt. */
const GRANTED = 'test copy of the build with host access to 127.0.0.1, so permissions.request resolves without the prompt no test can answer';

const NUMBERS = ['one', 'two', 'three', 'four', 'five', 'six'];
const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);

/** Counts requests open at once, over all sites. */
const open = { now: 0, max: 0 };

interface Site {
  name: string;
  origin: string;
  /** Paths asked for, in order. */
  requests: string[];
  /** The most requests this site had open at once. */
  maxOpen: number;
  close(): Promise<void>;
}

/** An article page: title, byline, several paragraphs, and a marker word unique to this page. */
function articlePage(site: string, n: string): string {
  const title = `${cap(site)} story ${n}`;
  const marker = `${site}${n}marker`;
  const p = (i: number) =>
    `<p>Paragraph ${NUMBERS[i]} of the ${site} story ${n}. The council met on a grey morning to discuss the harbour wall, the ferry timetable and the school roof, and every speaker had a different idea of what should come first. ${i === 2 ? `The word ${marker} appears here once.` : ''}</p>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title><meta property="og:type" content="article"><meta property="og:title" content="${title}"></head>
<body><header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<main><article><h1>${title}</h1><p class="byline">By Sam Reporter</p>${[0, 1, 2, 3, 4].map(p).join('\n')}</article></main>
<footer>© ${site}</footer></body></html>`;
}

async function startSite(name: string): Promise<Site> {
  const site: Site = { name, origin: '', requests: [], maxOpen: 0, close: async () => undefined };
  let openHere = 0;
  const server = http.createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (pathname === '/favicon.ico') return void res.writeHead(204).end();
    site.requests.push(pathname);
    openHere++;
    open.now++;
    site.maxOpen = Math.max(site.maxOpen, openHere);
    open.max = Math.max(open.max, open.now);
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      openHere--;
      open.now--;
    };
    res.on('close', end);
    const slow = pathname.startsWith('/slow/');
    setTimeout(() => {
      if (res.destroyed) return end();
      const m = /^\/(?:article|slow)\/([a-z]+)$/.exec(pathname);
      if (!m) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(articlePage(name, m[1]!));
    }, slow ? 2500 : 400);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  site.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  site.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return site;
}

/** A Netscape bookmarks file (what browsers export) with these links. */
function bookmarks(links: Array<{ url: string; title: string }>): string {
  return `<!DOCTYPE NETSCAPE-Bookmark-file-1>
<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">
<TITLE>Bookmarks</TITLE>
<H1>Bookmarks</H1>
<DL><p>
${links.map((l) => `    <DT><A HREF="${l.url}" ADD_DATE="1717000000">${l.title}</A>`).join('\n')}
</DL><p>
`;
}

describe(`Fetch articles (${GRANTED})`, { timeout: 180_000 }, () => {
  let lectern: Lectern;
  let extensionDir: string;
  let page: Page;
  const sites: Site[] = [];
  const work = mkdtempSync(path.join(tmpdir(), 'lectern-e2e-fetch-'));
  const errors: string[] = [];
  const site = (name: string) => sites.find((s) => s.name === name)!;

  const listed = async () => (await page.getByRole('list', { name: 'Saved articles' }).locator('li').allInnerTexts()).map((s) => s.replace(/\s+/g, ' ').trim()).sort();
  async function importLinks(name: string, links: Array<{ url: string; title: string }>): Promise<void> {
    const file = path.join(work, name);
    writeFileSync(file, bookmarks(links));
    const before = await page.locator('#items > li').count();
    await page.getByLabel('File to import').setInputFiles(file);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.locator('#import-status').filter({ hasText: /^Imported/ }).waitFor({ timeout: 15_000 });
    // The list is read again after the status says so.
    await page.locator('#items > li').nth(before + links.length - 1).waitFor({ timeout: 15_000 });
  }

  before(async () => {
    for (const name of ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf']) sites.push(await startSite(name));
    extensionDir = withTestHostPermission();
    lectern = await Lectern.launch({ extensionDir });
    page = await lectern.context.newPage();
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      // The 404 below is logged by Chromium as a failed resource load; that one is expected.
      if (m.type() === 'error' && !/^Failed to load resource: the server responded with a status of 404/.test(m.text())) errors.push(`console.error: ${m.text()}`);
    });
    await page.goto(`${lectern.origin}/src/library-page/index.html`);
    await page.getByRole('heading', { name: 'Lectern library', level: 1 }).waitFor();
  });
  after(async () => {
    await lectern?.close();
    for (const s of sites) await s.close();
    rmSync(work, { recursive: true, force: true });
    if (extensionDir) rmSync(extensionDir, { recursive: true, force: true });
  });

  test(`fills in imported links politely, shows progress, lists the failure with its reason (${GRANTED})`, async (t) => {
    const links = [
      ...['one', 'two', 'three'].map((n) => ({ url: `${site('alpha').origin}/article/${n}`, title: `alpha link ${n}` })),
      { url: `${site('alpha').origin}/gone`, title: 'alpha missing link' },
      { url: `${site('bravo').origin}/article/one`, title: 'bravo link one' },
      { url: `${site('bravo').origin}/slow/two`, title: 'bravo slow link' },
      ...['charlie', 'delta', 'echo', 'foxtrot'].map((s) => ({ url: `${site(s).origin}/article/one`, title: `${s} link one` })),
    ];
    await importLinks('bookmarks.html', links);
    assert.equal((await listed()).filter((l) => l.endsWith('link only')).length, 10, 'ten link-only items');
    const requestsBefore = sites.reduce((n, s) => n + s.requests.length, 0);
    assert.equal(requestsBefore, 0, 'the import itself fetches nothing');

    await page.getByRole('button', { name: 'Fetch articles', exact: true }).click();
    const progress = page.getByRole('progressbar', { name: 'Fetch articles' });
    await progress.waitFor({ state: 'visible' });
    await page.getByRole('button', { name: 'Cancel', exact: true }).waitFor({ state: 'visible' });
    assert.match(await page.locator('#fetch-status').innerText(), /^Fetched \d+ of 10 \(\d+ failed\)…$/);
    await page.locator('#fetch-status').filter({ hasText: /^Done:/ }).waitFor({ timeout: 60_000 });
    assert.equal(await page.locator('#fetch-status').innerText(), 'Done: 9 fetched, 1 failed.');
    assert.equal(await progress.getAttribute('value'), '10');
    const failures = await page.getByRole('list', { name: 'Articles that could not be fetched' }).locator('li').allInnerTexts();
    assert.deepEqual(failures, ['alpha missing link: the site answered HTTP 404']);

    // Polite: one request at a time per site, at most 4 at once overall (and the sites did run side by side).
    for (const s of sites) assert.ok(s.maxOpen <= 1, `${s.name} had ${s.maxOpen} requests open at once`);
    assert.ok(open.max <= 4 && open.max >= 2, `requests open at once, all sites: ${open.max}`);
    t.diagnostic(`most requests open at once: ${open.max} overall, per site ${sites.map((s) => `${s.name} ${s.maxOpen}`).join(', ')}`);
    assert.deepEqual([...site('alpha').requests].sort(), ['/article/one', '/article/three', '/article/two', '/gone'], 'each link asked for once');
    assert.equal(site('golf').requests.length, 0);

    // The items now have their articles: titles from the pages, no longer "link only" (the 404 one still is).
    await page.getByRole('button', { name: 'Cancel', exact: true }).waitFor({ state: 'hidden' });
    // The list is read again once the run has ended.
    let shown = await listed();
    for (const until = Date.now() + 15_000; shown.filter((l) => l.endsWith('link only')).length !== 1 && Date.now() < until; shown = await listed()) await page.waitForTimeout(100);
    assert.deepEqual(shown.filter((l) => l.endsWith('link only')).map((l) => l.split('127.0.0.1')[0]!.trim()), ['alpha missing link']);
    for (const title of ['Alpha story one', 'Alpha story three', 'Bravo story two', 'Foxtrot story one']) {
      assert.ok(shown.some((l) => l.startsWith(title) && !l.endsWith('link only')), `${title} in ${JSON.stringify(shown)}`);
    }
    await page.screenshot({ path: screenshotPath('library-fetch.png'), fullPage: true });

    // Their text is searchable in the popup's saved list.
    const tab = await lectern.tab();
    await tab.goto(`${site('alpha').origin}/article/one?read=1`, { waitUntil: 'load' });
    const popup = await lectern.clickToolbar(tab);
    await openSavedTab(popup.page);
    await searchSaved(popup.page, 'bravotwomarker', ['Bravo story two']);
    await searchSaved(popup.page, 'echoonemarker', ['Echo story one']);
    await popup.close();
    assert.deepEqual(errors, []);
  });

  test(`Cancel stops the run: no request after it, the rest stay links (${GRANTED})`, async () => {
    const links = NUMBERS.slice(0, 5).map((n) => ({ url: `${site('golf').origin}/slow/${n}`, title: `golf slow ${n}` }));
    await importLinks('slow.html', links);
    await page.getByRole('button', { name: 'Fetch articles', exact: true }).click();
    const deadline = Date.now() + 10_000;
    while (site('golf').requests.length === 0 && Date.now() < deadline) await page.waitForTimeout(20);
    assert.equal(site('golf').requests.length, 1, 'the first request is under way');
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    await page.locator('#fetch-status').filter({ hasText: /^Canceled/ }).waitFor({ timeout: 10_000 });
    // Six: the five slow links and the one that failed before (still without its text).
    assert.match(await page.locator('#fetch-status').innerText(), /^Canceled after [01] of 6\.$/);
    await page.waitForTimeout(3500); // longer than a slow page plus the pause between two requests to a site
    assert.equal(site('golf').requests.length, 1, `nothing was asked for after Cancel: ${JSON.stringify(site('golf').requests)}`);
    assert.equal(open.now, 0, 'the request under way was aborted');
    assert.equal((await listed()).filter((l) => l.startsWith('golf slow') && l.endsWith('link only')).length, 5);
    assert.equal(await page.getByRole('button', { name: 'Fetch articles', exact: true }).isEnabled(), true);
    assert.deepEqual(errors, []);
  });
});
