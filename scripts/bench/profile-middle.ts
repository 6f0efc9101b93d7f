/**
 * A CPU profile of extract() on the middle half (by size) of a corpus's pages, three rounds, for finding where
 * Lectern's own time goes on ordinary pages (the median, not the outliers):
 *
 *   node --import tsx --cpu-prof --cpu-prof-dir=/tmp/prof scripts/bench/profile-middle.ts [DIR]
 *
 * then load the .cpuprofile in Chrome DevTools (Performance) and read inclusive ("total") times under extract.
 * DIR defaults to ../shared/corpus/readability-test-pages; ROUNDS=N changes the number of rounds.
 */
import '../shipped-libraries.ts';
import { loadDataset, pageDom, readBytes } from './datasets.ts';

const { extract } = await import('../../src/core/extract.ts'); // after the hooks (scripts/shipped-libraries.ts)

const ds = loadDataset(process.argv[2] ?? '../shared/corpus/readability-test-pages');
const pages = ds.pages.map((page) => ({ page, bytes: readBytes(page.path) })).sort((a, b) => a.bytes.length - b.bytes.length);
const middle = pages.slice(Math.floor(pages.length * 0.25), Math.floor(pages.length * 0.75));
let total = 0;
for (let round = 0; round < Number(process.env.ROUNDS ?? 3); round++) {
  for (const { page, bytes } of middle) {
    const dom = pageDom(bytes, page.url);
    const t0 = performance.now();
    try {
      extract(dom.window.document, page.url, { inPlace: true });
    } catch {
      // a page Lectern refuses still counts its time
    }
    total += performance.now() - t0;
    dom.window.close();
    await new Promise((resolve) => setImmediate(resolve));
  }
}
console.log(`${middle.length} pages × ${process.env.ROUNDS ?? 3} rounds: extract() ${total.toFixed(0)} ms in total`);
