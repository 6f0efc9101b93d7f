/**
 * Where the reader tab's article comes from: a handoff in storage.session (`?live=<id>`, written by the popup
 * or the worker, see handoff.ts) or the library (`?item=<id>`). Handed-over data is checked against the same
 * schema as a library/save message before it is shown.
 */
import * as v from 'valibot';
import { ArticleSchema } from '../messaging/schema.ts';
import { storageGet } from '../platform/index.ts';
import { HANDOFF_PREFIX, type Handoff } from './handoff.ts';

const key = v.pipe(v.string(), v.regex(/^[A-Za-z]+$/));
const HandoffSchema = v.variant('ok', [
  v.object({ ok: v.literal(true), article: ArticleSchema, tabId: v.nullable(v.number()), capturedAt: v.string() }),
  v.object({ ok: v.literal(false), tabId: v.nullable(v.number()), reason: key, detail: v.optional(v.pipe(v.string(), v.maxLength(2000))), hint: v.optional(key) }),
]);

/** The handoff stored under `id`, or null when it is gone (the browser restarted) or malformed. */
export async function loadHandoff(id: string): Promise<Handoff | null> {
  const storageKey = HANDOFF_PREFIX + id;
  const stored = (await storageGet('session', storageKey))[storageKey];
  const parsed = v.safeParse(HandoffSchema, stored);
  return parsed.success ? (parsed.output as Handoff) : null;
}
