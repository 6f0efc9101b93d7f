/**
 * Reading settings: font, size, line height, line width, theme, justification. One object, remembered in
 * storage.local under "settings" (the worker keeps nothing in memory), applied to a page as attributes and CSS
 * custom properties on its root element (`style.setProperty` is allowed by the extension CSP; no inline styles):
 *
 *   data-theme="light|sepia|dark|system"  data-font="serif|sans|legible"  data-justify="true|false"
 *   --reader-size: 19px   --reader-leading: 1.6   --reader-measure: 62ch
 *
 * The stylesheets (src/ui/themes.css, src/ui/reader.css) do the rest, so a change is one style recalculation.
 */
import { onStorageChanged, storageGet, storageSet } from '../platform/index.ts';

export const FONTS = ['serif', 'sans', 'legible'] as const;
export const THEMES = ['light', 'sepia', 'dark', 'system'] as const;
export type FontChoice = (typeof FONTS)[number];
export type Theme = (typeof THEMES)[number];

export interface ReaderSettings {
  font: FontChoice;
  /** Body text size in CSS pixels. */
  size: number;
  /** Line height, unitless. */
  lineHeight: number;
  /** Line width (measure) in `ch` of the body font. */
  width: number;
  theme: Theme;
  justify: boolean;
}

export interface Range {
  min: number;
  max: number;
  step: number;
}

export const RANGES: Readonly<Record<'size' | 'lineHeight' | 'width', Range>> = {
  size: { min: 14, max: 30, step: 1 },
  lineHeight: { min: 1.2, max: 2.2, step: 0.1 },
  width: { min: 45, max: 90, step: 1 },
};

export const DEFAULT_SETTINGS: Readonly<ReaderSettings> = {
  font: 'serif',
  size: 19,
  lineHeight: 1.6,
  width: 62, // in ch of the body font: about 65–75 characters of running text in the serif fonts
  theme: 'system',
  justify: false,
};

export const SETTINGS_KEY = 'settings';

function clampToRange(value: unknown, range: Range, fallback: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  const clamped = Math.min(range.max, Math.max(range.min, value));
  // Snap to the step (and drop float noise such as 1.7000000000000002).
  const snapped = range.min + Math.round((clamped - range.min) / range.step) * range.step;
  return Number(snapped.toFixed(4));
}

/** Settings from storage (or anywhere): unknown keys dropped, bad or missing values replaced by the defaults. */
export function normalizeSettings(value: unknown): ReaderSettings {
  const v = (value && typeof value === 'object' ? value : {}) as Partial<Record<keyof ReaderSettings, unknown>>;
  const d = DEFAULT_SETTINGS;
  return {
    font: FONTS.includes(v.font as FontChoice) ? (v.font as FontChoice) : d.font,
    size: clampToRange(v.size, RANGES.size, d.size),
    lineHeight: clampToRange(v.lineHeight, RANGES.lineHeight, d.lineHeight),
    width: clampToRange(v.width, RANGES.width, d.width),
    theme: THEMES.includes(v.theme as Theme) ? (v.theme as Theme) : d.theme,
    justify: typeof v.justify === 'boolean' ? v.justify : d.justify,
  };
}

/** The look without the sizes: theme, font and justification (the popup keeps its own compact sizes). */
export function applyTheme(root: HTMLElement, s: ReaderSettings): void {
  root.dataset.theme = s.theme;
  root.dataset.font = s.font;
  root.dataset.justify = String(s.justify);
}

/** Puts the settings on a page's root element (the stylesheets read them from there). */
export function applySettings(root: HTMLElement, s: ReaderSettings): void {
  applyTheme(root, s);
  root.style.setProperty('--reader-size', `${s.size}px`);
  root.style.setProperty('--reader-leading', String(s.lineHeight));
  root.style.setProperty('--reader-measure', `${s.width}ch`);
}

export async function loadSettings(): Promise<ReaderSettings> {
  try {
    const stored = await storageGet('local', SETTINGS_KEY);
    const settings = normalizeSettings(stored[SETTINGS_KEY]);
    remember(settings);
    return settings;
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
}

export async function saveSettings(s: ReaderSettings): Promise<void> {
  const settings = normalizeSettings(s);
  remember(settings);
  await storageSet('local', { [SETTINGS_KEY]: settings });
}

/**
 * A copy of the settings in the extension's localStorage, read synchronously when a page starts so its first
 * paint is already in the reader's theme, without waiting for storage.local (an asynchronous round trip).
 * storage.local stays the truth: every page still loads it and applies it if the copy was stale.
 */
const MIRROR_KEY = 'lectern.settings';

function remember(s: ReaderSettings): void {
  try {
    globalThis.localStorage?.setItem(MIRROR_KEY, JSON.stringify(s));
  } catch {
    /* no localStorage (a worker) or it is full: pages just wait for storage.local */
  }
}

/** The settings as last seen by any Lectern page, or null (first run, or no localStorage). */
export function rememberedSettings(): ReaderSettings | null {
  try {
    const raw = globalThis.localStorage?.getItem(MIRROR_KEY);
    return raw ? normalizeSettings(JSON.parse(raw)) : null;
  } catch {
    return null;
  }
}

/** Follows changes made in any other Lectern page (the options page, another reader tab). */
export function onSettingsChanged(listener: (s: ReaderSettings) => void): void {
  onStorageChanged('local', SETTINGS_KEY, (value) => listener(normalizeSettings(value)));
}

export interface SettingsSync {
  /** Remembers `s` (debounced: a slider fires on every step). */
  save(s: ReaderSettings): void;
}

/**
 * A page's link to the stored settings: saves its own changes (debounced) and calls `onRemote` for changes
 * made in other pages — not for the echoes of its own saves, which arrive late and would set a control back
 * while it is being moved. While a local change waits to be saved, it wins over remote ones.
 */
export function settingsSync(onRemote: (s: ReaderSettings) => void, delayMs = 150): SettingsSync {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const inFlight: string[] = [];
  onSettingsChanged((s) => {
    const key = JSON.stringify(s);
    const own = inFlight.indexOf(key);
    if (own >= 0) {
      inFlight.splice(0, own + 1);
      return;
    }
    if (timer !== undefined) return;
    onRemote(s);
  });
  return {
    save(s) {
      clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        const next = normalizeSettings(s);
        inFlight.push(JSON.stringify(next));
        void saveSettings(next).catch(() => inFlight.splice(inFlight.indexOf(JSON.stringify(next)), 1));
      }, delayMs);
    },
  };
}

/** The web font behind the "legible" choice, to load before the article is first shown (no swap jump). */
export const LEGIBLE_FAMILY = 'Atkinson Hyperlegible';

/**
 * Waits (briefly) until the chosen font can render, so the article's first paint is already in it. Only the
 * bundled font needs this; the serif and sans stacks are system fonts.
 */
export async function fontReady(s: ReaderSettings, doc: Document = document, timeoutMs = 300): Promise<void> {
  if (s.font !== 'legible' || !('fonts' in doc)) return;
  const load = Promise.all([doc.fonts.load(`1em "${LEGIBLE_FAMILY}"`), doc.fonts.load(`bold 1em "${LEGIBLE_FAMILY}"`)]);
  await Promise.race([load.catch(() => undefined), new Promise((r) => setTimeout(r, timeoutMs))]);
}
