/**
 * Pocket's CSV export (`title,url,time_added,tags,status`): time_added in Unix seconds, tags separated by `|`,
 * status `unread` or `archive`. Every row becomes a URL-only item (Pocket's export has no article text).
 */
import { readCsv, requireColumns } from './csv.ts';
import { httpUrl, oneLine, parseDate, splitTags, urlProblem, type ImportResult, type ImportedItem } from './types.ts';

export function parsePocketCsv(text: string): ImportResult {
  const table = readCsv(text);
  const col = requireColumns(table.header, ['title', 'url', 'time_added', 'tags', 'status'], 'Pocket');
  const items: ImportedItem[] = [];
  const skipped = [...table.skipped];
  for (const { row, cells } of table.rows) {
    const where = `row ${row}`;
    const url = httpUrl(cells[col.url!]);
    if (!url) {
      skipped.push({ row: where, field: 'url', imported: false, reason: `${urlProblem(cells[col.url!])}` });
      continue;
    }
    const rawTime = cells[col.time_added!];
    let savedAt = parseDate(rawTime);
    if (savedAt === undefined) {
      skipped.push({ row: where, field: 'time_added', imported: true, reason: `invalid date ${JSON.stringify(rawTime)}: imported with the import time as saved date` });
      savedAt = null;
    }
    const status = (cells[col.status!] ?? '').trim().toLowerCase();
    if (status && status !== 'unread' && status !== 'archive') {
      skipped.push({ row: where, field: 'status', imported: true, reason: `unknown status ${JSON.stringify(status)}: imported as unread` });
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
