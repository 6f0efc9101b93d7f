/**
 * CSV reading for the Pocket and Instapaper importers (papaparse): a BOM is dropped, CRLF and LF both end
 * rows, quoted fields may hold commas, quotes and newlines. Broken quoting makes the whole file unreadable
 * (every row after it would be misread), so it is an ImportError naming the row; a row with the wrong number
 * of fields is skipped and reported.
 */
import Papa from 'papaparse';
import { checkItemCount } from './limits.ts';
import { httpUrl, ImportError, parseDate, quoted, reason, urlProblem, type Place, type Skipped } from './types.ts';

export interface CsvRow {
  /** The spreadsheet row number: the header is row 1. */
  row: number;
  cells: Record<string, string>;
}

export interface CsvTable {
  header: string[];
  rows: CsvRow[];
  skipped: Skipped[];
}

/** Reads the header and at most `maxRows` rows after it; a file with more is refused (checkItemCount). */
export function readCsv(text: string, maxRows = Infinity): CsvTable {
  const input = text.replace(/^\ufeff/, '');
  // One row past the limit is enough to know the file is over it: the rest is never parsed.
  const preview = Number.isFinite(maxRows) ? maxRows + 2 : 0;
  const parsed = Papa.parse<string[]>(input, { skipEmptyLines: 'greedy', header: false, preview });
  const lines = parsed.data;
  checkItemCount(lines.length - 1, maxRows);
  // papaparse reports `row` as the index in `data`: data row i is spreadsheet row i + 1.
  const quote = parsed.errors.find((e) => e.type === 'Quotes');
  if (quote) {
    const rest = ": a quoted field is never closed, so the rows after it can't be read. Nothing was imported.";
    if (quote.row === undefined) throw new ImportError('importErrorBrokenQuoting', [], `Broken quoting${rest}`);
    throw new ImportError('importErrorBrokenQuotingRow', [String(quote.row + 1)], `Broken quoting at row ${quote.row + 1}${rest}`);
  }
  const header = (lines[0] ?? []).map((h) => h.trim());
  const rows: CsvRow[] = [];
  const skipped: Skipped[] = [];
  for (let i = 1; i < lines.length; i++) {
    const fields = lines[i]!;
    if (fields.length !== header.length) {
      skipped.push({ row: { row: i + 1 }, imported: false, reason: reason('importReasonFieldCount', String(fields.length), String(header.length)) });
      continue;
    }
    const cells: Record<string, string> = {};
    header.forEach((h, j) => (cells[h] = fields[j] ?? ''));
    rows.push({ row: i + 1, cells });
  }
  return { header, rows, skipped };
}

/** Checks that the header has the columns (case-insensitive); returns header name by wanted name. */
export function requireColumns(header: string[], wanted: string[], format: string): Record<string, string> {
  const byLower = new Map(header.map((h) => [h.toLowerCase(), h]));
  const missing = wanted.filter((w) => !byLower.has(w.toLowerCase()));
  if (missing.length) {
    const found = header.join(', ');
    const key = !found ? 'importErrorMissingColumnsNoneFound' : missing.length > 1 ? 'importErrorMissingColumns' : 'importErrorMissingColumn';
    throw new ImportError(
      key,
      found ? [format, missing.join(', '), found] : [format, missing.join(', ')],
      `Not a ${format} CSV: missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (found: ${header.join(', ') || 'nothing'}). Nothing was imported.`,
    );
  }
  return Object.fromEntries(wanted.map((w) => [w, byLower.get(w.toLowerCase())!]));
}

/**
 * The URL and saved date of a row: null (the row skipped and reported) without an http(s) URL; an unreadable
 * date is reported and left out (the library then uses the import time).
 */
export function urlAndDate(where: Place, cells: Record<string, string>, urlColumn: string, dateColumn: string, skipped: Skipped[]): { url: string; savedAt: string | null } | null {
  const url = httpUrl(cells[urlColumn]);
  if (!url) {
    skipped.push({ row: where, field: urlColumn, imported: false, reason: urlProblem(cells[urlColumn]) });
    return null;
  }
  const raw = cells[dateColumn];
  const savedAt = parseDate(raw);
  if (savedAt === undefined) {
    skipped.push({ row: where, field: dateColumn, imported: true, reason: reason('importReasonBadDateNow', quoted(raw ?? '')) });
  }
  return { url, savedAt: savedAt ?? null };
}
