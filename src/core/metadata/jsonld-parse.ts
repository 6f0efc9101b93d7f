/**
 * Low-level JSON-LD handling: tolerant parsing of `<script type=application/ld+json>`
 * blocks, flattening (`@graph`, arrays, `mainEntity`) and `@id` reference lookup.
 * Nothing here throws.
 */
import { itemsOf } from '../dom.ts';

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Bounds against pathological pages: deeply nested or enormous JSON-LD. */
const MAX_DEPTH = 16;
const MAX_NODES = 2000;
const MAX_SCRIPT_CHARS = 2_000_000;

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Second chance for the common ways CMSes break JSON-LD: HTML comment or CDATA
 * wrappers, raw newlines/tabs inside strings, trailing commas.
 */
function repair(text: string): string {
  return text
    .replace(/^\s*(?:<!--|\/\/\s*<!\[CDATA\[|<!\[CDATA\[)/, '')
    .replace(/(?:-->|\/\/\s*\]\]>|\]\]>)\s*$/, '')
    .replace(/[\u0000-\u001f]+/g, ' ') // outside strings this is whitespace anyway
    .replace(/,\s*([}\]])/g, '$1')
    .trim();
}

/** Parses one block's text; undefined when it is not salvageable. */
export function parseJsonLdText(text: string): unknown {
  if (!text.trim() || text.length > MAX_SCRIPT_CHARS) return undefined;
  const direct = tryParse(text);
  return direct !== undefined ? direct : tryParse(repair(text));
}

/** All parsed JSON-LD roots of the document, in document order. */
export function readJsonLdBlocks(doc: Document, tags: (name: string) => ArrayLike<Element> = (name) => doc.getElementsByTagName(name)): unknown[] {
  const roots: unknown[] = [];
  for (const script of itemsOf(tags('script'))) {
    const type = (script.getAttribute('type') ?? '').trim().toLowerCase();
    if (!type.startsWith('application/ld+json')) continue;
    const parsed = parseJsonLdText(script.textContent ?? '');
    if (parsed !== undefined) roots.push(parsed);
  }
  return roots;
}

/** `@type` as a list of bare names: "schema:NewsArticle" and "https://schema.org/NewsArticle" become "NewsArticle". */
export function typesOf(node: JsonObject): string[] {
  const raw = node['@type'];
  const list = Array.isArray(raw) ? raw : [raw];
  return list
    .filter((t): t is string => typeof t === 'string')
    .map((t) => t.trim().replace(/^(?:https?:\/\/schema\.org\/|schema:)/i, ''))
    .filter(Boolean);
}

/**
 * Typed entities reachable through arrays, `@graph` and `mainEntity`, in
 * document order. Other properties (itemListElement, liveBlogUpdate, ...) are
 * deliberately not descended into: their articles are not the page's article.
 */
export function collectEntities(roots: unknown[]): JsonObject[] {
  const out: JsonObject[] = [];
  const visit = (value: unknown, depth: number): void => {
    if (depth > MAX_DEPTH || out.length >= MAX_NODES) return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
      return;
    }
    if (!isObject(value)) return;
    if (typesOf(value).length > 0) out.push(value);
    visit(value['@graph'], depth + 1);
    visit(value['mainEntity'], depth + 1);
  };
  visit(roots, 0);
  return out;
}

/** Every object anywhere in the JSON-LD that has an `@id` and some content besides it. */
export function buildIdIndex(roots: unknown[]): Map<string, JsonObject> {
  const index = new Map<string, JsonObject>();
  let seen = 0;
  const visit = (value: unknown, depth: number): void => {
    if (depth > MAX_DEPTH || ++seen > MAX_NODES * 5) return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
      return;
    }
    if (!isObject(value)) return;
    const id = value['@id'];
    if (typeof id === 'string' && Object.keys(value).length > 1 && !index.has(id)) index.set(id, value);
    for (const child of Object.values(value)) {
      if (typeof child === 'object' && child !== null) visit(child, depth + 1);
    }
  };
  visit(roots, 0);
  return index;
}

/** Replaces a bare `{"@id": ...}` reference with the full node it points to, when known. */
export function resolveRef(value: unknown, index: Map<string, JsonObject>): unknown {
  if (!isObject(value)) return value;
  const id = value['@id'];
  if (typeof id === 'string' && Object.keys(value).length === 1) return index.get(id) ?? value;
  return value;
}

/** First string in a JSON-LD value: a string, an array's first string, or a `{"@value": ...}` literal. */
export function firstString(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = firstString(item);
      if (found !== null) return found;
    }
    return null;
  }
  if (isObject(value) && typeof value['@value'] === 'string') return value['@value'];
  return null;
}

/** A value as a list (JSON-LD allows a single value wherever a list is allowed). */
export function asList(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}
