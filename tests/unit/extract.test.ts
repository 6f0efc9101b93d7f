import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/core/extract.ts';
import { ExtractError } from '../../src/core/types.ts';

const URL_ = 'https://news.example.com/world/2024/02/08/story.html';
const para = (n: number) =>
  Array.from({ length: n }, (_, i) => `<p>Paragraph ${i + 1} of the story explains, at some length and with care, what the council decided and why it matters to the residents of the town.</p>`).join('');
const page = (body: string, head = '') => new JSDOM(`<!doctype html><html lang="en"><head><title>Story</title>${head}</head><body>${body}</body></html>`, { url: URL_ }).window.document;

describe('extract()', () => {
  it('never mutates the caller’s document', () => {
    const doc = page(`<h1>Story</h1><div class="share"><a href="https://facebook.com/x">f</a><a href="https://twitter.com/x">t</a></div><article>${para(8)}</article>`);
    const before = doc.documentElement.outerHTML;
    extract(doc, URL_);
    expect(doc.documentElement.outerHTML).toBe(before);
  });
  it('reads a post a script renders from its <noscript> copy (Blogger), but never a <noscript> notice or copy of shown text', () => {
    const post = `<div itemprop="articleBody"><script type="text/template">${para(6)}</script><noscript>${para(6)}</noscript></div>`;
    const a = extract(page(`<h1>Story</h1><div class="post">${post}</div><div class="sidebar"><p>About this blog.</p></div>`), URL_);
    expect(a.text).toContain('Paragraph 6 of the story');
    const shown = extract(page(`<h1>Story</h1><article>${para(8)}<noscript><p>${'Please enable JavaScript to see the comments on this story and to take part. '.repeat(4)}</p></noscript></article>`), URL_);
    expect(shown.text).not.toContain('enable JavaScript');
  });
  it('keeps no <article>/<main> landmark and no <h1> inside the body', () => {
    const a = extract(page(`<main><article><h1>Story</h1>${para(8)}<h1>Second</h1>${para(1)}</article></main>`), URL_);
    expect(a.html).not.toMatch(/<(article|main|h1)\b/);
    expect(a.text).toContain('Second');
  });
  it('turns a leading sentence-like heading into a standfirst paragraph', () => {
    const a = extract(page(`<h1>Story</h1><article><h2>The council approved the plan on Tuesday after a long and heated debate.</h2>${para(8)}</article>`), URL_);
    expect(a.html).toMatch(/<p class="standfirst">The council approved the plan/);
    expect(a.html).not.toMatch(/<h2/);
  });
  it('finds the standfirst next to an <h2> headline when the <h1> holding the title is a breadcrumb', () => {
    const dek = 'The council approved the bridge plan on Tuesday, after residents asked about its cost.';
    const a = extract(
      page(
        `<nav><ol><li><a href="/">Home</a></li><li><h1>Story</h1></li></ol></nav><header><h2>Story</h2><p class="text-xl">${dek}</p></header><article>${para(8)}</article>`,
        `<meta name="description" content="${dek}">`,
      ),
      URL_,
    );
    expect(a.text.startsWith(dek)).toBe(true);
  });
  it('keeps ordinary subheadings as headings', () => {
    const a = extract(page(`<h1>Story</h1><article>${para(4)}<h2>What happens next</h2>${para(4)}</article>`), URL_);
    expect(a.html).toContain('<h2>What happens next</h2>');
  });
  it('adds the lead image the page shows above the text, matching og:image across hosts and sizes', () => {
    const a = extract(
      page(
        `<h1>Story</h1><figure><img src="https://mirror.example.net/img/2024/lead-800.jpg" alt="lead"><figcaption>The caption. Photo: A. Person</figcaption></figure><article>${para(8)}</article>`,
        '<meta property="og:image" content="https://cdn.example.com/img/2024/lead-1200.jpg">',
      ),
      URL_,
    );
    expect(a.leadImage).toBe('https://cdn.example.com/img/2024/lead-1200.jpg');
    expect(a.html).toMatch(/<figure><img src="https:\/\/mirror\.example\.net\/img\/2024\/lead-800\.jpg"/);
    expect(a.text.indexOf('The caption. Photo: A. Person')).toBeLessThan(a.text.indexOf('Paragraph 1'));
  });
  it('does not add an og:image the page never shows', () => {
    const a = extract(page(`<h1>Story</h1><article>${para(8)}</article>`, '<meta property="og:image" content="https://cdn.example.com/social-card.jpg">'), URL_);
    expect(a.leadImage).toBe('https://cdn.example.com/social-card.jpg');
    expect(a.html).not.toContain('social-card');
  });
  it('refuses documents over the element limit with a clear error', () => {
    const doc = page(`<div>${'<span>x</span>'.repeat(500)}</div>`);
    expect(() => extract(doc, URL_, { maxElements: 100 })).toThrow(ExtractError);
    try {
      extract(doc, URL_, { maxElements: 100 });
    } catch (err) {
      expect((err as ExtractError).code).toBe('too-large');
    }
  });
  it('reports an empty page as an ExtractError, not a crash', () => {
    expect(() => extract(page(''), URL_)).toThrow(ExtractError);
  });
  it('says a site front page is not an article', () => {
    const teasers = Array.from({ length: 8 }, (_, i) => `<article><h2><a href="/story-${i}">Headline ${i}</a></h2><p>${'A teaser summary sentence for this story on the front page. '.repeat(3)}</p></article>`).join('');
    const doc = new JSDOM(`<!doctype html><html><body><h1>The Daily Example</h1><main>${teasers}</main></body></html>`, { url: 'https://news.example.com/' }).window.document;
    expect(extract(doc, 'https://news.example.com/').readerable).toBe(false);
  });
  it('measures its own time and fills every field (null, never undefined)', () => {
    const a = extract(page(`<h1>Story</h1><article>${para(8)}</article>`), URL_);
    expect(a.ms).toBeGreaterThan(0);
    for (const [k, v] of Object.entries(a)) expect(v, k).not.toBeUndefined();
    expect(a.readingTimeMinutes).toBeGreaterThanOrEqual(1);
  });
});

