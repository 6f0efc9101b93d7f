/**
 * The CLI's entry (`npm start`, `node --import tsx src/cli/main.ts`): the program is ./cli.ts. It is imported
 * only after scripts/shipped-libraries.ts has registered the hooks that give src/ Readability and DOMPurify as
 * the extension ships them (patched at build time, scripts/vendor-patches.ts), so the CLI runs the same library
 * code as the content script.
 */
import '../../scripts/shipped-libraries.ts';

await import('./cli.ts');
