// HTML page → units and metadata: the main content found by @mozilla/readability on a linkedom
// document, then walked block by block (paragraphs, headings → heading hints, figcaptions →
// caption hints, <br> → line breaks). The Arabic clean-up (classify.ts) runs on those units.
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import type { DomDocument, DomElement, DomNode } from './dom.js';
import { ELEMENT_NODE, TEXT_NODE } from './dom.js';
import { readMetadata, stripSiteName, type PageMetadata } from './metadata.js';
import type { Unit } from './draft.js';
import { countWords } from './fold.js';
import {
  SUBHEADING_MAX_WORDS,
  READABILITY_MAX_DEPTH,
  READABILITY_MAX_FAN_OUT,
  READABILITY_MAX_ELEMENTS,
  HTML_MAX_NESTING,
} from './settings.js';
import { InputError } from '../analysis/errors.js';

export interface HtmlExtraction {
  units: Unit[];
  meta: PageMetadata;
  /** The title: JSON-LD headline, og:title, then Readability's (from <title>, site name removed). */
  title: string | null;
  warnings: string[];
}

/** Elements that start a new block of text. */
const BLOCK = new Set(
  (
    'p div section article main header footer aside nav ul ol li dl dt dd blockquote ' +
    'figure table thead tbody tfoot tr caption pre hr address details summary form fieldset center body html'
  ).split(' '),
);
/** Elements whose text is never article text. */
const SKIP = new Set(
  (
    'script style noscript template svg math iframe object embed canvas ' +
    'select option button input textarea video audio head title meta link'
  ).split(' '),
);
const HEADING = /^h[1-6]$/;

/** Removed from the page before the fallback walk (when Readability finds nothing). */
const FALLBACK_DROP = 'script,style,noscript,template,nav,header,footer,aside,form,iframe,svg';

/** Pages are full documents; a fragment («<p>…</p>») is wrapped so linkedom builds a body. */
function asDocument(html: string): string {
  return /<html[\s>]/i.test(html.slice(0, 4096)) || /<body[\s>]/i.test(html)
    ? html
    : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
}

export function extractHtml(html: string): HtmlExtraction {
  const nesting = nestingEstimate(html);
  if (nesting > HTML_MAX_NESTING)
    throw new InputError(
      `the HTML is nested ${nesting} elements deep (limit ${HTML_MAX_NESTING}): too deep to parse; is it a real page?`,
    );
  const warnings: string[] = [];
  const { document } = parseHTML(asDocument(html)) as unknown as { document: DomDocument };
  const meta = readMetadata(document);
  const docTitle = document.title;

  const article = findArticle(document, warnings);
  let root = (article?.content as DomElement | null | undefined) ?? null;
  if (!root) {
    root = document.body;
    if (root) for (const el of [...root.querySelectorAll(FALLBACK_DROP)]) el.remove();
  }
  const units: Unit[] = [];
  if (root) new BlockWalker(units).walk(root);

  const title = meta.title ?? stripSiteName(article?.title ?? docTitle ?? null, meta.siteName);
  return { units, meta, title: title || null, warnings };
}

interface ReadabilityArticle {
  title?: string | null;
  content?: unknown;
}

/** Readability's article (its content is the content element itself), or null with a warning
 *  saying why the whole body will be used instead. */
function findArticle(document: DomDocument, warnings: string[]): ReadabilityArticle | null {
  const size = document.documentElement ? measure(document.documentElement) : { elements: 0, depth: 0, fanOut: 0 };
  if (
    size.elements > READABILITY_MAX_ELEMENTS ||
    size.depth > READABILITY_MAX_DEPTH ||
    size.fanOut > READABILITY_MAX_FAN_OUT
  ) {
    warnings.push(
      `page too large for the content finder (${size.elements} elements, depth ${size.depth}, up to ${size.fanOut} children); the whole page body was used`,
    );
    return null;
  }
  try {
    // the serializer hands the content element back: no HTML string to parse a second time
    // (JSON-LD is read by metadata.ts already)
    const article = new Readability(document as never, {
      serializer: (el: unknown) => el,
      disableJSONLD: true,
    }).parse();
    if (!article?.content) warnings.push('readability found no article body; the whole page body was used');
    return article;
  } catch (e) {
    warnings.push(`readability failed (${(e as Error)?.message ?? 'unknown error'}); the whole page body was used`);
    return null;
  }
}

/** Elements whose closing tag pages often omit: not counted. */
const OPTIONAL_CLOSE = new Set(['p', 'li', 'td', 'th', 'tr', 'option', 'dt', 'dd']);
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

