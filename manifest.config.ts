/**
 * The extension manifest, one source for both browsers. Every per-browser difference is in `forBrowser` below.
 * Permissions are least privilege: activeTab (read the page only after the user clicks), scripting (inject the
 * content script at that moment), storage (the local library). No host permissions, no content_scripts.
 */
import { defineManifest } from '@crxjs/vite-plugin';
import pkg from './package.json' with { type: 'json' };

export type Target = 'chrome' | 'firefox';

export const PERMISSIONS = ['activeTab', 'scripting', 'storage'] as const;
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
      default_popup: 'src/popup/index.html',
      default_icon: { 16: 'icons/icon-16.png', 32: 'icons/icon-32.png' },
    },
    permissions: [...PERMISSIONS],
    // Asked for only by "Fetch articles" on the Library page, for the sites of the imported links, and given
    // back when it ends (see the README's permission table).
    optional_host_permissions: [...OPTIONAL_HOST_PERMISSIONS],
    ...forBrowser(target),
  });
}
