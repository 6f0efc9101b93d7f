import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { cleanContent, cleanPage, type Removal } from '../../src/core/cleanup/index.ts';
import { rescueArticleParts } from '../../src/core/cleanup/rescue.ts';

const URL_ = 'https://news.example.com/world/2024/story.html';
const story = '<p>' + 'The council voted on the budget after a long debate about schools and roads. '.repeat(20) + '</p>';
/** One <p> per line: the blocks a text rule sees whole. */
const paragraphs = (lines: string[]) => lines.map((l) => `<p>${l}</p>`).join('');

function page(body: string) {
  const doc = new JSDOM(`<!doctype html><body>${body}</body>`, { url: URL_ }).window.document;
  const removals: Removal[] = [];
  cleanPage(doc, URL_, removals);
  return { doc, removals, removed: removals.map(({ rule, text }) => ({ rule, text })), text: doc.body.textContent ?? '' };
}
function content(body: string) {
  const doc = new JSDOM(`<!doctype html><body><div id="c">${body}</div></body>`, { url: URL_ }).window.document;
  const root = doc.getElementById('c')!;
  const removals: Removal[] = [];
  cleanContent(root, URL_, removals);
  return { root, removals, removed: removals.map(({ rule, text }) => ({ rule, text })), text: root.textContent ?? '' };
}
/**
 * Content phase: `lines` (one <p> each) after a story, then `after`, are removed by `rules` in order; nothing in
 * `kept` is removed.
 */
function removesLinesKeeps(lines: string[], rules: string[], kept: string, after = ''): void {
  expect(content(`${story}${paragraphs(lines)}${after}`).removed.map((x) => x.rule)).toEqual(rules);
  expect(content(kept).removed).toEqual([]);
}

describe('clean-up, page phase', () => {
  it('removes a share bar found by class, and records it', () => {
    const r = page(`<div class="article-share"><a href="https://facebook.com/sharer">Facebook</a><a href="https://twitter.com/intent">Twitter</a></div><h1>T</h1>${story}`);
    expect(r.text).not.toContain('Facebook');
    expect(r.removed).toEqual([{ rule: 'share-bar', text: 'FacebookTwitter' }]);
  });
  it("never removes the headline, whatever its class says (a breadcrumb's last item)", () => {
    const r = page(`<ol class="breadcrumb"><li class="breadcrumb__item"><a href="/bauen">Bauen</a></li></ol><h1 class="breadcrumb__list-h1">Was ist eine Vorsatzschale?</h1>${story}`);
    expect(r.doc.querySelector('h1')).not.toBeNull();
    expect(r.removed.map((x) => x.rule)).toEqual(['breadcrumb']);
  });
  it('removes a share bar found only by its links (no telling class)', () => {
    const r = page(`<ul class="x1"><li><a href="https://www.facebook.com/sharer.php?u=1">f</a></li><li><a href="https://x.com/intent/post">x</a></li><li><a href="https://wa.me/?text=1">w</a></li></ul>${story}`);
    expect(r.doc.querySelector('ul.x1')).toBeNull();
  });
  it('removes breadcrumbs, newsletter forms and cookie banners', () => {
    const r = page(`<nav class="crumbs"><a href="/">Home</a> › <a href="/world">World</a></nav>${story}<div class="box"><h4>Daily briefing</h4><form><input type="email"><button>Go</button></form></div><div class="x"><p>We use cookies to improve the site.</p><button>Accept</button></div>`);
    expect(r.removed.map((x) => x.rule).sort()).toEqual(['breadcrumb', 'consent', 'newsletter']);
    expect(r.text).toContain('council voted');
  });
  it('never removes an element holding the headline or most of the text', () => {
    const r = page(`<div class="social-wrapper"><h1>Headline</h1>${story}</div>`);
    expect(r.text).toContain('Headline');
    expect(r.text).toContain('council voted');
    const r2 = page(`<div class="comments-enabled-post">${story}${story}</div>`);
    expect(r2.text).toContain('council voted');
  });
  it('does not mistake words inside class names for clutter (shadow, address, badges in text)', () => {
    const r = page(`<div class="shadowbox">${story}</div><p class="address">1 Main St</p>`);
    expect(r.removed).toEqual([]);
  });
});

