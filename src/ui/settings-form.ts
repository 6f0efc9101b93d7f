/**
 * The reading-settings controls, one form for the reader's settings panel and the options page: font and theme
 * as radio groups (fieldset + legend), size / line spacing / line width as sliders with their value shown,
 * justification as a checkbox, and "Reset". Native controls only, so every one works from the keyboard (Tab,
 * arrows, Space) and has its label. Every change calls `onChange` with the whole new settings object at once.
 */
import { t, uiLanguage } from '../platform/index.ts';
import { DEFAULT_SETTINGS, FONTS, normalizeSettings, RANGES, THEMES, type ReaderSettings } from './settings.ts';

type RangeKey = 'size' | 'lineHeight' | 'width';

export interface SettingsForm {
  element: HTMLFormElement;
  /** Shows `s` in the controls (after a change made elsewhere) without calling onChange. */
  set(s: ReaderSettings): void;
}

const FONT_LABEL: Record<(typeof FONTS)[number], string> = { serif: 'fontSerif', sans: 'fontSans', legible: 'fontLegible' };
const THEME_LABEL: Record<(typeof THEMES)[number], string> = { light: 'themeLight', sepia: 'themeSepia', dark: 'themeDark', system: 'themeSystem' };
const RANGE_LABEL: Record<RangeKey, string> = { size: 'settingSize', lineHeight: 'settingLineHeight', width: 'settingWidth' };

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function valueText(key: RangeKey, value: number): string {
  const n = new Intl.NumberFormat(uiLanguage(), { maximumFractionDigits: 1 }).format(value);
  return key === 'size' ? t('valuePixels', n) : key === 'width' ? t('valueCharacters', n) : n;
}

export function createSettingsForm(idPrefix: string, initial: ReaderSettings, onChange: (s: ReaderSettings) => void): SettingsForm {
  let current = normalizeSettings(initial);
  const form = el('form', 'settings-form');
  form.noValidate = true;
  form.addEventListener('submit', (e) => e.preventDefault());
  const id = (name: string) => `${idPrefix}-${name}`;

  const radios = <V extends string>(name: 'font' | 'theme', values: readonly V[], label: Record<V, string>, legend: string) => {
    const set = el('fieldset', `choice choice-${name}`);
    set.append(el('legend', undefined, t(legend)));
    const inputs = values.map((value) => {
      const option = el('label', `option option-${value}`);
      const input = el('input');
      input.type = 'radio';
      input.name = id(name);
      input.value = value;
      input.addEventListener('change', () => input.checked && update({ [name]: value } as Partial<ReaderSettings>));
      const swatch = el('span', `swatch swatch-${name}-${value}`);
      swatch.setAttribute('aria-hidden', 'true');
      swatch.textContent = name === 'font' ? 'Ag' : '';
      option.append(input, swatch, el('span', 'option-label', t(label[value])));
      set.append(option);
      return input;
    });
    form.append(set);
    return inputs;
  };

  const fontInputs = radios('font', FONTS, FONT_LABEL, 'settingFont');

  const ranges = (['size', 'lineHeight', 'width'] as const).map((key) => {
    const row = el('div', `range range-${key}`);
    const input = el('input');
    input.type = 'range';
    input.id = id(key);
    input.min = String(RANGES[key].min);
    input.max = String(RANGES[key].max);
    input.step = String(RANGES[key].step);
    const label = el('label', undefined, t(RANGE_LABEL[key]));
    label.htmlFor = input.id;
    const output = el('output');
    output.htmlFor.add(input.id);
    output.setAttribute('aria-hidden', 'true'); // the slider's aria-valuetext says the same
    input.addEventListener('input', () => update({ [key]: Number(input.value) } as Partial<ReaderSettings>));
    row.append(label, input, output);
    form.append(row);
    return { key, input, output };
  });

  const themeInputs = radios('theme', THEMES, THEME_LABEL, 'settingTheme');

  const justifyLabel = el('label', 'check');
  const justify = el('input');
  justify.type = 'checkbox';
  justify.id = id('justify');
  justify.addEventListener('change', () => update({ justify: justify.checked }));
  justifyLabel.append(justify, el('span', undefined, t('settingJustify')));
  form.append(justifyLabel);

  const reset = el('button', 'reset', t('settingsReset'));
  reset.type = 'button';
  reset.addEventListener('click', () => update({ ...DEFAULT_SETTINGS }));
  form.append(reset);

  function show(s: ReaderSettings): void {
    for (const input of fontInputs) input.checked = input.value === s.font;
    for (const input of themeInputs) input.checked = input.value === s.theme;
    for (const { key, input, output } of ranges) {
      input.value = String(s[key]);
      const text = valueText(key, s[key]);
      input.setAttribute('aria-valuetext', text);
      output.textContent = text;
    }
    justify.checked = s.justify;
  }

  function update(patch: Partial<ReaderSettings>): void {
    current = normalizeSettings({ ...current, ...patch });
    show(current);
    onChange(current);
  }

  show(current);
  return {
    element: form,
    set(s) {
      current = normalizeSettings(s);
      show(current);
    },
  };
}
