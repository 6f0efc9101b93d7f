/**
 * A disclosure button (WAI-ARIA APG "disclosure" pattern): `toggle` shows and hides `panel` and says so with
 * aria-expanded. Choosing a button in the panel, Escape, or moving focus or clicking outside closes it; Escape
 * and a choice bring focus back to the toggle, so the keyboard never loses its place.
 */
export function setupDisclosure(toggle: HTMLButtonElement, panel: HTMLElement): { close(): void } {
  const isOpen = () => !panel.hidden;
  const set = (open: boolean) => {
    panel.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
  };
  const close = (refocus = false) => {
    if (!isOpen()) return;
    set(false);
    if (refocus) toggle.focus();
  };
  toggle.addEventListener('click', () => set(!isOpen()));
  // A choice closes it once its own click handler has run.
  panel.addEventListener('click', (e) => {
    if ((e.target as Element | null)?.closest('button')) close(true);
  });
  for (const el of [toggle, panel]) {
    el.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && isOpen()) {
        e.preventDefault();
        e.stopPropagation();
        close(true);
      }
    });
    el.addEventListener('focusout', (e) => {
      const next = e.relatedTarget as Node | null;
      if (next && !toggle.contains(next) && !panel.contains(next)) close();
    });
  }
  document.addEventListener('pointerdown', (e) => {
    const target = e.target as Node;
    if (isOpen() && !toggle.contains(target) && !panel.contains(target)) close();
  });
  return { close: () => close() };
}
