/**
 * The built manifests (dist/chrome, dist/firefox), checked after `npm run build`: a snapshot of everything
 * that grants access or runs code, per browser, so any new permission, host permission, content script,
 * web-accessible resource, CSP or externally_connectable fails here until this snapshot AND the README's
 * permission table change together; and every file a manifest names is in the build.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
type Manifest = Record<string, unknown>;
const manifestOf = (target: string): Manifest => JSON.parse(readFileSync(path.join(ROOT, 'dist', target, 'manifest.json'), 'utf8')) as Manifest;

const PERMISSIONS = ['activeTab', 'scripting', 'storage', 'contextMenus'];
const COMMON_KEYS = ['action', 'background', 'commands', 'default_locale', 'description', 'icons', 'manifest_version', 'name', 'optional_host_permissions', 'options_ui', 'permissions', 'version'];
/** Asked for only by "Fetch articles" (Library page), for the imported links' sites; see the README. */
const OPTIONAL_HOST_PERMISSIONS = ['http://*/*', 'https://*/*'];

/** Keyboard shortcuts (grant activeTab like the toolbar click; see the README's "Reading in a tab"). */
const COMMANDS = {
  'open-reader': { suggested_key: { default: 'Alt+Shift+L', chromeos: 'Alt+Shift+E' }, description: '__MSG_commandOpenReader__' },
  'save-page': { suggested_key: { default: 'Alt+Shift+S', chromeos: 'Alt+Shift+K' }, description: '__MSG_commandSavePage__' },
};

/** Per browser: the keys the built manifest may have, and the exact values of the ones that matter. */
const SNAPSHOT: Record<'chrome' | 'firefox', { keys: string[]; values: Manifest }> = {
  chrome: {
    keys: [...COMMON_KEYS, 'minimum_chrome_version'].sort(),
    values: {
      manifest_version: 3,
      permissions: PERMISSIONS,
      optional_host_permissions: OPTIONAL_HOST_PERMISSIONS,
      options_ui: { page: 'src/options/index.html', open_in_tab: true },
      commands: COMMANDS,
      background: { service_worker: 'service-worker-loader.js', type: 'module' },
      minimum_chrome_version: '120',
    },
  },
  firefox: {
    keys: [...COMMON_KEYS, 'browser_specific_settings'].sort(),
    values: {
      manifest_version: 3,
      permissions: PERMISSIONS,
      optional_host_permissions: OPTIONAL_HOST_PERMISSIONS,
      options_ui: { page: 'src/options/index.html', open_in_tab: true },
      commands: COMMANDS,
      background: { scripts: ['service-worker-loader.js'], type: 'module' },
      browser_specific_settings: {
        gecko: { id: 'lectern@lectern.invalid', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
        gecko_android: { strict_min_version: '142.0' },
      },
    },
  },
};

for (const target of ['chrome', 'firefox'] as const) {
  describe(`dist/${target}/manifest.json`, () => {
    const manifest = manifestOf(target);
    const dir = path.join(ROOT, 'dist', target);

    test('has exactly the snapshot keys: no host permissions, content scripts, web-accessible resources, CSP or externally_connectable', () => {
      assert.deepEqual(Object.keys(manifest).sort(), SNAPSHOT[target].keys);
      for (const [key, value] of Object.entries(SNAPSHOT[target].values)) assert.deepEqual(manifest[key], value, key);
    });

    test("its permissions are the README's permission table, row for row", () => {
      const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
      const table = [...readme.matchAll(/^\| `([a-zA-Z]+)` \|/gm)].map((m) => m[1]);
      assert.deepEqual([...(manifest.permissions as string[])].sort(), [...table].sort());
    });

    test('every file it names is in the build, and every __MSG_…__ string is in _locales/en', () => {
      const action = manifest.action as { default_popup: string; default_icon: Record<string, string> };
      const background = manifest.background as { service_worker?: string; scripts?: string[] };
      const files = [
        ...Object.values(manifest.icons as Record<string, string>),
        ...Object.values(action.default_icon),
        action.default_popup,
        ...(background.scripts ?? [background.service_worker ?? 'missing background']),
        'src/content/content-script.js',
      ];
      for (const f of files) assert.ok(existsSync(path.join(dir, f)), `${f} is in dist/${target}`);
      const messages = JSON.parse(readFileSync(path.join(dir, '_locales/en/messages.json'), 'utf8')) as Record<string, unknown>;
      const keys = [...JSON.stringify(manifest).matchAll(/__MSG_([A-Za-z]+)__/g)].map((m) => m[1]!);
      assert.ok(keys.length >= 3);
      for (const k of keys) assert.ok(k in messages, `message ${k}`);
    });
  });
}

test('the two builds differ only in their manifests (one source tree, one code)', () => {
  const files = (target: string): string[] =>
    readdirSync(path.join(ROOT, 'dist', target), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.relative(path.join(ROOT, 'dist', target), path.join(e.parentPath, e.name)))
      .sort();
  assert.deepEqual(files('chrome'), files('firefox'));
  for (const f of files('chrome').filter((f) => f !== 'manifest.json')) {
    assert.ok(readFileSync(path.join(ROOT, 'dist/chrome', f)).equals(readFileSync(path.join(ROOT, 'dist/firefox', f))), f);
  }
});
