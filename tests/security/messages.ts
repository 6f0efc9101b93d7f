/**
 * Messages for the fuzz tests of the background's handler (tests/unit/security-messages.test.ts, the real
 * handler with a memory store) and of the real worker (tests/e2e/security-messages.test.ts): valid requests,
 * mutants of them that must be refused, and senders that are not Lectern's own pages.
 */
import fc from 'fast-check';
import type { Sender } from '../../src/background/handler.ts';
import type { Article } from '../../src/core/types.ts';

export const ID = 'abcdefghijklmnopabcdefghijklmnop';
export const ORIGIN = `chrome-extension://${ID}/`;
export const POPUP: Sender = { id: ID, url: `${ORIGIN}src/popup/index.html`, origin: ORIGIN.slice(0, -1) };

/** An Article the schema accepts. */
export function validArticle(over: Partial<Article> = {}): Article {
  return {
    url: 'https://news.example.com/2024/story.html', canonicalUrl: null, readerable: true, title: 'Story', byline: 'A. Writer',
    siteName: 'News', publishedTime: '2024-02-08T10:00:00.000Z', modifiedTime: null, lang: 'en', dir: 'ltr', excerpt: null,
    leadImage: null, wordCount: 120, readingTimeMinutes: 1, html: '<p>Text</p>', text: 'Text',
    removed: [{ rule: 'share-bar', text: 'Share', html: null, at: 'end' }], ms: 12, ...over,
  };
}

export const INVALID = { ok: false, code: 'invalid', message: 'Invalid request.' };

const STORY = 'https://news.example.com/2024/story.html';
/** One valid request of every type the worker answers, in an order where each succeeds (the save comes first). */
export const VALID: Array<Record<string, unknown>> = [
  { type: 'library/save', article: validArticle() },
  { type: 'library/list', offset: 0, limit: 20 },
  { type: 'library/list', query: 'story site:news.example.com is:unread', limit: 20 },
  { type: 'library/get', id: STORY },
  { type: 'library/lookup', url: STORY, canonicalUrl: null, tabId: 3 },
  { type: 'library/update', id: STORY, patch: { read: true, tags: ['later'], readingProgress: 0.5 } },
  { type: 'library/delete', id: STORY },
  { type: 'library/undoDelete', id: STORY },
  { type: 'library/all', after: null, limit: 100 },
  { type: 'library/export', after: null, limit: 10 },
  { type: 'library/importBegin' },
];
/** How many of VALID write to storage (save, update, delete, undoDelete). */
export const VALID_WRITES = 4;

/** Values of the wrong type for any field (each is invalid wherever a field of another type is expected). */
export const wrongValue = fc.oneof(
  fc.constant(undefined), fc.constant(null), fc.boolean(), fc.double(), fc.constant(Number.NaN), fc.constant(-1),
  fc.constant(Infinity), fc.constant(1.5), fc.bigInt().map(String), fc.string(), fc.array(fc.anything(), { maxLength: 3 }),
  fc.object({ maxDepth: 1 }), fc.constant('javascript:alert(1)'), fc.constant('file:///etc/passwd'), fc.constant('x'.repeat(9000)),
);

/**
 * One field of a valid request set to a value that must be refused: a required field removed, a wrong type,
 * a non-http(s) URL, an out-of-range number, an oversized string or list, or a near-miss type.
 */
