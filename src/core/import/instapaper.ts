/**
 * Instapaper's CSV export (`URL,Title,Selection,Folder,Timestamp,Tags`): Timestamp in Unix seconds, Folder
 * `Unread`, `Archive`, `Starred` or a folder of the reader's own (kept as a tag), Tags a JSON array (newer
 * exports) or a comma-separated list, Selection the highlighted text (kept as the excerpt).
 */
import { readCsv, requireColumns, urlAndDate } from './csv.ts';
import { oneLine, splitTags, type ImportResult, type ImportedItem } from './types.ts';

export function parseInstapaperCsv(text: string, maxItems = Infinity): ImportResult {
  const table = readCsv(text, maxItems);
  const col = requireColumns(table.header, ['URL', 'Title', 'Selection', 'Folder', 'Timestamp'], 'Instapaper');
  const tagsColumn = table.header.find((h) => h.toLowerCase() === 'tags');
  const items: ImportedItem[] = [];
  const skipped = [...table.skipped];
  for (const { row, cells } of table.rows) {
    const where = { row };
    const found = urlAndDate(where, cells, col.URL!, col.Timestamp!, skipped);
    if (!found) continue;
    const { url, savedAt } = found;
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
