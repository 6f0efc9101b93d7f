/**
 * Date normalisation to ISO 8601. Parsing is done by hand rather than with
 * `Date.parse` so results are identical in every engine and never depend on the
 * machine's time zone:
 *  - values with a time become `Date#toISOString()` (UTC); a time without a zone
 *    is taken as UTC (the page's zone is unknowable, UTC at least is stable);
 *  - date-only values stay `YYYY-MM-DD`;
 *  - anything unparseable, before 1990 or more than two days in the future is null.
 * Ambiguous numeric forms like 02/03/2024 are rejected rather than guessed.
 */

interface DateParts {
  year: number;
  month: number; // 1-12
  day: number;
  time: { hour: number; minute: number; second: number; ms: number; offsetMinutes: number } | null;
}

const MIN_TIME = Date.UTC(1990, 0, 1);
const FUTURE_SLACK_MS = 2 * 24 * 60 * 60 * 1000;
const MAX_INPUT_LENGTH = 200;

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

/** Zone abbreviations common in English-language datelines and RFC 2822 (offset in minutes). */
const ZONES: Readonly<Record<string, number>> = {
  z: 0, ut: 0, utc: 0, gmt: 0,
  est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
  bst: 60, cet: 60, cest: 120, eet: 120, eest: 180, jst: 540, aest: 600, aedt: 660,
};

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function validDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** "+05:30", "+0530", "-08", "+1" → minutes; null when malformed. */
function parseOffset(text: string): number | null {
  const m = /^([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(text);
  if (!m) return null;
  const hours = Number(m[2]);
  const minutes = Number(m[3] ?? '0');
  if (hours > 14 || minutes > 59) return null;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

/** Offset for a zone written as a name ("GMT"), a number ("+0100") or both ("GMT+1"). Unknown → 0. */
function zoneOffset(name: string | undefined, numeric: string | undefined): number | null {
  let offset = name ? (ZONES[name.toLowerCase()] ?? 0) : 0;
  if (numeric) {
    const extra = parseOffset(numeric);
    if (extra === null) return null;
    offset += extra;
  }
  return offset;
}

/** Converts validated parts to the output string, applying the plausibility window. */
function format(parts: DateParts, now: number): string | null {
  const { year, month, day, time } = parts;
  if (!validDay(year, month, day)) return null;
  if (!time) {
    const t = Date.UTC(year, month - 1, day);
    return t >= MIN_TIME && t <= now + FUTURE_SLACK_MS ? `${pad(year, 4)}-${pad(month)}-${pad(day)}` : null;
  }
  const { hour, minute, second, ms, offsetMinutes } = time;
  if (hour > 23 || minute > 59 || second > 59) return null;
  const t = Date.UTC(year, month - 1, day, hour, minute, second, ms) - offsetMinutes * 60_000;
  return fromTimestamp(t, now);
}

function fromTimestamp(t: number, now: number): string | null {
  if (!Number.isFinite(t) || t < MIN_TIME || t > now + FUTURE_SLACK_MS) return null;
  return new Date(t).toISOString();
}

/** Unix seconds (up to 11 digits) or milliseconds. */
function fromEpoch(n: number, now: number): string | null {
  if (!Number.isFinite(n) || n <= 0) return null;
  return fromTimestamp(n < 1e11 ? n * 1000 : n, now);
}

// 2024-02-08, 2024/2/8, 2024-02-08T10:22:00.123+01:00, 2024-02-08 10:22:00 UTC
const ISO_RE =
  /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:(?:T|\s+|T\s*)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(z|utc|gmt)?\s*([+-]\d{1,2}(?::?\d{2})?)?)?/i;

function parseIsoAtStart(text: string): { parts: DateParts; length: number } | null {
  const m = ISO_RE.exec(text);
  if (!m) return null;
  const parts: DateParts = { year: Number(m[1]), month: Number(m[3]), day: Number(m[4]), time: null };
  if (m[5] !== undefined) {
    const offsetMinutes = zoneOffset(m[9], m[10]);
    if (offsetMinutes === null) return null;
    const ms = m[8] ? Number(m[8].slice(0, 3).padEnd(3, '0')) : 0;
    parts.time = { hour: Number(m[5]), minute: Number(m[6]), second: Number(m[7] ?? '0'), ms, offsetMinutes };
  }
  return { parts, length: m[0].length };
}

const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const WEEKDAY = '(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?';
const ORDINAL = '(?:st|nd|rd|th)?';
const DMY_RE = new RegExp(`^${WEEKDAY}(\\d{1,2})${ORDINAL}\\s+(?:of\\s+)?${MONTH},?\\s+(\\d{4})\\b`, 'i');
const MDY_RE = new RegExp(`^${WEEKDAY}${MONTH}\\s+(\\d{1,2})${ORDINAL},?\\s+(\\d{4})\\b`, 'i');
// Optional time right after a textual date: "10:22:00 +0000", ", 10:15 AM EST", "at 9.30pm", "– 14:05 GMT+1".
const TIME_RE =
  /^\s*(?:,|at|@|[-\u2013\u2014|\u00b7\u2022])?\s*(\d{1,2})(?:[:.](\d{2})(?::(\d{2}))?)?\s*(?:([ap])\.?m\b\.?)?(?:\s*\b(z|utc|gmt|[a-z]{2,4}t)\b)?(?:\s*([+-]\d{1,2}(?::?\d{2})?))?/i;

type TimeParts = NonNullable<DateParts['time']>;

/** TIME_RE groups to a time; null when the digits are not a time, 'invalid' when out of range. */
function readTime(m: RegExpExecArray): TimeParts | null | 'invalid' {
  const [, hourText, minuteText, secondText, meridiem, zoneName, zoneNumber] = m;
  // A bare number after the date ("8 Feb 2024 10 people...") is not a time.
  if (hourText === undefined || (minuteText === undefined && meridiem === undefined)) return null;
  let hour = Number(hourText);
  if (meridiem) {
    if (hour < 1 || hour > 12) return 'invalid';
    hour = (hour % 12) + (meridiem.toLowerCase() === 'p' ? 12 : 0);
  }
  const offsetMinutes = zoneOffset(zoneName, zoneNumber);
  if (offsetMinutes === null) return 'invalid';
  return { hour, minute: Number(minuteText ?? '0'), second: Number(secondText ?? '0'), ms: 0, offsetMinutes };
}

function monthNumber(name: string | undefined): number {
  return MONTHS[(name ?? '').slice(0, 3).toLowerCase()] ?? 0;
}

/** English textual dates at the start of `text`: "8 February 2024", "Feb. 8, 2024 10:15 AM", RFC 2822. */
function parseTextualAtStart(text: string): { parts: DateParts; length: number } | null {
  const dmy = DMY_RE.exec(text);
  const m = dmy ?? MDY_RE.exec(text);
  if (!m) return null;
  const [day, month] = dmy ? [m[1], m[2]] : [m[2], m[1]];
  const timeMatch = TIME_RE.exec(text.slice(m[0].length));
  const time = timeMatch ? readTime(timeMatch) : null;
  if (time === 'invalid') return null;
  const parts: DateParts = { year: Number(m[3]), month: monthNumber(month), day: Number(day), time };
  return { parts, length: m[0].length + (time && timeMatch ? timeMatch[0].length : 0) };
}

/** Parses a date at the very start of `text` (leading whitespace allowed); null when none. */
export function parseDateAtStart(text: string, now: number = Date.now()): string | null {
  const trimmed = text.trimStart().slice(0, MAX_INPUT_LENGTH);
  const found = parseIsoAtStart(trimmed) ?? parseTextualAtStart(trimmed);
  return found ? format(found.parts, now) : null;
}

/**
 * Normalises a date value from metadata (string or number) to ISO 8601, or null.
 * The whole string must be a date (a trailing "(Zone Name)" as in Date#toString is tolerated).
 */
export function normalizeDate(value: unknown, now: number = Date.now()): string | null {
  if (typeof value === 'number') return fromEpoch(value, now);
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (!text || text.length > MAX_INPUT_LENGTH) return null;
  if (/^\d{9,13}(?:\.\d+)?$/.test(text)) return fromEpoch(Number(text), now);
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(text); // 20240208
  if (compact) return format({ year: Number(compact[1]), month: Number(compact[2]), day: Number(compact[3]), time: null }, now);
  const found = parseIsoAtStart(text) ?? parseTextualAtStart(text);
  if (!found) return null;
  const rest = text.slice(found.length);
  if (!/^[\s.,;]*(?:\([^()]*\))?\s*$/.test(rest)) return null;
  return format(found.parts, now);
}
