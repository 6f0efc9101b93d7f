import { crx } from '@crxjs/vite-plugin';
import { defineConfig } from 'vite';
import { manifestFor, type Target } from './manifest.config.ts';
import { contentScriptIife } from './scripts/content-script-build.ts';
import { vendorPatches } from './scripts/vendor-patches.ts';

// `vite build --mode chrome|firefox` writes dist/<mode>/.
export default defineConfig(({ mode }) => {
  const target: Target = mode === 'firefox' ? 'firefox' : 'chrome';
  return {
    plugins: [vendorPatches(), crx({ manifest: manifestFor(target), browser: target }), contentScriptIife()],
    publicDir: 'public',
    build: {
      outDir: `dist/${target}`,
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      minify: true,
      // Extension pages the manifest doesn't name (popup and options page come from the manifest).
      rollupOptions: { input: { reader: 'src/reader/index.html', library: 'src/library-page/index.html' } },
    },
    // The Library page's import reader (src/library-page/parse-worker.ts) is bundled on its own: the same vendor
    // patches (no innerHTML in DOMPurify), minified, no comments (license banners carry URLs; see
    // tests/e2e/security-build.test.ts).
    worker: { format: 'es', plugins: () => [vendorPatches()], rolldownOptions: { output: { minify: true, comments: false } } },
    legacy: { skipWebSocketTokenCheck: true },
  };
});
