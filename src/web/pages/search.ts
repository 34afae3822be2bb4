// Search: the query box, facets (outlet, topic, entity, dates) and results with highlighted snippets.
// The whole state is in the URL (?q=…&entity=…&offset=…), so results can be linked and go back works.
import type { FacetCount, SearchHit, SearchResult } from '../../server/api-types.js';
import { getJson, seg, withQuery } from '../api.js';
import { fill, h, markedText } from '../dom.js';
import { num, t, type LabelKey } from '../i18n.js';
import { day, errorBox, heading, loading, setTitle } from '../ui.js';

const PAGE_SIZE = 10;
const FACET_KEYS = ['outlet', 'topic', 'entity'] as const;

interface SearchState {
  q: string;
  outlet: string[];
  topic: string[];
  entity: string[];
  from: string;
  to: string;
  offset: number;
}

function readState(params: URLSearchParams): SearchState {
  return {
    q: params.get('q') ?? '',
    outlet: params.getAll('outlet'),
    topic: params.getAll('topic'),
    entity: params.getAll('entity'),
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    offset: Math.max(0, Number(params.get('offset')) || 0),
  };
}

function stateUrl(s: SearchState): string {
  return withQuery('/search', {
    q: s.q,
    outlet: s.outlet,
    topic: s.topic,
    entity: s.entity,
    from: s.from,
    to: s.to,
    offset: s.offset || undefined,
  });
}

function hasQuery(s: SearchState): boolean {
  return !!(s.q || s.outlet.length || s.topic.length || s.entity.length || s.from || s.to);
}

function searchForm(s: SearchState, navigate: (url: string) => void): HTMLElement {
  const input = h('input', {
    type: 'search',
    id: 'q',
    name: 'q',
    value: s.q,
    placeholder: t('searchPlaceholder'),
    autocomplete: 'off',
    dir: 'auto',
  });
  const from = h('input', { type: 'date', id: 'from', name: 'from', value: s.from });
  const to = h('input', { type: 'date', id: 'to', name: 'to', value: s.to });
  return h(
    'form',
    {
      role: 'search',
      class: 'search-form',
      on: {
        submit: (ev: Event) => {
          ev.preventDefault();
          navigate(stateUrl({ ...s, q: input.value.trim(), from: from.value, to: to.value, offset: 0 }));
        },
      },
    },
    h('label', { for: 'q', class: 'visually-hidden' }, t('searchLabel')),
    h('div', { class: 'search-row' }, input, h('button', { type: 'submit' }, t('searchButton'))),
    h(
      'div',
      { class: 'date-row' },
      h('label', { for: 'from' }, t('dateFrom')),
      from,
      h('label', { for: 'to' }, t('dateTo')),
      to,
    ),
  );
}

function facetList(key: (typeof FACET_KEYS)[number], list: FacetCount[], s: SearchState): HTMLElement | null {
  const active = s[key];
  const values = [...list];
  for (const v of active) if (!values.some((x) => x.value === v)) values.unshift({ value: v, count: 0 });
  if (values.length === 0) return null;
  const label: LabelKey = key === 'outlet' ? 'facetOutlet' : key === 'topic' ? 'facetTopic' : 'facetEntity';
  return h(
    'section',
    { class: 'facet', 'aria-labelledby': `facet-${key}` },
    h('h3', { id: `facet-${key}` }, t(label)),
    h(
      'ul',
      null,
      values.map((f) => {
        const on = active.includes(f.value);
        const next = { ...s, offset: 0, [key]: on ? active.filter((v) => v !== f.value) : [...active, f.value] };
        return h(
          'li',
          null,
          h(
            'a',
            { href: stateUrl(next), class: on ? 'facet-on' : '', 'aria-current': on ? 'true' : null },
            h('span', { class: 'facet-label', dir: 'auto' }, f.label ?? f.value),
            f.count ? h('span', { class: 'count' }, num(f.count)) : null,
          ),
        );
      }),
    ),
  );
}

