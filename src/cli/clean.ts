/** Raw page bytes → Article: jsdom parse (decoding like a browser, no scripts) + extract(), timed together. */
import { JSDOM, VirtualConsole } from 'jsdom';
import { extract } from '../core/extract.ts';
import { ExtractError, type Article } from '../core/types.ts';
import { formatMB, InputError, oneLine } from './input.ts';
import { charsetHint, contentTypeFor, stripStyles } from './sniff.ts';

/**
 * Limits that keep one page's run bounded. jsdom is far slower than a browser: measured on this machine, parsing
 * costs ~0.5–1 s per MB, and extract() ~0.2–0.5 ms per element, several times more on tables (Readability's
 * table handling on jsdom: 4,000 rows take ~9 s, 10,000 rows over a minute) — so 20,000 elements, twice the
 * largest of the 240 pages of the benchmark corpus, is the cap. Bytes inside <script>/<style> are cheap (raw text
 * to the parser, dropped before extract) and count only toward the hard cap. The core adds its own bounds
 * (text, nesting depth) and the time budget below, checked between its phases.
 */
export const LIMITS = {
  /** Markup and text (script and style bodies excluded) above this are refused before parsing. */
  maxContentBytes: 10 * 1024 * 1024,
  /** Hard cap on the whole file, scripts included (also the download cap). */
  maxTotalBytes: 25 * 1024 * 1024,
  /** Passed to extract() as maxElements (the core's default suits a browser, not jsdom). */
  maxElements: 20_000,
  /** Passed to extract() as timeBudgetMs: a page still being cleaned after this is refused as too large. */
  timeBudgetMs: 15_000,
};

export interface CleanResult {
  article: Article;
  /** Whether jsdom failed on the page as is and the page was cleaned with its <style> elements removed. */
  stylesStripped: boolean;
}

const SCRIPT_OR_STYLE = /<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const START_TAG = /<[a-zA-Z]/g;

/** Size of the page without the bodies of its <script> and <style> elements, and its number of start tags. */
export function measure(bytes: Buffer): { contentBytes: number; startTags: number } {
  const text = bytes.toString('latin1').replace(SCRIPT_OR_STYLE, '');
  let startTags = 0;
  START_TAG.lastIndex = 0;
  while (START_TAG.exec(text)) startTags += 1;
  return { contentBytes: text.length, startTags };
}

/**
 * Refuses pages that would take too long, before parsing them. The start-tag count is a cheap estimate of the
 * element count, so only pages clearly over the limit (by half again) are refused here; extract() checks the
 * real count.
 */
export function assertCleanableSize(bytes: Buffer): void {
  if (bytes.length > LIMITS.maxTotalBytes) {
    throw new InputError(`too large to clean (${formatMB(bytes.length)}; the limit is ${formatMB(LIMITS.maxTotalBytes)})`);
  }
  const { contentBytes, startTags } = measure(bytes);
  if (contentBytes > LIMITS.maxContentBytes) {
    throw new InputError(
      `too large to clean (${formatMB(contentBytes)} of markup and text; the limit is ${formatMB(LIMITS.maxContentBytes)})`,
    );
  }
  if (startTags > LIMITS.maxElements * 1.5) {
    throw new InputError(`too large to clean (about ${startTags} elements; the limit is ${LIMITS.maxElements})`);
  }
}

/** A console that drops everything: jsdom's CSS parse errors and "not implemented" notices are noise here. */
function silentConsole(): VirtualConsole {
  const vc = new VirtualConsole();
  vc.on('jsdomError', () => undefined);
  return vc;
}

function parse(bytes: Buffer, url: string, contentType: string): JSDOM {
  // jsdom's defaults are kept on purpose: page scripts do not run and no subresource is loaded.
  return new JSDOM(bytes, { url, contentType, virtualConsole: silentConsole() });
}

/** A refusal extract() means (too large, empty…), as opposed to an unexpected failure it wrapped as "failed". */
function isExpected(err: unknown): err is ExtractError {
  return err instanceof ExtractError && err.cause === undefined;
}

/** jsdom could not build the document. */
class ParserError extends Error {}

/** Parse + extract, one attempt. ExtractError propagates as thrown; a jsdom failure becomes a ParserError. */
function attempt(bytes: Buffer, url: string, contentType: string): Article {
  let dom: JSDOM;
  try {
    dom = parse(bytes, url, contentType);
  } catch (err) {
    throw new ParserError(oneLine(err));
  }
  try {
    // The DOM was parsed for this call only: let extract() work in it rather than on a copy.
    return extract(dom.window.document, url, { maxElements: LIMITS.maxElements, timeBudgetMs: LIMITS.timeBudgetMs, inPlace: true });
  } finally {
    // jsdom's close() recurses through the tree and overflows the stack on very deep pages; that must not replace
    // extract()'s answer (a "too large" refusal) with a stack overflow.
    try {
      dom.window.close();
    } catch {
      /* the page is dropped anyway */
    }
  }
}

/**
 * Parses and extracts one page. `ms` in the result covers the jsdom parse and extract() (and a retry, if any).
 * Errors are thrown as InputError with a one-line message.
 */
export function cleanPage(bytes: Buffer, url: string, transportCharset: string | null): CleanResult {
  assertCleanableSize(bytes);
  const contentType = contentTypeFor(charsetHint(bytes, transportCharset));
  const started = performance.now();
  const done = (article: Article, stylesStripped: boolean): CleanResult => {
    article.ms = Math.round((performance.now() - started) * 100) / 100;
    return { article, stylesStripped };
  };
  try {
    return done(attempt(bytes, url, contentType), false);
  } catch (first) {
    if (isExpected(first)) throw new InputError(oneLine(first.message));
    // jsdom throws on some stylesheets it cannot parse (e.g. SCSS left in a <style>): retry once without them.
    if (/<style\b/i.test(bytes.toString('latin1'))) {
      try {
        return done(attempt(stripStyles(bytes), url, contentType), true);
      } catch (second) {
        if (isExpected(second)) throw new InputError(oneLine(second.message));
      }
    }
    const what = first instanceof ParserError ? 'the HTML parser failed' : 'extraction failed';
    throw new InputError(`${what}: ${oneLine(first instanceof ExtractError ? first.cause : first)}`);
  }
}