/** Deepest element nesting, estimated from the tags alone (open minus close, void elements and
 *  «/>» excepted). Linear; over-estimates when closing tags are omitted, which real pages do
 *  only for a few element kinds (p, li, td). */
export function nestingEstimate(html: string): number {
  let depth = 0;
  let max = 0;
  const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]{0,30})[^<>]*>/g;
  for (let m = TAG.exec(html); m !== null; m = TAG.exec(html)) {
    const name = m[2].toLowerCase();
    if (VOID.has(name) || OPTIONAL_CLOSE.has(name) || m[0].endsWith('/>')) continue;
    if (m[1]) depth = Math.max(0, depth - 1);
    else if (++depth > max) max = depth;
  }
  return max;
}

/** Collects the text of a content element as units, one per block (and per <br>-separated line).
 *  Iterative (no recursion), so that any nesting depth is safe. */
class BlockWalker {
  private buf = '';
  constructor(private readonly units: Unit[]) {}

  walk(root: DomNode): void {
    let node: DomNode | null = root.firstChild;
    while (node) {
      const descend = this.enter(node);
      if (descend && node.firstChild) {
        node = node.firstChild;
        continue;
      }
      if (descend) this.leave(node as DomElement);
      // climb until a next sibling, leaving each element on the way up
      while (node && !node.nextSibling) {
        node = node.parentNode;
        if (!node || node === root) node = null;
        else this.leave(node as DomElement);
      }
      if (node) node = node.nextSibling;
    }
    this.flush('text');
  }

  /** Handles a node on the way down; true when its children are to be walked. */
  private enter(node: DomNode): boolean {
    if (node.nodeType === TEXT_NODE) {
      this.buf += node.textContent ?? '';
      return false;
    }
    if (node.nodeType !== ELEMENT_NODE) return false;
    const el = node as DomElement;
    const tag = el.localName;
    if (SKIP.has(tag)) return false;
    if (tag === 'br') {
      this.flush('text');
      return false;
    }
    const whole: Unit['hint'] | null = HEADING.test(tag)
      ? 'heading'
      : tag === 'figcaption'
        ? 'caption'
        : tag === 'p' && isBoldOnlyShort(el)
          ? 'heading'
          : null;
    if (whole) {
      // headings, captions, and a bold line alone in its paragraph (how many CMSs write crossheads)
      this.flush('text');
      this.buf = el.textContent ?? '';
      this.flush(whole);
      return false;
    }
    if (tag === 'td' || tag === 'th')
      this.buf += ' '; // a table row reads as one line
    else if (BLOCK.has(tag)) this.flush('text');
    return true; // blocks and inline elements (a, span, strong…) alike
  }

  /** Handles an element on the way up. */
  private leave(el: DomElement): void {
    const tag = el.localName;
    if (tag === 'td' || tag === 'th') this.buf += ' ';
    else if (BLOCK.has(tag)) this.flush('text');
  }

  private flush(hint: Unit['hint']): void {
    const text = this.buf.replace(/\s+/g, ' ').trim();
    this.buf = '';
    if (text) this.units.push({ text, rawStart: null, hint });
  }
}

/** Size of a document, for deciding whether Readability can handle it in reasonable time. */
interface DomSize {
  elements: number;
  depth: number;
  /** Most element children under one element. */
  fanOut: number;
}

function measure(root: DomNode): DomSize {
  const size: DomSize = { elements: 0, depth: 0, fanOut: 0 };
  const stack: Array<[DomNode, number]> = [[root, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    size.elements++;
    if (depth > size.depth) size.depth = depth;
    let children = 0;
    for (let c = node.firstChild; c; c = c.nextSibling)
      if (c.nodeType === ELEMENT_NODE) {
        children++;
        stack.push([c, depth + 1]);
      }
    if (children > size.fanOut) size.fanOut = children;
  }
  return size;
}

/** <p><strong>Short words</strong></p>: bold is the paragraph's only text, short, no final mark. */
function isBoldOnlyShort(p: DomElement): boolean {
  const all = (p.textContent ?? '').replace(/\s+/g, ' ').trim();
  if (!all || countWords(all) > SUBHEADING_MAX_WORDS || /[.!?؟…:؛;،,。！？：；，]["'»”’)\]]*$/u.test(all)) return false;
  let bold = '';
  for (let c = p.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === TEXT_NODE) {
      if ((c.textContent ?? '').trim()) return false;
    } else if (c.nodeType === ELEMENT_NODE) {
      const tag = (c as DomElement).localName;
      if (tag !== 'strong' && tag !== 'b') return false;
      bold += c.textContent ?? '';
    }
  }
  return bold.replace(/\s+/g, ' ').trim() === all;
}
