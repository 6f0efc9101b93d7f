/**
 * `npm run bench:profile`: where extract()'s time goes, stage by stage, on 80 trafilatura-eval pages (jsdom),
 * next to plain Readability on its own copy of each page. Stage totals in ms.
 */
import '../shipped-libraries.ts'; // src/ runs the libraries as shipped; the Readability baseline, as installed
import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability, isProbablyReaderable } from '@mozilla/readability';
import { loadDataset, readBytes } from './datasets.ts';
const { extractMetadata } = await import('../../src/core/metadata/index.ts'); // after the hooks
const { cleanPage, cleanContent } = await import('../../src/core/cleanup/index.ts');
const { sanitizeToFragment } = await import('../../src/core/sanitize.ts');
const { extract } = await import('../../src/core/extract.ts');
const { htmlToText } = await import('../../src/core/text.ts');
const ds = loadDataset(process.argv[2] ?? '../shared/corpus/trafilatura-eval');
const t: Record<string, number> = {};
const time = <T>(k: string, f: () => T): T => { const s = performance.now(); const r = f(); t[k] = (t[k] ?? 0) + performance.now() - s; return r; };
for (const page of ds.pages.slice(100, 180)) {
  await new Promise((r) => setImmediate(r));
  const bytes = readBytes(page.path); const url = page.url;
  const mk = () => new JSDOM(bytes, { url, virtualConsole: new VirtualConsole(), contentType: 'text/html' });
  const dom = mk(); const doc = dom.window.document;
  time('metadata', () => extractMetadata(doc, url));
  time('readerable', () => isProbablyReaderable(doc));
  const c1 = time('clone', () => doc.cloneNode(true) as Document);
  time('cleanPage', () => cleanPage(c1, url, []));
  const r = time('readability', () => new Readability<Element>(c1, { serializer: (e) => e as Element }).parse());
  if (r?.content) { time('cleanContent', () => cleanContent(r.content as Element, url, [])); const f = time('sanitize', () => sanitizeToFragment(dom.window as unknown as Window, r.content as Element)); const d = doc.createElement('div'); d.appendChild(f); time('text', () => htmlToText(d)); }
  const d2 = mk().window.document; time('plainReadability', () => new Readability(d2).parse());
  time('extractTotal', () => { try { extract(doc, url); } catch {} });
  dom.window.close();
}
console.log(Object.fromEntries(Object.entries(t).map(([k, v]) => [k, Math.round(v)])));
