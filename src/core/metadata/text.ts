/**
 * String helpers shared by the metadata readers: entity decoding, whitespace
 * collapsing and rejection of junk template values. Pure functions, no DOM.
 */

/**
 * Named entities worth decoding. Attribute values and element text are already
 * decoded by the HTML parser; what reaches us still encoded is mostly JSON-LD
 * text and double-encoded meta content, which in practice uses this small set.
 */
const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0',
  ndash: '\u2013', mdash: '\u2014', hellip: '\u2026', bull: '\u2022', middot: '\u00b7',
  lsquo: '\u2018', rsquo: '\u2019', sbquo: '\u201a', ldquo: '\u201c', rdquo: '\u201d',
  bdquo: '\u201e', laquo: '\u00ab', raquo: '\u00bb', lsaquo: '\u2039', rsaquo: '\u203a',
  copy: '\u00a9', reg: '\u00ae', trade: '\u2122', deg: '\u00b0', times: '\u00d7',
  divide: '\u00f7', euro: '\u20ac', pound: '\u00a3', yen: '\u00a5', cent: '\u00a2',
  sect: '\u00a7', para: '\u00b6', shy: '\u00ad', thinsp: '\u2009', ensp: '\u2002',
  emsp: '\u2003', zwj: '\u200d', zwnj: '\u200c', lrm: '\u200e', rlm: '\u200f',
  iexcl: '\u00a1', iquest: '\u00bf', szlig: '\u00df', aelig: '\u00e6', AElig: '\u00c6',
  oslash: '\u00f8', Oslash: '\u00d8', aring: '\u00e5', Aring: '\u00c5',
  ccedil: '\u00e7', Ccedil: '\u00c7', ntilde: '\u00f1', Ntilde: '\u00d1',
  aacute: '\u00e1', eacute: '\u00e9', iacute: '\u00ed', oacute: '\u00f3', uacute: '\u00fa',
  Aacute: '\u00c1', Eacute: '\u00c9', Iacute: '\u00cd', Oacute: '\u00d3', Uacute: '\u00da',
  agrave: '\u00e0', egrave: '\u00e8', igrave: '\u00ec', ograve: '\u00f2', ugrave: '\u00f9',
  Agrave: '\u00c0', Egrave: '\u00c8', Igrave: '\u00cc', Ograve: '\u00d2', Ugrave: '\u00d9',
  acirc: '\u00e2', ecirc: '\u00ea', icirc: '\u00ee', ocirc: '\u00f4', ucirc: '\u00fb',
  auml: '\u00e4', euml: '\u00eb', iuml: '\u00ef', ouml: '\u00f6', uuml: '\u00fc',
  Auml: '\u00c4', Euml: '\u00cb', Iuml: '\u00cf', Ouml: '\u00d6', Uuml: '\u00dc',
  atilde: '\u00e3', otilde: '\u00f5', yacute: '\u00fd', yuml: '\u00ff',
};

const ENTITY_RE = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z][a-zA-Z0-9]{1,31}));/g;

function fromCodePoint(cp: number): string {
  // Invalid code points (NUL, surrogates, out of range) become U+FFFD, as in HTML.
  if (!Number.isFinite(cp) || cp <= 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
    return '\ufffd';
  }
  return String.fromCodePoint(cp);
}

/** Decodes numeric and common named HTML entities; unknown names are left alone. Single pass. */
export function decodeEntities(input: string): string {
  if (!input.includes('&')) return input;
  return input.replace(ENTITY_RE, (whole, dec?: string, hex?: string, name?: string) => {
    if (dec) return fromCodePoint(parseInt(dec, 10));
    if (hex) return fromCodePoint(parseInt(hex, 16));
    return (name && NAMED_ENTITIES[name]) ?? whole;
  });
}

/** Removes things that look like HTML tags (JSON-LD text sometimes carries markup). */
export function stripTags(input: string): string {
  return input.replace(/<\/?[a-zA-Z][^<>]*>/g, ' ');
}

/** Collapses all whitespace (including NBSP) to single spaces and drops zero-width characters. */
export function collapseWhitespace(input: string): string {
  return input.replace(/[\u200b\u200c\u200d\ufeff]/g, '').replace(/\s+/g, ' ').trim();
}

/** Template leftovers that must never surface as values. */
const JUNK_VALUES = new Set(['undefined', 'null', 'none', 'nan', '[object object]', 'false', 'true']);

export function isJunk(value: string): boolean {
  return JUNK_VALUES.has(value.trim().toLowerCase());
}

/**
 * Turns a raw value into display text: decoded, tag-free, whitespace-collapsed.
 * Returns null for non-strings, empty strings and junk like "undefined".
 */
export function cleanText(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = collapseWhitespace(stripTags(decodeEntities(value)));
  if (!text || isJunk(text)) return null;
  return text;
}

/** Lower-cased letters and digits only: used to compare names ignoring case, spacing and punctuation. */
export function normalizeKey(value: string): string {
  return value.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

export function wordCount(value: string): number {
  const trimmed = value.trim();
  return trimmed ? trimmed.split(/\s+/).length : 0;
}
