import { JSDOM, VirtualConsole } from 'jsdom';
import { readFileSync } from 'node:fs';
import { extract } from './src/core/extract.ts';
const t0 = performance.now();
const dom = new JSDOM(readFileSync(process.argv[2]), { url: 'https://example.com/a', contentType: 'text/html', virtualConsole: new VirtualConsole() });
const t1 = performance.now();
try { const a = extract(dom.window.document, 'https://example.com/a'); console.log('words', a.wordCount, a.title, a.html.slice(0,300)); } catch (e) { console.log('ERR', (e as Error).message); }
console.log('parse', Math.round(t1-t0), 'extract', Math.round(performance.now()-t1), 'rss', Math.round(process.memoryUsage().rss/1e6));
