/**
 * The one result type of Lectern's core. The TypeScript type and the CLI's JSON output are the same object.
 * Conventions: times are ISO 8601 strings, URLs are absolute, unknown values are `null` (never "undefined").
 */
export interface Article {
  /** The page URL the document was loaded from (absolute). */
  url: string;
  /** `<link rel=canonical>` / og:url / JSON-LD url, made absolute; null when the page names none. */
  canonicalUrl: string | null;
  /** Whether the page looks like an article (the popup shows "doesn't look like an article" when false). */
  readerable: boolean;
  title: string;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
  modifiedTime: string | null;
  /** BCP 47 language tag from `<html lang>` / content-language / JSON-LD inLanguage. */
  lang: string | null;
  dir: 'ltr' | 'rtl' | null;
  excerpt: string | null;
  /** Absolute URL of the lead image (JSON-LD image, og:image, first large figure). */
  leadImage: string | null;
  wordCount: number;
  readingTimeMinutes: number;
  /** Sanitized article body HTML (no scripts, no event handlers, absolute URLs). */
  html: string;
  /** Plain text of the body: paragraphs separated by one blank line, no markup. */
  text: string;
  /** What the clean-up pass removed, grouped by rule, so a UI can show and restore it. */
  removed: RemovedItem[];
  /** Milliseconds spent extracting (the CLI includes DOM parsing). */
  ms: number;
}

/** One piece of clutter removed by the clean-up pass, with what a reader needs to put it back. */
export interface RemovedItem {
  /** Rule id, e.g. "share-bar", "badge", "breadcrumb", "related-links", "newsletter", "comments", "consent", "ad". */
  rule: string;
  /** Short visible text of what was removed (trimmed, at most ~200 chars). */
  text: string;
  /** Sanitized HTML of the removed element; null when it is too large to offer back. */
  html: string | null;
  /** Where Restore puts it: before/after the article block whose text starts with the given text, or at an end. */
  at: RemovedAnchor;
}

export type RemovedAnchor = { before: string } | { after: string } | 'start' | 'end';

/** Every field of Article, in declaration order (the CLI's JSON lists them in this order). */
export const ARTICLE_FIELDS = [
  'url', 'canonicalUrl', 'readerable', 'title', 'byline', 'siteName', 'publishedTime', 'modifiedTime', 'lang', 'dir',
  'excerpt', 'leadImage', 'wordCount', 'readingTimeMinutes', 'html', 'text', 'removed', 'ms',
] as const satisfies ReadonlyArray<keyof Article>;
// A field added to Article but not listed above is a type error here.
const _allFieldsListed: Record<Exclude<keyof Article, (typeof ARTICLE_FIELDS)[number]>, never> = {};
void _allFieldsListed;

export interface ExtractOptions {
  /**
   * Work on the given document instead of a copy, leaving it changed. Only for a document parsed for this one
   * call (the CLI); never for a live page. Default false.
   */
  inPlace?: boolean;
  /** Skip Lectern's clean-up pass (plain Readability + sanitize). Default false. */
  skipCleanup?: boolean;
  /** Hard cap on elements; larger documents are refused with ExtractError("too-large"). Default 200_000. */
  maxElements?: number;
  /**
   * Hard cap on the body's text (characters, script and style bodies excluded); larger documents are refused
   * with ExtractError("too-large"). Default 2,000,000.
   */
  maxTextLength?: number;
  /** Hard cap on element nesting depth; deeper documents are refused with ExtractError("too-large"). Default 256. */
  maxDepth?: number;
  /**
   * Time budget in milliseconds, checked between the extraction's phases: once it is spent, extraction stops
   * with ExtractError("too-large"). A phase already running finishes first, so the answer can come up to one
   * phase later. Default: no budget.
   */
  timeBudgetMs?: number;
}

export type ExtractErrorCode = 'not-article' | 'too-large' | 'empty' | 'failed';

/**
 * The only error extract() throws. An unexpected failure inside it (a DOM implementation's bug on a hostile
 * page, say) is wrapped as code "failed" with the original error as `cause`.
 */
export class ExtractError extends Error {
  constructor(
    readonly code: ExtractErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ExtractError';
  }
}
