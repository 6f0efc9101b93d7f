/** The popup's two tabs (Article, Saved articles), with the WAI-ARIA tabs keyboard pattern. */
export type TabName = 'article' | 'saved';

export function setupTabs(onSelect: Partial<Record<TabName, () => void>>): { select(name: TabName): void } {
  const names: TabName[] = ['article', 'saved'];
  const tab = (n: TabName) => document.getElementById(`tab-${n}`) as HTMLButtonElement;
  const panel = (n: TabName) => document.getElementById(`panel-${n}`) as HTMLElement;

  function select(name: TabName, focus = false): void {
    for (const n of names) {
      const selected = n === name;
      tab(n).setAttribute('aria-selected', String(selected));
      tab(n).tabIndex = selected ? 0 : -1;
      panel(n).hidden = !selected;
    }
    if (focus) tab(name).focus();
    onSelect[name]?.();
  }

  names.forEach((n, i) => {
    tab(n).addEventListener('click', () => select(n));
    tab(n).addEventListener('keydown', (e) => {
      const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
      const edge = e.key === 'Home' ? names[0] : e.key === 'End' ? names[names.length - 1] : undefined;
      const next = edge ?? (step ? names[(i + step + names.length) % names.length] : undefined);
      if (next) {
        e.preventDefault();
        select(next, true);
      }
    });
  });
  return { select: (name) => select(name) };
}
