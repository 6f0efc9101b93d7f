/**
 * A synthetic ~1 MB news page for bench:ui, deterministic (seeded): the shape of a big commercial article page —
 * a mega-menu, share bars, a 1,800-word story with figures and subheads, inline ads and "Read more" teasers, a
 * related-stories grid, 150 comments, a footer link farm, a large inline JSON state blob and inline CSS, as
 * many news sites ship. Only the size and the shape are meant to be realistic; the words are filler.
 */
const WORDS = (
  'the government said on wednesday that a new agreement would be signed after months of talks between officials ' +
  'from both countries who met in the capital to discuss trade security and the future of the region while ' +
  'critics warned that the plan could raise prices for families and small businesses across the north where ' +
  'unemployment has risen sharply since the factory closed last year according to figures published by the ' +
  'statistics office which also showed that wages grew more slowly than expected in the third quarter as ' +
  'energy costs remained high and investment fell in most sectors of the economy'
).split(' ');

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function newsPage(targetBytes = 1_000_000, seed = 7): string {
  const r = rng(seed);
  const word = () => WORDS[Math.floor(r() * WORDS.length)]!;
  const words = (n: number) => Array.from({ length: n }, word).join(' ');
  const sentence = (min = 10, max = 26) => {
    const s = words(min + Math.floor(r() * (max - min)));
    return `${s[0]!.toUpperCase()}${s.slice(1)}.`;
  };
  const paragraph = () => Array.from({ length: 3 + Math.floor(r() * 3) }, () => sentence()).join(' ');
  const title = 'Government and Northern Region Agree Trade Plan After Months of Talks';

  const menu = Array.from({ length: 12 }, (_, i) => `<li class="nav-item"><a href="/section-${i}">${words(1)}</a><ul class="mega">${Array.from({ length: 24 }, (_, j) => `<li><a href="/section-${i}/topic-${j}" class="mega-link">${words(2)}</a></li>`).join('')}</ul></li>`).join('');
  const share = `<div class="share-bar social-share">${['Facebook', 'X', 'WhatsApp', 'Email', 'LinkedIn'].map((n) => `<a class="share share-${n.toLowerCase()}" href="https://share.example/${n}?u=story">Share on ${n}</a>`).join('')}</div>`;
  const teaser = (i: number) => `<aside class="read-more teaser"><a href="/news/related-${i}.html">Read more: ${sentence(6, 10)}</a></aside>`;
  const ad = (i: number) => `<div class="ad-slot advertisement" id="ad-${i}"><span class="ad-label">Advertisement</span><div class="ad-body" data-slot="${i}"></div></div>`;

  const story: string[] = [`<p class="standfirst">${sentence(18, 28)}</p>`];
  for (let i = 0; i < 60; i++) {
    if (i > 0 && i % 12 === 0) story.push(`<h2>${sentence(4, 8).replace(/\.$/, '')}</h2>`);
    if (i % 15 === 7) story.push(`<figure><img src="/img/photo-${i}.jpg" alt="${words(6)}" width="1200" height="800"><figcaption>${sentence(8, 14)} Photo: Agency</figcaption></figure>`);
    story.push(`<p>${paragraph()}</p>`);
    if (i % 9 === 4) story.push(ad(i));
    if (i % 10 === 6) story.push(teaser(i));
  }
  const related = `<section class="related-stories"><h2>More from News</h2><ul>${Array.from({ length: 60 }, (_, i) => `<li class="card"><a href="/news/story-${i}.html"><img src="/img/thumb-${i}.jpg" alt=""><span class="card-title">${sentence(6, 12)}</span></a><time datetime="2024-02-0${1 + (i % 8)}">${1 + (i % 8)} Feb</time></li>`).join('')}</ul></section>`;
  const comments = `<section id="comments" class="comments"><h2>Comments (150)</h2><ol>${Array.from({ length: 150 }, (_, i) => `<li class="comment"><div class="comment-author">reader${i}</div><div class="comment-body"><p>${sentence(8, 30)}</p></div><div class="comment-actions"><button>Reply</button><button>Like</button><button>Report</button></div></li>`).join('')}</ol></section>`;
  const footer = `<footer class="site-footer">${Array.from({ length: 8 }, (_, i) => `<ul class="footer-col">${Array.from({ length: 30 }, (_, j) => `<li><a href="/footer-${i}-${j}">${words(2)}</a></li>`).join('')}</ul>`).join('')}<p class="copyright">© 2024 The Daily Example</p></footer>`;
  const jsonLd = JSON.stringify({
    '@context': 'https://schema.org', '@type': 'NewsArticle', headline: title, datePublished: '2024-02-08T09:30:00Z',
    author: { '@type': 'Person', name: 'Alex Example' }, publisher: { '@type': 'Organization', name: 'The Daily Example' },
  });
  const head = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} | The Daily Example</title>
<meta property="og:type" content="article"><meta property="og:title" content="${title}"><meta property="og:site_name" content="The Daily Example">
<link rel="canonical" href="https://news.example/2024/02/08/trade-plan.html"><script type="application/ld+json">${jsonLd}</script>`;
  const body = `<body><header class="masthead"><a class="logo" href="/">The Daily Example</a><nav class="main-nav"><ul>${menu}</ul></nav></header>
<div class="cookie-banner consent" role="dialog"><p>We use cookies to improve your experience.</p><button>Accept</button></div>
<main><nav class="breadcrumb"><a href="/">Home</a> › <a href="/news">News</a> › <a href="/news/politics">Politics</a></nav>
<article class="story"><h1>${title}</h1><div class="byline">By <a rel="author" href="/authors/alex">Alex Example</a></div><time datetime="2024-02-08T09:30:00Z">8 February 2024</time>
${share}<div class="story-body">${story.join('\n')}</div>${share}
<div class="newsletter-signup"><h3>Get the morning briefing</h3><form><input type="email" placeholder="Email"><button>Sign up</button></form></div>
<div class="tags"><a href="/tag/trade">Trade</a><a href="/tag/economy">Economy</a></div></article>
${related}${comments}</main>${footer}`;
  // Inline CSS and a state blob fill the page to its size, as on many news sites (not DOM, but bytes to parse).
  const fixed = head.length + body.length + 200;
  const css = `<style>${Array.from({ length: 900 }, (_, i) => `.c${i}{margin:${i % 13}px;padding:${i % 7}px;color:#${(i * 2654435761 >>> 8).toString(16).padStart(6, '0').slice(0, 6)}}`).join('')}</style>`;
  let blob = '';
  const remaining = targetBytes - fixed - css.length;
  if (remaining > 0) {
    const items: string[] = [];
    let size = 0;
    for (let i = 0; size < remaining - 64; i++) {
      const item = JSON.stringify({ id: i, title: sentence(6, 12), url: `/news/item-${i}.html`, section: word(), score: Math.round(r() * 1000) });
      items.push(item);
      size += item.length + 1;
    }
    blob = `<script id="__STATE__" type="application/json">{"items":[${items.join(',')}]}</script>`;
  }
  return `${head}${css}</head>${body}${blob}</body></html>`;
}