describe('clean-up, content phase', () => {
  it('removes comment prompts, badges, ad labels and datelines by their whole text', () => {
    const r = content(`<p>Post with no comments.</p><span>Audio Only</span><div>Advertisement</div><p>Published 8 February 2024</p>${story}<p>Comments (0)</p>`);
    expect(r.removed.map((x) => x.rule)).toEqual(['comments', 'badge', 'ad', 'dateline', 'comments']);
    expect(r.text.trim()).toBe(story.replace(/<\/?p>/g, '').trim());
  });
  it('keeps the same words inside running text', () => {
    const r = content('<p>Watch <a href="https://news.example.com/live">live</a> coverage as it happens.</p><p>An advertisement ran in 1984.</p>');
    expect(r.removed).toEqual([]);
  });
  it('removes "Read more:" paragraphs and link-only teasers to other stories of the site', () => {
    const r = content(`${story}<p>Read more: <a href="https://news.example.com/other">Other story</a></p><p><a href="https://news.example.com/world/iraq-syria">Iraq and Syria: Dozens Killed After US Attacks</a></p>${story}`);
    expect(r.removed.map((x) => x.rule)).toEqual(['related-links', 'related-links']);
  });
  it('keeps a link-only sentence and links to other sites', () => {
    const r = content(`<p><a href="https://news.example.com/report">Read the full report here.</a></p><p><a href="https://other.example.org/paper">The original paper</a></p>`);
    expect(r.removed).toEqual([]);
  });
  it('removes "Follow her on X" and "Reuse this content"', () => {
    const r = content(`${story}<p>Follow her on X @jdoe</p><p>Reuse this content</p>`);
    expect(r.removed.map((x) => x.rule)).toEqual(['author-bio', 'site-chrome']);
  });
});

describe('what the clean-up records for Restore', () => {
  it('anchors a content-phase removal to the block after it (or before it at the end)', () => {
    const r = content(`<p>First paragraph of the story.</p><p>Advertisement</p><p>Second paragraph of the story.</p><p>Comments (0)</p>`);
    expect(r.removals.map((x) => x.at)).toEqual([{ before: 'Second paragraph of the story.' }, { after: 'Second paragraph of the story.' }]);
  });
  it('puts page widgets above the headline at the start, the others at the end', () => {
    const r = page(`<nav class="breadcrumb"><a href="/">Home</a> › <a href="/w">World</a></nav><h1>T</h1>${story}<div class="newsletter"><p>Sign up</p></div>`);
    expect(r.removals.map((x) => [x.rule, x.at])).toEqual([['breadcrumb', 'start'], ['newsletter', 'end']]);
  });
});

