import type { CleanupRule } from '../rule.ts';
import { elementsIn, tagIn, textOf } from '../dom.ts';

const TIME_HOLDER = tagIn('time', 'span', 'p', 'div', 'small');

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const DATE = `(?:\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH},?\\s+\\d{4}|${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}[./]\\d{1,2}[./]\\d{2,4})`;
const TIME = '(?:\\s*(?:,|at|-|–|\\|)?\\s*\\d{1,2}[:.]\\d{2}(?::\\d{2}(?:\\.\\d+)?(?:[+-]\\d{2}:?\\d{2})?)?(?:\\s*[ap]\\.?m\\.?)?(?:\\s*[A-Z]{2,4})?)?';

/**
 * Visible datelines ("Published 8 February 2024", "Updated: March 4, 2025 10:15 AM"): the date is shown in the
 * Source line from the metadata, so the body doesn't repeat it.
 */
const LABEL = '(?:published|updated|posted|last updated|first published|veröffentlicht|veröffentlichung|(?:zuletzt )?aktualisiert|letzte aktualisierung|erstellt|publiziert|publicado|actualizado|publié|mis à jour|pubblicato|aggiornato|opublikowano|publikacja)(?:\\s+(?:on|am|el|le|il))?';
/** Before a date only: alone, "Date" is a table heading. */
const DATE_LABEL = `(?:${LABEL}|(?:news )?date|(?:erscheinungs)?datum)`;
const WEEKDAY = '(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*|(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag))\\.?,?\\s*';
const DE_DATE = `(?:\\d{1,2}\\.\\s*(?:${MONTH}|januar|februar|märz|mai|juni|juli|oktober|dezember)\\s+\\d{4})`;

/** A date, then maybe a time. */
const WHEN = `(?:${DATE}|${DE_DATE})${TIME}(?:\\s*uhr)?`;

export const dateline: CleanupRule = {
  id: 'dateline',
  text: new RegExp(
    `^(?:${DATE_LABEL}\\s*:?\\s*)?(?:${WEEKDAY})?${WHEN}(?:\\s*(?:\\||·|-)\\s*(?:${DATE_LABEL}\\s*:?\\s*)?${WHEN})?(?:\\s*(?:category|kategorie|rubrik)\\s*:\\s*.{1,40})?$` +
      // a bare label ("Aktualisiert am")
      `|^${LABEL}\\s*:?$` +
      // a line of metadata around a date, its parts split by | or · ("Freitag | 14. Juni 2019 | VON Sina Giebel | 0 Comments")
      `|^(?=.{0,120}$)(?:[^|·]{1,40}[|·]\\s*)*${WHEN}(?:\\s*[|·][^|·]{1,40})+$` +
      `|^(?=.{0,120}$)(?:[^|·]{1,40}[|·]\\s*)+${WHEN}$`,
    'i',
  ),
  // A time alone ("19:49", "3:59 PM", "05:28 Uhr") is a dateline, unless the article has several: then they are
  // a live blog's entry times, which stay.
  structural: (el, ctx, text) => {
    if (!ctx.root || !BARE_TIME.test(text ?? textOf(el)) || el.children.length > 1) return false;
    return bareTimes(ctx.root) < 3;
  },
};

const BARE_TIME = /^\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?|\s*uhr)?$/i;
const counted = new WeakMap<Element, number>();

/** How many blocks in the article are nothing but a time (computed once per article). */
function bareTimes(root: Element): number {
  let n = counted.get(root);
  if (n === undefined) {
    n = elementsIn(root).filter((e) => e !== root && TIME_HOLDER(e) && BARE_TIME.test(textOf(e))).length;
    counted.set(root, n);
  }
  return n;
}
