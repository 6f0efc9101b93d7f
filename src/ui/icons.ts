/**
 * Lectern's small SVG icons, built with DOM calls (no markup): for icon-only buttons, which carry the accessible
 * name, and for decorations such as the Removed panel's chevron. Every icon is aria-hidden and not focusable.
 */
interface Shape {
  d: string;
  viewBox: string;
  width: number;
  height: number;
  /** Filled glyph (true) or an open stroked line (false). */
  filled: boolean;
  strokeWidth: number;
  className: string;
}

const glyph = (d: string): Shape => ({ d, viewBox: '0 0 24 24', width: 18, height: 18, filled: true, strokeWidth: 1.5, className: 'svg-icon' });

const SHAPES = {
  previous: glyph('M6 5v14M19 5 9 12l10 7z'),
  next: glyph('M18 5v14M5 5l10 7-10 7z'),
  play: glyph('M7 4.5v15L19.5 12z'),
  pause: glyph('M7 5h3.5v14H7zM13.5 5H17v14h-3.5z'),
  stop: glyph('M6 6h12v12H6z'),
  back: { ...glyph('M15 5l-7 7 7 7'), filled: false, strokeWidth: 2 },
  /** A small down-pointing chevron (the Removed panel's toggle; turned up in CSS when open). */
  chevron: { d: 'M1 1l4 4 4-4', viewBox: '0 0 10 6', width: 10, height: 6, filled: false, strokeWidth: 1.5, className: 'chevron' },
} satisfies Record<string, Shape>;

export type IconName = keyof typeof SHAPES;

const NS = 'http://www.w3.org/2000/svg';

export function icon(name: IconName | string): SVGSVGElement {
  const shape: Shape = (SHAPES as Record<string, Shape>)[name] ?? { ...glyph(''), d: '' };
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('viewBox', shape.viewBox);
  svg.setAttribute('width', String(shape.width));
  svg.setAttribute('height', String(shape.height));
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.setAttribute('class', shape.className);
  const path = document.createElementNS(NS, 'path');
  path.setAttribute('d', shape.d);
  path.setAttribute('fill', shape.filled ? 'currentColor' : 'none');
  path.setAttribute('stroke', 'currentColor');
  path.setAttribute('stroke-width', String(shape.strokeWidth));
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