describe('clean-up, content phase: labels, link lists, times, ratings', () => {
  it('removes a short label and the block of links under it together, in any language', () => {
    const r = content(`${story}<h3>Ähnliche Beiträge</h3><ul><li><a href="https://news.example.com/a">Erster Beitrag</a></li><li><a href="https://news.example.com/b">Zweiter Beitrag</a></li></ul>`);
    expect(r.removed).toEqual([{ rule: 'related-links', text: 'Ähnliche Beiträge - Erster Beitrag - Zweiter Beitrag' }]);
    expect(r.text).not.toContain('Ähnliche');
  });
  it('keeps a section heading followed by prose with a link', () => {
    const r = content(`<h3>What the report says</h3><p>The <a href="https://news.example.com/r">report</a> found that most schools lack funding for repairs, according to the council.</p>`);
    expect(r.removed).toEqual([]);
  });
  it('removes a lone time and a German dateline, but keeps a live blog’s entry times', () => {
    const r = content(`<p>19:49</p>${story}<p>Erstellt am Dienstag 6. Mai 2014</p>`);
    expect(r.removed.map((x) => x.rule)).toEqual(['dateline', 'dateline']);
    const live = content(`<p><time>16:42</time></p><p>Entry one text here.</p><p><time>15:58</time></p><p>Entry two.</p><p><time>14:31</time></p><p>Entry three.</p>`);
    expect(live.removed).toEqual([]);
  });
  it('removes labelled datelines in more languages, with seconds and a category, but not a lone "Date" heading', () => {
    const lines = ['Veröffentlichung: 2. Februar 2022', 'Publikacja: 04.05.2021', 'opublikowano: 2021-04-29 17:13:04.031886+02:00', 'News date : 04/21/2022 Category : Press Releases', '24.01.2022 11:38Kategorie: News', 'Datum: 18.10.2021'];
    const r = content(`${story}${paragraphs(lines)}`);
    expect(r.removed.map((x) => x.text)).toEqual(lines);
    const metaLine = content(`<p>Freitag | 14. Juni 2019 | 15:49 VON Sina Giebel IN Fashion | 0 COMMENTS</p>${story}<p>24. März 2004, 19:49 | Genesis</p>`);
    expect(metaLine.removed.map((x) => x.rule)).toEqual(['dateline', 'dateline']);
    expect(content(`${story}<p>Results | 2021-10-16 was the day we won the cup against all the odds in the final</p>`).removed).toEqual([]);
    const table = content(`${story}<table><tr><th>Date</th><th>Datum</th></tr><tr><td>4 May</td><td>Vote</td></tr></table><p>The date was set for 4 May 2021</p>`);
    expect(table.removed).toEqual([]);
  });
  it('removes rating and comment prompts', () => {
    const r = content(`${story}<p>War der Artikel nützlich?</p><p>Kommentare schreiben</p><p>Rate this recipe</p>`);
    expect(r.removed.map((x) => x.rule)).toEqual(['comments', 'comments', 'comments']);
  });
});

