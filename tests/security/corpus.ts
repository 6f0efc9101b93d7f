/**
 * The hostile-page corpus (tests/security/pages/*.html): what each page is, and the payload convention.
 *
 * Every vector that would do harm reports to the attacker host, with its id: `http://attacker.test/js?v=<id>` when
 * it is script that ran, `/load?v=<id>` when something was fetched, `/nav?v=<id>` when something navigated. So a
 * request log is the ground truth: in the tab itself (a normal web page) many of these fire on load, which
 * shows the payloads are live; after Lectern's click, none may.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CORPUS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'pages');
export const ATTACKER_ORIGIN = 'http://attacker.test';
/** The host the pages are served from (the e2e proxy serves it; the CLI tests pass it as the page URL). */
export const NEWS_ORIGIN = 'http://news.test';

export interface HostilePage {
  name: string;
  file: string;
  html: string;
  /** Distinct payload ids (v=…) in the page. */
  payloads: string[];
}

export function corpus(): HostilePage[] {
  return readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => {
      const html = readFileSync(path.join(CORPUS_DIR, f), 'utf8');
      return { name: f.replace(/\.html$/, ''), file: path.join(CORPUS_DIR, f), html, payloads: payloadIds(html) };
    });
}

export function payloadIds(text: string): string[] {
  return [...new Set([...text.matchAll(/attacker\.test\/(?:js|load|nav|story)\?v=([a-z0-9-]+)/g)].map((m) => m[1]!))].sort();
}

/** The URL a page is served at (and the URL the CLI tests give it). */
export const pageUrl = (name: string): string => `${NEWS_ORIGIN}/security/${name}.html`;

/** A payload path: what a hit on the attacker host means. */
export function payloadKind(url: string): 'js' | 'load' | 'nav' | 'other' {
  const m = /^https?:\/\/attacker\.test(?::\d+)?\/(js|load|nav)\?/.exec(url);
  return (m?.[1] as 'js' | 'load' | 'nav' | undefined) ?? 'other';
}
