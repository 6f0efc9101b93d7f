/**
 * The extension manifest, one source for both browsers. Every per-browser difference is in `forBrowser` below.
 * Permissions are least privilege: activeTab (read the page only after the user clicks, presses a Lectern
 * shortcut or picks its menu item), scripting (inject the content script at that moment), storage (the local
 * library, settings), contextMenus ("Save page to Lectern"). No host permissions, no content_scripts.
 */
import { defineManifest } from '@crxjs/vite-plugin';
import pkg from './package.json' with { type: 'json' };
import { POPUP_PAGE } from './src/popup/page.ts';

export type Target = 'chrome' | 'firefox';

export const PERMISSIONS = ['activeTab', 'scripting', 'storage', 'contextMenus'] as const;
export const OPTIONAL_HOST_PERMISSIONS = ['http://*/*', 'https://*/*'] as const;
export const GECKO_ID = 'lectern@lectern.invalid';

function forBrowser(target: Target) {
  return target === 'firefox'
    ? {
        background: { scripts: ['src/background/main.ts'], type: 'module' as const },
        browser_specific_settings: {
          // 140 desktop / 142 Android: the first versions that read data_collection_permissions (web-ext lint warns
          // about the key below those versions).
          gecko: { id: GECKO_ID, strict_min_version: '140.0', data_collection_permissions: { required: ['none' as const] } },
          gecko_android: { strict_min_version: '142.0' },
        },
      }
    : { background: { service_worker: 'src/background/main.ts', type: 'module' as const }, minimum_chrome_version: '120' };
}

export function manifestFor(target: Target) {
  return defineManifest({
    manifest_version: 3,
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    version: pkg.version,
    default_locale: 'en',
    icons: { 16: 'icons/icon-16.png', 32: 'icons/icon-32.png', 48: 'icons/icon-48.png', 128: 'icons/icon-128.png' },
    action: {
      default_title: '__MSG_actionTitle__',
      // In Chrome the worker takes the click over from this popup once it runs (src/background/action.ts).
      default_popup: POPUP_PAGE,
      default_icon: { 16: 'icons/icon-16.png', 32: 'icons/icon-32.png' },
    },
    options_ui: { page: 'src/options/index.html', open_in_tab: true },
    // Keyboard shortcuts, changeable in the browser's extension shortcut settings. Chromium silently leaves a
    // suggested key unbound when it uses the key itself (it does Alt+Shift+R): the e2e suite checks that both
    // keys are bound. ChromeOS uses Alt+Shift+L and Alt+Shift+S for the shelf and the system tray.
    commands: {
      'open-reader': { suggested_key: { default: 'Alt+Shift+L', chromeos: 'Alt+Shift+E' }, description: '__MSG_commandOpenReader__' },
      'save-page': { suggested_key: { default: 'Alt+Shift+S', chromeos: 'Alt+Shift+K' }, description: '__MSG_commandSavePage__' },
    },
    permissions: [...PERMISSIONS],
    // Asked for only by "Fetch articles" on the Library page, for the sites of the imported links, and given
    // back when it ends (see the README's permission table).
    optional_host_permissions: [...OPTIONAL_HOST_PERMISSIONS],
    ...forBrowser(target),
  });
}
