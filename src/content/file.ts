/**
 * Where the built content script is, relative to the extension root: the popup injects this file with
 * scripting.executeScript, and the build (scripts/content-script-build.ts) writes it there as one IIFE.
 */
export const CONTENT_SCRIPT_FILE = 'src/content/content-script.js';
