// The actor-pair page: how two entities relate over time. A cooperation–conflict line of the mean
// Goldstein score per period (click a point to list that period's events), and every event with
// its English rendering and Arabic evidence. The event list is the accessible view of the chart.
import type { PairResponse } from '../../server/api-types.js';
import { getJson, seg } from '../api.js';
import { fill, h } from '../dom.js';
import { num, t } from '../i18n.js';
import { goldsteinChart } from '../chart.js';
import { entityLink, entityName } from '../article-view.js';
import { errorBox, heading, loading, setTitle } from '../ui.js';

function pairForm(a: string, b: string, navigate: (url: string) => void): HTMLElement {
  const ia = h('input', {
    id: 'pair-a',
    name: 'a',
    value: a,
    dir: 'ltr',
    required: true,
    pattern: '[a-z][a-z0-9]*:\\S+',
    placeholder: 'iso:RU',
  });
  const ib = h('input', {
    id: 'pair-b',
    name: 'b',
    value: b,
    dir: 'ltr',
    required: true,
    pattern: '[a-z][a-z0-9]*:\\S+',
    placeholder: 'iso:KZ',
  });
  const go = (x: string, y: string) => navigate(`/pair/${seg(x.trim())}/${seg(y.trim())}`);
  return h(
    'form',
    {
      class: 'pair-form',
      on: {
        submit: (ev: Event) => {
          ev.preventDefault();
          go(ia.value, ib.value);
        },
      },
    },
    h('div', null, h('label', { for: 'pair-a' }, t('pairA')), ia),
    h('div', null, h('label', { for: 'pair-b' }, t('pairB')), ib),
    h(
      'div',
      { class: 'pair-buttons' },
      h('button', { type: 'submit' }, t('pairShow')),
      h('button', { type: 'button', class: 'secondary', on: { click: () => go(ib.value, ia.value) } }, t('pairSwap')),
    ),
  );
}

function eventList(res: PairResponse, indices: number[]): HTMLElement {
  if (!indices.length) return h('p', null, t('noEvents'));
  return h(
    'ol',
    { class: 'events' },
    indices.map((i) => {
      const ev = res.events[i];
      return h(
        'li',
        { class: (ev.goldstein ?? 0) < 0 ? 'event event-conflict' : 'event', 'data-period': ev.day ?? '' },
        h(
          'p',
          { class: 'fact-text', lang: 'en', dir: 'ltr' },
          ev.en,
          ev.goldstein !== null ? h('span', { class: 'badge' }, (ev.goldstein > 0 ? '+' : '') + ev.goldstein) : null,
        ),
        h('p', { class: 'evidence', lang: 'ar', dir: 'rtl' }, ev.evidence),
        h('a', { href: `/article/${seg(ev.articleId)}` }, t('openArticle')),
      );
    }),
  );
}

export async function pairPage(
  main: HTMLElement,
  a: string,
  b: string,
  navigate: (url: string) => void,
  signal: AbortSignal,
): Promise<void> {
  setTitle(t('pairTitle'));
  const form = pairForm(a, b, navigate);
  if (!a || !b) {
    fill(main, heading(t('pairTitle')), form);
    return;
  }
  fill(main, heading(t('pairTitle')), form, loading());
  let res: PairResponse;
  try {
    res = await getJson<PairResponse>(`/api/pairs/${seg(a)}/${seg(b)}`, undefined, signal);
  } catch (e) {
    if (!signal.aborted) fill(main, heading(t('pairTitle')), form, errorBox(e));
    return;
  }
  const nameA = entityName(res.a) || a;
  const nameB = entityName(res.b) || b;
  setTitle(`${nameA} ↔ ${nameB}`);
  const chart = h('div', { class: 'chart', dir: 'ltr' });
  const listBox = h('div', { 'aria-live': 'polite' });
  const listTitle = h('h2', { id: 'pair-events-title' }, t('pairAll'));
  const all = res.events.map((_e, i) => i);
  const showPeriod = (p: number | null) => {
    if (p === null) {
      listTitle.textContent = t('pairAll');
      fill(listBox, eventList(res, all));
    } else {
      const point = res.series[p];
      listTitle.textContent = t('pairSelected', { period: point.period });
      fill(
        listBox,
        h('button', { type: 'button', class: 'link-button', on: { click: () => showPeriod(null) } }, t('pairAll')),
        eventList(res, point.events),
      );
    }
  };
  const table = h(
    'table',
    null,
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        h('th', { scope: 'col' }, t('pairPeriod')),
        h('th', { scope: 'col' }, t('pairMean')),
        h('th', { scope: 'col' }, t('count')),
      ),
    ),
    h(
      'tbody',
      null,
      res.series.map((p, i) =>
        h(
          'tr',
          null,
          h(
            'td',
            { dir: 'ltr' },
            h('button', { type: 'button', class: 'link-button', on: { click: () => showPeriod(i) } }, p.period),
          ),
          h('td', { dir: 'ltr' }, p.mean === null ? t('none') : (p.mean > 0 ? '+' : '') + p.mean),
          h('td', null, num(p.count)),
        ),
      ),
    ),
  );
  fill(
    main,
    heading(`${nameA} ↔ ${nameB}`),
    form,
    h(
      'p',
      { class: 'meta' },
      entityLink(res.a.id, nameA),
      ' ↔ ',
      entityLink(res.b.id, nameB),
      ' · ',
      t('pairSummary', { n: num(res.events.length), a: nameA, b: nameB }),
    ),
    h(
      'section',
      { 'aria-labelledby': 'pair-chart-title' },
      h('h2', { id: 'pair-chart-title' }, t('pairChart')),
      chart,
      h('details', null, h('summary', null, t('chartTable')), table),
    ),
    h('section', { 'aria-labelledby': 'pair-events-title' }, listTitle, listBox),
  );
  showPeriod(null);
  requestAnimationFrame(() =>
    goldsteinChart(
      chart,
      res.series.map((p) => p.period),
      res.series.map((p) => p.mean),
      res.bucket,
      showPeriod,
    ),
  );
}
