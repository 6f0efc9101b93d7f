/**
 * The sanitizer's hardening beyond DOMPurify's defaults (src/core/sanitize.ts): it fails closed where DOMPurify
 * would pass HTML through, parses srcset like a browser, drops tracking pixels, and never autoplays media.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { isTrackingPixel, purifierFor, sanitizeHtml, sanitizeToFragment, srcsetCandidates } from '../../src/core/sanitize.ts';

const win = new JSDOM('<!doctype html><body></body>', { url: 'https://example.com/' }).window as unknown as Window;
const clean = (html: string) => sanitizeHtml(win, html);

describe('sanitizer: fails closed', () => {
  it('throws instead of returning the input when DOMPurify cannot run in the given "window"', () => {
    // A page's <img name="defaultView"> makes document.defaultView an <img>; DOMPurify created for it is
    // "unsupported" and its sanitize() returns the dirty input unchanged.
    const img = win.document.createElement('img') as unknown as Window;
    expect(() => sanitizeHtml(img, '<img src=x onerror=alert(1)>')).toThrow(/cannot run/);
    expect(() => sanitizeToFragment({} as Window, '<script>1</script>')).toThrow(/cannot run/);
    expect(() => purifierFor({ document: { nodeType: 1 } } as unknown as Window)).toThrow(/cannot run/);
  });
});

describe('sanitizer: srcset', () => {
  it('splits candidates like a browser: commas inside URLs, trailing commas, descriptors with parentheses', () => {
    expect(srcsetCandidates('a.jpg 1x,b.jpg 2x')).toEqual([
      { url: 'a.jpg', descriptor: '1x' },
      { url: 'b.jpg', descriptor: '2x' },
    ]);
    expect(srcsetCandidates('https://e.com/a,b.jpg 640w, c.jpg,d.jpg')).toEqual([
      { url: 'https://e.com/a,b.jpg', descriptor: '640w' },
      { url: 'c.jpg,d.jpg', descriptor: '' },
    ]);
    expect(srcsetCandidates('a.jpg, b.jpg 2x')).toEqual([
      { url: 'a.jpg', descriptor: '' },
      { url: 'b.jpg', descriptor: '2x' },
    ]);
    expect(srcsetCandidates('a.jpg x(1,2), b.jpg')).toEqual([
      { url: 'a.jpg', descriptor: 'x(1,2)' },
      { url: 'b.jpg', descriptor: '' },
    ]);
    expect(srcsetCandidates(' , ,')).toEqual([]);
  });
  it('drops a javascript:/data: candidate hidden behind a comma without a space', () => {
    const out = clean('<img src="https://e.com/a.jpg" srcset="https://e.com/a.jpg 1x,javascript:alert(1) 2x,data:image/png;base64,AAAA 3x">');
    expect(out).toContain('srcset="https://e.com/a.jpg 1x"');
    expect(out).not.toMatch(/javascript:|data:/);
  });
  it('drops candidates to other schemes and odd descriptors, keeps at most 12, and bounds the work', () => {
    const out = clean('<img src="https://e.com/a.jpg" srcset="vbscript:x 1x, //evil.example/p.gif 2x, https://e.com/b.jpg onerror=x">');
    expect(out).not.toContain('srcset');
    const huge = Array.from({ length: 20_000 }, (_, i) => `https://e.com/${i}.jpg ${i + 1}w`).join(', ');
    const started = performance.now();
    const many = clean(`<img src="https://e.com/a.jpg" srcset="${huge}">`);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(many.match(/https:\/\/e\.com\/\d+\.jpg \d+w/g)?.length).toBe(12);
  });
});

describe('sanitizer: tracking pixels and media', () => {
  const img = (attrs: string) => new JSDOM(`<img ${attrs}>`).window.document.querySelector('img')!;
  it('recognises hidden, transparent and tiny images', () => {
    for (const a of ['width="1" height="1"', 'width="0"', 'height="2px"', 'hidden', 'style="display: none"', 'style="visibility:hidden"', 'style="width:1px;height:1px"', 'style="opacity: 0"']) {
      expect(isTrackingPixel(img(`src="https://t.example/p.gif" ${a}`)), a).toBe(true);
    }
    for (const a of ['', 'width="640" height="480"', 'width="30"', 'style="opacity:0.5"', 'style="width:100%"']) {
      expect(isTrackingPixel(img(`src="https://e.com/a.jpg" ${a}`)), a).toBe(false);
    }
  });
  it('drops tracking pixels from the output', () => {
    const out = clean('<p>Text<img src="https://t.example/p.gif?u=1" width="1" height="1"><img src="https://t.example/q.gif" style="display:none"><img src="https://e.com/a.jpg" width="600"></p>');
    expect(out).not.toContain('t.example');
    expect(out).toContain('https://e.com/a.jpg');
  });
  it('never autoplays or preloads audio/video, and sends no credentials or referrer for images', () => {
    const out = clean('<video src="https://e.com/v.mp4" autoplay preload="auto" crossorigin="use-credentials" controls></video><audio src="https://e.com/a.mp3" autoplay></audio><img src="https://e.com/a.jpg" crossorigin="use-credentials">');
    expect(out).not.toMatch(/autoplay|preload="auto"|crossorigin/);
    expect(out.match(/preload="none"/g)?.length).toBe(2);
    expect(out).toContain('referrerpolicy="no-referrer"');
  });
  it('makes <area> links open in a new tab without opener, like <a>', () => {
    const out = clean('<map name="m"><area href="https://e.com/" target="_top" shape="rect" coords="0,0,1,1"></map>');
    expect(out).toContain('target="_blank"');
    expect(out).toContain('rel="noopener noreferrer"');
  });
});

describe('sanitizer: data: URLs, obsolete elements, pixels before Readability', () => {
  it('keeps data: only for images in <img src>', () => {
    const out = clean('<img src="data:image/png;base64,iVBORw0KGgo=" alt="a"><img src="data:text/html,<script>1</script>" alt="b"><img src=" data:text/html,x" alt="c"><video src="data:video/mp4,x"></video><audio><source src="data:audio/mp3,x"></audio>');
    expect(out).toContain('src="data:image/png;base64,iVBORw0KGgo="');
    expect(out.match(/data:/g)?.length).toBe(1);
  });
  it('drops <marquee> (keeping its text)', () => {
    expect(clean('<marquee onstart="x()">Scrolling</marquee>')).toBe('Scrolling');
  });
  it('drops a pixel with its <picture>, so no <source> is left to fetch', () => {
    const out = clean('<p>a<picture><source srcset="https://t.example/p.gif 1x"><img src="https://t.example/p.gif" width="1" height="1"></picture>b</p>');
    expect(out).toBe('<p>ab</p>');
  });
  it('extract() drops pixels hidden or sized by CSS before Readability strips the style attribute', async () => {
    const { extract } = await import('../../src/core/extract.ts');
    const prose = Array.from({ length: 8 }, (_, i) => `<p>Paragraph ${i + 1} says what the council decided about the bridge and why it matters to the town.</p>`).join('');
    const doc = new JSDOM(`<!doctype html><title>Story</title><body><article><h1>Story</h1>${prose}<img src="https://t.example/a.gif" style="width:1px;height:1px"><img src="https://t.example/b.gif" style="opacity:0"><img src="https://t.example/c.gif" style="display:none">${prose}</article></body>`, { url: 'https://news.example.com/a/story.html' }).window.document;
    expect(extract(doc, 'https://news.example.com/a/story.html').html).not.toContain('t.example');
  });
});

describe('customized built-ins in removed items', () => {
  it('a removed item keeps its content and no is="" (found by the property test)', async () => {
    const { extract } = await import('../../src/core/extract.ts');
    const prose = Array.from({ length: 8 }, (_, i) => `<p>Paragraph ${i + 1} says what the council decided about the bridge and why it matters to the town.</p>`).join('');
    const doc = new JSDOM(`<!doctype html><title>Story</title><body><article><h1>Story</h1>${prose}<div class="share-bar" is="x-share"><span is="x-label">Share this</span> <a href="https://facebook.com/sharer">Facebook</a> <a href="https://twitter.com/intent">Twitter</a></div>${prose}</article></body>`, { url: 'https://news.example.com/a/story.html' }).window.document;
    const a = extract(doc, 'https://news.example.com/a/story.html');
    const items = a.removed.filter((r) => r.html?.includes('Share this'));
    expect(items.length).toBeGreaterThan(0);
    for (const r of a.removed) expect(r.html ?? '').not.toMatch(/\sis=/);
  });
});

describe('sanitizer: URL schemes', () => {
  it('drops schemes with digits (DOMPurify’s default pattern lets "h323:" through), keeps relative URLs and plain values', () => {
    const out = clean('<a href="h323:call">a</a><a href="A0:x">b</a><a href="web+app2:x">c</a><a href="/rel/path">d</a><a href="img.png">e</a><time datetime="10:00">f</time>');
    expect(out).not.toMatch(/h323|A0:|web\+app2/);
    expect(out).toContain('href="/rel/path"');
    expect(out).toContain('href="img.png"');
    expect(out).toContain('datetime="10:00"');
  });
});
