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
import { ImportStaging } from '../../src/background/library/import-staging.ts';
import { ID, INVALID, mutant, ORIGIN, POPUP, strangers, VALID, VALID_WRITES, validArticle } from '../security/messages.ts';
import { fuzzRuns, fuzzSeed, recordCounts } from '../security/report.ts';

/** A store that counts write operations (every LibraryStore method that writes; nested calls count once). */
class CountingStore extends MemoryLibraryStore {
  writes = 0;
  private depth = 0;
  private async counted<T>(op: () => Promise<T>): Promise<T> {
    if (this.depth === 0) this.writes += 1;
    this.depth += 1;
    try {
      return await op();
    } finally {
      this.depth -= 1;
    }
  }
  override put(item: LibraryItem): Promise<void> {
    return this.counted(() => super.put(item));
  }
  override delete(id: string) {
    return this.counted(() => super.delete(id));
  }
  override undoDelete(id: string) {
    return this.counted(() => super.undoDelete(id));
  }
  override putMany(...args: Parameters<MemoryLibraryStore['putMany']>) {
    return this.counted(() => super.putMany(...args));
  }
}

function setup() {
  const store = new CountingStore();
  const badges: unknown[] = [];
  const handler = createMessageHandler({
    library: new LibraryService(store, () => new Date('2026-01-01T00:00:00.000Z')),
    staging: new ImportStaging(),
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

  it('sanity: a valid request of every type works, and only save/update/delete/undoDelete write', async () => {
    const { store, handler } = setup();
    expect(await send(handler, VALID[0])).toMatchObject({ ok: true, item: { title: 'Story' } });
    for (const m of VALID.slice(1)) expect(await send(handler, m), String(m.type)).toMatchObject({ ok: true });
    expect(store.writes).toBe(VALID_WRITES);
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
        if (!(answer === undefined && /^content\/(?:extract|prefetch)$/.test(String((message as { type?: unknown } | null)?.type)))) {
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
    const before = JSON.stringify(await store.list(undefined, { limit: 1000 }));
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
    expect(JSON.stringify(await store.list(undefined, { limit: 1000 }))).toBe(before);
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
    await send(handler, VALID[0]);
    store.writes = 0;
    const read = fc.oneof(
      fc.record({ type: fc.constant('library/list'), query: fc.option(fc.string({ maxLength: 200 }), { nil: undefined }), offset: fc.option(fc.nat(), { nil: undefined }), limit: fc.option(fc.integer({ min: 1, max: 1000 }), { nil: undefined }) }),
      fc.record({ type: fc.constant('library/all'), after: fc.option(fc.string({ minLength: 1, maxLength: 200 }), { nil: null }), limit: fc.option(fc.integer({ min: 1, max: 5000 }), { nil: undefined }) }),
      fc.record({ type: fc.constant('library/export'), after: fc.option(fc.string({ minLength: 1, maxLength: 200 }), { nil: null }), limit: fc.option(fc.integer({ min: 1, max: 200 }), { nil: undefined }) }),
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
