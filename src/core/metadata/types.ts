/** Metadata read from the page itself (JSON-LD, Open Graph, meta tags, <time>, <link rel=canonical>, <html>). */
export interface PageMetadata {
  /** Headline without the " | Site" / " - Site" suffix. */
  title: string | null;
  byline: string | null;
  siteName: string | null;
  /** ISO 8601. Full timestamps as Date#toISOString() (UTC); date-only values as YYYY-MM-DD. */
  publishedTime: string | null;
  modifiedTime: string | null;
  /** Absolute. */
  canonicalUrl: string | null;
  lang: string | null;
  dir: 'ltr' | 'rtl' | null;
  excerpt: string | null;
  /** Absolute URL. */
  leadImage: string | null;
  /** JSON-LD @type of the main entity when there is one (NewsArticle, Article, LiveBlogPosting, BlogPosting...). */
  schemaType: string | null;
  /** Open Graph og:type, lower-cased ("article", "website"…). */
  ogType: string | null;
}
