// The clean article with its layers highlighted, and the side panel of structured facts.
// Used by the article page (stored) and the analyse page (not stored).
//
// Highlighting: every layer item is a span [start, end) into `analysis.text`. Within each block
// the spans are nested (quote ⊃ entity ⊃ time/amount ⊃ event trigger); a span that crosses
// another's edge is split at that edge, so the DOM stays a tree and the text is never altered.
import type { AnalyzedDocument, ApiAnalysis, StoredArticleMeta } from '../server/api-types.js';
import { h, type Child } from './dom.js';
import { currentLang, num, t, type LabelKey } from './i18n.js';
import { seg } from './api.js';

type Entity = ApiAnalysis['entities'][number];

interface Ann {
  start: number;
  end: number;
  layer: 'quote' | 'ent' | 'time' | 'amount' | 'trigger';
  make: () => HTMLElement;
}

const LAYER_RANK: Record<Ann['layer'], number> = { quote: 0, ent: 1, time: 2, amount: 2, trigger: 3 };

function cmpAnn(a: Ann, b: Ann): number {
  return a.start - b.start || b.end - a.end || LAYER_RANK[a.layer] - LAYER_RANK[b.layer];
}

/** Nodes for text[start, end) with the annotations inside it (sorted by cmpAnn) nested. */
function renderRange(text: string, start: number, end: number, anns: Ann[]): Node[] {
  const out: Node[] = [];
  let pos = start;
  let rest = anns;
  while (rest.length) {
    let a = rest[0];
    rest = rest.slice(1);
    if (a.end <= pos) continue;
    if (a.start < pos) a = { ...a, start: pos };
    if (a.start > pos) out.push(document.createTextNode(text.slice(pos, a.start)));
    const inner: Ann[] = [];
    const next: Ann[] = [];
    for (const b of rest) {
      if (b.start >= a.end) next.push(b);
      else if (b.end <= a.end) inner.push(b);
      else {
        inner.push({ ...b, end: a.end });
        next.push({ ...b, start: a.end });
      }
    }
    next.sort(cmpAnn);
    const el = a.make();
    el.append(...renderRange(text, a.start, a.end, inner));
    out.push(el);
    pos = a.end;
    rest = next;
  }
  if (pos < end) out.push(document.createTextNode(text.slice(pos, end)));
  return out;
}

export function entityName(e: { name: { ar: string | null; en: string | null } }): string {
  return (currentLang() === 'en' ? (e.name.en ?? e.name.ar) : (e.name.ar ?? e.name.en)) ?? '';
}

export function isLinked(id: string): boolean {
  return !id.startsWith('local:');
}

export function entityLink(id: string, label: string, attrs: Record<string, string> = {}): HTMLElement {
  return isLinked(id) ? h('a', { href: `/entity/${seg(id)}`, ...attrs }, label) : h('span', attrs, label);
}

function annotations(doc: AnalyzedDocument): Ann[] {
  const a = doc.analysis;
  const anns: Ann[] = [];
  const byId = new Map(a.entities.map((e) => [e.id, e]));
  for (const e of a.entities)
    for (const m of e.mentions) {
      const title = `${e.name.en ?? e.name.ar} · ${e.type}${e.subtype ? '/' + e.subtype : ''}`;
      anns.push({
        start: m.start,
        end: m.end,
        layer: 'ent',
        make: () =>
          isLinked(e.id)
            ? h('a', { class: `ent ent-${e.type}`, href: `/entity/${seg(e.id)}`, title, 'data-entity': e.id })
            : h('span', { class: `ent ent-${e.type}`, title, 'data-entity': e.id }),
      });
    }
  for (const q of a.quotes) {
    const who = q.speaker ? byId.get(q.speaker) : undefined;
    const title = `${t('speaker')}: ${who ? entityName(who) : (q.speaker_text ?? t('unknownSpeaker'))}${q.cue ? ` (${q.cue})` : ''}`;
    anns.push({
      start: q.start,
      end: q.end,
      layer: 'quote',
      make: () => h('span', { class: `quote quote-${q.kind}`, title }),
    });
  }
  for (const tx of a.times)
    anns.push({
      start: tx.start,
      end: tx.end,
      layer: 'time',
      make: () =>
        h('span', {
          class: 'tx',
          title: `${tx.type} ${tx.value}${tx.mod ? ' ' + tx.mod : ''}`,
          'data-value': tx.value,
        }),
    });
  for (const m of a.amounts) {
    const v = m.low === m.high ? String(m.low) : `${m.low}–${m.high}`;
    anns.push({
      start: m.start,
      end: m.end,
      layer: 'amount',
      make: () => h('span', { class: 'amt', title: `${v}${m.unit ? ' ' + m.unit : ''}${m.of ? ' ' + m.of : ''}` }),
    });
  }
  a.events.forEach((ev, i) => {
    const fact = doc.facts.find((f) => f.event === i);
    anns.push({
      start: ev.trigger.start,
      end: ev.trigger.end,
      layer: 'trigger',
      make: () =>
        h('span', {
          class: `trg${ev.negated ? ' trg-neg' : ''}`,
          id: `ev-${i}`,
          tabindex: -1,
          title: fact?.en ?? ev.type,
          'data-event': ev.type,
        }),
    });
  });
  return anns.filter((x) => x.end > x.start && x.start >= 0 && x.end <= a.text.length).sort(cmpAnn);
}

