/**
 * How long Lectern takes to read a large import file: generates a Pocket CSV of about SIZE_MB (default 100)
 * in memory and times readImportFile (CSV parse + row checks) and the duplicate report. Run:
 *   npx tsx scripts/bench/import.ts [SIZE_MB]
 */
import { JSDOM } from 'jsdom';
import { reportDuplicates } from '../../src/core/import/dedupe.ts';
import { readImportFile } from '../../src/core/import/detect.ts';

const sizeMb = Number(process.argv[2] ?? 100);
const lines = ['title,url,time_added,tags,status'];
let bytes = 0;
for (let i = 0; bytes < sizeMb * 1024 * 1024; i++) {
  const line = `"Article number ${i}, about things",https://news${i % 500}.example.com/section/story-${i}?utm_source=pocket,${1600000000 + i},news|long reads,${i % 3 ? 'unread' : 'archive'}`;
  lines.push(line);
  bytes += line.length + 2;
}
const data = new TextEncoder().encode(lines.join('\r\n'));
const win = new JSDOM('').window as unknown as Window;
const t0 = performance.now();
// Without the 50,000-article limit (MAX_IMPORT_ITEMS): this measures the parser on the whole file.
const result = readImportFile('big.csv', data, win, { maxItems: Infinity });
const t1 = performance.now();
const withDuplicates = reportDuplicates(result);
const t2 = performance.now();
console.log(
  JSON.stringify({
    fileMB: +(data.length / 1024 / 1024).toFixed(1),
    rows: lines.length - 1,
    items: result.items.length,
    skipped: withDuplicates.skipped.length,
    parseMs: Math.round(t1 - t0),
    dedupeMs: Math.round(t2 - t1),
    heapMB: Math.round(process.memoryUsage().heapUsed / 1024 / 1024),
    node: process.version,
  }),
);
