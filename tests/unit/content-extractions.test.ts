/**
 * The content script's extractions (src/content/extractions.ts): the worker's prefetch at the toolbar click is
 * handed to the popup once; never two extractions run at once, whoever asks first; a prefetch is not handed
 * over for another page or once it is old; later requests clean the page again.
 */
import { describe, expect, it } from 'vitest';
import { extractions, PREFETCH_MAX_AGE_MS } from '../../src/content/extractions.ts';

function setup() {
  let runs = 0;
  const pending: Array<(r: string) => void> = [];
  let href = 'https://news.example/a';
  let clock = 1000;
  const x = extractions(
    () => {
      runs += 1;
      const n = runs;
      return new Promise<string>((resolve) => pending.push(() => resolve(`article ${n}`)));
    },
    () => href,
    () => clock,
  );
  const finishAll = () => {
    for (const f of pending.splice(0)) f('');
  };
  return { x, runs: () => runs, finishAll, setHref: (h: string) => void (href = h), tick: (ms: number) => void (clock += ms) };
}

describe('content script extractions', () => {
  it('the popup takes the prefetch started at the click (one extraction), once', async () => {
    const s = setup();
    s.x.prefetch();
    const answer = s.x.forPopup();
    s.finishAll();
    expect(await answer).toEqual({ result: 'article 1', prefetched: true });
    expect(s.runs()).toBe(1);
    // The next request (the popup opened again) cleans the page again.
    const again = s.x.forPopup();
    s.finishAll();
    expect(await again).toEqual({ result: 'article 2', prefetched: false });
  });

  it("the popup's request first, then the prefetch: still one extraction, and nothing kept for later", async () => {
    const s = setup();
    const answer = s.x.forPopup();
    s.x.prefetch();
    s.finishAll();
    expect(await answer).toEqual({ result: 'article 1', prefetched: false });
    expect(s.runs()).toBe(1);
    const later = s.x.forPopup();
    s.finishAll();
    expect(await later).toEqual({ result: 'article 2', prefetched: false });
  });

  it('two requests while one runs share it', async () => {
    const s = setup();
    const a = s.x.forPopup();
    const b = s.x.forPopup();
    s.finishAll();
    expect([(await a).result, (await b).result]).toEqual(['article 1', 'article 1']);
    expect(s.runs()).toBe(1);
  });

  it('a prefetch is not handed over for another page, or once it is old', async () => {
    const s = setup();
    s.x.prefetch();
    s.finishAll();
    s.setHref('https://news.example/b'); // the page navigated (a single-page app) before the popup asked
    const other = s.x.forPopup();
    s.finishAll();
    expect(await other).toEqual({ result: 'article 2', prefetched: false });

    s.x.prefetch();
    s.finishAll();
    s.tick(PREFETCH_MAX_AGE_MS);
    const old = s.x.forPopup();
    s.finishAll();
    expect(await old).toEqual({ result: 'article 4', prefetched: false });
  });
});