describe('clean-up, content phase: promotion, labelled links, notices', () => {
  it('removes calls to follow the site or get its app, in several languages', () => {
    const r = content(`${story}<p>Follow The Daily on Twitter and Instagram @daily.</p><p>¿Ya sabías que tenemos canal de Telegram? Únete desde tu celular.</p><p>Download our app for iOS and Android.</p>`);
    expect(r.removed.map((x) => x.rule)).toEqual(['promo', 'promo', 'promo']);
  });
  it('keeps a sentence that merely mentions a network', () => {
    const r = content(`<p>The minister said on Twitter that the talks had failed, and officials confirmed it later.</p><p>He was inspired to get the tattoo after a shop advertised the design on Instagram.</p>`);
    expect(r.removed).toEqual([]);
  });
  it("removes a news site's pitch for its app or newsletter, and asks to sign up", () => {
    const lines = [
      'For the latest stories and breaking news updates download the Nationnews apps for iOS and Android.',
      'Get the latest news straight to your phone with the VI Consortium app.',
      'Never miss the latest news by signing up to our newsletter today!',
      "Do you want to be informed of DiEM25's actions? Sign up here",
    ];
    const kept = `<p>Users can download the new app for iOS and Android from Monday, the ministry said.</p><p>The latest news from the front was grim: the town fell on Sunday, and thousands fled its app-less hospitals.</p>`;
    removesLinesKeeps(lines, ['promo', 'promo', 'promo', 'newsletter'], kept);
  });
  it('removes "Label: <link>" lines in any language, but keeps labelled prose', () => {
    const r = content(`${story}<p>Lea también: <a href="https://news.example.com/x">Impiden ingreso a reportero</a></p><p>MIRA: <a href="https://news.example.com/y">Otra noticia</a></p>`);
    expect(r.removed.map((x) => x.rule)).toEqual(['related-links', 'related-links']);
    const prose = content(`<p>Update: the council <a href="https://news.example.com/v">voted</a> again on Friday and the plan passed by a wide margin.</p><p>2 décembre 2019 : <a href="https://tv.example.fr/r">Reportage JT 13 heures</a></p><p><a href="http://www.example.org/petition">http://www.example.org/petition</a></p>`);
    expect(prose.removed).toEqual([]);
  });
  it('removes reprint notices, paywall prompts and sponsored disclosures', () => {
    const r = content(`${story}<p>This article is the copyrighted property of Example News.</p><p>To view the full story, please subscribe to The Example.</p><p>*Werbung. Dieser Beitrag enthält Werbung für X.</p>`);
    expect(r.removed.map((x) => x.rule)).toEqual(['site-chrome', 'newsletter', 'ad']);
  });
  it('removes a long copyright footer, letters-to-the-editor prompts and a load-more button', () => {
    const lines = [
      '© 2022, Example.com. This article is the copyrighted property of Example News. Written permission must be obtained before reprint in online or print media. REPRINTING CONTENT WITHOUT PERMISSION AND/OR PAYMENT IS THEFT AND PUNISHABLE BY LAW.',
      'We want to hear what you think about this article. Submit a letter to the editor or write to letters@example.com.',
      'Lade weitere Inhalte ...',
    ];
    removesLinesKeeps(lines, ['site-chrome', 'site-chrome', 'site-chrome'], `<p>She wrote a letter to the editor of the local paper in 1974, which made her famous.</p>`);
  });
  it('removes affiliate disclosures and "as PDF" download links', () => {
    const lines = [
      'Für Links auf dieser Seite erhält CHIP ggf. eine Provision vom Händler, z.B. für solche mit -Symbol.',
      'Letzte Aktualisierung am 2.02.2022 / Bei den Verlinkungen handelt es sich um Affiliate Links / Bilder von der Amazon Product Advertising API',
      'We may earn a commission when you buy through links on our site.',
      'As an Amazon Associate I earn from qualifying purchases.',
    ];
    const kept = `<p>The agent receives a commission of five per cent on every flat he sells, the court heard on Monday.</p><p>Die Links zu den Studien finden Sie am Ende des Textes, sagte die Forscherin.</p>`;
    removesLinesKeeps(lines, ['ad', 'ad', 'ad', 'ad', 'site-chrome'], kept, '<p>Dieses Skript als PDF herunterladen</p>');
  });
  it("keeps a table's own links (a download matrix), but not a link list laid out in a table cell", () => {
    const cells = (name: string) => `<tr><td><a href="https://news.example.com/install/${name}">${name}</a></td><td><a href="https://news.example.com/install/${name}">x86_64</a></td></tr>`;
    const table = content(`${story}<table><tbody>${['Debian', 'Fedora', 'Ubuntu'].map(cells).join('')}</tbody></table>`);
    expect(table.removed).toEqual([]);
    const nav = content(`${story}<table><tbody><tr><td><ul><li><a href="https://news.example.com/a">Conditional random field</a></li><li><a href="https://news.example.com/b">Hidden Markov model</a></li></ul></td></tr></tbody></table>`);
    expect(nav.removed.map((x) => x.rule)).toContain('related-links');
  });
});

describe('clean-up, content phase: appeals, disclaimers, comment log-in prompts', () => {
  it('removes support appeals, opinion/licence disclaimers and "log in to comment" lines', () => {
    const r = content(`${story}<p>If you enjoyed reading this post – would you consider supporting our work? Just click here.</p><p>Diese Arbeit ist nur mit Ihrer Unterstützung möglich!</p><p>Dieser Beitrag gibt die Meinung des Autors wieder, nicht notwendigerweise die der Redaktion.</p><p>Dieser Text wurde veröffentlicht unter der Lizenz CC-BY-NC-ND-4.0-DE.</p><p>This entry was posted in News. Bookmark the permalink.</p><p>Du musst eingeloggt sein um Kommentare zu schreiben!</p>`);
    expect(r.removed.map((x) => x.rule)).toEqual(['newsletter', 'newsletter', 'site-chrome', 'site-chrome', 'site-chrome', 'comments']);
    expect(r.text).toContain('council voted');
  });
  it('keeps sentences that report on support, opinions or licences', () => {
    const r = content(`<p>The union said members would support the strike, and the views of the workers were heard.</p><p>Die Stadt hat die Fotos unter einer neuen Regel veröffentlicht, sagte der Sprecher.</p>`);
    expect(r.removed).toEqual([]);
  });
});

