/**
 * Pathological pages, generated (not committed: the largest is 20 MB). The same generators feed the Chromium
 * test (tests/e2e/security-robustness.test.ts) and the CLI test (tests/unit/security-robustness.test.ts).
 * Every page has a short real story at the top, so that a page which is not refused extracts as an article,
 * and a heartbeat (a 50 ms interval recording the gaps between ticks) that shows whether the page stays responsive.
 */

const PROSE = Array.from({ length: 8 }, (_, i) => `<p>Paragraph ${i + 1}: the council met on Tuesday to discuss the footbridge, and residents asked about the cost, the timetable and the temporary ferry.</p>`).join('\n');

export const HEARTBEAT = `<script>window.__gaps=[];window.__last=performance.now();setInterval(function(){var n=performance.now();window.__gaps.push(n-window.__last);window.__last=n;},50);</script>`;

function page(title: string, body: string, tail = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title><meta property="og:type" content="article">${HEARTBEAT}</head><body><article><h1>${title}</h1>${PROSE}${body}</article>${tail}</body></html>`;
}

export interface Pathological {
  name: string;
  what: string;
  make(): string;
  /** The same page as a browser test loads it, when building it in the page is much cheaper than sending it. */
  makeForBrowser?: () => string;
  /** What Lectern must answer: an article, "too large", or either (depends on the machine's speed). */
  expect: 'article' | 'too-large' | 'either';
  /** What the CLI must answer, when it differs (it runs no page scripts). */
  expectCli?: 'article' | 'too-large' | 'either';
}

export const PATHOLOGICAL: Pathological[] = [
  {
    name: 'elements-200k',
    what: '200,000 elements (2,000 paragraphs of 100 spans)',
    make: () => page('Two hundred thousand elements', Array.from({ length: 2000 }, () => `<p>${'<span>word </span>'.repeat(100)}</p>`).join('')),
    expect: 'too-large',
  },
  {
    name: 'nesting-5000-markup',
    what: '5,000 nested <div>s in the markup (browsers stop nesting at 512; jsdom does not)',
    make: () => page('Nested five thousand deep', `${'<div>'.repeat(5000)}The bottom of the well.${'</div>'.repeat(5000)}`),
    expect: 'too-large',
  },
  {
    name: 'nesting-5000-dom',
    what: '5,000 nested <div>s built by script (no parser limit; hidden, since Chromium itself crashes laying out 5,000 visible levels)',
    make: () =>
      page(
        'Nested five thousand deep by script',
        '<div id="deep" hidden></div>',
        `<script>var n=document.getElementById('deep');for(var i=0;i<5000;i++){var d=document.createElement('div');n.appendChild(d);n=d;}n.textContent='The bottom of the well.';</script>`,
      ),
    expect: 'too-large',
    expectCli: 'article',
  },
  {
    name: 'text-20mb',
    what: 'one text node of 20 MB',
    make: () => page('Twenty megabytes of text', `<p>${'lorem ipsum dolor sit amet '.repeat(Math.ceil((20 * 1024 * 1024) / 27))}</p>`),
    makeForBrowser: () =>
      page('Twenty megabytes of text', '<p id="big"></p>', `<script>document.getElementById('big').textContent='lorem ipsum dolor sit amet '.repeat(${Math.ceil((20 * 1024 * 1024) / 27)});</script>`),
    expect: 'too-large',
  },
  {
    name: 'table-10k',
    what: 'a table of 10,000 rows (50,000 elements)',
    make: () => page('Ten thousand rows', `<table>${Array.from({ length: 10_000 }, (_, i) => `<tr><td>${i}</td><td>name ${i}</td><td>value ${i * 3}</td><td>note</td></tr>`).join('')}</table>`),
    expect: 'either',
  },
  {
    name: 'mutating',
    what: 'a page that never stops mutating (50 nodes added and removed every millisecond, title changing)',
    make: () =>
      page(
        'A page that never stops',
        '<div id="m"></div>',
        `<script>var m=document.getElementById('m'),i=0;setInterval(function(){for(var k=0;k<50;k++){var p=document.createElement('p');p.textContent='tick '+(i++);m.appendChild(p);if(m.childNodes.length>200)m.firstChild.remove();}document.title='tick '+i;},1);</script>`,
      ),
    expect: 'article',
  },
];