describe('extract(): removed items and the fallback', () => {
  it('gives each restorable removal its own sanitized HTML (forms unwrapped, scripts and handlers dropped)', () => {
    const doc = page(`<h1>Story</h1><article><div class="share"><a href="https://facebook.com/x" onclick="steal()">f</a><a href="https://twitter.com/x">t</a></div>${para(8)}<form class="newsletter"><p>Get our newsletter</p><input type="email"><script>x()</script></form></article>`);
    const a = extract(doc, URL_);
    const byRule = Object.fromEntries(a.removed.map((r) => [r.rule, r.html]));
    expect(byRule['share-bar']).toBe('<div class="share"><a href="https://facebook.com/x" target="_blank" rel="noopener noreferrer">f</a><a href="https://twitter.com/x" target="_blank" rel="noopener noreferrer">t</a></div>');
    expect(byRule['newsletter']).toBe('<p>Get our newsletter</p>');
    expect(a.html).not.toMatch(/onclick|<script|<form/);
  });
  it('lists page-level removals only when they were inside what became the article', () => {
    const doc = page(`<div class="share"><a href="https://facebook.com/site">f</a><a href="https://twitter.com/site">t</a></div><article><h1>Story</h1><div class="share"><a href="https://facebook.com/x">f</a><a href="https://twitter.com/x">t</a></div>${para(8)}</article><footer><div class="newsletter"><p>Get our newsletter</p></div></footer>`);
    const a = extract(doc, URL_);
    expect(a.removed.map((r) => [r.rule, r.html])).toEqual([['share-bar', expect.stringContaining('facebook.com/x')]]);
    expect(a.html).not.toMatch(/data-lectern|facebook/);
  });
  it('never takes a consent dialog’s vendor list as the article', async () => {
    const { findProseContainer } = await import('../../src/core/fallback.ts');
    const vendor = '<p>Youtube, Google Ireland Limited: videos are played back; connection data are collected and stored for 90 days.</p>';
    const doc = page(`<div class="sp-dsgvo-privacy-popup"><div class="content">${vendor.repeat(30)}</div></div><article>${para(3)}</article>`);
    expect(findProseContainer(doc)?.html ?? '').not.toContain('Youtube');
  });
});

describe('extract() on the bundled sample', () => {
  it('shows the sample’s sentence-like <h2> dek as a standfirst paragraph', async () => {
    const { readFileSync } = await import('node:fs');
    const url = 'https://www.telesurenglish.net/news/drone-strike-pushes-iraq-to-end-us-led-coalition-mission-20240208-0010.html';
    const a = extract(new JSDOM(readFileSync('samples/telesur-iraq-drone.html'), { url }).window.document, url);
    expect(a.html).toMatch(/<p class="standfirst">The U\.S\. drone bombarded/);
    expect(a.html).not.toMatch(/<h2/);
  });
});

describe('extract() in place', () => {
  it('gives the same article as on a copy', async () => {
    const { readFileSync } = await import('node:fs');
    for (const fixture of ['jsonld-newsarticle', 'live-blog', 'rtl-arabic', 'german-news']) {
      const expected = JSON.parse(readFileSync(`tests/fixtures/${fixture}/expected.json`, 'utf8')) as { url: string };
      const html = readFileSync(`tests/fixtures/${fixture}/page.html`);
      const copy = extract(new JSDOM(html, { url: expected.url }).window.document, expected.url);
      const inPlace = extract(new JSDOM(html, { url: expected.url }).window.document, expected.url, { inPlace: true });
      expect({ ...inPlace, ms: 0 }, fixture).toEqual({ ...copy, ms: 0 });
    }
  });
});

describe('extract() and customized built-in elements', () => {
  it('keeps a story wrapped in <section is="…"> (DOMPurify would drop it whole)', () => {
    const a = extract(page(`<h1>Story</h1><section is="x-layout-post"><main>${para(8)}</main></section>`), URL_);
    expect(a.text).toContain('Paragraph 8 of the story');
    expect(a.html).not.toContain(' is=');
  });
});