describe('clean-up, content phase: leftovers ending the article', () => {
  it('removes a heading or label with nothing after it and a last teaser link, after the prose', () => {
    const r = content(`${story}<h3>Ähnliche Beiträge</h3><p><a href="https://other.example.org/x">Ein anderer Artikel über etwas</a></p><p>Kontakt:</p>`);
    expect(r.removed).toEqual([
      { rule: 'tail', text: 'Ähnliche Beiträge' },
      { rule: 'tail', text: 'Ein anderer Artikel über etwas' },
      { rule: 'tail', text: 'Kontakt:' },
    ]);
    expect(r.text).toContain('council voted');
  });
  it('keeps the same blocks when text, a picture or a list follows them, and pages without prose', () => {
    const mid = content(`<h3>Schools</h3>${story}<h3>Roads</h3><p>Paved.</p>`);
    expect(mid.removed).toEqual([]);
    const pictured = content(`${story}<h3>The new bridge</h3><img src="https://news.example.com/b.jpg">`);
    expect(pictured.removed).toEqual([]);
    const list = content(`${story}<h3>Ingredients</h3><ul><li>Flour</li><li>Sugar</li><li>Eggs</li></ul>`);
    expect(list.removed).toEqual([]);
    const table = content(`${story}<table><tr><td>Leverkusen</td><td>Bayern</td></tr></table>`);
    expect(table.removed).toEqual([]);
    const short = content(`<h2>Test Case 1</h2><p>Hello</p><h2>Test Case 2</h2>`);
    expect(short.removed).toEqual([]);
  });
  it('removes a closing section of furniture: its heading and everything after it', () => {
    const r = content(`${story}<h3>Weitere Informationen:</h3><p>Das Institut forscht seit 1975 zum Klima und seinen Folgen für die Region.</p><h3>Kontakt:</h3><p>Dr. Erika Muster, Pressestelle, Telefon 040 1234567</p>`);
    expect(r.removed.map((x) => x.text)).toEqual([
      'Weitere Informationen:',
      'Das Institut forscht seit 1975 zum Klima und seinen Folgen für die Region.',
      'Kontakt:',
      'Dr. Erika Muster, Pressestelle, Telefon 040 1234567',
    ]);
    expect(r.removed.every((x) => x.rule === 'tail')).toBe(true);
    const read = content(`${story}<p>Schon gelesen?</p><p><a href="https://other.example.org/x">Ein anderer Artikel über etwas ganz anderes</a> und noch einer dazu.</p>`);
    expect(read.removed.map((x) => x.text)).toEqual(['Schon gelesen?', 'Ein anderer Artikel über etwas ganz anderes und noch einer dazu.']);
    const about = content(`${story}<h2>About the author</h2><p>Jane Doe covers city hall for the Example and has written about the council since 2010, often at length.</p>`);
    expect(about.text).not.toContain('Jane Doe');
    const topic = content(`${story}<p><strong>Das Thema könnte dich auch interessieren:</strong></p><p><a href="https://other.example.org/x">Wellness zu Hause: zehn Ideen</a> für kalte Tage, die gut tun.</p>`);
    expect(topic.removed.map((x) => x.rule)).toEqual(['tail', 'related-links']);
  });
  it('keeps such a heading early in the article, and headings that only resemble one', () => {
    const early = content(`<h3>Kontakt</h3><p>Wer die Stadt erreichen will, ruft an.</p>${story}`);
    expect(early.removed).toEqual([]);
    const other = content(`${story}<h3>Kontakte zur Verwaltung</h3><p>Die Stadt hat neue Kontakte zur Verwaltung des Landes aufgebaut, sagte der Bürgermeister.</p>`);
    expect(other.removed).toEqual([]);
  });
  it('keeps a closing photo credit and byline (the article keeps its credits)', () => {
    const r = content(`${story}<p>Top photo by Joan Bardeletti</p><p>jethuynh/iStock/Getty Images</p><p>By David Streitfeld</p>`);
    expect(r.removed).toEqual([]);
  });
  it('keeps a closing pull quote, a sign-off quote and a bare link', () => {
    const r = content(`${story}<h4>The story is dreadful. It is perfectly dreadful.</h4><p>— „Ok.“</p><p><a href="http://www.example.org/petition">http://www.example.org/petition</a></p>`);
    expect(r.removed).toEqual([]);
  });
});

