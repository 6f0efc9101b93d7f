/** The shared document walk (src/core/scan.ts) gives what the separate walks it replaces gave. */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { computeStats } from '../../src/core/cleanup/stats.ts';
import { elementsIn, nestedDeeperThan } from '../../src/core/dom.ts';
import { scanDocument } from '../../src/core/scan.ts';

const html = `<!doctype html><html><head><title>T</title><script>var x = "long script text";</script></head><body>
  <nav><a href="/a">Home</a> <a href="/b">World <b>news</b></a> <a>no href</a></nav>
  <article><h1>Title</h1><p>Some   text with a <a href="/c">link</a>.</p><style>p { color: red }</style>
  <form><input name="q"></form><p>More<br>text</p><img src="a.png"><img src="b.png"></article></body></html>`;

describe('scanDocument', () => {
  const doc = new JSDOM(html).window.document;
  const scan = scanDocument(doc.documentElement);
  it('lists every element in document order, and by tag', () => {
    expect(scan.elements).toEqual(elementsIn(doc.documentElement));
    expect(scan.byTag('p')).toEqual(Array.from(doc.getElementsByTagName('p')));
    expect(scan.byTag('img').length).toBe(2);
    expect(scan.byTag('table')).toEqual([]);
  });
  it('counts text and links per element as computeStats does', () => {
    const stats = computeStats(doc.body);
    for (const el of elementsIn(doc.body)) expect(scan.stats.get(el)).toEqual(stats.get(el));
  });
  it('counts text outside script and style', () => {
    const all = doc.documentElement.textContent!.length;
    const code = ['script', 'style'].reduce((n, t) => n + Array.from(doc.getElementsByTagName(t)).reduce((m, e) => m + e.textContent!.length, 0), 0);
    expect(scan.textLength).toBe(all - code);
  });
  it('stops at the depth limit as nestedDeeperThan does', () => {
    const deep = new JSDOM(`<div id=a>${'<div>'.repeat(30)}x${'</div>'.repeat(30)}</div>`).window.document.getElementById('a')!;
    for (const limit of [29, 30, 31]) expect(scanDocument(deep, limit).tooDeep).toBe(nestedDeeperThan(deep, limit));
  });
});
