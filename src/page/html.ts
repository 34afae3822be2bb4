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
import { SUBHEADING_MAX_WORDS } from './settings.js';

export interface HtmlExtraction {
  units: Unit[];
  meta: PageMetadata;
  /** The title: JSON-LD headline, og:title, then Readability's (from <title>, site name removed). */
  title: string | null;
  warnings: string[];
}

/** Elements that start a new block of text. */
const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'blockquote', 'figure', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'caption', 'pre', 'hr', 'address',
  'details', 'summary', 'form', 'fieldset', 'center', 'body', 'html',
]);
/** Elements whose text is never article text. */
const SKIP = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'select', 'option',
  'button', 'input', 'textarea', 'video', 'audio', 'head', 'title', 'meta', 'link',
]);
const HEADING = /^h[1-6]$/;
/** Removed from the page before the fallback walk (when Readability finds nothing). */
const FALLBACK_DROP = 'script,style,noscript,template,nav,header,footer,aside,form,iframe,svg';

/** Pages are full documents; a fragment («<p>…</p>») is wrapped so linkedom builds a body. */
function asDocument(html: string): string {
  return /<html[\s>]/i.test(html.slice(0, 4096)) || /<body[\s>]/i.test(html) ? html : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
}

export function extractHtml(html: string): HtmlExtraction {
  const warnings: string[] = [];
  const { document } = parseHTML(asDocument(html)) as unknown as { document: DomDocument };
  const meta = readMetadata(document);
  const docTitle = document.title;

  let article: { title?: string | null; content?: unknown } | null = null;
  try {
    // the serializer hands back the content element itself: no HTML string to parse again
    article = new Readability(document as never, { serializer: (el: unknown) => el }).parse();
  } catch (e) {
    warnings.push(`readability failed (${(e as Error)?.message ?? 'unknown error'}); the whole page body was used`);
  }
  let root = (article?.content as DomElement | null | undefined) ?? null;
  if (!root) {
    if (article === null && warnings.length === 0) warnings.push('readability found no article body; the whole page body was used');
    root = document.body;
    if (root) for (const el of [...root.querySelectorAll(FALLBACK_DROP)]) el.remove();
  }
  const units: Unit[] = [];
  if (root) new BlockWalker(units).walk(root);

  const title = meta.title ?? stripSiteName(article?.title ?? docTitle ?? null, meta.siteName);
  return { units, meta, title: title || null, warnings };
}

/** Collects the text of a content element as units, one per block (and per <br>-separated line). */
class BlockWalker {
  private buf = '';
  constructor(private readonly units: Unit[]) {}

  walk(node: DomNode): void {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE) {
        this.buf += child.textContent ?? '';
        continue;
      }
      if (child.nodeType !== ELEMENT_NODE) continue;
      const el = child as DomElement;
      const tag = el.localName;
      if (SKIP.has(tag)) continue;
      if (tag === 'br') {
        this.flush('text');
        continue;
      }
      if (HEADING.test(tag)) {
        this.flush('text');
        this.buf = el.textContent ?? '';
        this.flush('heading');
        continue;
      }
      if (tag === 'figcaption') {
        this.flush('text');
        this.buf = el.textContent ?? '';
        this.flush('caption');
        continue;
      }
      if (tag === 'p' && isBoldOnlyShort(el)) {
        // a bold line alone in its paragraph is how many CMSs write crossheads
        this.flush('text');
        this.buf = el.textContent ?? '';
        this.flush('heading');
        continue;
      }
      if (tag === 'td' || tag === 'th') {
        // a table row reads as one line, its cells separated by spaces
        this.buf += ' ';
        this.walk(el);
        this.buf += ' ';
        continue;
      }
      if (BLOCK.has(tag)) {
        this.flush('text');
        this.walk(el);
        this.flush('text');
        continue;
      }
      this.walk(el); // inline: a, span, strong, em…
    }
  }

  private flush(hint: Unit['hint']): void {
    const text = this.buf.replace(/\s+/g, ' ').trim();
    this.buf = '';
    if (text) this.units.push({ text, rawStart: null, hint });
  }
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