describe('narrowToProse (before Readability)', () => {
  const long = (label: string, n: number) =>
    Array.from({ length: n }, (_, i) => `<p>${label} ${i + 1}: the council met on Tuesday to discuss the bridge, and residents asked about its cost and the timetable for the work.</p>`).join('');
  it('keeps the part with the prose, widened to the headline, and drops the rest', async () => {
    const { narrowToProse } = await import('../../src/core/fallback.ts');
    const doc = page(`<nav>Menu</nav><div id="wrap"><main><header><h1>Story</h1></header><div><div><div><div id="text">${long('Para', 20)}</div></div></div></div></main><aside id="side">${long('Side', 2)}</aside></div><footer>Footer</footer>`);
    const kept = narrowToProse(doc, undefined, doc.querySelector('h1'));
    expect(kept).not.toBeNull();
    expect(doc.getElementById('text')).not.toBeNull();
    expect(doc.querySelector('h1')).not.toBeNull();
    expect(doc.body.textContent).not.toContain('Footer');
    expect(doc.body.textContent).not.toContain('Menu');
    expect(doc.getElementById('side')).toBeNull();
  });
  it('keeps a story whose <h1> is the end of a "Kicker: Headline - Site" title when readers\' posts hold most of the prose', () => {
    const posts = Array.from({ length: 12 }, (_, i) => `<div class="post"><b>Reader${i}</b><p>${'I think the council got this wrong, and the bridge will cost far more than anybody says today. '.repeat(3)}</p></div>`).join('');
    const doc = new JSDOM(
      `<!doctype html><html><head><title>Bridge vote: Council backs the new bridge - Example News</title></head><body><div class="main"><div class="art"><h1>Council backs the new bridge</h1><div class="body">${long('Para', 4)}</div></div><div class="posts"><div><div><div class="list">${posts}</div></div></div></div></div></body></html>`,
      { url: URL_ },
    ).window.document;
    expect(extract(doc, URL_).text).toContain('Para 1: the council met');
  });
  it('leaves pages with little prose alone', async () => {
    const { narrowToProse } = await import('../../src/core/fallback.ts');
    const doc = page(`<h1>Story</h1><div><div><div>${long('Para', 3)}</div></div></div><footer>Footer</footer>`);
    expect(narrowToProse(doc)).toBeNull();
    expect(doc.body.textContent).toContain('Footer');
  });
});

describe('the fallback container (src/core/fallback.ts)', () => {
  it.each([
    ['a <div>', '<div class="story">STORY<figure><img src="https://news.example.com/a.jpg" alt="A"><figcaption>Caption &amp; credit</figcaption></figure></div>'],
    ['a table cell', '<table><tbody><tr><td class="story">STORY</td></tr></tbody></table>'],
    ['a list item', '<ul><li class="story">STORY</li></ul>'],
    ['one holding a template and markup-like text', '<section class="story">STORY<template><p>t</p></template><p>&lt;/template&gt;&lt;script&gt;x()&lt;/script&gt;</p></section>'],
  ])('comes back from its HTML as it was: %s', async (_name, html) => {
    const { fallbackElement, findProseContainer } = await import('../../src/core/fallback.ts');
    const doc = page(`<h1>Story</h1>${html.replace('STORY', para(6))}<p>short</p>`);
    const original = doc.querySelector('.story')!;
    const candidate = findProseContainer(doc)!;
    // From a copied document (no window of its own), as the content script works.
    const copy = doc.cloneNode(true) as Document;
    const el = fallbackElement(doc.defaultView!, copy, candidate)!;
    expect(el.ownerDocument).toBe(copy);
    expect(el.outerHTML).toBe(original.outerHTML);
    expect(el.isEqualNode(original)).toBe(true);
  });
  it('takes a story inside a layout wrapper with a furniture-like class, but not a box of furniture', async () => {
    const { findProseContainer } = await import('../../src/core/fallback.ts');
    // `above-footer` wraps the whole story: above the element that names itself the article, it is layout.
    const wrapped = page(`<div class="above-footer"><div class="article-body-content"><div class="text">${para(6)}</div></div></div>`);
    expect(findProseContainer(wrapped)?.el.getAttribute('class')).toBe('text');
    // The same prose in a sidebar or comments box (`comment-content` names no article), or under a <footer>, is not taken.
    for (const html of [
      `<div class="sidebar"><div class="text">${para(6)}</div></div>`,
      `<div class="comments"><div class="comment-content"><div class="text">${para(6)}</div></div></div>`,
      `<footer><div class="article-body"><div class="text">${para(6)}</div></div></footer>`,
    ]) {
      expect(findProseContainer(page(html)), html.slice(0, 40)).toBeNull();
    }
  });
  it('comes back as it was when it is the <body> itself', async () => {
    const { fallbackElement, findProseContainer } = await import('../../src/core/fallback.ts');
    const doc = page(`<h1>Story</h1>${para(6)}`);
    const el = fallbackElement(doc.defaultView!, doc.cloneNode(true) as Document, findProseContainer(doc)!)!;
    expect(el.tagName).toBe('BODY');
    expect(el.isEqualNode(doc.body)).toBe(true);
  });
});
