/** How the library names an item and tells whether its text changed (shared by saving and importing). */
import { normalizeUrl } from '../../core/url.ts';

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The library identity of a page: its canonical URL when it names one, else its URL, normalized. */
export function itemId(url: string, canonicalUrl: string | null | undefined): string {
  return normalizeUrl(canonicalUrl || url);
}
