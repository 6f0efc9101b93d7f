/**
 * Several articles in one ZIP: per-article files in the chosen formats (`.txt`, `.md`, `.html`) with readable,
 * portable, unique names, plus `index.html` listing every article with links to its files and its source.
 * Names are unique case-insensitively (Windows and macOS file systems fold case), at most ~90 characters.
 */
import { zipSync, strToU8, type Zippable } from 'fflate';
import { slugify } from '../filename.ts';
import { escapeHtml } from './html.ts';

export type ExportFormat = 'txt' | 'md' | 'html';

export interface ArchiveEntry {
  title: string;
  url: string;
  savedAt?: string | null;
  tags?: readonly string[];
  /** The file body per chosen format. */
  files: Partial<Record<ExportFormat, string>>;
}

/** A unique base name per entry: the title's slug, then "-2", "-3"… for repeats (compared case-insensitively). */
export function uniqueNames(titles: readonly string[], reserved: readonly string[] = ['index']): string[] {
  const used = new Set(reserved.map((r) => r.toLowerCase()));
  return titles.map((title) => {
    const base = slugify(title);
    let name = base;
    for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base}-${i}`;
    used.add(name.toLowerCase());
    return name;
  });
}

function indexHtml(entries: readonly ArchiveEntry[], names: readonly string[], exportedAt: Date): string {
  const rows = entries.map((e, i) => {
    const links = (Object.keys(e.files) as ExportFormat[]).map((f) => `<a href="${escapeHtml(encodeURIComponent(`${names[i]}.${f}`))}">${f}</a>`).join(' ');
    const tags = e.tags?.length ? escapeHtml(e.tags.join(', ')) : '';
    return `<tr><td>${escapeHtml(e.title)}</td><td>${links}</td><td><a href="${escapeHtml(e.url)}">${escapeHtml(e.url)}</a></td><td>${escapeHtml(e.savedAt?.slice(0, 10) ?? '')}</td><td>${tags}</td></tr>`;
  });
  return `<!doctype html>
<html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Lectern export</title><style>body{font:15px/1.5 system-ui,sans-serif;margin:2em}td,th{text-align:start;padding:.2em .6em;border-bottom:1px solid #ddd;vertical-align:top}</style></head>
<body><h1>Lectern export</h1><p>${entries.length} article${entries.length === 1 ? '' : 's'}, exported ${exportedAt.toISOString()}</p>
<table><thead><tr><th>Title</th><th>Files</th><th>Source</th><th>Saved</th><th>Tags</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table></body></html>
`;
}

/** The ZIP's files by name (before zipping; what tests read). */
export function archiveFiles(entries: readonly ArchiveEntry[], exportedAt: Date): Record<string, string> {
  const names = uniqueNames(entries.map((e) => e.title));
  const files: Record<string, string> = { 'index.html': indexHtml(entries, names, exportedAt) };
  entries.forEach((e, i) => {
    for (const [format, body] of Object.entries(e.files)) files[`${names[i]}.${format}`] = body;
  });
  return files;
}

export function zipArchive(files: Record<string, string>, exportedAt: Date): Uint8Array {
  const zippable: Zippable = {};
  for (const [name, body] of Object.entries(files)) zippable[name] = [strToU8(body), { mtime: exportedAt }];
  return zipSync(zippable, { level: 6 });
}

export interface ExportableItem {
  title: string;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
  url: string;
  canonicalUrl: string | null;
  lang: string | null;
  dir: 'ltr' | 'rtl' | null;
  html: string;
  text: string;
  savedAt?: string | null;
  tags?: readonly string[];
}

/** An item as an archive entry in the chosen formats (the renderers are passed in: they need a window, CSS). */
export function archiveEntry(item: ExportableItem, formats: readonly ExportFormat[], render: Record<ExportFormat, (item: ExportableItem) => string>): ArchiveEntry {
  const files: Partial<Record<ExportFormat, string>> = {};
  for (const f of formats) files[f] = render[f](item);
  return { title: item.title, url: item.canonicalUrl ?? item.url, savedAt: item.savedAt ?? null, tags: item.tags ?? [], files };
}