describe('clean-up, content phase: page interface left in the text', () => {
  it('removes PHP warnings, image-viewer and print controls, licence footers, cart messages and comment counters', () => {
    const lines = [
      'Warning: Creating default object from empty value in /www/htdocs/wp-includes/classes.php on line 407',
      'Bild anzeigen Bild schließen',
      'Quellen ausblenden',
      'Imprimer Imprimer cette page',
      'Permalien https://p.dw.com/p/RPYx',
      'Sofern nicht anders ausgewiesen, stehen Inhalte dieser Website unter CC-BY',
      'Der Artikel wurde erfolgreich hinzugefügt.',
      'Kommentare insgesamt: 0',
    ];
    const r = content(`${story}${paragraphs(lines)}`);
    expect(r.removed.map((x) => x.text)).toEqual(lines);
  });
  it('keeps sentences that only mention such things', () => {
    const r = content(`${story}<p>The warning: do not build on line 4 of the river bank, the engineers said.</p><p>Unless otherwise noted, the figures come from the city.</p>`);
    expect(r.removed).toEqual([]);
  });
});

describe('clean-up, content phase: stand-ins for embeds not yet allowed', () => {
  it('removes the consent placeholder of an embed, in German and English', () => {
    const lines = [
      'Empfohlener redaktioneller Inhalt',
      'An dieser Stelle findet Ihr einen externen Inhalt von Instagram, der den Artikel ergänzt. Ihr könnt ihn Euch mit einem Klick anzeigen lassen.',
      'Ich bin damit einverstanden, dass mir externe Inhalte angezeigt werden. Damit können personenbezogene Daten an Drittplattformen übermittelt werden.',
      'Twitter freischalten',
      'Wir respektieren deine Privatsphäre und stellen deshalb ohne dein Einverständnis keine Verbindung zu Twitter her.',
      'This content is hosted by a third party. To view it, allow its cookies.',
    ];
    const r = content(`${story}${paragraphs(lines)}<p>The mayor said the vote would be held again next year.</p>`);
    expect(r.removed.map((x) => x.text)).toEqual(lines);
    expect(r.removed.every((x) => x.rule === 'consent')).toBe(true);
  });
  it('keeps sentences about external content or privacy', () => {
    const r = content(`${story}<p>Externer Inhalt ist nach dem neuen Gesetz kennzeichnungspflichtig, sagte die Ministerin.</p><p>We respect your privacy, the company wrote in a statement on Tuesday.</p>`);
    expect(r.removed).toEqual([]);
  });
  it('removes the click-to-load stand-in of a consent plug-in (Borlabs)', () => {
    const r = content(`${story}<p>Klicken Sie auf den unteren Button, um den Inhalt von www.komoot.de zu laden.</p><p>Click the button below to load the content from Spotify.</p>`);
    expect(r.removed.map((x) => x.rule)).toEqual(['consent', 'consent']);
  });
});