export const mutant = fc.oneof(
  // The message type itself: near misses, wrong types.
  fc.tuple(fc.constantFrom(...VALID), fc.oneof(fc.constantFrom('library/save ', 'Library/save', 'library/deleteAll', 'library/drop-all', 'library/import', 'content/extract?', ''), wrongValue)).map(([m, type]) => ({ ...m, type })),
  // A required article field removed or given a wrong value.
  fc.tuple(
    fc.constantFrom<keyof Article>('url', 'readerable', 'title', 'wordCount', 'readingTimeMinutes', 'html', 'text', 'removed', 'ms', 'canonicalUrl', 'publishedTime', 'dir', 'leadImage'),
    fc.oneof(fc.constant('__delete__'), wrongValue),
  )
    .filter(([field, value]) => !acceptable(field, value))
    .map(([field, value]) => {
      const article: Record<string, unknown> = { ...validArticle() };
      if (value === '__delete__') delete article[field];
      else article[field] = value;
      return { type: 'library/save', article };
    }),
  // Oversized payloads.
  fc.constantFrom(
    { type: 'library/save', article: validArticle({ title: 't'.repeat(2001) }) },
    { type: 'library/save', article: validArticle({ removed: Array.from({ length: 5001 }, () => ({ rule: 'ad', text: 'x', html: null, at: 'end' as const })) }) },
    { type: 'library/save', article: validArticle({ removed: [{ rule: 'r'.repeat(41), text: 'x', html: null, at: 'end' }] }) },
    { type: 'library/save', article: validArticle({ removed: [{ rule: 'ad', text: 'x', html: null, at: { before: 1 } as never }] }) },
    { type: 'library/list', limit: 1001 },
    { type: 'library/list', offset: -1 },
    { type: 'library/get', id: '' },
    { type: 'library/lookup', url: 'https://e.com/', tabId: -2 },
    { type: 'library/lookup', url: 'data:text/html,x' },
    { type: 'library/list', query: 'q'.repeat(1001) },
    { type: 'library/update', id: '', patch: {} },
    { type: 'library/update', id: STORY, patch: { readingProgress: 2 } },
    { type: 'library/update', id: STORY, patch: { tags: Array.from({ length: 51 }, (_, i) => `t${i}`) } },
    { type: 'library/update', id: STORY, patch: { title: 'not a patch field' } },
    { type: 'library/update', id: STORY },
    { type: 'library/delete', id: '' },
    { type: 'library/delete', id: 'x'.repeat(8193) },
    { type: 'library/undoDelete', id: 42 },
    { type: 'library/all', limit: 0 },
    { type: 'library/export', limit: 201 },
    { type: 'library/importChunk', importId: 'not-an-import-id', items: [] },
    { type: 'library/importChunk', importId: '00000000-0000-0000-0000-000000000000', items: [{ url: 'javascript:alert(1)', title: 'x' }] },
    { type: 'library/importChunk', importId: '00000000-0000-0000-0000-000000000000', items: [{ url: 'https://e.com/', title: 't'.repeat(2001) }] },
    { type: 'library/importCommit', importId: '../../etc' },
    { type: 'library/importAbort' },
  ),
  // Read requests with wrong-typed parameters.
  fc.tuple(fc.constantFrom(['library/get', 'id'], ['library/lookup', 'url'], ['library/list', 'limit'], ['library/list', 'offset']), wrongValue)
    .filter(([[, field], value]) => !acceptableParam(field, value))
    .map(([[type, field], value]) => ({ ...VALID.find((m) => m.type === type), [field]: value })),
);

/** Values a read request's parameter may legitimately take. */
function acceptableParam(field: string, value: unknown): boolean {
  const int = typeof value === 'number' && Number.isInteger(value);
  switch (field) {
    case 'limit': return value === undefined || (int && (value as number) >= 1 && (value as number) <= 1000);
    case 'offset': return value === undefined || (int && (value as number) >= 0);
    case 'id': return typeof value === 'string' && value.length >= 1 && value.length <= 8192;
    case 'url': return typeof value === 'string' && /^https?:\/\//i.test(value) && value.length <= 8192;
    default: return false;
  }
}

/** Values a field may legitimately take (so a "mutation" that happens to be valid is not counted as one). */
function acceptable(field: keyof Article, value: unknown): boolean {
  if (value === '__delete__') return false;
  switch (field) {
    case 'canonicalUrl': case 'leadImage': return value === null || (typeof value === 'string' && /^https?:\/\//i.test(value) && value.length <= 8192);
    case 'publishedTime': return value === null || (typeof value === 'string' && value.length <= 64 && !Number.isNaN(Date.parse(value)));
    case 'dir': return value === null || value === 'ltr' || value === 'rtl';
    case 'title': return typeof value === 'string' && value.length <= 2000;
    case 'html': case 'text': return typeof value === 'string';
    case 'ms': return typeof value === 'number';
    case 'readingTimeMinutes': return typeof value === 'number' && value >= 0;
    case 'wordCount': return typeof value === 'number' && Number.isInteger(value) && value >= 0;
    case 'url': return typeof value === 'string' && /^https?:\/\//i.test(value) && value.length <= 8192;
    case 'removed': return Array.isArray(value) && value.length === 0;
    case 'readerable': return typeof value === 'boolean';
    default: return false;
  }
}

/** Senders that are not Lectern's own pages. */
export const strangers: Array<[string, Sender]> = [
  ["Lectern's content script in a web page", { id: ID, url: 'https://news.example.com/2024/story.html', origin: 'https://news.example.com', tab: { id: 1 } }],
  ['a web page', { url: 'https://evil.example/', origin: 'https://evil.example', tab: { id: 2 } }],
  ['another extension', { id: 'zyxwvutsrqponmlkzyxwvutsrqponmlk', url: 'chrome-extension://zyxwvutsrqponmlkzyxwvutsrqponmlk/page.html', origin: 'chrome-extension://zyxwvutsrqponmlkzyxwvutsrqponmlk' }],
  ["Lectern's id with another extension's URL", { id: ID, url: 'chrome-extension://zyxwvutsrqponmlkzyxwvutsrqponmlk/page.html' }],
  ["Lectern's URL prefix on another host", { id: ID, url: `chrome-extension://${ID}.evil.example/x.html` }],
  ["Lectern's URL with another origin", { id: ID, url: `${ORIGIN}src/popup/index.html`, origin: 'https://evil.example' }],
  ['a sender without id or URL', {}],
  ['a sandboxed frame (opaque origin)', { id: ID, url: `${ORIGIN}src/popup/index.html`, origin: 'null' }],
];
