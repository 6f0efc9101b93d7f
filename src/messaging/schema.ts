/**
 * Runtime validation of requests that reach the background worker (valibot). Anything that does not match is
 * refused before it touches storage. Sizes are bounded so a bad sender can't fill the disk in one message.
 */
import * as v from 'valibot';
import type { AnyRequest } from './protocol.ts';

const MAX_HTML = 20 * 1024 * 1024;
const httpUrl = v.pipe(v.string(), v.maxLength(8192), v.regex(/^https?:\/\//i));
const shortText = v.pipe(v.string(), v.maxLength(2000));
const nullableShort = v.nullable(shortText);
const isoTime = v.nullable(v.pipe(v.string(), v.maxLength(64), v.check((s) => !Number.isNaN(Date.parse(s)))));

export const ArticleSchema = v.object({
  url: httpUrl,
  canonicalUrl: v.nullable(httpUrl),
  readerable: v.boolean(),
  title: shortText,
  byline: nullableShort,
  siteName: nullableShort,
  publishedTime: isoTime,
  modifiedTime: isoTime,
  lang: v.nullable(v.pipe(v.string(), v.maxLength(35))),
  dir: v.nullable(v.picklist(['ltr', 'rtl'])),
  excerpt: v.nullable(v.pipe(v.string(), v.maxLength(10_000))),
  leadImage: v.nullable(httpUrl),
  wordCount: v.pipe(v.number(), v.integer(), v.minValue(0)),
  readingTimeMinutes: v.pipe(v.number(), v.minValue(0)),
  html: v.pipe(v.string(), v.maxLength(MAX_HTML)),
  text: v.pipe(v.string(), v.maxLength(MAX_HTML)),
  removed: v.pipe(
    v.array(
      v.object({
        rule: v.pipe(v.string(), v.maxLength(40)),
        text: shortText,
        html: v.nullable(v.pipe(v.string(), v.maxLength(200_000))),
        at: v.union([
          v.picklist(['start', 'end']),
          v.object({ before: shortText }),
          v.object({ after: shortText }),
        ]),
      }),
    ),
    v.maxLength(5000),
  ),
  ms: v.number(),
});

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(8192));
const siteIcon = v.optional(v.nullable(v.pipe(v.string(), v.maxLength(8192), v.regex(/^(?:https?:\/\/|data:image\/(?:png|gif|jpeg|webp|x-icon|vnd\.microsoft\.icon);base64,)/i))));

export const PatchSchema = v.strictObject({
  read: v.optional(v.boolean()),
  archived: v.optional(v.boolean()),
  tags: v.optional(v.pipe(v.array(v.pipe(v.string(), v.maxLength(64))), v.maxLength(50))),
  readingProgress: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(1))),
});

/** An imported item (see core/import/types.ts): only url and title required; the same bounds as a saved article. */
export const ImportItemSchema = v.object({
  url: httpUrl,
  title: shortText,
  canonicalUrl: v.optional(v.nullable(httpUrl)),
  byline: v.optional(nullableShort),
  siteName: v.optional(nullableShort),
  siteIcon,
  leadImage: v.optional(v.nullable(httpUrl)),
  excerpt: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(10_000)))),
  lang: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(35)))),
  dir: v.optional(v.nullable(v.picklist(['ltr', 'rtl']))),
  publishedTime: v.optional(isoTime),
  modifiedTime: v.optional(isoTime),
  savedAt: v.optional(isoTime),
  readAt: v.optional(isoTime),
  archivedAt: v.optional(isoTime),
  read: v.optional(v.boolean()),
  archived: v.optional(v.boolean()),
  wordCount: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  readingTimeMinutes: v.optional(v.pipe(v.number(), v.minValue(0))),
  tags: v.optional(v.pipe(v.array(v.pipe(v.string(), v.maxLength(200))), v.maxLength(200))),
  readingProgress: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(1))),
  html: v.optional(v.pipe(v.string(), v.maxLength(MAX_HTML))),
  text: v.optional(v.pipe(v.string(), v.maxLength(MAX_HTML))),
  removed: v.optional(ArticleSchema.entries.removed),
});

const importId = v.pipe(v.string(), v.regex(/^[0-9a-f-]{36}$/));
const after = v.optional(v.nullable(id));

export const RequestSchema = v.variant('type', [
  v.object({ type: v.literal('library/all'), after, limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5000))) }),
  v.object({ type: v.literal('library/export'), after, limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(200))) }),
  v.object({ type: v.literal('library/importBegin') }),
  v.object({ type: v.literal('library/importChunk'), importId, items: v.pipe(v.array(ImportItemSchema), v.maxLength(5000)) }),
  v.object({ type: v.literal('library/importCommit'), importId }),
  v.object({ type: v.literal('library/importAbort'), importId }),
  v.object({ type: v.literal('library/save'), article: ArticleSchema, siteIcon }),
  v.object({ type: v.literal('library/update'), id, patch: PatchSchema }),
  v.object({ type: v.literal('library/delete'), id }),
  v.object({ type: v.literal('library/undoDelete'), id }),
  v.object({
    type: v.literal('library/list'),
    query: v.optional(v.pipe(v.string(), v.maxLength(1000))),
    offset: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
    limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000))),
  }),
  v.object({ type: v.literal('library/get'), id }),
  v.object({
    type: v.literal('library/lookup'),
    url: httpUrl,
    canonicalUrl: v.optional(v.nullable(httpUrl)),
    tabId: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  }),
]);

/** What the background answers: every message but those for the tab's content script. */
export type ParsedRequest = Exclude<AnyRequest, { type: `content/${string}` }>;

/** Returns the request when valid, otherwise null. */
export function parseBackgroundRequest(message: unknown): ParsedRequest | null {
  const result = v.safeParse(RequestSchema, message);
  return result.success ? (result.output as ParsedRequest) : null;
}
