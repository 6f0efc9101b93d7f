/**
 * `import './shipped-libraries.ts'` — or `node --import` it — before loading src/: from then on, src/ gets the
 * libraries patched as the extension ships them (scripts/vendor-hooks.ts). Entry points that import src/
 * statically must load it first and import the rest dynamically: static imports are resolved before any code runs.
 */
import { register } from 'node:module';

register('./vendor-hooks.ts', import.meta.url);
