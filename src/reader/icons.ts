/** Small stroke/fill icons for icon-only buttons (the buttons carry the accessible name; icons are aria-hidden). */
const PATHS: Record<string, string> = {
  previous: 'M6 5v14M19 5 9 12l10 7z',
  next: 'M18 5v14M5 5l10 7-10 7z',
  play: 'M7 4.5v15L19.5 12z',
  pause: 'M7 5h3.5v14H7zM13.5 5H17v14h-3.5z',
  stop: 'M6 6h12v12H6z',
  back: 'M15 5l-7 7 7 7',
};

export function icon(name: keyof typeof PATHS | string): SVGSVGElement {
  const NS = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('width', '18');
  svg.setAttribute('height', '18');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.setAttribute('class', 'svg-icon');
  const path = document.createElementNS(NS, 'path');
  path.setAttribute('d', PATHS[name] ?? '');
  const stroked = name === 'back';
  path.setAttribute('fill', stroked ? 'none' : 'currentColor');
  path.setAttribute('stroke', 'currentColor');
  path.setAttribute('stroke-width', stroked ? '2' : '1.5');
  path.setAttribute('stroke-linejoin', 'round');
  path.setAttribute('stroke-linecap', 'round');
  svg.append(path);
  return svg;
}

/** Fills every `<span class="icon icon-NAME">` under `root` with its SVG. */
export function fillIcons(root: ParentNode): void {
  for (const span of Array.from(root.querySelectorAll<HTMLElement>('.icon'))) {
    const name = Array.from(span.classList).find((c) => c.startsWith('icon-'))?.slice(5);
    if (name) span.replaceChildren(icon(name));
  }
}
