/** Fills `data-i18n*` attributes of a page from _locales; sets the page's lang and direction to the UI's. */
import { t, uiDirection, uiLanguage } from '../platform/index.ts';

export function localizePage(root: ParentNode = document): void {
  for (const el of Array.from(root.querySelectorAll<HTMLElement>('[data-i18n]'))) el.textContent = t(el.dataset.i18n ?? '');
  for (const el of Array.from(root.querySelectorAll<HTMLElement>('[data-i18n-aria-label]'))) {
    el.setAttribute('aria-label', t(el.dataset.i18nAriaLabel ?? ''));
  }
  for (const el of Array.from(root.querySelectorAll<HTMLElement>('[data-i18n-placeholder]'))) {
    el.setAttribute('placeholder', t(el.dataset.i18nPlaceholder ?? ''));
  }
  document.documentElement.lang = uiLanguage();
  document.documentElement.dir = uiDirection();
}

export function formatDate(iso: string | null, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }): string | null {
  if (!iso) return null;
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return null;
  // Date-only values are calendar days: format them in UTC so they don't shift a day in the west.
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  return new Intl.DateTimeFormat(uiLanguage(), { ...options, ...(dateOnly ? { timeZone: 'UTC' } : {}) }).format(time);
}
