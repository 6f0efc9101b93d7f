/** "Fetch articles": the polite queue and turning a fetched page into an article. */
import { JSDOM } from 'jsdom';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { articleFromHtml } from '../../src/core/import/fetched.ts';
import { runPolitely } from '../../src/core/import/polite-queue.ts';

describe('runPolitely', () => {
  it('runs at most N at once, one per site, with a pause between two requests to a site', async () => {
    const items = ['a/1', 'a/2', 'a/3', 'b/1', 'b/2', 'c/1', 'd/1', 'e/1'];
    const log: Array<{ item: string; start: number; end: number }> = [];
    let running = 0;
    let most = 0;
    const t0 = Date.now();
    await runPolitely(
      items,
      (i) => i.split('/')[0]!,
      async (item) => {
        running++;
        most = Math.max(most, running);
        const start = Date.now() - t0;
        await new Promise((r) => setTimeout(r, 20));
        running--;
        log.push({ item, start, end: Date.now() - t0 });
      },
      { concurrency: 3, pauseMs: 50, signal: new AbortController().signal },
    );
    expect(log.map((l) => l.item).sort()).toEqual([...items].sort());
    expect(most).toBe(3);
    for (const site of ['a', 'b']) {
      const runs = log.filter((l) => l.item.startsWith(`${site}/`)).sort((x, y) => x.start - y.start);
      for (let i = 1; i < runs.length; i++) expect(runs[i]!.start - runs[i - 1]!.end).toBeGreaterThanOrEqual(45);
    }
  });

  it('takes no new item once canceled', async () => {
    const controller = new AbortController();
    const started: number[] = [];
    await runPolitely(
      Array.from({ length: 20 }, (_, i) => i),
      (i) => `site${i}`,
      async (i) => {
        started.push(i);
        if (i === 3) controller.abort();
        await new Promise((r) => setTimeout(r, 5));
      },
      { concurrency: 2, pauseMs: 0, signal: controller.signal },
    );
    expect(started.length).toBeLessThanOrEqual(5);
  });
});

describe('articleFromHtml', () => {
  it('cleans a fetched page with the same extract as a click, in a parsed (window-less) document', () => {
    const url = 'https://www.telesurenglish.net/news/drone-strike-pushes-iraq-to-end-us-led-coalition-mission-20240208-0010.html';
    const win = new JSDOM('').window as unknown as Window;
    const article = articleFromHtml(readFileSync('samples/telesur-iraq-drone.html', 'utf8'), url, win);
    expect(article.title).toMatch(/Drone Strike/i);
    expect(article.text.length).toBeGreaterThan(1000);
    expect(article.html).not.toMatch(/<script/i);
  });
});
