/**
 * The background's real message handler (src/background/handler.ts) under malformed and misdirected messages,
 * with an in-memory store and fake senders: fast-check generates arbitrary values, mutants of every valid
 * request, and valid requests from senders that are not Lectern's own pages. None may throw out of the handler,
 * be answered with anything but "invalid" (or nothing, for other senders), or write to storage.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMessageHandler, fromExtensionPage, type Sender } from '../../src/background/handler.ts';
import { MemoryLibraryStore } from '../../src/background/library/memory-store.ts';
import { LibraryService } from '../../src/background/library/service.ts';
import type { LibraryItem } from '../../src/background/library/types.ts';
import type { Article } from '../../src/core/types.ts';
import { fuzzRuns, fuzzSeed, recordCounts } from '../security/report.ts';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;
const POPUP: Sender = { id: ID, url: `${ORIGIN}src/popup/index.html`, origin: ORIGIN.slice(0, -1) };

/** A store that counts writes. */
class CountingStore extends MemoryLibraryStore {
  writes = 0;
  override async put(item: LibraryItem): Promise<void> {
    this.writes += 1;
    return super.put(item);
  }
  override async delete(id: string): Promise<void> {
    this.writes += 1;
    return super.delete(id);
  }
}

function validArticle(over: Partial<Article> = {}): Article {
  return {
    url: 'https://news.example.com/2024/story.html', canonicalUrl: null, readerable: true, title: 'Story', byline: 'A. Writer',
    siteName: 'News', publishedTime: '2024-02-08T10:00:00.000Z', modifiedTime: null, lang: 'en', dir: 'ltr', excerpt: null,
    leadImage: null, wordCount: 120, readingTimeMinutes: 1, html: '<p>Text</p>', text: 'Text',
    removed: [{ rule: 'share-bar', text: 'Share', html: null, at: 'end' }], ms: 12, ...over,
  };
}

function setup() {
  const store = new CountingStore();
  const badges: unknown[] = [];
  const handler = createMessageHandler({
    library: new LibraryService(store, () => new Date('2026-01-01T00:00:00.000Z')),
    runtimeId: ID,
    extensionOrigin: ORIGIN,
    setBadge: async (...args) => void badges.push(args),
    t: (k) => k,
  });
  return { store, handler, badges };
}

/** Calls the handler the way runtime.onMessage would; a synchronous throw fails the test. */
async function send(handler: ReturnType<typeof setup>['handler'], message: unknown, sender: Sender = POPUP): Promise<unknown> {
  const answer = handler(message, sender);
  return answer === undefined ? undefined : await answer;
}

const INVALID = { ok: false, code: 'invalid', message: 'Invalid request.' };

const VALID: Array<Record<string, unknown>> = [
  { type: 'library/save', article: validArticle() },
  { type: 'library/list', offset: 0, limit: 20 },
  { type: 'library/get', id: 'https://news.example.com/2024/story.html' },
  { type: 'library/lookup', url: 'https://news.example.com/2024/story.html', canonicalUrl: null, tabId: 3 },
];

/** Values of the wrong type for any field (each is invalid wherever a field of another type is expected). */
const wrongValue = fc.oneof(
  fc.constant(undefined), fc.constant(null), fc.boolean(), fc.double(), fc.constant(Number.NaN), fc.constant(-1),
  fc.constant(Infinity), fc.constant(1.5), fc.bigInt().map(String), fc.string(), fc.array(fc.anything(), { maxLength: 3 }),
  fc.object({ maxDepth: 1 }), fc.constant('javascript:alert(1)'), fc.constant('file:///etc/passwd'), fc.constant('x'.repeat(9000)),
);

/**
 * One field of a valid request set to a value that must be refused: a required field removed, a wrong type,
 * a non-http(s) URL, an out-of-range number, an oversized string or list, or a near-miss type.
 */
const mutant = fc.oneof(
  // The message type itself: near misses, wrong types.
  fc.tuple(fc.constantFrom(...VALID), fc.oneof(fc.constantFrom('library/save ', 'Library/save', 'library/delete', 'library/drop-all', 'content/extract?', ''), wrongValue)).map(([m, type]) => ({ ...m, type })),
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
    default: return false;
  }
}

/** Senders that are not Lectern's own pages. */
const strangers: Array<[string, Sender]> = [
  ["Lectern's content script in a web page", { id: ID, url: 'https://news.example.com/2024/story.html', origin: 'https://news.example.com', tab: { id: 1 } }],
  ['a web page', { url: 'https://evil.example/', origin: 'https://evil.example', tab: { id: 2 } }],
  ['another extension', { id: 'zyxwvutsrqponmlkzyxwvutsrqponmlk', url: 'chrome-extension://zyxwvutsrqponmlkzyxwvutsrqponmlk/page.html', origin: 'chrome-extension://zyxwvutsrqponmlkzyxwvutsrqponmlk' }],
  ["Lectern's id with another extension's URL", { id: ID, url: 'chrome-extension://zyxwvutsrqponmlkzyxwvutsrqponmlk/page.html' }],
  ["Lectern's URL prefix on another host", { id: ID, url: `chrome-extension://${ID}.evil.example/x.html` }],
  ["Lectern's URL with another origin", { id: ID, url: `${ORIGIN}src/popup/index.html`, origin: 'https://evil.example' }],
  ['a sender without id or URL', {}],
  ['a sandboxed frame (opaque origin)', { id: ID, url: `${ORIGIN}src/popup/index.html`, origin: 'null' }],
];

