/**
 * Pocket's CSV export (`title,url,time_added,tags,status`): time_added in Unix seconds, tags separated by `|`,
 * status `unread` or `archive`. Every row becomes a URL-only item (Pocket's export has no article text).
 */
import { readCsv, requireColumns, urlAndDate } from './csv.ts';
import { oneLine, quoted, reason, splitTags, type ImportResult, type ImportedItem } from './types.ts';

export function parsePocketCsv(text: string, maxItems = Infinity): ImportResult {
  const table = readCsv(text, maxItems);
  const col = requireColumns(table.header, ['title', 'url', 'time_added', 'tags', 'status'], 'Pocket');
  const items: ImportedItem[] = [];
  const skipped = [...table.skipped];
  for (const { row, cells } of table.rows) {
    const where = { row };
    const found = urlAndDate(where, cells, col.url!, col.time_added!, skipped);
    if (!found) continue;
    const { url, savedAt } = found;
    const status = (cells[col.status!] ?? '').trim().toLowerCase();
    if (status && status !== 'unread' && status !== 'archive') {
      skipped.push({ row: where, field: 'status', imported: true, reason: reason('importReasonUnknownStatus', quoted(status)) });
    }
    items.push({
      row: where,
      url,
      title: oneLine(cells[col.title!]) || url,
      savedAt,
      archived: status === 'archive',
      tags: splitTags(cells[col.tags!], /\|/),
    });
  }
  return { format: 'pocket', items, skipped };
}
