/**
 * The "Removed" panel: what the clean-up pass left out of the article, grouped by kind, each item with a
 * Restore button, so a wrong removal is one click to undo.
 *
 * A disclosure button "Removed (N)" under the Source line shows and hides a region "Removed" (Escape inside
 * either closes it and returns focus to the button). Restore puts the item's HTML back where it was
 * (restore.ts) through the one HTML sink, marks it, and moves focus to it so screen readers follow; its button
 * becomes a disabled "Restored". Items too large to offer back say so instead of having a button.
 */
import type { RemovedItem } from '../core/types.ts';
import { t, uiDirection, uiLanguage } from '../platform/index.ts';
import { hideBrokenImages } from './article-view.ts';
import { insertArticleHtml } from './html-sink.ts';
import { icon } from './icons.ts';
import { insertionPoint, markRestored } from './restore.ts';
import { groupByRule, ruleLabelKey } from './rule-labels.ts';

export interface RemovedPanelOptions {
  items: readonly RemovedItem[];
  /** The rendered article body (`.article-body`) that items go back into. */
  body: HTMLElement;
  /** The article's language (the items' text is in it). */
  lang: string | null;
  /** Called once per restored item, after it is in the body and before focus moves to it. */
  onRestore(index: number, node: HTMLElement): void;
}

/** How much of an item's text goes into its button's accessible name. */
const NAME_TEXT_MAX = 60;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

const shorten = (s: string): string => (s.length > NAME_TEXT_MAX ? `${s.slice(0, NAME_TEXT_MAX - 1).trimEnd()}…` : s);

/** The panel with its toggle, or null when nothing was removed. */
export function createRemovedPanel(o: RemovedPanelOptions): HTMLElement | null {
  if (o.items.length === 0) return null;
  // The toggle sits at the article's start edge, under the Source line; its label and the panel are UI, in
  // the UI's language and direction; the items' text is the article's, each isolated in its own direction.
  const root = el('div', 'removed');
  root.lang = uiLanguage();
  const dir = uiDirection();

  const toggle = el('button', 'removed-toggle');
  toggle.type = 'button';
  toggle.id = 'removed-toggle';
  toggle.setAttribute('aria-expanded', 'false');
  toggle.setAttribute('aria-controls', 'removed-panel');
  toggle.dir = dir;
  toggle.append(el('span', 'removed-count', t('removedToggle', String(o.items.length))), icon('chevron'));

  const panel = el('div', 'removed-panel');
  panel.id = 'removed-panel';
  panel.setAttribute('role', 'region');
  panel.setAttribute('aria-label', t('removedRegion'));
  panel.hidden = true;
  panel.dir = dir;
  panel.append(el('div', 'removed-intro', t('removedIntro')));
  for (const [rule, indices] of groupByRule(o.items)) {
    const group = el('div', 'removed-group');
    const label = el('div', 'removed-kind', t(ruleLabelKey(rule)));
    label.id = `removed-kind-${rule.replace(/[^A-Za-z0-9_-]/g, '_')}`;
    const list = el('ul', 'removed-items');
    list.setAttribute('role', 'list');
    list.setAttribute('aria-labelledby', label.id);
    for (const i of indices) list.append(itemRow(o, i));
    group.append(label, list);
    panel.append(group);
  }

  const setOpen = (open: boolean): void => {
    panel.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
  };
  toggle.addEventListener('click', () => setOpen(panel.hidden));
  root.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape' || panel.hidden) return;
    e.preventDefault();
    e.stopPropagation();
    setOpen(false);
    toggle.focus();
  });
  root.append(toggle, panel);
  return root;
}

function itemRow(o: RemovedPanelOptions, index: number): HTMLLIElement {
  const item = o.items[index]!;
  const li = el('li', 'removed-item');
  const text = el('span', 'removed-text', item.text);
  text.dir = 'auto';
  if (o.lang) text.lang = o.lang;
  text.title = item.text;
  li.append(text);
  const { html } = item;
  if (html === null) {
    li.append(el('span', 'removed-note', t('tooLargeToRestore')));
    return li;
  }
  const button = el('button', 'restore', t('restore'));
  button.type = 'button';
  button.setAttribute('aria-label', t('restoreItem', shorten(item.text)));
  button.addEventListener('click', () => {
    if (button.disabled) return;
    button.disabled = true;
    const point = insertionPoint(o.body, o.items, index);
    const node = insertArticleHtml(point.reference, point.parent, html);
    if (!node) {
      button.textContent = t('restoreFailed');
      button.setAttribute('aria-label', t('restoreFailedItem', shorten(item.text)));
      return;
    }
    markRestored(node, index);
    hideBrokenImages(node);
    button.textContent = t('restored');
    button.setAttribute('aria-label', t('restoredItem', shorten(item.text)));
    li.classList.add('is-restored');
    o.onRestore(index, node);
    node.focus();
  });
  li.append(button);
  return li;
}
