/**
 * The DOMPurify Lectern ships (scripts/vendor-patches.ts: cuts for size, and the in-place walks' speed patch)
 * gives the installed DOMPurify's answers: both are evaluated from source here, configured with Lectern's policy
 * (the options and hooks of src/core/sanitize.ts), and run on the same input, in place and from strings. Inputs:
 * every page the repository has, generated trees full of what the in-place walks look for (patch-linkage
 * attributes, comments with markup, templates, shadow roots), and hooks that move and remove nodes mid-walk,
 * which DOMPurify's walks after the main one exist to catch.
 */
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import type { DOMPurify } from 'dompurify';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { applyVendorPatches } from '../../scripts/vendor-patches.ts';
import { addPolicyHooks, SANITIZE_CONFIG } from '../../src/core/sanitize.ts';
import { repoPages } from './repo-pages.ts';

const file = fileURLToPath(new URL('../../node_modules/dompurify/dist/purify.es.mjs', import.meta.url));
const installedCode = readFileSync(file, 'utf8');
const shippedCode = applyVendorPatches(file, installedCode)!;
const EXPORT = 'export { purify_default as default };';

/** The module's factory, from its source (it has no imports; its one export is the default instance). */
function factory(code: string): (win: Window) => DOMPurify {
  if (code.split(EXPORT).length !== 2) throw new Error('purify.es.mjs no longer ends with its default export');
  return new Function(code.replace(EXPORT, 'return purify_default;'))() as (win: Window) => DOMPurify;
}
const createInstalled = factory(installedCode);
const createShipped = factory(shippedCode);

const win = new JSDOM('<!doctype html><body></body>', { url: 'https://news.example.com/story' }).window as unknown as Window;

type ExtraHooks = (purify: DOMPurify) => void;
const purifiers = new Map<(win: Window) => DOMPurify, Map<ExtraHooks | null, DOMPurify>>();
/** One instance per library and set of hooks, as src/core/sanitize.ts keeps one per window. */
function purifier(create: (win: Window) => DOMPurify, extra?: ExtraHooks): DOMPurify {
  let byHooks = purifiers.get(create);
  if (!byHooks) purifiers.set(create, (byHooks = new Map()));
  let purify = byHooks.get(extra ?? null);
  if (!purify) {
    purify = create(win);
    addPolicyHooks(purify);
    extra?.(purify);
    byHooks.set(extra ?? null, purify);
  }
  return purify;
}

/** Everything an in-place sanitize leaves: the tree (with its open shadow roots' trees), what it reports removed, or its error. */
function inPlace(purify: DOMPurify, html: string, shadows: boolean): unknown {
  const root = win.document.createElement('div');
  root.innerHTML = html;
  if (shadows) attachShadows(root);
  try {
    purify.sanitize(root, { ...SANITIZE_CONFIG, IN_PLACE: true });
  } catch (err) {
    return { error: String(err), html: serialize(root) };
  }
  return { html: serialize(root), removed: purify.removed.length };
}

function fromString(purify: DOMPurify, html: string): unknown {
  let fragment: DocumentFragment;
  try {
    fragment = purify.sanitize(html, { ...SANITIZE_CONFIG, RETURN_DOM_FRAGMENT: true });
  } catch (err) {
    return { error: String(err) };
  }
  const holder = win.document.createElement('div');
  holder.append(fragment);
  return { html: holder.innerHTML, removed: purify.removed.length };
}

/** Gives every <aside> an open shadow root holding a copy of its children (the walks enter open shadow roots). */
function attachShadows(root: Element): void {
  for (const host of Array.from(root.querySelectorAll('aside'))) {
    try {
      host.attachShadow({ mode: 'open' }).innerHTML = host.innerHTML;
    } catch {
      /* an element that cannot host one */
    }
  }
}

function serialize(root: Element): string {
  const shadows = Array.from(root.querySelectorAll('*'))
    .filter((el) => el.shadowRoot)
    .map((el) => `[${el.localName}#shadow ${el.shadowRoot!.innerHTML}]`);
  return root.innerHTML + shadows.join('');
}

