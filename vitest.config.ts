import { defineConfig } from 'vitest/config';
import { readabilityForTests, vendorPatches } from './scripts/vendor-patches.ts';

export default defineConfig({
  // The unit tests run the libraries as the extension ships them (see scripts/vendor-patches.ts): inlined, so
  // the patch plugin transforms them, instead of loaded by Node as installed.
  plugins: [readabilityForTests(), vendorPatches()],
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    pool: 'forks',
    server: { deps: { inline: ['dompurify'] } },
  },
});
