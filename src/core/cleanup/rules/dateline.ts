import type { CleanupRule } from '../rule.ts';

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const DATE = `(?:\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH},?\\s+\\d{4}|${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}[./]\\d{1,2}[./]\\d{2,4})`;
const TIME = '(?:\\s*(?:,|at|-|–|\\|)?\\s*\\d{1,2}[:.]\\d{2}(?:\\s*[ap]\\.?m\\.?)?(?:\\s*[A-Z]{2,4})?)?';

/**
 * Visible datelines ("Published 8 February 2024", "Updated: March 4, 2025 10:15 AM"): the date is shown in the
 * Source line from the metadata, so the body doesn't repeat it.
 */
export const dateline: CleanupRule = {
  id: 'dateline',
  text: new RegExp(`^(?:(?:published|updated|posted|last updated|first published)(?:\\s+on)?\\s*:?\\s*)?${DATE}${TIME}(?:\\s*(?:\\||·|-)\\s*(?:updated\\s*:?\\s*)?${DATE}${TIME})?$`, 'i'),
};
