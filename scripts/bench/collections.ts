/**
 * `npx tsx scripts/bench/collections.ts [PAGE_DIR]`: why src/core lists DOM collections with itemsOf(). On jsdom
 * an HTMLCollection is a proxy that looks every property it is asked for up among its items' ids and names, so
 * `Array.from`, a spread or `for…of` (each step reads `length`) reads all items once per step. Times listing a
 * page's links both ways, on a fresh page each (default: the Readability test page with the most links).
 */
import { existsSync } from 'node:fs';
import { itemsOf } from '../../src/core/dom.ts';
import { pageDom, readBytes } from './datasets.ts';

const dir = process.argv[2] ?? '../shared/corpus/readability-test-pages/wikipedia-2';
const bytes = readBytes(existsSync(`${dir}/source.html`) ? `${dir}/source.html` : `${dir}/source.html.gz`);
const time = (label: string, list: (links: HTMLCollectionOf<HTMLAnchorElement>) => Element[]) => {
  const doc = pageDom(bytes, 'https://en.wikipedia.org/').window.document;
  const links = doc.getElementsByTagName('a');
  list(links); // wrappers made and collection filled once, so both ways are timed warm
  const t0 = performance.now();
  const n = list(links).length;
  console.log(`${label.padEnd(12)} ${n} links in ${(performance.now() - t0).toFixed(1)} ms`);
};
time('Array.from', (links) => Array.from(links));
time('itemsOf', (links) => itemsOf(links));