describe('background messages: who may talk to the worker', () => {
  it("answers Lectern's own pages", () => {
    expect(fromExtensionPage(POPUP, ID, ORIGIN)).toBe(true);
    expect(fromExtensionPage({ id: ID, url: `${ORIGIN}src/popup/index.html` }, ID, ORIGIN)).toBe(true); // Firefox: no origin
  });
  it.each(strangers)('refuses %s (no answer, no storage write), even for a valid request', async (_name, sender) => {
    const { store, handler } = setup();
    expect(fromExtensionPage(sender, ID, ORIGIN)).toBe(false);
    for (const message of VALID) expect(await send(handler, message, sender)).toBeUndefined();
    expect(store.writes).toBe(0);
  });
});

describe('background messages: fuzzing the real handler', () => {
  const counts = { arbitrary: 0, mutants: 0, strangers: 0, reads: 0, answeredOtherThanInvalid: 0, threw: 0, storageWrites: 0 };

  it('sanity: valid requests work, and a save is the only write', async () => {
    const { store, handler } = setup();
    expect(await send(handler, VALID[0])).toMatchObject({ ok: true, item: { title: 'Story' } });
    for (const m of VALID.slice(1)) expect(await send(handler, m)).toMatchObject({ ok: true });
    expect(store.writes).toBe(1);
  });

  it('arbitrary values: never throw, answered "invalid", no write', async () => {
    const { store, handler } = setup();
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.anything({ maxDepth: 3, withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true }), fc.record({ type: fc.string() }, { requiredKeys: [] })), async (message) => {
        counts.arbitrary += 1;
        let answer: unknown;
        try {
          answer = await send(handler, message);
        } catch (err) {
          counts.threw += 1;
          throw err;
        }
        if (!(answer === undefined && (message as { type?: unknown } | null)?.type === 'content/extract')) {
          if (JSON.stringify(answer) !== JSON.stringify(INVALID)) counts.answeredOtherThanInvalid += 1;
          expect(answer).toEqual(INVALID);
        }
      }),
      { seed: fuzzSeed(), numRuns: fuzzRuns(400) },
    );
    counts.storageWrites += store.writes;
    expect(store.writes).toBe(0);
  });

  it('mutants of every valid request: refused as "invalid", no write, library unchanged', async () => {
    const { store, handler } = setup();
    await send(handler, { type: 'library/save', article: validArticle({ url: 'https://news.example.com/kept.html', title: 'Kept' }) });
    const before = JSON.stringify(await store.list({ limit: 1000 }));
    const writesBefore = store.writes;
    await fc.assert(
      fc.asyncProperty(mutant, async (message) => {
        counts.mutants += 1;
        const answer = await send(handler, message);
        if (JSON.stringify(answer) !== JSON.stringify(INVALID)) counts.answeredOtherThanInvalid += 1;
        expect(answer).toEqual(INVALID);
      }),
      { seed: fuzzSeed(), numRuns: fuzzRuns(400) },
    );
    counts.storageWrites += store.writes - writesBefore;
    expect(store.writes).toBe(writesBefore);
    expect(JSON.stringify(await store.list({ limit: 1000 }))).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('any message from a stranger: no answer, no write', async () => {
    const { store, handler, badges } = setup();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...strangers), fc.oneof(fc.constantFrom(...VALID), mutant, fc.anything({ maxDepth: 2 })), async ([, sender], message) => {
        counts.strangers += 1;
        expect(await send(handler, message, sender)).toBeUndefined();
      }),
      { seed: fuzzSeed(), numRuns: fuzzRuns(300) },
    );
    counts.storageWrites += store.writes;
    expect(store.writes).toBe(0);
    expect(badges).toEqual([]);
  });

  it('valid read requests with random parameters: answered, never a write', async () => {
    const { store, handler } = setup();
    const read = fc.oneof(
      fc.record({ type: fc.constant('library/list'), offset: fc.option(fc.nat(), { nil: undefined }), limit: fc.option(fc.integer({ min: 1, max: 1000 }), { nil: undefined }) }),
      fc.record({ type: fc.constant('library/get'), id: fc.string({ minLength: 1, maxLength: 200 }) }),
      fc.record({ type: fc.constant('library/lookup'), url: fc.webUrl(), canonicalUrl: fc.option(fc.webUrl(), { nil: null }) }),
    );
    await fc.assert(
      fc.asyncProperty(read, async (message) => {
        counts.reads += 1;
        expect(await send(handler, JSON.parse(JSON.stringify(message)))).toMatchObject({ ok: true });
      }),
      { seed: fuzzSeed(), numRuns: fuzzRuns(200) },
    );
    counts.storageWrites += store.writes;
    expect(store.writes).toBe(0);
    recordCounts('messages-unit', counts);
  });
});