function same(html: string, extra?: ExtraHooks): void {
  for (const shadows of [false, true]) {
    expect(inPlace(purifier(createShipped, extra), html, shadows)).toEqual(inPlace(purifier(createInstalled, extra), html, shadows));
  }
  expect(fromString(purifier(createShipped, extra), html)).toEqual(fromString(purifier(createInstalled, extra), html));
}

/** The outermost element above `node` (the in-place root, or the parsed <body>). */
function topElement(node: Node): Node {
  let top = node;
  while (top.parentNode && top.parentNode.nodeType === 1) top = top.parentNode;
  return top;
}

/** Hooks that change the tree while DOMPurify walks it. */
const MOVERS: Record<string, ExtraHooks> = {
  // Moves each <em> to the front of the root: a node the forward walk already passed.
  'moves nodes back': (purify) =>
    purify.addHook('uponSanitizeElement', (node, data) => {
      if (data.tagName !== 'em') return;
      const root = topElement(node);
      if (root !== node && root.firstChild !== node) root.insertBefore(node, root.firstChild);
    }),
  // Removes each <b> without telling DOMPurify, and takes each <i> out with its parent.
  'removes nodes': (purify) =>
    purify.addHook('uponSanitizeElement', (node, data) => {
      if (data.tagName === 'b') (node as Element).remove();
      if (data.tagName === 'i' && node.parentNode && (node.parentNode as Element).localName !== 'div') (node.parentNode as Element).remove();
    }),
  // Re-appends each <u>'s children to the root: nodes moved ahead of the walk and behind it.
  'moves children out': (purify) =>
    purify.addHook('afterSanitizeAttributes', (node) => {
      if ((node as Element).localName !== 'u') return;
      const root = topElement(node);
      for (const child of Array.from(node.childNodes)) root.appendChild(child);
    }),
};

describe('the shipped DOMPurify: the installed one’s answers', () => {
  it('the speed patch is in the shipped copy (what the comparisons below test)', () => {
    expect(shippedCode).toContain('child = getPreviousSibling(child)');
    expect(installedCode).not.toContain('getPreviousSibling');
  });

  it.each(repoPages())('%s', (_name, html) => {
    same(new JSDOM(html).window.document.body?.innerHTML ?? '');
  });

  // What the in-place walks look for or must survive, at any depth.
  const leaf = fc.constantFrom(
    'text',
    ' ',
    '<!-- a note -->',
    '<!-- <img src=x onerror=alert(1)> -->',
    '<?xml-stylesheet href="x"?>',
    '<img src="https://news.example.com/a.jpg" onerror="alert(1)">',
    '<img src="data:image/png;base64,AAAA" width="1">',
    '<a href="javascript:alert(1)">link</a>',
    '<a href="/more" target="_self">more</a>',
    '<script>alert(1)</script>',
    '<style>p{}</style>',
    '<iframe src="https://x.test/"></iframe>',
    '<template><img src=x onerror=alert(1)><p>inert</p></template>',
    '<svg><g onload="alert(1)"></g></svg>',
    '<math><mi>x</mi></math>',
    '<input name="attributes"><input name="childNodes">',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></p></noscript>',
  );
  const attrs = fc.constantFrom('', ' patchsrc="https://x.test/p"', ' for="x"', ' id="story" name="s"', ' onclick="alert(1)"', ' style="color:red"', ' data-x="1"', ' class="c"');
  const tree: fc.Memo<string> = fc.memo((n) =>
    n <= 1
      ? leaf
      : fc
          .tuple(fc.constantFrom('div', 'p', 'span', 'aside', 'section', 'label', 'output', 'em', 'b', 'i', 'u', 'form', 'table', 'ul', 'li'), attrs, fc.array(tree(n - 1), { maxLength: 4 }))
          .map(([tag, a, kids]) => `<${tag}${a}>${kids.join('')}</${tag}>`),
  );

  it('generated trees (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(tree(4), { maxLength: 4 }), (kids) => same(kids.join(''))),
      { numRuns: 100 },
    );
  });

  it.each(Object.keys(MOVERS))('generated trees, with a hook that %s (fast-check)', (name) => {
    fc.assert(
      fc.property(fc.array(tree(4), { maxLength: 4 }), (kids) => same(kids.join(''), MOVERS[name])),
      { numRuns: 50 },
    );
  });
});
