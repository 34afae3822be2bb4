// RSS 2.0, RSS 1.0 (RDF) and Atom feeds → items, with linkedom's XML parser (lenient: a feed with a
// broken tag still gives the items it can).
import { DOMParser } from 'linkedom';

export interface FeedItem {
  /** guid / id, else the link. */
  id: string;
  link: string | null;
  title: string | null;
  /** ISO datetime (offset kept when the feed gives one), or null. */
  published: string | null;
  /** Full content (content:encoded, Atom content) as HTML, when the feed carries it. */
  contentHtml: string | null;
  /** The description or summary (HTML or text), often a teaser. */
  summary: string | null;
}

export interface Feed {
  format: 'rss' | 'rdf' | 'atom';
  title: string | null;
  items: FeedItem[];
}

/** True when a text looks like a feed document rather than a page. */
export function looksLikeFeed(text: string): boolean {
  const head = text
    .slice(0, 2048)
    .replace(/^\ufeff/, '')
    .replace(/<\?xml[^>]*>/, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .trimStart();
  return (
    /^<(?:rss[\s>]|feed[\s>]|rdf:RDF[\s>])/i.test(head) ||
    /^<(?:\?xml-stylesheet[^>]*>\s*)<(?:rss|feed|rdf:RDF)[\s>]/i.test(head)
  );
}

type El = {
  tagName: string;
  textContent: string | null;
  getAttribute(n: string): string | null;
  children: ArrayLike<El>;
};

function child(el: El, ...names: string[]): El | null {
  for (const name of names) {
    for (let i = 0; i < el.children.length; i++) {
      const c = el.children[i];
      if (c.tagName.toLowerCase() === name) return c;
    }
  }
  return null;
}
function childText(el: El, ...names: string[]): string | null {
  const t = child(el, ...names)?.textContent?.trim();
  return t ? t : null;
}
function children(el: El, name: string): El[] {
  const out: El[] = [];
  for (let i = 0; i < el.children.length; i++)
    if (el.children[i].tagName.toLowerCase() === name) out.push(el.children[i]);
  return out;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** RFC 822 («Sun, 18 Feb 2018 21:35:43 +0400») or ISO → ISO with the stated offset kept, else null. */
export function feedDate(s: string | null): string | null {
  if (!s) return null;
  const t = s.trim();
  if (/^\d{4}-\d{2}-\d{2}/.test(t)) return Number.isNaN(Date.parse(t)) ? null : t;
  const ms = Date.parse(t);
  if (Number.isNaN(ms)) return null;
  const m = /([+-])(\d{2}):?(\d{2})\s*$/.exec(t);
  const offsetMin = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
  const d = new Date(ms + offsetMin * 60_000);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  const zone = offsetMin === 0 ? 'Z' : `${m![1]}${m![2]}:${m![3]}`;
  return `${date}T${time}${zone}`;
}

function atomLink(entry: El): string | null {
  const links = children(entry, 'link');
  const alt = links.find((l) => (l.getAttribute('rel') ?? 'alternate') === 'alternate') ?? links[0];
  return alt?.getAttribute('href')?.trim() || null;
}

/** Parses a feed. Throws an Error saying why when the text is not a feed. */
export function parseFeed(xml: string): Feed {
  const doc = new DOMParser().parseFromString(xml.replace(/^\ufeff/, ''), 'text/xml') as unknown as {
    documentElement: El | null;
  };
  const root = doc.documentElement;
  if (!root) throw new Error('not XML');
  const rootName = root.tagName.toLowerCase();
  if (rootName === 'feed') {
    const items = children(root, 'entry').map((e): FeedItem => {
      const link = atomLink(e);
      const content = child(e, 'content');
      const contentType = content?.getAttribute('type') ?? 'text';
      const contentText = content?.textContent?.trim() || null;
      return {
        id: childText(e, 'id') ?? link ?? '',
        link,
        title: childText(e, 'title'),
        published: feedDate(childText(e, 'published', 'updated', 'issued', 'modified')),
        contentHtml:
          contentText && content?.getAttribute('src') === null
            ? contentType === 'text'
              ? escapeHtml(contentText)
              : contentText
            : null,
        summary: childText(e, 'summary'),
      };
    });
    return { format: 'atom', title: childText(root, 'title'), items: items.filter((i) => i.id || i.link) };
  }
  if (rootName === 'rss' || rootName === 'rdf:rdf') {
    const channel = child(root, 'channel');
    // RSS 2.0 puts items in the channel; RSS 1.0 puts them beside it
    const itemParent = rootName === 'rss' && channel ? channel : root;
    const items = children(itemParent, 'item').map((it): FeedItem => {
      const link = childText(it, 'link') ?? it.getAttribute('rdf:about');
      return {
        id: childText(it, 'guid') ?? link ?? '',
        link,
        title: childText(it, 'title'),
        published: feedDate(childText(it, 'pubdate', 'dc:date', 'a10:updated')),
        contentHtml: childText(it, 'content:encoded'),
        summary: childText(it, 'description'),
      };
    });
    return {
      format: rootName === 'rss' ? 'rss' : 'rdf',
      title: channel ? childText(channel, 'title') : null,
      items: items.filter((i) => i.id || i.link),
    };
  }
  throw new Error(`the document is <${root.tagName}>, not an RSS or Atom feed`);
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A page for the HTML extractor from an item's own content: title and content in a minimal document. */
export function itemPage(item: FeedItem, html: string): string {
  const title = item.title ? `<title>${escapeHtml(item.title)}</title>` : '';
  const h1 = item.title ? `<h1>${escapeHtml(item.title)}</h1>` : '';
  return `<!doctype html><html><head><meta charset="utf-8">${title}</head><body><article>${h1}${html}</article></body></html>`;
}
