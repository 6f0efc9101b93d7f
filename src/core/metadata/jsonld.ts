/**
 * JSON-LD field extraction: picks the page's main entity (an article type, or a
 * WebPage as weak fallback) and reads raw field values from it. Values are
 * returned mostly raw; the per-field modules clean, validate and rank them.
 */

import {
  asList,
  buildIdIndex,
  collectEntities,
  firstString,
  isObject,
  readJsonLdBlocks,
  resolveRef,
  typesOf,
  type JsonObject,
} from './jsonld-parse.ts';
import { cleanText } from './text.ts';
import { withoutHash } from './url.ts';

export interface JsonLdAuthor {
  name: string;
  isOrganization: boolean;
}

export interface JsonLdInfo {
  /** The chosen entity's first @type, or null when no usable entity exists. */
  type: string | null;
  headline: string | null;
  description: string | null;
  authors: JsonLdAuthor[];
  publisherName: string | null;
  /** Name of a WebSite node (Yoast-style graphs), a weaker site-name source. */
  websiteName: string | null;
  /** Raw date values, best first. */
  datePublished: unknown[];
  dateModified: unknown[];
  /** Raw image URLs (possibly relative), best first. */
  images: string[];
  /** Raw URL candidates for the canonical URL, best first. */
  urls: string[];
  inLanguage: string | null;
}

export const EMPTY_JSONLD: JsonLdInfo = {
  type: null,
  headline: null,
  description: null,
  authors: [],
  publisherName: null,
  websiteName: null,
  datePublished: [],
  dateModified: [],
  images: [],
  urls: [],
  inLanguage: null,
};

const ARTICLE_TYPES = new Set([
  'Article', 'NewsArticle', 'ReportageNewsArticle', 'AnalysisNewsArticle', 'OpinionNewsArticle',
  'BackgroundNewsArticle', 'ReviewNewsArticle', 'AskPublicNewsArticle', 'LiveBlogPosting',
  'BlogPosting', 'TechArticle', 'ScholarlyArticle', 'SatiricalArticle', 'Report',
]);
const PAGE_TYPES = new Set(['WebPage', 'ItemPage']);

const isArticle = (node: JsonObject): boolean => typesOf(node).some((t) => ARTICLE_TYPES.has(t));
const isPage = (node: JsonObject): boolean => typesOf(node).some((t) => PAGE_TYPES.has(t));
const hasType = (node: JsonObject, type: string): boolean => typesOf(node).includes(type);

/** Comparable form of a URL for "is this entity about this page" checks. */
function urlKey(value: unknown): string | null {
  const s = firstString(isObject(value) ? (value['@id'] ?? value['url']) : value);
  return s ? withoutHash(s).replace(/\/+$/, '').toLowerCase() : null;
}

/**
 * Ranks article entities: one whose url/mainEntityOfPage is this page beats one
 * with a headline, which beats the rest; ties keep document order.
 */
function scoreArticle(node: JsonObject, pageKey: string | null): number {
  let score = 0;
  if (cleanText(firstString(node['headline']))) score += 1;
  const keys = [urlKey(node['url']), urlKey(node['mainEntityOfPage'])];
  if (pageKey && keys.includes(pageKey)) score += 2;
  return score;
}

function chooseMain(entities: JsonObject[], pageUrl: string): JsonObject | null {
  const pageKey = urlKey(pageUrl);
  let best: JsonObject | null = null;
  let bestScore = -1;
  for (const node of entities.filter(isArticle)) {
    const score = scoreArticle(node, pageKey);
    if (score > bestScore) [best, bestScore] = [node, score];
  }
  return best ?? entities.find(isPage) ?? null;
}

function nameOf(node: unknown): string | null {
  if (typeof node === 'string') return cleanText(node);
  if (!isObject(node)) return null;
  const name = cleanText(firstString(node['name']));
  if (name) return name;
  const given = cleanText(firstString(node['givenName']));
  const family = cleanText(firstString(node['familyName']));
  return given || family ? [given, family].filter(Boolean).join(' ') : null;
}

const ORG_TYPE = /organi[sz]ation$|^Corporation$|^NGO$/i;

function readAuthors(main: JsonObject, index: Map<string, JsonObject>): JsonLdAuthor[] {
  const raw = main['author'] ?? main['creator'];
  const authors: JsonLdAuthor[] = [];
  for (const item of asList(raw).slice(0, 20)) {
    const node = resolveRef(item, index);
    const name = nameOf(node);
    if (!name) continue;
    const isOrganization = isObject(node) && typesOf(node).some((t) => ORG_TYPE.test(t));
    authors.push({ name, isOrganization });
  }
  return authors;
}

