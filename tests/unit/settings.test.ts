/**
 * Reading settings (src/ui/settings.ts): what comes back from storage is normalized (bad values → defaults,
 * numbers clamped to their range and snapped to the step), applying sets only attributes and custom properties
 * on the root, and load/save go through storage.local (the platform module is replaced by a fake store here).
 */
import { JSDOM } from 'jsdom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const store = new Map<string, unknown>();
const listeners: Array<(value: unknown) => void> = [];
/** When set, change events wait here (as storage.onChanged events arrive later in a browser). */
let deferred: unknown[] | null = null;
const deliver = (value: unknown) => {
  for (const l of listeners) l(value);
};
vi.mock('../../src/platform/index.ts', () => ({
  storageGet: async (_area: string, key: string) => (store.has(key) ? { [key]: store.get(key) } : {}),
  storageSet: async (_area: string, items: Record<string, unknown>) => {
    for (const [k, v] of Object.entries(items)) {
      store.set(k, structuredClone(v));
      if (deferred) deferred.push(structuredClone(v));
      else deliver(v);
    }
  },
  onStorageChanged: (_area: string, _key: string, listener: (value: unknown) => void) => listeners.push(listener),
}));

const { DEFAULT_SETTINGS, RANGES, applySettings, applyTheme, loadSettings, normalizeSettings, onSettingsChanged, rememberedSettings, saveSettings, settingsSync } = await import('../../src/ui/settings.ts');

describe('normalizeSettings', () => {
  it('fills defaults for nothing, junk and unknown values', () => {
    expect(normalizeSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(normalizeSettings('dark')).toEqual(DEFAULT_SETTINGS);
    expect(normalizeSettings({ font: 'comic', theme: 'neon', size: '20', justify: 'yes', lineHeight: Number.NaN, extra: 1 })).toEqual(DEFAULT_SETTINGS);
  });
  it('keeps valid choices', () => {
    const s = { font: 'legible', size: 22, lineHeight: 1.8, width: 72, theme: 'sepia', justify: true } as const;
    expect(normalizeSettings(s)).toEqual(s);
  });
  it('clamps numbers to their range and snaps them to the step', () => {
    expect(normalizeSettings({ size: 3, lineHeight: 9, width: 1000 })).toMatchObject({ size: RANGES.size.min, lineHeight: RANGES.lineHeight.max, width: RANGES.width.max });
    expect(normalizeSettings({ size: 18.6, lineHeight: 1.6400001 }).size).toBe(19);
    expect(normalizeSettings({ lineHeight: 1.6400001 }).lineHeight).toBe(1.6);
    expect(normalizeSettings({ lineHeight: 1.7000000000000002 }).lineHeight).toBe(1.7);
  });
  it('the defaults are inside their ranges and on their steps, and read comfortably (60–75 characters a line)', () => {
    expect(normalizeSettings(DEFAULT_SETTINGS)).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS.width).toBeGreaterThanOrEqual(60);
    expect(DEFAULT_SETTINGS.width).toBeLessThanOrEqual(75);
  });
});

describe('applySettings', () => {
  it('sets data attributes and custom properties on the root, nothing else', () => {
    const { document } = new JSDOM('<!doctype html><html><body></body></html>').window;
    const root = document.documentElement;
    applySettings(root, { font: 'sans', size: 21, lineHeight: 1.5, width: 70, theme: 'dark', justify: true });
    expect({ ...root.dataset }).toEqual({ theme: 'dark', font: 'sans', justify: 'true' });
    expect(root.style.getPropertyValue('--reader-size')).toBe('21px');
    expect(root.style.getPropertyValue('--reader-leading')).toBe('1.5');
    expect(root.style.getPropertyValue('--reader-measure')).toBe('70ch');
    expect(root.style.length).toBe(3);
  });
  it('applyTheme (the popup) leaves the sizes alone', () => {
    const { document } = new JSDOM('<!doctype html><html><body></body></html>').window;
    applyTheme(document.documentElement, { ...DEFAULT_SETTINGS, theme: 'sepia' });
    expect(document.documentElement.dataset.theme).toBe('sepia');
    expect(document.documentElement.style.length).toBe(0);
  });
});

