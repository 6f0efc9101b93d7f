/** lang (BCP 47) and dir ('ltr' | 'rtl'). */

import type { Sources } from './context.ts';

/** Primary language subtags written right-to-left. */
const RTL_LANGUAGES = new Set(['ar', 'he', 'iw', 'fa', 'ur', 'ps', 'yi', 'ji', 'dv', 'ku', 'ckb', 'sd', 'ug']);

const LANG_RE = /^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/i;

/** Case per BCP 47 conventions without Intl: "en-us" → "en-US", "zh-hant-tw" → "zh-Hant-TW". */
function canonicalCase(tag: string): string {
  return tag
    .split('-')
    .map((part, i) => {
      if (i === 0) return part.toLowerCase();
      if (part.length === 2) return part.toUpperCase();
      if (part.length === 4) return part[0]?.toUpperCase() + part.slice(1).toLowerCase();
      return part.toLowerCase();
    })
    .join('-');
}

/**
 * A language value as a BCP 47 tag, or null. Accepts "en_US" (og:locale),
 * "en-us", and content-language lists ("de, en" → "de").
 */
export function normalizeLang(value: string | null | undefined): string | null {
  if (!value) return null;
  const first = value.split(',')[0]?.trim().replace(/_/g, '-') ?? '';
  if (!LANG_RE.test(first) || /^und(?:-|$)/i.test(first)) return null;
  try {
    return Intl.getCanonicalLocales(first)[0] ?? canonicalCase(first);
  } catch {
    return canonicalCase(first);
  }
}

/** `<html lang>`, content-language meta, JSON-LD inLanguage, og:locale. */
export function pickLang(src: Sources): string | null {
  const html = src.doc.documentElement;
  const candidates = [
    html?.getAttribute('lang') ?? html?.getAttribute('xml:lang'),
    src.meta.first('content-language'),
    src.jsonLd.inLanguage,
    src.meta.first('og:locale'),
  ];
  for (const candidate of candidates) {
    const lang = normalizeLang(candidate);
    if (lang) return lang;
  }
  return null;
}

function dirAttribute(el: Element | null | undefined): 'ltr' | 'rtl' | null {
  const dir = el?.getAttribute('dir')?.trim().toLowerCase();
  return dir === 'ltr' || dir === 'rtl' ? dir : null;
}

/** Explicit `dir` on `<html>` or `<body>`, else inferred from the language, else null. */
export function pickDir(src: Sources, lang: string | null): 'ltr' | 'rtl' | null {
  const explicit = dirAttribute(src.doc.documentElement) ?? dirAttribute(src.doc.body);
  if (explicit) return explicit;
  if (!lang) return null;
  const primary = lang.split('-')[0]?.toLowerCase() ?? '';
  return RTL_LANGUAGES.has(primary) ? 'rtl' : 'ltr';
}