const LAYERS: Array<{ cls: string; label: LabelKey }> = [
  { cls: 'ent', label: 'layerEntities' },
  { cls: 'quote', label: 'layerQuotes' },
  { cls: 'tx', label: 'layerTimes' },
  { cls: 'amt', label: 'layerAmounts' },
  { cls: 'trg', label: 'layerEvents' },
];

/** Checkboxes that turn each highlight layer on and off (a class on the article). */
function layerToggles(article: HTMLElement): HTMLElement {
  return h(
    'fieldset',
    { class: 'layers' },
    h('legend', null, t('layers')),
    LAYERS.map((l) =>
      h(
        'label',
        { class: `swatch swatch-${l.cls}` },
        h('input', {
          type: 'checkbox',
          checked: true,
          on: {
            change: (ev: Event) => article.classList.toggle(`hide-${l.cls}`, !(ev.target as HTMLInputElement).checked),
          },
        }),
        ' ',
        t(l.label),
      ),
    ),
    h(
      'span',
      { class: 'legend-types' },
      (['PER', 'LOC', 'ORG', 'MISC'] as const).map((ty) =>
        h('span', { class: `ent ent-${ty}` }, t(`type${ty}` as LabelKey)),
      ),
    ),
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

function metaLine(a: ApiAnalysis, meta?: StoredArticleMeta): HTMLElement {
  const parts: Child[] = [];
  const published = meta?.published ?? a.article.published;
  if (published)
    parts.push(
      h('span', null, `${t('published')}: `, h('time', { datetime: published.slice(0, 10) }, published.slice(0, 10))),
    );
  if (meta?.outlet) parts.push(h('span', null, `${t('outlet')}: `, meta.outlet));
  if (a.article.reading_minutes)
    parts.push(h('span', null, t('readingMinutes', { n: num(a.article.reading_minutes) })));
  const d = a.article.dateline;
  if (d && (d.place || d.agency))
    parts.push(h('span', null, `${t('dateline')}: `, [d.place, d.agency].filter(Boolean).join(' / ')));
  if (meta?.url)
    parts.push(
      h(
        'span',
        null,
        h('a', { href: meta.url, rel: 'noopener noreferrer nofollow', target: '_blank' }, hostOf(meta.url)),
      ),
    );
  return h('p', { class: 'meta' }, parts);
}

/** The article: title, meta line, layer switches, blocks with highlights. */
export function renderArticle(doc: AnalyzedDocument, meta?: StoredArticleMeta): HTMLElement {
  const a = doc.analysis;
  const anns = annotations(doc);
  const blockNodes = (start: number, end: number) =>
    renderRange(
      a.text,
      start,
      end,
      anns.filter((x) => x.start < end && x.end > start),
    );
  const article = h('article', { class: 'doc', lang: 'ar', dir: 'rtl', 'aria-labelledby': 'doc-title' });
  const titleBlock = doc.blocks.find((b) => b.kind === 'title');
  const title = h(
    'h1',
    { id: 'doc-title', tabindex: -1 },
    titleBlock ? blockNodes(titleBlock.start, titleBlock.end) : (meta?.title ?? a.article.title ?? '—'),
  );
  const header = h('header', null, title, metaLine(a, meta));
  const body: Child[] = [];
  for (const b of doc.blocks) {
    if (b.kind === 'title') continue;
    const nodes = blockNodes(b.start, b.end);
    if (b.kind === 'subheading') body.push(h('h2', null, nodes));
    else if (b.kind === 'caption') body.push(h('p', { class: 'caption' }, nodes));
    else if (b.kind === 'dateline') body.push(h('p', { class: 'dateline' }, nodes));
    else body.push(h('p', null, nodes));
  }
  if (doc.blocks.length === 0 && a.text) body.push(h('p', null, blockNodes(0, a.text.length)));
  article.append(header, h('div', { class: 'doc-body' }, body));
  return h(
    'div',
    { class: 'doc-wrap' },
    h('div', { lang: currentLang(), dir: currentLang() === 'ar' ? 'rtl' : 'ltr' }, layerToggles(article)),
    article,
  );
}

function section(titleKey: LabelKey, id: string, content: Child, hint?: string): HTMLElement {
  return h(
    'section',
    { class: 'panel-section', 'aria-labelledby': id },
    h('h2', { id }, t(titleKey)),
    hint ? h('p', { class: 'hint' }, hint) : null,
    content,
  );
}

/** Jumps to an event trigger in the text and flashes it. */
function showEvent(i: number): void {
  const el = document.getElementById(`ev-${i}`);
  if (!el) return;
  el.scrollIntoView({ block: 'center', behavior: 'smooth' });
  el.focus({ preventScroll: true });
  el.classList.add('flash');
  setTimeout(() => el.classList.remove('flash'), 1600);
}

/** The side panel: facts in English, entities, quotes, times, amounts. */
export function renderPanel(doc: AnalyzedDocument): HTMLElement {
  const a = doc.analysis;
  const byId = new Map(a.entities.map((e) => [e.id, e]));
  const facts = doc.facts.length
    ? h(
        'ol',
        { class: 'facts', lang: 'en', dir: 'ltr' },
        doc.facts.map((f) =>
          h(
            'li',
            { class: (f.goldstein ?? 0) < 0 ? 'fact fact-conflict' : 'fact' },
            h('span', { class: 'fact-text' }, f.en),
            f.goldstein !== null
              ? h('span', { class: 'badge', title: t('goldstein') }, (f.goldstein > 0 ? '+' : '') + f.goldstein)
              : null,
            h(
              'button',
              { type: 'button', class: 'link-button', on: { click: () => showEvent(f.event) } },
              t('showInText'),
            ),
          ),
        ),
      )
    : h('p', null, t('noEvents'));

  const groups = (['PER', 'LOC', 'ORG', 'MISC'] as const).map((ty) => {
    const list = a.entities.filter((e) => e.type === ty).sort((x, y) => y.mentions.length - x.mentions.length);
    if (!list.length) return null;
    return h(
      'div',
      { class: 'ent-group' },
      h('h3', null, t(`type${ty}` as LabelKey)),
      h(
        'ul',
        { class: 'chips' },
        list.map((e: Entity) =>
          h(
            'li',
            null,
            entityLink(e.id, entityName(e), { class: `ent ent-${e.type}` }),
            h('span', { class: 'count' }, num(e.mentions.length)),
          ),
        ),
      ),
    );
  });

  const quotes = a.quotes.length
    ? h(
        'ul',
        { class: 'quotes' },
        a.quotes.map((q) => {
          const who = q.speaker ? byId.get(q.speaker) : undefined;
          return h(
            'li',
            null,
            h('blockquote', { lang: 'ar', dir: 'rtl' }, q.text),
            h(
              'p',
              { class: 'who' },
              '— ',
              who ? entityLink(who.id, entityName(who)) : (q.speaker_text ?? t('unknownSpeaker')),
              q.cue ? ` (${q.cue})` : '',
            ),
          );
        }),
      )
    : h('p', null, t('noQuotes'));

  const times = a.times.length
    ? h(
        'dl',
        { class: 'pairs' },
        a.times.map((x) => [
          h('dt', { lang: 'ar' }, x.text),
          h('dd', { dir: 'ltr' }, `${x.value}${x.mod ? ' ' + x.mod : ''}`),
        ]),
      )
    : null;
  const amounts = a.amounts.length
    ? h(
        'dl',
        { class: 'pairs' },
        a.amounts.map((m) => [
          h('dt', { lang: 'ar' }, m.text),
          h(
            'dd',
            { dir: 'ltr' },
            `${m.low === m.high ? m.low : `${m.low}–${m.high}`}${m.unit ? ' ' + m.unit : ''}`,
            m.of ? h('span', { lang: 'ar' }, ` ${m.of}`) : null,
          ),
        ]),
      )
    : null;

  return h(
    'aside',
    { class: 'panel', 'aria-label': t('facts') },
    section('facts', 'panel-facts', facts, t('factsHint')),
    section('entities', 'panel-entities', groups),
    section('quotes', 'panel-quotes', quotes),
    times ? section('times', 'panel-times', times) : null,
    amounts ? section('amounts', 'panel-amounts', amounts) : null,
  );
}
