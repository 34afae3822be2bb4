// The entity page: names and KB details, mentions over time (chart + table), who appears with it
// (with a link to each pair's relationship timeline), its quotes, its events, its latest articles.
import type { EntityResponse } from '../../server/api-types.js';
import { getJson, seg } from '../api.js';
import { fill, h } from '../dom.js';
import { currentLang, num, t } from '../i18n.js';
import { barChart } from '../chart.js';
import { entityLink, entityName } from '../article-view.js';
import { day, errorBox, heading, loading, setTitle } from '../ui.js';

function timelineSection(res: EntityResponse): HTMLElement {
  const chart = h('div', { class: 'chart', dir: 'ltr' });
  const points = res.timeline.points;
  const section = h(
    'section',
    { 'aria-labelledby': 'timeline-title' },
    h('h2', { id: 'timeline-title' }, t('mentionsOverTime')),
    res.timeline.complete ? null : h('p', { class: 'hint' }, t('sampled', { n: num(res.timeline.basedOn) })),
    chart,
    h(
      'details',
      null,
      h('summary', null, t('chartTable')),
      h(
        'table',
        null,
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, t('month')), h('th', { scope: 'col' }, t('count')))),
        h(
          'tbody',
          null,
          points.map((p) => h('tr', null, h('td', { dir: 'ltr' }, p.period), h('td', null, num(p.count)))),
        ),
      ),
    ),
  );
  // Drawn once the section is in the page (uPlot measures its container).
  requestAnimationFrame(() => barChart(chart, points, t('count')));
  return section;
}

export async function entityPage(main: HTMLElement, id: string, signal: AbortSignal): Promise<void> {
  fill(main, loading());
  let res: EntityResponse;
  try {
    res = await getJson<EntityResponse>(`/api/entities/${seg(id)}`, undefined, signal);
  } catch (e) {
    if (!signal.aborted) fill(main, errorBox(e));
    return;
  }
  const e = res.entity;
  const name = entityName(e) || e.id;
  setTitle(name);
  const other = currentLang() === 'en' ? e.name.ar : e.name.en;
  const kb = res.kb;

  const header = h(
    'header',
    { class: 'entity-header' },
    heading(name, { lang: currentLang() === 'en' && e.name.en ? 'en' : 'ar' }),
    other ? h('p', { class: 'other-name', dir: 'auto' }, other) : null,
    h(
      'p',
      { class: 'meta' },
      [e.type, e.subtype].filter(Boolean).join(' / '),
      ' · ',
      h('code', { dir: 'ltr' }, e.id),
      ' · ',
      t('entityArticles', { n: num(res.articles) }),
    ),
    kb && (kb.aliasesAr.length || kb.aliasesEn.length)
      ? h(
          'p',
          { class: 'aliases' },
          `${t('aliases')}: `,
          h('span', { dir: 'auto' }, [...kb.aliasesAr, ...kb.aliasesEn].join('، ')),
        )
      : null,
    kb && kb.offices.length
      ? h(
          'ul',
          { class: 'offices', 'aria-label': t('offices'), dir: 'ltr', lang: 'en' },
          kb.offices.map((o) =>
            h(
              'li',
              null,
              `${o.role.replace(/_/g, ' ')}${o.country ? ' (' + o.country + ')' : o.org ? ' (' + o.org + ')' : ''}: ${o.start} – ${o.end ?? t('present')}`,
            ),
          ),
        )
      : null,
  );

  const cooccurring = h(
    'section',
    { 'aria-labelledby': 'cooc-title' },
    h('h2', { id: 'cooc-title' }, t('cooccurring')),
    h(
      'ul',
      { class: 'chips' },
      res.cooccurring.map((f) =>
        h(
          'li',
          null,
          entityLink(f.value, f.label ?? f.value, { dir: 'auto' }),
          h('span', { class: 'count' }, num(f.count)),
          h(
            'a',
            {
              href: `/pair/${seg(e.id)}/${seg(f.value)}`,
              class: 'pair-link',
              title: `${t('relationship')}: ${name} ↔ ${f.label ?? f.value}`,
            },
            '↔',
          ),
        ),
      ),
    ),
  );

  const quotes = h(
    'section',
    { 'aria-labelledby': 'quotes-title' },
    h('h2', { id: 'quotes-title' }, t('quotes')),
    res.quotes.length
      ? h(
          'ul',
          { class: 'quotes' },
          res.quotes.map((q) =>
            h(
              'li',
              null,
              h('blockquote', { lang: 'ar', dir: 'rtl' }, q.text),
              h(
                'p',
                { class: 'who' },
                h('a', { href: `/article/${seg(q.articleId)}` }, day(q.published) || q.articleId),
                q.cue ? ` · ${q.cue}` : '',
              ),
            ),
          ),
        )
      : h('p', null, t('noQuotes')),
  );

  const events = h(
    'section',
    { 'aria-labelledby': 'events-title' },
    h('h2', { id: 'events-title' }, t('events')),
    res.events.length
      ? h(
          'ul',
          { class: 'events' },
          res.events.map((ev) =>
            h(
              'li',
              { class: (ev.goldstein ?? 0) < 0 ? 'event event-conflict' : 'event' },
              h(
                'p',
                { class: 'fact-text', lang: 'en', dir: 'ltr' },
                ev.en,
                ev.goldstein !== null
                  ? h('span', { class: 'badge' }, (ev.goldstein > 0 ? '+' : '') + ev.goldstein)
                  : null,
              ),
              h('p', { class: 'evidence', lang: 'ar', dir: 'rtl' }, ev.evidence),
              h('a', { href: `/article/${seg(ev.articleId)}` }, t('openArticle')),
            ),
          ),
        )
      : h('p', null, t('noEvents')),
  );

  const recent = h(
    'section',
    { 'aria-labelledby': 'recent-title' },
    h('h2', { id: 'recent-title' }, t('recentArticles')),
    h(
      'ul',
      { class: 'article-list' },
      res.recent.map((hit) =>
        h(
          'li',
          null,
          h(
            'a',
            { href: `/article/${seg(hit.article.id)}`, lang: 'ar', dir: 'rtl' },
            hit.article.title ?? hit.article.id,
          ),
          h('span', { class: 'meta' }, ' ', day(hit.article.published)),
        ),
      ),
    ),
  );

  fill(main, header, h('div', { class: 'entity-grid' }, timelineSection(res), cooccurring, quotes, events, recent));
}
