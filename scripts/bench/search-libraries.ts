/**
 * Why the library's full-text index is Lectern's own (src/background/library/idb-*.ts) and not a search
 * library: the maintained in-memory libraries must be rebuilt or deserialized whole every time the MV3 worker
 * starts (it is stopped after ~30 s idle), and at 10,000 articles that alone is over the 500 ms cold-start
 * budget and holds hundreds of MB in the worker. This measures it, in Node, on the same synthetic corpus:
 * N documents of W words drawn from a Zipf-distributed vocabulary of 200,000 words (the shape of real text).
 *
 *   npm i --no-save flexsearch@0.8.212 minisearch@7.2.0
 *   node --max-old-space-size=8000 --expose-gc --import tsx scripts/bench/search-libraries.ts [N] [W]
 *
 * (FlexSearch 0.8's IndexedDB adapter would avoid the load, but it removes a document by scanning every term
 * in the database, so each update or delete costs O(index), and it reads `window.indexedDB`, which a service
 * worker doesn't have: see node_modules/flexsearch/dist/module/db/indexeddb/index.js, `remove`.)
 */
const N = Number(process.argv[2] ?? 10_000);
const W = Number(process.argv[3] ?? 3000);
const V = 200_000;
const vocab = Array.from({ length: V }, (_, i) => `w${i.toString(36)}${i % 7 ? 'ab' : 'xyz'}`);
let seed = 1;
const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
const zipf = () => vocab[Math.min(V - 1, Math.floor(Math.exp(random() * Math.log(V))) - 1)]!;
const docs = Array.from({ length: N }, () => Array.from({ length: W }, zipf).join(' '));
const gc = (globalThis as { gc?: () => void }).gc;
const heapMB = () => {
  gc?.();
  return Math.round(process.memoryUsage().heapUsed / 1e6);
};
const ms = (t: number) => Math.round(performance.now() - t);
const base = heapMB();

async function flexsearch(): Promise<Record<string, number>> {
  const { Index } = (await import('flexsearch' as string)) as { Index: new (o: object) => { add(id: number, s: string): void; export(h: (k: string, d: string) => void): Promise<void>; import(k: string, d: string): void; search(q: string, o: object): unknown[] } };
  const options = { tokenize: 'strict', resolution: 1, cache: false, fastupdate: false, encoder: 'Exact' };
  let t = performance.now();
  const index = new Index(options);
  docs.forEach((d, i) => index.add(i, d));
  const build = ms(t);
  const heap = heapMB() - base;
  const chunks: Array<[string, string]> = [];
  t = performance.now();
  await index.export((k, d) => void chunks.push([k, d]));
  const exportMs = ms(t);
  const bytes = chunks.reduce((s, [, d]) => s + (d?.length ?? 0), 0);
  t = performance.now();
  const loaded = new Index(options);
  for (const [k, d] of chunks) loaded.import(k, d);
  return { buildMs: build, heapMB: heap, exportMs, serializedMB: Math.round(bytes / 1e6), coldLoadMs: ms(t) };
}

async function minisearch(): Promise<Record<string, number>> {
  const { default: MiniSearch } = (await import('minisearch' as string)) as { default: { new (o: object): { addAll(d: object[]): void; toJSON(): unknown }; loadJSON(s: string, o: object): unknown } };
  const options = { fields: ['text'], storeFields: [] };
  let t = performance.now();
  const index = new MiniSearch(options);
  index.addAll(docs.map((text, id) => ({ id, text })));
  const build = ms(t);
  const heap = heapMB() - base;
  t = performance.now();
  const json = JSON.stringify(index);
  const exportMs = ms(t);
  t = performance.now();
  MiniSearch.loadJSON(json, options);
  return { buildMs: build, heapMB: heap, exportMs, serializedMB: Math.round(json.length / 1e6), coldLoadMs: ms(t) };
}

const which = process.argv[4];
console.log(`${N} documents × ${W} words (Node ${process.version})`);
if (!which || which === 'flexsearch') console.log('flexsearch', await flexsearch());
if (!which || which === 'minisearch') console.log('minisearch', await minisearch());
export {};
