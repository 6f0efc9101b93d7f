/**
 * Instapaper's CSV export (`URL,Title,Selection,Folder,Timestamp,Tags`): Timestamp in Unix seconds, Folder
 * `Unread`, `Archive`, `Starred` or a folder of the reader's own (kept as a tag), Tags a JSON array (newer
 * exports) or a comma-separated list, Selection the highlighted text (kept as the excerpt).
 */
import { readCsv, requireColumns } from './csv.ts';
import { httpUrl, oneLine, parseDate, splitTags, urlProblem, type ImportResult, type ImportedItem } from './types.ts';

export function parseInstapaperCsv(text: string): ImportResult {
  const table = readCsv(text);
  const col = requireColumns(table.header, ['URL', 'Title', 'Selection', 'Folder', 'Timestamp'], 'Instapaper');
  const tagsColumn = table.header.find((h) => h.toLowerCase() === 'tags');
  const items: ImportedItem[] = [];
  const skipped = [...table.skipped];
  for (const { row, cells } of table.rows) {
    const where = `row ${row}`;
    const url = httpUrl(cells[col.URL!]);
    if (!url) {
      skipped.push({ row: where, field: 'URL', imported: false, reason: `${urlProblem(cells[col.URL!])}` });
      continue;
    }
    const rawTime = cells[col.Timestamp!];
    let savedAt = parseDate(rawTime);
    if (savedAt === undefined) {
      skipped.push({ row: where, field: 'Timestamp', imported: true, reason: `invalid date ${JSON.stringify(rawTime)}: imported with the import time as saved date` });
      savedAt = null;
    }
    const folder = oneLine(cells[col.Folder!]);
    const tags = tagsColumn ? splitTags(cells[tagsColumn], /,/) : [];
    const lower = folder.toLowerCase();
    if (lower === 'starred') tags.push('starred');
    else if (folder && lower !== 'unread' && lower !== 'archive') tags.push(folder);
    const selection = oneLine(cells[col.Selection!]);
    items.push({
      row: where,
      url,
      title: oneLine(cells[col.Title!]) || url,
      excerpt: selection || null,
      savedAt,
      archived: lower === 'archive',
      tags,
    });
  }
  return { format: 'instapaper', items, skipped };
}
