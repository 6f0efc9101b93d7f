/**
 * `npx tsx scripts/bench/page-cache.ts [DIR]`: on jsdom, what Readability's page cache costs each way, summed over
 * a corpus's page bodies (two rounds): serializing (Readability as installed), re-parsing that HTML (its retry),
 * and cloneNode(true) (the extension's patch, scripts/vendor-patches.ts, which makes the copy on every parse).
 */
import { loadDataset, pageDom, readBytes } from './datasets.ts';

const ds = loadDataset(process.argv[2] ?? '../shared/corpus/readability-test-pages');
let serialize = 0;
let clone = 0;
let reparse = 0;
for (let round = 0; round < 2; round++) {
  for (const page of ds.pages) {
    const dom = pageDom(readBytes(page.path), page.url);
    const body = dom.window.document.body;
    let t = performance.now();
    const html = body.innerHTML;
    serialize += performance.now() - t;
    t = performance.now();
    body.cloneNode(true);
    clone += performance.now() - t;
    const holder = dom.window.document.createElement('div');
    t = performance.now();
    holder.innerHTML = html;
    reparse += performance.now() - t;
    dom.window.close();
  }
}
console.log(`${ds.pages.length} pages × 2: serialize ${serialize.toFixed(0)} ms, re-parse ${reparse.toFixed(0)} ms, cloneNode ${clone.toFixed(0)} ms (${(clone / serialize).toFixed(1)}× serializing)`);
