/**
 * Omnivore's export: a ZIP (or its files) with `metadata_<from>_to_<to>.json` (arrays of {id, slug, title,
 * description, author, url, state, readingProgress 0–100, thumbnail, labels, savedAt, updatedAt, publishedAt})
 * and, where present, `content/<slug>.html` with the saved article. Items with content are imported whole
 * (sanitized, with their text); the others are URL-only.
 */
import { sanitizeHtml, sanitizeToFragment } from '../sanitize.ts';
import { htmlToText } from '../text.ts';
import { checkItemCount } from './limits.ts';
import { httpUrl, ImportError, oneLine, parseDate, quoted, reason, urlProblem, type ImportResult, type ImportedItem, type Skipped } from './types.ts';

export interface NamedText {
  name: string;
  text: string;
}

const METADATA = /(?:^|\/)metadata_\d+_to_\d+\.json$/i;

export function isOmnivoreMetadataName(name: string): boolean {
  return METADATA.test(name);
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v.trim() ? v : null;
}

function labelsOf(v: unknown): string[] {
  if (!Array.isArray(v)) return [];
  return v
    .map((l) => (typeof l === 'string' ? l : l && typeof l === 'object' && 'name' in l && typeof l.name === 'string' ? l.name : ''))
    .map((l) => l.trim())
    .filter(Boolean);
}

/** `files`: every file of the export (metadata JSON and content HTML), by their path in the ZIP. */
export function parseOmnivore(files: NamedText[], win: Window, maxItems = Infinity): ImportResult {
  const metadata = files.filter((f) => isOmnivoreMetadataName(f.name)).sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
  if (!metadata.length) throw new ImportError('importErrorOmnivoreNoMetadata', [], 'Not an Omnivore export: no metadata_*_to_*.json file. Nothing was imported.');
  const content = new Map<string, string>();
  for (const f of files) {
    const m = /(?:^|\/)content\/([^/]+)\.html$/i.exec(f.name);
    if (m) content.set(m[1]!, f.text);
  }
  const items: ImportedItem[] = [];
  const skipped: Skipped[] = [];
  let seen = 0;
  for (const file of metadata) {
    let entries: unknown;
    try {
      entries = JSON.parse(file.text.replace(/^\ufeff/, ''));
    } catch (err) {
      const detail = err instanceof Error ? err.message : String(err);
      throw new ImportError('importErrorOmnivoreNotJson', [file.name, detail], `${file.name} is not valid JSON (${detail}). Nothing was imported.`);
    }
    if (!Array.isArray(entries)) throw new ImportError('importErrorOmnivoreNotList', [file.name], `${file.name} is not a list of articles. Nothing was imported.`);
    seen += entries.length;
    checkItemCount(seen, maxItems, 'articles');
    entries.forEach((entry: unknown, i) => {
      const where = { path: `${file.name.split('/').pop()} [${i}]` };
      if (!entry || typeof entry !== 'object') {
        skipped.push({ row: where, imported: false, reason: reason('importReasonNotObject') });
        return;
      }
      const e = entry as Record<string, unknown>;
      const url = httpUrl(str(e.url));
      if (!url) {
        skipped.push({ row: where, field: 'url', imported: false, reason: urlProblem(str(e.url)) });
        return;
      }
      const date = (field: string): string | null => {
        const raw = e[field];
        const parsed = typeof raw === 'string' || typeof raw === 'number' ? parseDate(raw) : null;
        if (parsed === undefined) {
          skipped.push({ row: where, field, imported: true, reason: reason('importReasonBadDateLeftOut', quoted(raw)) });
          return null;
        }
        return parsed;
      };
      const savedAt = date('savedAt');
      const publishedTime = date('publishedAt');
      const progress = typeof e.readingProgress === 'number' && Number.isFinite(e.readingProgress) ? Math.min(1, Math.max(0, e.readingProgress / 100)) : 0;
      const state = (str(e.state) ?? '').toLowerCase();
      const item: ImportedItem = {
        row: where,
        url,
        title: oneLine(str(e.title)) || url,
        byline: oneLine(str(e.author)) || null,
        excerpt: oneLine(str(e.description)) || null,
        leadImage: httpUrl(str(e.thumbnail)),
        publishedTime,
        savedAt,
        tags: labelsOf(e.labels),
        readingProgress: progress,
        archived: state === 'archived' || e.isArchived === true,
        read: progress >= 0.98,
      };
      const slug = str(e.slug);
      const html = slug ? content.get(slug) : undefined;
      if (html) {
        item.html = sanitizeHtml(win, html);
        item.text = htmlToText(sanitizeToFragment(win, html));
      }
      items.push(item);
    });
  }
  return { format: 'omnivore', items, skipped };
}