describe('clean-up, page phase: consent banners and live commentary', () => {
  it('keeps Adobe Experience Manager "cmp-" components (the article) but removes a consent manager box', () => {
    const r = page(`<div class="cmp-container"><div class="cmp-text"><p>Heat pumps work in old houses too, if the radiators are large enough.</p></div></div><div class="cmp-wrapper"><p>We and our partners use cookies. Accept all?</p><button>Accept</button></div>${story}`);
    expect(r.text).toContain('Heat pumps work in old houses');
    expect(r.removed.map((x) => x.rule)).toEqual(['consent']);
    expect(r.text).not.toContain('partners use cookies');
  });
  it('keeps a box with a consent class whose text is not about consent', () => {
    const r = page(`<div class="consent"><p>The mayor gave her consent to the plan after the second reading in the council.</p></div>${story}`.replace('her consent', 'her approval'));
    expect(r.text).toContain('The mayor gave her approval');
  });
  it('removes a long consent dialog that lists its vendors', () => {
    const vendor = '<p>Vendor: Youtube. Purpose: cookies for videos; consent can be withdrawn in the privacy settings.</p>';
    const r = page(`<div class="privacy-popup">${vendor.repeat(20)}</div><h1>T</h1>${story.repeat(6)}`);
    expect(r.text).not.toContain('Vendor: Youtube');
    expect(r.removed[0]?.rule).toBe('consent');
  });
  it('keeps live commentary classed "comment" but removes readers’ comments', () => {
    const r = page(`${story}<div class="live-match-comment"><p>95' The referee ends the match at the Moustoir!</p></div><div class="comments"><p>Great article, thanks!</p></div><div class="livefyre-comments"><p>Me too, great!</p></div>`);
    expect(r.text).toContain('The referee ends the match');
    expect(r.text).not.toContain('Great article');
    expect(r.text).not.toContain('Me too');
  });
});

describe('rescue of article parts', () => {
  /** The page after rescueArticleParts(). */
  const rescued = (html: string) => {
    const doc = new JSDOM(html).window.document;
    rescueArticleParts(doc);
    return doc;
  };
  it("uses the bundled Readability's own \"unlikely\" patterns (the same objects, not a copy)", async () => {
    const { Readability } = await import('@mozilla/readability');
    const { READABILITY_PATTERNS } = await import('../../src/core/readability-patterns.ts');
    const doc = new JSDOM('<!doctype html><body></body>').window.document;
    const regexps = (new Readability(doc) as unknown as { REGEXPS: { unlikelyCandidates: RegExp; okMaybeItsACandidate: RegExp } }).REGEXPS;
    expect(READABILITY_PATTERNS.unlikelyCandidates).toBe(regexps.unlikelyCandidates);
    expect(READABILITY_PATTERNS.okMaybeItsACandidate).toBe(regexps.okMaybeItsACandidate);
    expect(READABILITY_PATTERNS.unlikelyCandidates.source).toContain('comment');
  });
  it('keeps a live-blog entry header (time + heading) that Readability would drop for its class', () => {
    const doc = rescued('<!doctype html><body><article><header class="entry__header"><time>16:42</time><h2>Update</h2></header><p>Text</p></article><div class="site-header"><h2>Menu</h2></div></body>');
    expect(doc.querySelector('article header')?.hasAttribute('class')).toBe(false);
    expect(doc.querySelector('.site-header')).not.toBeNull();
  });
  it('only rescues inside the outermost article containers', () => {
    const doc = rescued('<!doctype html><body><div class="header-x"><h2>Out</h2></div><div itemprop="articleBody"><article><div class="related-x"><h3>In</h3></div></article><div class="comment-x"><time>1</time></div></div></body>');
    expect(doc.querySelector('.header-x')).not.toBeNull();
    expect(doc.querySelector('.related-x')).toBeNull();
    expect(doc.querySelector('.comment-x')).toBeNull();
  });
  it("does not rescue a dialog's parts: a modal is no part of the article", () => {
    const doc = rescued('<!doctype html><body><article><div class="modal"><div class="modal__header"><h4>Disclosures</h4></div></div><div role="dialog"><div class="popup-header"><h3>Sign in</h3></div></div><p>Text</p></article></body>');
    expect(doc.querySelector('.modal__header')).not.toBeNull();
    expect(doc.querySelector('.popup-header')).not.toBeNull();
  });
});
