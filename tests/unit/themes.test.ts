/**
 * The theme palettes in src/ui/themes.css, read from the file: every text colour against every background it
 * is drawn on meets WCAG AA for body text (4.5:1), control borders meet 3:1 (non-text contrast), and the
 * system-dark block repeats the dark palette exactly. (axe checks the rendered pages in the e2e suite too.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const css = readFileSync(join(import.meta.dirname, '../../src/ui/themes.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');

function vars(block: string): Record<string, string> {
  return Object.fromEntries([...block.matchAll(/--([a-z-]+):\s*(#[0-9a-f]{6})\b/gi)].map((m) => [m[1]!, m[2]!.toLowerCase()]));
}

function blockAfter(selector: string): Record<string, string> {
  const at = css.indexOf(selector);
  if (at < 0) throw new Error(`${selector} not found in themes.css`);
  const open = css.indexOf('{', at + selector.length);
  return vars(css.slice(open, css.indexOf('}', open)));
}

const luminance = (hex: string): number => {
  const n = Number.parseInt(hex.slice(1), 16);
  const [r, g, b] = [n >> 16, (n >> 8) & 255, n & 255].map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
};
const contrast = (a: string, b: string): number => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

const palettes = {
  light: blockAfter(':root[data-theme="light"]'),
  sepia: blockAfter(':root[data-theme="sepia"]'),
  dark: blockAfter(':root[data-theme="dark"]'),
  'system dark': blockAfter(':root:not([data-theme="light"]):not([data-theme="sepia"])'),
};

/** [text, background] pairs the stylesheets actually draw. */
const TEXT_PAIRS: Array<[string, string]> = [
  ['fg', 'bg'], ['muted', 'bg'], ['link', 'bg'], ['accent', 'bg'],
  ['fg', 'button-bg'], ['muted', 'button-bg'], ['link', 'button-bg'],
  ['accent-fg', 'accent'],
  ['fg', 'highlight'], ['link', 'highlight'], ['muted', 'highlight'],
];

describe('theme palettes', () => {
  it('the measure itself: black on white is 21:1, a mid grey ~4.5:1', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#767676', '#ffffff')).toBeGreaterThan(4.5);
    expect(contrast('#777777', '#ffffff')).toBeLessThan(4.5);
  });
  for (const [name, p] of Object.entries(palettes)) {
    it(`${name}: text ≥ 4.5:1 on every background it sits on, control borders ≥ 3:1`, () => {
      for (const key of ['bg', 'fg', 'muted', 'link', 'accent', 'accent-fg', 'button-bg', 'rule', 'control-border', 'highlight']) {
        expect(p[key], `--${key}`).toMatch(/^#[0-9a-f]{6}$/);
      }
      const low = TEXT_PAIRS.map(([t, b]) => [`${t} on ${b}`, contrast(p[t]!, p[b]!)] as const).filter(([, r]) => r < 4.5);
      expect(low).toEqual([]);
      expect(contrast(p['control-border']!, p.bg!)).toBeGreaterThanOrEqual(3);
      expect(contrast(p['control-border']!, p['button-bg']!)).toBeGreaterThanOrEqual(3);
    });
  }
  it('"system" in a dark environment is exactly the dark theme', () => {
    expect(palettes['system dark']).toEqual(palettes.dark);
  });
});
