/**
 * What the popup and the reader tab do alike with the article they show: find their controls, show the Save
 * button's state, copy the text, download it in a format. Each returns the status line to show.
 */
import { t } from '../platform/index.ts';
import { downloadFile, plainTextExport, type Export, type Shown } from './article-state.ts';

/** The element with `id`; a page without it is a build error, so say which. */
export function byId<T extends HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`#${id} missing`);
  return node as T;
}

/** "Save for later", or "Saved" (pressed) once the article as shown is in the library. */
export function showSaved(button: HTMLButtonElement, saved: boolean): void {
  button.setAttribute('aria-pressed', String(saved));
  button.textContent = t(saved ? 'saved' : 'saveForLater');
}

/** Copies the article as plain text (with its citation header) to the clipboard. */
export async function copyArticleText(shown: Shown): Promise<string> {
  try {
    await navigator.clipboard.writeText(plainTextExport(shown).body);
    return t('statusCopied');
  } catch (err) {
    return t('statusCopyFailed', err instanceof Error ? err.message : String(err));
  }
}

export type DownloadFormat = 'text' | 'markdown' | 'html';

/** Markdown and HTML are made by a module loaded on first use (turndown, the inlined reading styles). */
async function exportAs(shown: Shown, format: DownloadFormat): Promise<Export> {
  if (format === 'text') return plainTextExport(shown);
  const files = await import('./file-exports.ts');
  return format === 'markdown' ? files.markdownExport(shown) : files.htmlExport(shown);
}

/** Saves the article as <slug>.txt, .md or .html to the downloads. */
export async function downloadArticle(shown: Shown, format: DownloadFormat): Promise<string> {
  try {
    const out = await exportAs(shown, format);
    downloadFile(out);
    return t('statusDownloaded', out.name);
  } catch (err) {
    return t('errorFailed', err instanceof Error ? err.message : String(err));
  }
}
