/**
 * The reader's "Reading settings" panel: a disclosure button in the bar and a region under it with the settings
 * form. Changes apply at once, keeping the reading position (anchor.ts), and are remembered (storage.local),
 * so other reader tabs and the options page follow. Escape, or a click outside, closes the panel.
 */
import { createSettingsForm } from '../ui/settings-form.ts';
import { applySettings, settingsSync, type ReaderSettings } from '../ui/settings.ts';
import { keepReadingPosition } from './anchor.ts';

export function setupSettingsPanel(initial: ReaderSettings, article: HTMLElement, barHeight: () => number): void {
  const toggle = document.getElementById('settings-toggle') as HTMLButtonElement;
  const panel = document.getElementById('settings') as HTMLElement;
  const root = document.documentElement;
  const apply = (s: ReaderSettings): void => keepReadingPosition(article, () => applySettings(root, s), barHeight());
  const sync = settingsSync((s) => {
    form.set(s);
    apply(s);
  });
  const form = createSettingsForm('reader-settings', initial, (s) => {
    apply(s);
    sync.save(s);
  });
  panel.append(form.element);

  const setOpen = (open: boolean, focusToggle = false): void => {
    panel.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    if (open) form.element.querySelector<HTMLInputElement>('input:checked, input')?.focus();
    else if (focusToggle) toggle.focus();
  };
  toggle.addEventListener('click', () => setOpen(panel.hidden));
  panel.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    e.stopPropagation();
    setOpen(false, true);
  });
  toggle.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !panel.hidden) setOpen(false, true);
  });
  document.addEventListener('pointerdown', (e) => {
    if (panel.hidden) return;
    const target = e.target as Node;
    if (!panel.contains(target) && !toggle.contains(target)) setOpen(false);
  });
}
