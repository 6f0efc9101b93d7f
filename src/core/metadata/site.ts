/**
 * siteName, and the "is this text the site's name?" test used to strip title
 * suffixes and to drop bylines that merely repeat the publisher.
 */

import type { Sources } from './context.ts';
import { cleanText, normalizeKey } from './text.ts';

/** JSON-LD publisher.name, og:site_name, a JSON-LD WebSite name, application-name. Never derived from the hostname. */
export function pickSiteName(src: Sources): string | null {
  return (
    src.jsonLd.publisherName ??
    cleanText(src.meta.first('og:site_name')) ??
    src.jsonLd.websiteName ??
    cleanText(src.meta.first('application-name'))
  );
}

/** Every name the page uses for itself, for matching (not for display). */
export function siteNameVariants(src: Sources, siteName: string | null): string[] {
  const names = [
    siteName,
    src.jsonLd.publisherName,
    src.jsonLd.websiteName,
    ...src.meta.all('og:site_name'),
    src.meta.first('application-name'),
  ];
  return names.map((n) => cleanText(n)).filter((n): n is string => n !== null);
}

export type SiteMatcher = (text: string) => boolean;

/** Shortest normalised length for a partial (prefix/suffix) match; avoids "AP" matching "Apple News". */
const MIN_PARTIAL = 4;

/** `text` equals the name, or is a long-enough prefix/suffix of it (never the reverse: "The Guardian view on X" is not the site). */
function keyMatches(text: string, name: string): boolean {
  if (text === name) return true;
  return text.length >= MIN_PARTIAL && text.length < name.length && (name.startsWith(text) || name.endsWith(text));
}

/**
 * True when `text` names the site: equal to a site name ignoring case, spaces
 * and punctuation ("The  Guardian" = "the guardian"), a prefix/suffix of one
 * ("Guardian" in "The Guardian", "Times" in "Sunday Times"), or the hostname
 * without www/TLD ("theguardian", "TheGuardian.com").
 */
export function createSiteMatcher(siteNames: string[], hostNames: string[]): SiteMatcher {
  const nameKeys = [...new Set(siteNames.map(normalizeKey).filter(Boolean))];
  const hostKeys = new Set(hostNames.map(normalizeKey).filter(Boolean));
  return (text: string): boolean => {
    const key = normalizeKey(text);
    if (!key) return false;
    return hostKeys.has(key) || nameKeys.some((name) => keyMatches(key, name));
  };
}