describe('load / save / follow changes', () => {
  beforeEach(() => store.clear());
  it('loads the defaults from an empty store and what was saved afterwards, normalized', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    await saveSettings({ ...DEFAULT_SETTINGS, theme: 'dark', size: 24 });
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark', size: 24 });
    store.set('settings', { theme: 'dark', size: 999 });
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark', size: RANGES.size.max });
  });
  it('other pages hear about a change, normalized', async () => {
    const seen: unknown[] = [];
    onSettingsChanged((s) => seen.push(s));
    await saveSettings({ ...DEFAULT_SETTINGS, font: 'legible' });
    expect(seen).toEqual([{ ...DEFAULT_SETTINGS, font: 'legible' }]);
  });
});

describe('the localStorage copy a page reads synchronously for its first paint', () => {
  const original = Object.getOwnPropertyDescriptor(globalThis, 'localStorage');
  afterEach(() => {
    if (original) Object.defineProperty(globalThis, 'localStorage', original);
    else delete (globalThis as { localStorage?: unknown }).localStorage;
  });
  it('follows every save and load, normalized; absent or broken copies read as null', async () => {
    store.clear();
    const dom = new JSDOM('', { url: 'https://lectern.test/' });
    Object.defineProperty(globalThis, 'localStorage', { value: dom.window.localStorage, configurable: true });
    expect(rememberedSettings()).toBeNull();
    await saveSettings({ ...DEFAULT_SETTINGS, theme: 'sepia', size: 22 });
    expect(rememberedSettings()).toEqual({ ...DEFAULT_SETTINGS, theme: 'sepia', size: 22 });
    // Changed elsewhere (another page, a restored backup): the next load refreshes the copy.
    store.set('settings', { ...DEFAULT_SETTINGS, theme: 'dark' });
    await loadSettings();
    expect(rememberedSettings()).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' });
    dom.window.localStorage.setItem('lectern.settings', '{not json');
    expect(rememberedSettings()).toBeNull();
    dom.window.localStorage.setItem('lectern.settings', JSON.stringify({ theme: 'neon', size: 5 }));
    expect(rememberedSettings()).toEqual({ ...DEFAULT_SETTINGS, size: RANGES.size.min });
  });
  it('without localStorage (the worker) nothing breaks', async () => {
    Object.defineProperty(globalThis, 'localStorage', { value: undefined, configurable: true });
    await saveSettings(DEFAULT_SETTINGS);
    expect(rememberedSettings()).toBeNull();
  });
});

describe('settingsSync (a page saving its own changes and following others)', () => {
  beforeEach(() => {
    store.clear();
    listeners.length = 0;
    deferred = [];
    vi.useFakeTimers();
  });
  afterEach(() => {
    deferred = null;
    vi.useRealTimers();
  });
  const size = (n: number) => ({ ...DEFAULT_SETTINGS, size: n });

  it('saves once per burst of changes (debounced), the last value', async () => {
    const remote: unknown[] = [];
    const sync = settingsSync((s) => remote.push(s));
    sync.save(size(20));
    sync.save(size(21));
    sync.save(size(22));
    expect(store.has('settings')).toBe(false);
    await vi.advanceTimersByTimeAsync(150);
    expect(store.get('settings')).toEqual(size(22));
    for (const v of deferred!.splice(0)) deliver(v);
    expect(remote).toEqual([]); // its own save does not come back as a remote change
  });

  it('a late echo of an earlier save does not set the control back while the slider moves on', async () => {
    const remote: unknown[] = [];
    const sync = settingsSync((s) => remote.push(s));
    sync.save(size(20));
    await vi.advanceTimersByTimeAsync(150); // 20 saved; its change event is still on its way
    sync.save(size(21));
    for (const v of deferred!.splice(0)) deliver(v); // the echo of 20 arrives now
    expect(remote).toEqual([]);
    await vi.advanceTimersByTimeAsync(150);
    for (const v of deferred!.splice(0)) deliver(v);
    expect(remote).toEqual([]);
    expect(store.get('settings')).toEqual(size(21));
  });

  it('changes made in another page are followed, unless a local change is waiting to be saved', async () => {
    const remote: unknown[] = [];
    const sync = settingsSync((s) => remote.push(s));
    deliver({ ...DEFAULT_SETTINGS, theme: 'dark' });
    expect(remote).toEqual([{ ...DEFAULT_SETTINGS, theme: 'dark' }]);
    sync.save(size(24));
    deliver({ ...DEFAULT_SETTINGS, theme: 'sepia' });
    expect(remote.length).toBe(1);
    await vi.advanceTimersByTimeAsync(150);
    deliver({ ...DEFAULT_SETTINGS, theme: 'light' });
    expect(remote.at(-1)).toEqual({ ...DEFAULT_SETTINGS, theme: 'light' });
  });
});