function readPublisher(nodes: JsonObject[], index: Map<string, JsonObject>): string | null {
  for (const node of nodes) {
    for (const item of asList(node['publisher'])) {
      const name = nameOf(resolveRef(item, index));
      if (name) return name;
    }
  }
  return null;
}

function readWebsiteName(entities: JsonObject[], nodes: JsonObject[], index: Map<string, JsonObject>): string | null {
  for (const node of nodes) {
    const site = resolveRef(node['isPartOf'], index);
    if (isObject(site) && hasType(site, 'WebSite')) {
      const name = nameOf(site);
      if (name) return name;
    }
  }
  const website = entities.find((e) => hasType(e, 'WebSite'));
  return website ? nameOf(website) : null;
}

/** Image URLs from a string, an ImageObject {url|contentUrl}, an @id reference or an array of those. */
function imageUrls(value: unknown, index: Map<string, JsonObject>, depth = 0): string[] {
  if (depth > 3) return [];
  const resolved = resolveRef(value, index);
  if (typeof resolved === 'string') return [resolved];
  if (Array.isArray(resolved)) return resolved.slice(0, 10).flatMap((v) => imageUrls(v, index, depth + 1));
  if (!isObject(resolved)) return [];
  const url = firstString(resolved['url']) ?? firstString(resolved['contentUrl']);
  return url ? [url] : [];
}

function readImages(main: JsonObject, page: JsonObject | null, index: Map<string, JsonObject>): string[] {
  const values = [main['image'], main['thumbnailUrl']];
  if (page) values.push(page['primaryImageOfPage'], page['image'], page['thumbnailUrl']);
  return values.flatMap((v) => imageUrls(v, index));
}

function readUrls(main: JsonObject, page: JsonObject | null): string[] {
  const values: unknown[] = [main['mainEntityOfPage'], main['url']];
  if (page) values.push(page['url']);
  const out: string[] = [];
  for (const value of values) {
    const s = firstString(isObject(value) ? (value['@id'] ?? value['url']) : value);
    if (s) out.push(withoutHash(s));
  }
  return out;
}

function readLanguage(nodes: JsonObject[]): string | null {
  for (const node of nodes) {
    const value = node['inLanguage'];
    // inLanguage may also be a Language object: {"@type":"Language","alternateName":"en"}.
    const raw = isObject(value) ? (firstString(value['alternateName']) ?? firstString(value['name'])) : firstString(value);
    const lang = cleanText(raw);
    if (lang) return lang;
  }
  return null;
}

/** Fields of the chosen entity, with a WebPage node as supplementary source for page-level facts. */
function readFields(main: JsonObject, entities: JsonObject[], index: Map<string, JsonObject>): JsonLdInfo {
  const page = entities.find((e) => e !== main && isPage(e)) ?? null;
  const both = page ? [main, page] : [main];
  const articleLike = isArticle(main);
  const titleKeys = articleLike ? ['headline', 'name'] : ['name', 'headline'];
  return {
    type: typesOf(main)[0] ?? null,
    headline: titleKeys.map((k) => cleanText(firstString(main[k]))).find(Boolean) ?? null,
    description: cleanText(firstString(main['description'])),
    authors: readAuthors(main, index),
    publisherName: readPublisher(both, index),
    websiteName: readWebsiteName(entities, both, index),
    datePublished: both.flatMap((n) => [n['datePublished'], n['dateCreated']]).flatMap(asList),
    dateModified: both.map((n) => n['dateModified']).flatMap(asList),
    images: readImages(main, page, index),
    urls: readUrls(main, page),
    inLanguage: readLanguage(both),
  };
}

/** Reads the document's JSON-LD. Returns EMPTY_JSONLD when there is no usable entity. */
export function readJsonLd(doc: Document, pageUrl: string, tags?: (name: string) => ArrayLike<Element>): JsonLdInfo {
  const roots = readJsonLdBlocks(doc, tags);
  if (roots.length === 0) return EMPTY_JSONLD;
  const entities = collectEntities(roots);
  const main = chooseMain(entities, pageUrl);
  if (!main) return EMPTY_JSONLD;
  return readFields(main, entities, buildIdIndex(roots));
}
