import type { CleanupRule } from '../rule.ts';
import { endsLikeSentence, firstBelow, isLink, linkDensity, linksIn, textOf } from '../dom.ts';

/**
 * A link a table cell holds itself is the table's data (a download matrix, a team's line-up), not a teaser. A link
 * list laid out in a cell (a Wikipedia navigation box) is still a list of links.
 */
function inTableCell(el: Element): boolean {
  for (let a: Element | null = el; a; a = a.parentElement) {
    const tag = a.tagName;
    if (tag === 'TD' || tag === 'TH') return a !== el;
    if (tag === 'UL' || tag === 'OL' || tag === 'LI' || tag === 'NAV' || tag === 'TABLE') return false;
  }
  return false;
}

/**
 * Related-article interruptions and rails: "Read more: …" paragraphs, "Related" boxes, "Most read",
 * "More news", Outbrain/Taboola widgets.
 */
export const relatedLinks: CleanupRule = {
  id: 'related-links',
  signature:
    /(?:^|[\s_-])(?:related|relatedlinks|related-?(?:articles?|stories|content|posts?|links?|news)|more-?(?:stories|news|articles|from|on)|read-?more|readmore|also-?read|see-?also|recommended|recommendations|most-?(?:read|popular|viewed|shared)|mostread|popular|trending|outbrain|taboola|further-?reading|up-?next|next-?up|read-?also|weitere-?artikel|mehr-?zum-?thema|lesen-?sie-?auch|a-?lire-?aussi|articles?-?connexes|relacionad[oa]s|correlat[ie])(?:$|[\s_-])/i,
  // A related box is made of links; a paragraph of prose with that class name (a dek, say) is not one.
  confirm: (el) => firstBelow(el, isLink) !== null && (linkDensity(el) > 0.4 || textOf(el).length < 200),
  structural: (el, ctx, text) =>
    ctx.phase === 'content' && (isTeaserLinkBlock(el, ctx.url, text) || labelledLink(el, text) || linkListUnder(el, text) !== null),
  companions: (el) => {
    const list = linkListUnder(el);
    return list ? [list] : [];
  },
  text: /^(?:(?:read more|more|related|see also|also read|read also|also see|recommended|watch|lesen sie auch|mehr zum thema|lire aussi|à lire aussi|leer más|lee también|اقرأ أيضا[ًً]?|اقرأ المزيد)\s*[:|>»-].{0,200}|related(?: articles| stories| content| coverage)?|more (?:news|stories|on this story)|most (?:read|popular|viewed)|mehr zum thema|das könnte sie auch interessieren|weitere artikel.{0,40}|you (?:may|might) also like|اقرأ أيضا[ًً]?|أخبار ذات صلة|الأكثر قراءة)$/i,
};

/**
 * Content phase: a short block that is nothing but a link (or a few) to another page of the same site, and
 * does not read like a sentence, is a related-story teaser cutting the text ("Iraq and Syria: Dozens Killed
 * After US Attacks"). Prose paragraphs end with punctuation; teaser headlines don't.
 */
export function isTeaserLinkBlock(el: Element, pageUrl: string, given?: string): boolean {
  if (!/^(?:P|DIV|ASIDE|SECTION|UL|OL|LI|H2|H3|H4|H5|H6|FIGURE|A)$/.test(el.tagName)) return false;
  const text = given ?? textOf(el);
  if (!text || text.length > 220 || endsLikeSentence(text)) return false;
  if (inTableCell(el)) return false;
  const links = linksIn(el);
  if (el.tagName === 'A' && el.hasAttribute('href')) links.push(el);
  if (!links.length || links.length > 8) return false;
  if (linkDensity(el) < 0.9 && el.tagName !== 'A') return false;
  let page: URL;
  try {
    page = new URL(pageUrl);
  } catch {
    return false;
  }
  return links.every((a) => {
    try {
      const target = new URL(a.getAttribute('href') ?? '', pageUrl);
      const sameSite = target.hostname.replace(/^www\./, '') === page.hostname.replace(/^www\./, '');
      return sameSite && target.pathname !== page.pathname && target.pathname.length > 1;
    } catch {
      return false;
    }
  });
}

const HEADING = /^(?:H2|H3|H4|H5|H6)$/;

/** A short label that is a heading, or a paragraph that is nothing but bold text ("<p><strong>Related</strong></p>"). */
function isLabel(el: Element, text?: string): boolean {
  if (HEADING.test(el.tagName)) return true;
  if (el.tagName !== 'P' && el.tagName !== 'DIV') return false;
  const only = el.firstElementChild;
  return only !== null && only === el.lastElementChild && /^(?:STRONG|B)$/.test(only.tagName) && textOf(only) === (text ?? textOf(el));
}

/**
 * "Similar posts" / "Ähnliche Beiträge" / "Lee también": a short label followed directly by a block of links.
 * Returns that block when `el` is such a label, so the label and its links go together, in any language.
 */
export function linkListUnder(el: Element, given?: string): Element | null {
  if (!isLabel(el, given)) return null;
  const label = given ?? textOf(el);
  if (!label || label.length > 60 || /[.!?]$/.test(label)) return null;
  const next = el.nextElementSibling;
  if (!next || !/^(?:UL|OL|DIV|P|SECTION|NAV)$/.test(next.tagName)) return null;
  const text = textOf(next);
  const links = linksIn(next).length;
  if (!text || text.length > 800 || links < 2) return null;
  return linkDensity(next) >= 0.7 ? next : null;
}

/**
 * "Lea también: <a>Impiden ingreso…</a>", "MIRA: <a>…</a>", "Lesen Sie auch: <a>…</a>": a short label ending in a
 * colon, then a link that is the rest of the block. Any language: the shape is the signal.
 */
export function labelledLink(el: Element, given?: string): boolean {
  if (!/^(?:P|DIV|LI|H3|H4|H5|H6|STRONG)$/.test(el.tagName)) return false;
  const text = given ?? textOf(el);
  const m = /^([^:：]{2,32})[:：]\s*(.+)$/.exec(text);
  if (!m || text.length > 250) return false;
  const label = m[1]!;
  // A label is a few words: not a date ("2 décembre 2019 :"), a time or a URL scheme ("http:").
  if (label.split(/\s+/).length > 5 || /\d|\/|^\s*https?\s*$/i.test(label)) return false;
  const rest = m[2]!.length;
  let linked = 0;
  for (const a of linksIn(el)) linked += textOf(a).length;
  return linked >= rest * 0.7;
}
