import { JSDOM } from 'jsdom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { extractMetadata, normalizeDate } from '../../src/core/metadata/index.ts';
import { parseDateAtStart } from '../../src/core/metadata/dates.ts';
import { parseJsonLdText } from '../../src/core/metadata/jsonld-parse.ts';
import { normalizeLang } from '../../src/core/metadata/lang.ts';
import { createSiteMatcher } from '../../src/core/metadata/site.ts';
import { decodeEntities } from '../../src/core/metadata/text.ts';
import { stripSiteName } from '../../src/core/metadata/title.ts';
import { hostnameNames } from '../../src/core/metadata/url.ts';

const PAGE_URL = 'https://www.example.com/news/story.html';

function docFor(html: string, url = PAGE_URL): Document {
  return new JSDOM(html, { url }).window.document;
}

function extract(html: string, url = PAGE_URL) {
  return extractMetadata(docFor(html, url), url);
}

/** A page whose <head> holds `head` and whose <body> holds `body`. */
function page(head: string, body = '', htmlAttrs = ''): string {
  return `<!doctype html><html ${htmlAttrs}><head>${head}</head><body>${body}</body></html>`;
}

const ld = (value: unknown): string => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;
const metaProp = (property: string, content: string): string => `<meta property="${property}" content="${content}">`;
const metaName = (name: string, content: string): string => `<meta name="${name}" content="${content}">`;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('extractMetadata: shape and robustness', () => {
  it('returns all-null metadata for an empty document', () => {
    expect(extract('<!doctype html><html><head></head><body></body></html>')).toEqual({
      title: null,
      byline: null,
      siteName: null,
      publishedTime: null,
      modifiedTime: null,
      canonicalUrl: null,
      lang: null,
      dir: null,
      excerpt: null,
      leadImage: null,
      schemaType: null,
      ogType: null,
    });
  });

  it('survives malformed JSON-LD and falls back to other sources', () => {
    const html = page(
      '<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>' +
        '<script type="application/ld+json">not json at all</script>' +
        metaProp('og:title', 'OG headline'),
    );
    const meta = extract(html);
    expect(meta.title).toBe('OG headline');
    expect(meta.schemaType).toBeNull();
  });

  it('repairs trailing commas, raw newlines and comment wrappers in JSON-LD', () => {
    const html = page(
      '<script type="application/ld+json"><!--\n{"@type": "NewsArticle", "headline": "Line one\nline two", "author": {"name": "Ann Lee",},}\n--></script>',
    );
    const meta = extract(html);
    expect(meta.title).toBe('Line one line two');
    expect(meta.byline).toBe('Ann Lee');
    expect(meta.schemaType).toBe('NewsArticle');
  });

  it('never throws on weird JSON-LD value types', () => {
    const html = page(
      ld([
        null,
        42,
        'str',
        {
          '@type': 'NewsArticle',
          headline: { nested: true },
          name: ['Array title'],
          author: [null, 5, { name: null }, { '@id': 'missing' }],
          datePublished: { bogus: 1 },
          image: [{}, null, 7],
          publisher: 'Just A String',
          inLanguage: 12,
        },
      ]),
    );
    const meta = extract(html);
    expect(meta.title).toBe('Array title');
    expect(meta.byline).toBeNull();
    expect(meta.publishedTime).toBeNull();
    expect(meta.leadImage).toBeNull();
    expect(meta.siteName).toBe('Just A String');
  });

  it('never returns the string "undefined" or "null" for any field', () => {
    const html = page(
      '<title>undefined</title>' +
        metaProp('og:title', 'undefined') +
        metaProp('og:image', 'undefined') +
        metaProp('og:url', 'null') +
        metaProp('og:site_name', 'undefined') +
        metaName('author', 'undefined') +
        metaName('description', 'null') +
        ld({ '@type': 'Article', headline: 'undefined', author: 'undefined', image: 'undefined', url: 'undefined' }),
      '',
      'lang="undefined"',
    );
    const meta = extract(html);
    for (const value of Object.values(meta)) {
      expect(value === null || (typeof value === 'string' && !/^(undefined|null)$/i.test(value) && !value.includes('undefined'))).toBe(true);
    }
    expect(meta.title).toBeNull();
    expect(meta.leadImage).toBeNull();
    expect(meta.canonicalUrl).toBeNull();
  });

  it('does not mutate the document', () => {
    const html = page(
      '<title>Story - Example</title><base href="https://cdn.example.com/">' +
        ld({ '@type': 'NewsArticle', headline: 'Story', author: 'By Ann' }),
      '<article><p class="byline">By Ann Lee</p><time datetime="2024-02-08">Feb 8</time></article>',
      'lang="en"',
    );
    const doc = docFor(html);
    const before = doc.documentElement.outerHTML;
    extractMetadata(doc, PAGE_URL);
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('works with a url argument that is not a valid URL', () => {
    const doc = docFor(page('<title>Plain title</title>' + metaProp('og:image', '/a.jpg')));
    const meta = extractMetadata(doc, 'not a url');
    expect(meta.title).toBe('Plain title');
    // jsdom's own document URL is still available as a base.
    expect(meta.leadImage).toBe('https://www.example.com/a.jpg');
  });
});

describe('JSON-LD entity selection', () => {
  it('reads an article inside @graph and resolves @id references (Yoast style)', () => {
    const html = page(
      ld({
        '@context': 'https://schema.org',
        '@graph': [
          { '@type': 'WebSite', '@id': 'https://www.example.com/#website', name: 'Example Site' },
          {
            '@type': 'WebPage',
            '@id': 'https://www.example.com/news/story.html#webpage',
            inLanguage: 'en-GB',
            isPartOf: { '@id': 'https://www.example.com/#website' },
          },
          {
            '@type': 'Article',
            headline: 'Graph headline',
            author: { '@id': 'https://www.example.com/#/person/1' },
            publisher: { '@id': 'https://www.example.com/#org' },
            datePublished: '2024-02-08T10:22:00+00:00',
            image: { '@id': 'https://www.example.com/#primaryimage' },
          },
          { '@type': 'Person', '@id': 'https://www.example.com/#/person/1', name: 'Jane Roe' },
          { '@type': 'Organization', '@id': 'https://www.example.com/#org', name: 'Example News' },
          { '@type': 'ImageObject', '@id': 'https://www.example.com/#primaryimage', url: '/img/lead.jpg' },
        ],
      }),
    );
    const meta = extract(html);
    expect(meta.title).toBe('Graph headline');
    expect(meta.byline).toBe('Jane Roe');
    expect(meta.siteName).toBe('Example News');
    expect(meta.schemaType).toBe('Article');
    expect(meta.publishedTime).toBe('2024-02-08T10:22:00.000Z');
    expect(meta.leadImage).toBe('https://www.example.com/img/lead.jpg');
    expect(meta.lang).toBe('en-GB');
  });

  it('handles a top-level array and an @type array (first string wins)', () => {
    const html = page(
      ld([
        { '@type': 'BreadcrumbList', itemListElement: [] },
        { '@type': ['ReportageNewsArticle', 'NewsArticle'], headline: 'Array typed' },
      ]),
    );
    const meta = extract(html);
    expect(meta.title).toBe('Array typed');
    expect(meta.schemaType).toBe('ReportageNewsArticle');
  });

  it('finds an article nested as mainEntity of a WebPage', () => {
    const html = page(
      ld({
        '@type': 'WebPage',
        name: 'Page name | Example',
        mainEntity: { '@type': 'OpinionNewsArticle', headline: 'Nested opinion' },
      }),
    );
    const meta = extract(html);
    expect(meta.title).toBe('Nested opinion');
    expect(meta.schemaType).toBe('OpinionNewsArticle');
  });

  it.each(['NewsArticle', 'Article', 'AnalysisNewsArticle', 'LiveBlogPosting', 'BlogPosting', 'schema:BlogPosting'])(
    'accepts @type %s',
    (type) => {
      const meta = extract(page(ld({ '@type': type, headline: 'Typed' })));
      expect(meta.title).toBe('Typed');
      expect(meta.schemaType).toBe(type.replace('schema:', ''));
    },
  );

  it('uses WebPage only as a weak fallback', () => {
    const weak = extract(page(ld({ '@type': 'WebPage', name: 'Only a page', description: 'Page desc' })));
    expect(weak.title).toBe('Only a page');
    expect(weak.schemaType).toBe('WebPage');
    expect(weak.excerpt).toBe('Page desc');

    const strong = extract(
      page(ld({ '@type': 'WebPage', name: 'Only a page' }) + ld({ '@type': 'NewsArticle', headline: 'Real story' })),
    );
    expect(strong.title).toBe('Real story');
    expect(strong.schemaType).toBe('NewsArticle');
  });

  it('ignores entities of unrelated types', () => {
    const meta = extract(page(ld({ '@type': 'Organization', name: 'Org' }) + '<title>Doc title</title>'));
    expect(meta.title).toBe('Doc title');
    expect(meta.schemaType).toBeNull();
  });

  it('prefers the article whose url is this page', () => {
    const html = page(
      ld([
        { '@type': 'NewsArticle', headline: 'Other story', url: 'https://www.example.com/other' },
        { '@type': 'NewsArticle', headline: 'This story', mainEntityOfPage: { '@id': PAGE_URL } },
      ]),
    );
    expect(extract(html).title).toBe('This story');
  });

  it('does not take articles from liveBlogUpdate or itemListElement', () => {
    const html = page(
      ld({
        '@type': 'ItemList',
        itemListElement: [{ '@type': 'NewsArticle', headline: 'Related story' }],
      }) + '<title>Doc title</title>',
    );
    expect(extract(html).title).toBe('Doc title');
  });

  it('uses JSON-LD before Open Graph', () => {
    const html = page(
      metaProp('og:title', 'OG title') +
        metaProp('og:description', 'OG desc') +
        ld({ '@type': 'NewsArticle', headline: 'LD title', description: 'LD desc' }),
    );
    const meta = extract(html);
    expect(meta.title).toBe('LD title');
    expect(meta.excerpt).toBe('LD desc');
  });
});

describe('title', () => {
  it('prefers og:title over <title> and decodes entities', () => {
    const meta = extract(page('<title>Doc title</title>' + metaProp('og:title', 'Tom &amp;amp; Jerry &#8217;s   day')));
    expect(meta.title).toBe('Tom & Jerry \u2019s day');
  });

  it('decodes entities in JSON-LD text and strips markup', () => {
    const meta = extract(page(ld({ '@type': 'Article', headline: 'Caf&eacute; &amp; <em>bar</em>&nbsp;opens' })));
    expect(meta.title).toBe('Caf\u00e9 & bar opens');
  });

  it('falls back to twitter:title, then <title>', () => {
    expect(extract(page('<title>Doc</title>' + metaName('twitter:title', 'Tweet title'))).title).toBe('Tweet title');
    expect(extract(page('<title>\n  Doc\n  title </title>')).title).toBe('Doc title');
  });

  it.each([
    ['Story headline | Example News', 'Story headline'],
    ['Story headline - Example News', 'Story headline'],
    ['Story headline \u2014 Example News', 'Story headline'],
    ['Story headline \u2013 Example News', 'Story headline'],
    ['Story headline :: Example News', 'Story headline'],
    ['Example News: Story headline', 'Story headline'],
    ['Example News | Story headline', 'Story headline'],
    ['Story headline | World | Example News', 'Story headline'],
    ['Story headline | Latest news | World | Example News', 'Story headline'],
    ['Story headline | EXAMPLE  NEWS', 'Story headline'],
    ['Story headline - News', 'Story headline'], // a suffix of the site name
  ])('strips the site name: %s', (raw, expected) => {
    const meta = extract(page(`<title>${raw}</title>` + metaProp('og:site_name', 'Example News')));
    expect(meta.title).toBe(expected);
  });

  it('strips a hostname-ish site segment when there is no site name', () => {
    expect(extract(page('<title>Story headline | Example.com</title>')).title).toBe('Story headline');
    expect(extract(page('<title>Story headline - example</title>')).title).toBe('Story headline');
    expect(
      extract(page('<title>A story - BBC</title>'), 'https://www.bbc.co.uk/news/1').title,
    ).toBe('A story');
  });

  it('keeps titles whose separators do not name the site', () => {
    expect(extract(page('<title>Spider-Man - The Review</title>')).title).toBe('Spider-Man - The Review');
    expect(
      extract(page('<title>Spider-Man - The Review</title>' + metaProp('og:site_name', 'Film Weekly'))).title,
    ).toBe('Spider-Man - The Review');
    expect(extract(page('<title>Spider-Man: Homecoming</title>' + metaProp('og:site_name', 'Film Weekly'))).title).toBe(
      'Spider-Man: Homecoming',
    );
    expect(extract(page('<title>Left | Right</title>')).title).toBe('Left | Right');
  });

  it('does not treat a headline that merely starts with the site name as the site', () => {
    const meta = extract(page('<title>The Guardian view on tax | Editorial</title>' + metaProp('og:site_name', 'The Guardian')));
    expect(meta.title).toBe('The Guardian view on tax | Editorial');
  });

  it('only drops breadcrumb sections for pipe-like chains, not dashes', () => {
    const meta = extract(page('<title>Batman Begins - The Review - Example News</title>' + metaProp('og:site_name', 'Example News')));
    expect(meta.title).toBe('Batman Begins - The Review');
  });

  it('strips the site from og:title and JSON-LD headlines too', () => {
    expect(extract(page(metaProp('og:title', 'OG story | Example News') + metaProp('og:site_name', 'Example News'))).title).toBe(
      'OG story',
    );
  });

  it('stripSiteName keeps the title when stripping would leave nothing', () => {
    const isSite = createSiteMatcher(['Example'], []);
    expect(stripSiteName('Example', isSite)).toBe('Example');
    expect(stripSiteName('Example | Example', isSite)).toBe('Example');
  });
});

describe('byline', () => {
  const withLd = (author: unknown, extra = ''): string =>
    page(ld({ '@type': 'NewsArticle', headline: 'H', author, publisher: { '@type': 'Organization', name: 'Example News' } }) + extra);

  it('reads a string author and a Person object', () => {
    expect(extract(withLd('Ann Lee')).byline).toBe('Ann Lee');
    expect(extract(withLd({ '@type': 'Person', name: 'Ann Lee' })).byline).toBe('Ann Lee');
    expect(extract(withLd({ '@type': 'Person', givenName: 'Ann', familyName: 'Lee' })).byline).toBe('Ann Lee');
  });

  it('joins author arrays as "A and B" / "A, B and C"', () => {
    expect(extract(withLd([{ name: 'Ann Lee' }, { name: 'Bo Kim' }])).byline).toBe('Ann Lee and Bo Kim');
    expect(extract(withLd(['Ann Lee', { name: 'Bo Kim' }, { name: 'Cy Tan' }])).byline).toBe('Ann Lee, Bo Kim and Cy Tan');
    expect(extract(withLd(['Ann Lee', 'ann lee'])).byline).toBe('Ann Lee');
  });

  it('skips Organization authors that are the publisher', () => {
    expect(extract(withLd({ '@type': 'Organization', name: 'Example News' })).byline).toBeNull();
    expect(extract(withLd([{ '@type': 'NewsMediaOrganization', name: 'Example News' }, { '@type': 'Person', name: 'Ann Lee' }])).byline).toBe(
      'Ann Lee',
    );
  });

  it('keeps Organization authors that are not the site (wire services)', () => {
    expect(extract(withLd({ '@type': 'Organization', name: 'Associated Press' })).byline).toBe('Associated Press');
  });

  it('falls back to another source when the JSON-LD author is only the publisher', () => {
    const meta = extract(withLd({ '@type': 'Organization', name: 'Example News' }, metaName('author', 'Ann Lee')));
    expect(meta.byline).toBe('Ann Lee');
  });

  it('strips "By", emails, URLs and a trailing site name', () => {
    expect(extract(withLd('By Ann Lee')).byline).toBe('Ann Lee');
    expect(extract(withLd('by: Ann Lee (ann@example.com)')).byline).toBe('Ann Lee');
    expect(extract(withLd('Ann Lee | Example News')).byline).toBe('Ann Lee');
    expect(extract(withLd('Ann Lee https://twitter.com/annlee')).byline).toBe('Ann Lee');
    expect(extract(withLd('Byron Smith')).byline).toBe('Byron Smith');
  });

  it('ignores article:author profile URLs and uses meta author', () => {
    const html = page(metaProp('article:author', 'https://www.facebook.com/annlee') + metaName('author', 'Ann Lee'));
    expect(extract(html).byline).toBe('Ann Lee');
    expect(extract(page(metaProp('article:author', 'Bo Kim'))).byline).toBe('Bo Kim');
  });

  it('reads itemprop/DC author meta and joins several meta authors', () => {
    expect(extract(page('<meta itemprop="author" content="Ann Lee">')).byline).toBe('Ann Lee');
    expect(extract(page(metaName('DC.creator', 'Bo Kim'))).byline).toBe('Bo Kim');
    expect(extract(page(metaName('author', 'Ann Lee') + metaName('author', 'Bo Kim'))).byline).toBe('Ann Lee and Bo Kim');
  });

  it('ignores JSON-LD author strings that are URLs', () => {
    expect(extract(withLd('https://www.example.com/authors/ann', metaName('author', 'Ann Lee'))).byline).toBe('Ann Lee');
  });

  it('drops meta authors that just repeat the site name', () => {
    const html = page(metaProp('og:site_name', 'Example News') + metaName('author', 'Example News'));
    expect(extract(html).byline).toBeNull();
  });

  it('rejects overly long bylines', () => {
    expect(extract(withLd('A'.repeat(30) + ' ' + 'B'.repeat(80))).byline).toBeNull();
  });

  it('reads rel=author links from the DOM', () => {
    const html = page('', '<article><a rel="author" href="/ann">Ann Lee</a> and <a rel="author" href="/bo">Bo Kim</a></article>');
    expect(extract(html).byline).toBe('Ann Lee and Bo Kim');
  });

  it('reads microdata authors from the DOM', () => {
    const html = page('', '<article><span itemprop="author" itemscope><span itemprop="name">Ann Lee</span></span></article>');
    expect(extract(html).byline).toBe('Ann Lee');
  });

  it('reads a short byline-classed element and strips "By " and a dateline', () => {
    const html = page('', '<article><div class="article-byline">By Ann Lee | Published 8 February 2024</div></article>');
    expect(extract(html).byline).toBe('Ann Lee');
  });

  it('ignores bylines of teaser cards and rails', () => {
    const html = page(
      '',
      '<main><ul><li><a href="/opinion/1"><span class="byline">Rachel Ng</span> Teaser headline</a></li></ul></main>' +
        '<aside><div class="author">Sam Rail</div></aside><nav><span class="author">Nav Person</span></nav>',
    );
    expect(extract(html).byline).toBeNull();
    const linked = page('', '<article><p class="byline">By <a class="author" href="/a/ann">Ann Lee</a></p></article>');
    expect(extract(linked).byline).toBe('Ann Lee');
  });

  it('ignores long author-classed blocks and comment authors', () => {
    const bio = 'Ann Lee is a reporter who has covered politics, science and the arts for many years across several continents and outlets.';
    const html = page(
      '',
      `<article><div class="author-bio">${bio}</div></article><section id="comments"><span class="comment-author">Troll</span></section>`,
    );
    expect(extract(html).byline).toBeNull();
  });
});

describe('siteName', () => {
  it('prefers JSON-LD publisher.name, then og:site_name, then application-name', () => {
    const ldPub = ld({ '@type': 'NewsArticle', headline: 'H', publisher: [{ '@type': 'Organization', name: 'LD Pub' }] });
    expect(extract(page(metaProp('og:site_name', 'OG Site') + ldPub)).siteName).toBe('LD Pub');
    expect(extract(page(metaProp('og:site_name', 'OG Site') + metaName('application-name', 'App'))).siteName).toBe('OG Site');
    expect(extract(page(metaName('application-name', 'App'))).siteName).toBe('App');
  });

  it('is null rather than invented from the hostname', () => {
    expect(extract(page('<title>Story | Example</title>')).siteName).toBeNull();
  });
});

describe('dates', () => {
  it('reads JSON-LD datePublished/dateModified with offsets as UTC ISO', () => {
    const html = page(
      ld({
        '@type': 'NewsArticle',
        headline: 'H',
        datePublished: '2024-02-08T10:22:00+05:30',
        dateModified: '2024-02-09T08:00:00-08:00',
      }),
    );
    const meta = extract(html);
    expect(meta.publishedTime).toBe('2024-02-08T04:52:00.000Z');
    expect(meta.modifiedTime).toBe('2024-02-09T16:00:00.000Z');
  });

  it('keeps date-only values date-only', () => {
    const meta = extract(page(ld({ '@type': 'NewsArticle', headline: 'H', datePublished: '2024-02-08' })));
    expect(meta.publishedTime).toBe('2024-02-08');
  });

  it('reads article:published_time / article:modified_time', () => {
    const html = page(
      metaProp('article:published_time', '2024-02-08T10:22:00Z') + metaProp('article:modified_time', '2024-02-08T12:00:00.000Z'),
    );
    const meta = extract(html);
    expect(meta.publishedTime).toBe('2024-02-08T10:22:00.000Z');
    expect(meta.modifiedTime).toBe('2024-02-08T12:00:00.000Z');
  });

  it.each([
    ['DC.date.issued', '2023-05-01'],
    ['parsely-pub-date', '2023-05-01'],
    ['sailthru.date', '2023-05-01'],
    ['date', '2023-05-01'],
  ])('reads meta name=%s', (name, value) => {
    expect(extract(page(metaName(name, value))).publishedTime).toBe('2023-05-01');
  });

  it('reads itemprop datePublished/dateModified', () => {
    const html = page(
      '<meta itemprop="datePublished" content="2023-05-01T09:00:00Z">',
      '<article><time itemprop="dateModified" datetime="2023-05-02T09:00:00Z">May 2</time></article>',
    );
    const meta = extract(html);
    expect(meta.publishedTime).toBe('2023-05-01T09:00:00.000Z');
    expect(meta.modifiedTime).toBe('2023-05-02T09:00:00.000Z');
  });

  it('uses the first <time datetime> inside the article for published', () => {
    const html = page(
      '',
      '<aside><time datetime="2020-01-01">old</time></aside><article><header><time datetime="2024-02-08T10:00:00+01:00">Feb 8</time></header><p><time datetime="2024-03-01">later</time></p></article>',
    );
    expect(extract(html).publishedTime).toBe('2024-02-08T09:00:00.000Z');
  });

  it('ignores <time> outside article/header/main', () => {
    expect(extract(page('', '<aside><time datetime="2024-02-08">x</time></aside>')).publishedTime).toBeNull();
  });

  it('falls through an implausible JSON-LD date to the next source', () => {
    const html = page(
      ld({ '@type': 'NewsArticle', headline: 'H', datePublished: '1970-01-01T00:00:00Z' }) +
        metaProp('article:published_time', '2024-02-08T10:22:00Z'),
    );
    expect(extract(html).publishedTime).toBe('2024-02-08T10:22:00.000Z');
  });

  it('rejects dates before 1990 and far in the future', () => {
    const future = new Date(Date.now() + 5 * 86_400_000).toISOString();
    expect(extract(page(metaProp('article:published_time', '1989-12-31'))).publishedTime).toBeNull();
    expect(extract(page(metaProp('article:published_time', future))).publishedTime).toBeNull();
    const soon = new Date(Date.now() + 86_400_000).toISOString();
    expect(extract(page(metaProp('article:published_time', soon))).publishedTime).toBe(soon);
  });

  it('parses visible datelines as a last resort', () => {
    const html = page(
      '',
      '<article><div class="meta">Published 8 February 2024</div><div class="dates">Updated: March 4, 2025 10:15 AM</div></article>',
    );
    const meta = extract(html);
    expect(meta.publishedTime).toBe('2024-02-08');
    expect(meta.modifiedTime).toBe('2025-03-04T10:15:00.000Z');
  });

  it('parses an unlabelled date in a date-classed element inside the article', () => {
    const html = page('', '<article><span class="post-date">Feb. 8, 2024</span><p>Body</p></article>');
    expect(extract(html).publishedTime).toBe('2024-02-08');
  });

  it('ignores "Posted" datelines inside comment sections', () => {
    const html = page('', '<article><p>Body</p></article><ol class="commentlist"><li><div class="comment-meta">Posted on March 3, 2024</div></li></ol>');
    expect(extract(html).publishedTime).toBeNull();
  });

  it('keeps DOM fallbacks working when <body> carries a comments-ish class', () => {
    const html = '<!doctype html><html><head></head><body class="comments-open"><article><p class="byline">By Ann Lee</p><p class="meta">Posted on March 3, 2024</p></article></body></html>';
    const meta = extract(html);
    expect(meta.byline).toBe('Ann Lee');
    expect(meta.publishedTime).toBe('2024-03-03');
  });

  it('ignores dates mentioned in body prose', () => {
    const html = page('', '<article><p>The law was published 8 February 2024 after a long debate in parliament.</p></article>');
    expect(extract(html).publishedTime).toBeNull();
  });
});

describe('normalizeDate', () => {
  const now = Date.UTC(2025, 5, 1);

  it.each<[unknown, string | null]>([
    ['2024-02-08', '2024-02-08'],
    ['2024-2-8', '2024-02-08'],
    ['2024/02/08', '2024-02-08'],
    ['20240208', '2024-02-08'],
    ['2024-02-08T10:22:00Z', '2024-02-08T10:22:00.000Z'],
    ['2024-02-08T10:22:00.123456+01:00', '2024-02-08T09:22:00.123Z'],
    ['2024-02-08T10:22:00+0100', '2024-02-08T09:22:00.000Z'],
    ['2024-02-08T10:22', '2024-02-08T10:22:00.000Z'],
    ['2024-02-08 10:22:00', '2024-02-08T10:22:00.000Z'],
    ['2024-02-08 10:22:00 UTC', '2024-02-08T10:22:00.000Z'],
    ['Thu, 08 Feb 2024 10:22:00 GMT', '2024-02-08T10:22:00.000Z'],
    ['Thu, 08 Feb 2024 10:22:00 +0200', '2024-02-08T08:22:00.000Z'],
    ['Thu Feb 08 2024 10:22:00 GMT+0100 (Central European Standard Time)', '2024-02-08T09:22:00.000Z'],
    ['February 8, 2024', '2024-02-08'],
    ['Feb. 8, 2024, 10:22 a.m. EST', '2024-02-08T15:22:00.000Z'],
    ['8th February 2024 at 9.30pm', '2024-02-08T21:30:00.000Z'],
    ['Sept 30, 2024 12:05 AM', '2024-09-30T00:05:00.000Z'],
    [1707387720, '2024-02-08T10:22:00.000Z'],
    [1707387720000, '2024-02-08T10:22:00.000Z'],
    ['1707387720', '2024-02-08T10:22:00.000Z'],
    ['2024-02-30', null],
    ['2024-13-01', null],
    ['2024-02-08T25:00:00Z', null],
    ['1985-06-01', null],
    ['2030-01-01', null],
    ['02/08/2024', null],
    ['yesterday', null],
    ['', null],
    ['2024-02-08 and then some', null],
    [null, null],
    [{}, null],
    [Number.NaN, null],
    [-5, null],
  ])('%s → %s', (input, expected) => {
    expect(normalizeDate(input, now)).toBe(expected);
  });

  it('parseDateAtStart ignores a bare number after the date', () => {
    expect(parseDateAtStart('8 Feb 2024 10 people attended', now)).toBe('2024-02-08');
  });
});

describe('canonicalUrl and leadImage', () => {
  it('reads <link rel=canonical> first, made absolute', () => {
    const html = page('<link rel="canonical" href="/news/canonical">' + metaProp('og:url', 'https://www.example.com/og'));
    expect(extract(html).canonicalUrl).toBe('https://www.example.com/news/canonical');
  });

  it('falls back to og:url, then JSON-LD url without a #fragment', () => {
    expect(extract(page(metaProp('og:url', 'https://www.example.com/og'))).canonicalUrl).toBe('https://www.example.com/og');
    const html = page(ld({ '@type': 'NewsArticle', headline: 'H', mainEntityOfPage: { '@id': 'https://www.example.com/ld#webpage' } }));
    expect(extract(html).canonicalUrl).toBe('https://www.example.com/ld');
  });

  it('resolves relative og:image against the page', () => {
    expect(extract(page(metaProp('og:image', '../img/a.jpg'))).leadImage).toBe('https://www.example.com/img/a.jpg');
    expect(extract(page(metaProp('og:image', '//cdn.example.net/a.jpg'))).leadImage).toBe('https://cdn.example.net/a.jpg');
  });

  it('respects <base href>', () => {
    const html = page('<base href="https://cdn.example.net/assets/">' + metaProp('og:image', 'img/a.jpg') + '<link rel="canonical" href="story">');
    const meta = extract(html);
    expect(meta.leadImage).toBe('https://cdn.example.net/assets/img/a.jpg');
    expect(meta.canonicalUrl).toBe('https://cdn.example.net/assets/story');
  });

  it('respects a relative <base href> resolved against the page url', () => {
    const html = page('<base href="/static/">' + metaProp('og:image', 'a.jpg'));
    expect(extract(html).leadImage).toBe('https://www.example.com/static/a.jpg');
  });

  it('reads JSON-LD image as string, ImageObject and array, before og:image', () => {
    const article = (image: unknown) => page(ld({ '@type': 'NewsArticle', headline: 'H', image }) + metaProp('og:image', '/og.jpg'));
    expect(extract(article('/ld.jpg')).leadImage).toBe('https://www.example.com/ld.jpg');
    expect(extract(article({ '@type': 'ImageObject', url: 'https://img.example.com/a.jpg' })).leadImage).toBe('https://img.example.com/a.jpg');
    expect(extract(article({ '@type': 'ImageObject', contentUrl: '/c.jpg' })).leadImage).toBe('https://www.example.com/c.jpg');
    expect(extract(article(['data:image/png;base64,AAAA', { url: '/second.jpg' }])).leadImage).toBe(
      'https://www.example.com/second.jpg',
    );
    expect(extract(article([])).leadImage).toBe('https://www.example.com/og.jpg');
  });

  it('prefers og:image:secure_url, then og:image, then twitter:image; rejects non-http', () => {
    expect(
      extract(page(metaProp('og:image', 'http://x.example/a.jpg') + metaProp('og:image:secure_url', 'https://x.example/a.jpg'))).leadImage,
    ).toBe('https://x.example/a.jpg');
    expect(extract(page(metaName('twitter:image', '/tw.jpg'))).leadImage).toBe('https://www.example.com/tw.jpg');
    expect(extract(page(metaProp('og:image', 'javascript:alert(1)'))).leadImage).toBeNull();
  });
});

describe('lang and dir', () => {
  it('reads <html lang> and <html dir>', () => {
    const meta = extract(page('', '', 'lang="ar" dir="ltr"'));
    expect(meta.lang).toBe('ar');
    expect(meta.dir).toBe('ltr');
  });

  it('reads <body dir> when <html> has none', () => {
    expect(extract('<!doctype html><html lang="en"><head></head><body dir="RTL"></body></html>').dir).toBe('rtl');
  });

  it.each(['ar', 'he', 'fa-IR', 'ur', 'ps', 'yi', 'dv', 'ku', 'ckb', 'sd', 'ug'])('infers rtl for %s', (lang) => {
    expect(extract(page('', '', `lang="${lang}"`)).dir).toBe('rtl');
  });

  it('infers ltr for other known languages, null when unknown', () => {
    expect(extract(page('', '', 'lang="en-US"')).dir).toBe('ltr');
    expect(extract(page('')).dir).toBeNull();
  });

  it('falls back to content-language, JSON-LD inLanguage, then og:locale', () => {
    expect(extract(page('<meta http-equiv="content-language" content="de, en">')).lang).toBe('de');
    expect(extract(page(ld({ '@type': 'NewsArticle', headline: 'H', inLanguage: 'fr-ca' }))).lang).toBe('fr-CA');
    const ogLocale = extract(page(metaProp('og:locale', 'he_IL')));
    expect(ogLocale.lang).toBe('he-IL');
    expect(ogLocale.dir).toBe('rtl');
  });

  it('normalizeLang rejects junk', () => {
    expect(normalizeLang('en_us')).toBe('en-US');
    expect(normalizeLang('zh-hant-tw')).toBe('zh-Hant-TW');
    expect(normalizeLang('und')).toBeNull();
    expect(normalizeLang('english please')).toBeNull();
    expect(normalizeLang('')).toBeNull();
  });
});

describe('excerpt', () => {
  it('uses JSON-LD, og:description, meta description, twitter:description in order', () => {
    expect(extract(page(metaName('description', 'Meta desc') + metaProp('og:description', 'OG desc'))).excerpt).toBe('OG desc');
    expect(extract(page(metaName('twitter:description', 'Tw desc') + metaName('description', 'Meta desc'))).excerpt).toBe('Meta desc');
    expect(extract(page(metaName('twitter:description', 'Tw desc'))).excerpt).toBe('Tw desc');
  });

  it('collapses whitespace and decodes entities', () => {
    const meta = extract(page(ld({ '@type': 'Article', headline: 'H', description: '  Fish &amp;\n\n chips &#x2014; <b>cheap</b> ' })));
    expect(meta.excerpt).toBe('Fish & chips \u2014 cheap');
  });
});

describe('helpers', () => {
  it('decodeEntities handles numeric, named and unknown entities', () => {
    expect(decodeEntities('&#39;&#x27;&quot;&hellip;&bogus;&#0;')).toBe("''\"\u2026&bogus;\ufffd");
  });

  it('parseJsonLdText returns undefined for unsalvageable input', () => {
    expect(parseJsonLdText('{"a": ')).toBeUndefined();
    expect(parseJsonLdText('')).toBeUndefined();
    expect(parseJsonLdText('//<![CDATA[\n{"a": 1}\n//]]>')).toEqual({ a: 1 });
  });

  it('hostnameNames strips www and the TLD (including two-level TLDs)', () => {
    expect(hostnameNames('https://www.theguardian.com/x')).toEqual(['theguardian', 'theguardian.com']);
    expect(hostnameNames('https://news.bbc.co.uk/x')).toEqual(['bbc', 'bbc.co.uk']);
    expect(hostnameNames('nope')).toEqual([]);
  });
});
