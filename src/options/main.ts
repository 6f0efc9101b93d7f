/**
 * The options page: the same reading settings as the reader's panel (src/ui/settings-form.ts), with a preview
 * in the chosen font, size, spacing, width and theme, and the keyboard shortcuts as the browser has them now.
 */
import { commandShortcuts, t } from '../platform/index.ts';
import { localizePage } from '../ui/i18n.ts';
import { createSettingsForm } from '../ui/settings-form.ts';
import { applySettings, fontReady, loadSettings, rememberedSettings, settingsSync } from '../ui/settings.ts';

const COMMAND_LABELS: Record<string, string> = { 'open-reader': 'commandOpenReader', 'save-page': 'commandSavePage' };

async function showShortcuts(): Promise<void> {
  const list = document.getElementById('shortcuts') as HTMLDListElement;
  const commands = (await commandShortcuts().catch(() => [])).filter((c) => c.name in COMMAND_LABELS);
  list.replaceChildren(
    ...commands.flatMap((c) => {
      const dt = document.createElement('dt');
      dt.textContent = t(COMMAND_LABELS[c.name] ?? c.name);
      const dd = document.createElement('dd');
      if (c.shortcut) {
        const kbd = document.createElement('kbd');
        kbd.textContent = c.shortcut;
        dd.append(kbd);
      } else dd.textContent = t('shortcutNotSet');
      return [dt, dd];
    }),
  );
}

async function start(): Promise<void> {
  const root = document.documentElement;
  const remembered = rememberedSettings();
  if (remembered) applySettings(root, remembered);
  localizePage();
  const settings = await loadSettings();
  applySettings(root, settings);
  await fontReady(settings);
  const sync = settingsSync((s) => {
    form.set(s);
    applySettings(root, s);
  });
  const form = createSettingsForm('options', settings, (s) => {
    applySettings(root, s);
    sync.save(s);
  });
  document.getElementById('settings-form')?.append(form.element);
  await showShortcuts();
}

void start();
