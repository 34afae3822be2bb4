// The analyse page: paste text or give a URL, see the analysis at once; nothing is stored.
import type { AnalyzeResponse } from '../../server/api-types.js';
import { postJson } from '../api.js';
import { fill, h } from '../dom.js';
import { num, t } from '../i18n.js';
import { renderArticle, renderPanel } from '../article-view.js';
import { errorBox, heading, loading, setTitle } from '../ui.js';

export function analyzePage(main: HTMLElement): void {
  setTitle(t('analyzeTitle'));
  const text = h('textarea', { id: 'analyze-text', name: 'text', rows: 10, dir: 'rtl', lang: 'ar' });
  const url = h('input', {
    id: 'analyze-url',
    name: 'url',
    type: 'url',
    dir: 'ltr',
    placeholder: 'https://…',
    inputmode: 'url',
  });
  const published = h('input', { id: 'analyze-published', name: 'published', type: 'date' });
  const result = h('div', { class: 'analysis-result', 'aria-live': 'polite' });
  const button = h('button', { type: 'submit' }, t('analyzeButton'));
  let controller: AbortController | null = null;

  const submit = async (ev: Event) => {
    ev.preventDefault();
    const body: Record<string, string> = {};
    if (url.value.trim()) body.url = url.value.trim();
    else if (text.value.trim()) body.text = text.value;
    else {
      fill(result, errorBox(new Error(t('analyzeEmpty'))));
      return;
    }
    if (published.value) body.published = published.value;
    controller?.abort();
    controller = new AbortController();
    button.disabled = true;
    fill(result, loading());
    const started = performance.now();
    try {
      const res = await postJson<AnalyzeResponse>('/api/analyze', body, controller.signal);
      const ms = Math.round(performance.now() - started);
      fill(
        result,
        h('p', { class: 'status', role: 'status' }, t('analyzeDone', { ms: num(ms) }), ' · ', t('notStored')),
        h(
          'div',
          { class: 'article-layout' },
          h('div', { class: 'article-main' }, renderArticle(res)),
          renderPanel(res),
        ),
      );
    } catch (e) {
      if (!controller.signal.aborted) fill(result, errorBox(e));
    } finally {
      button.disabled = false;
    }
  };

  fill(
    main,
    heading(t('analyzeTitle')),
    h('p', null, t('analyzeIntro')),
    h(
      'form',
      { class: 'analyze-form', on: { submit } },
      h('label', { for: 'analyze-text' }, t('analyzeText')),
      text,
      h('label', { for: 'analyze-url' }, t('analyzeUrl')),
      url,
      h('label', { for: 'analyze-published' }, t('analyzePublished')),
      published,
      h('div', null, button),
    ),
    result,
  );
}