function hitItem(hit: SearchHit): HTMLElement {
  const a = hit.article;
  return h(
    'li',
    { class: 'hit' },
    h('h2', { lang: 'ar', dir: 'rtl' }, h('a', { href: `/article/${seg(a.id)}` }, a.title ?? a.id)),
    h('p', { class: 'meta' }, [a.outlet, day(a.published), a.topics.join('، ')].filter(Boolean).join(' · ')),
    h('p', { class: 'snippet', lang: 'ar', dir: 'rtl' }, markedText(hit.snippet)),
  );
}

function pager(res: SearchResult, s: SearchState): HTMLElement | null {
  if (res.total <= PAGE_SIZE) return null;
  const prev =
    s.offset > 0
      ? h('a', { href: stateUrl({ ...s, offset: Math.max(0, s.offset - PAGE_SIZE) }), rel: 'prev' }, t('prev'))
      : null;
  const next =
    s.offset + PAGE_SIZE < res.total
      ? h('a', { href: stateUrl({ ...s, offset: s.offset + PAGE_SIZE }), rel: 'next' }, t('next'))
      : null;
  return h(
    'nav',
    {
      class: 'pager',
      'aria-label': t('pageOf', {
        from: num(s.offset + 1),
        to: num(Math.min(res.total, s.offset + PAGE_SIZE)),
        total: num(res.total),
      }),
    },
    prev,
    h(
      'span',
      null,
      t('pageOf', {
        from: num(s.offset + 1),
        to: num(Math.min(res.total, s.offset + PAGE_SIZE)),
        total: num(res.total),
      }),
    ),
    next,
  );
}

function intro(): HTMLElement {
  return h(
    'section',
    { class: 'intro' },
    h('p', null, t('homeIntro')),
    h('h2', null, t('examples')),
    h(
      'ul',
      null,
      h('li', null, h('a', { href: '/article/examples%2Fseed-article.txt' }, t('exampleArticle'))),
      h('li', null, h('a', { href: '/entity/per%3Avladimir-putin' }, t('examplePutin'))),
      h('li', null, h('a', { href: '/pair/iso%3ARU/iso%3AKZ' }, t('examplePair'))),
    ),
  );
}

export async function searchPage(
  main: HTMLElement,
  params: URLSearchParams,
  navigate: (url: string) => void,
  signal: AbortSignal,
): Promise<void> {
  const s = readState(params);
  setTitle(s.q || t('navSearch'));
  const results = h('div', { class: 'results', 'aria-live': 'polite' });
  const facets = h('aside', { class: 'facets', 'aria-label': t('filters') });
  fill(
    main,
    heading(t('navSearch'), { class: 'visually-hidden' }),
    searchForm(s, navigate),
    h('div', { class: 'search-layout' }, facets, results),
  );
  if (!hasQuery(s)) {
    fill(results, intro());
    return;
  }
  fill(results, loading());
  try {
    const res = await getJson<SearchResult>(
      '/api/search',
      {
        q: s.q,
        outlet: s.outlet,
        topic: s.topic,
        entity: s.entity,
        from: s.from,
        to: s.to,
        offset: s.offset,
        limit: PAGE_SIZE,
      },
      signal,
    );
    const lists = FACET_KEYS.map((k) => facetList(k, res.facets[k], s));
    const clear =
      s.outlet.length || s.topic.length || s.entity.length || s.from || s.to
        ? h(
            'a',
            { href: stateUrl({ ...s, outlet: [], topic: [], entity: [], from: '', to: '', offset: 0 }) },
            t('clearFilters'),
          )
        : null;
    fill(facets, h('h2', { class: 'visually-hidden' }, t('filters')), lists, clear);
    fill(
      results,
      h('p', { class: 'total', role: 'status' }, res.total ? t('results', { n: num(res.total) }) : t('noResults')),
      res.notes.length
        ? h(
            'ul',
            { class: 'notes', dir: 'auto' },
            res.notes.map((n) => h('li', null, n)),
          )
        : null,
      h('ol', { class: 'hits', start: s.offset + 1 }, res.hits.map(hitItem)),
      pager(res, s),
    );
  } catch (e) {
    if (!signal.aborted) fill(results, errorBox(e));
  }
}
