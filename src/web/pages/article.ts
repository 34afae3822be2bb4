// The article page: the clean article with highlights, the facts panel, «read also» and duplicates.
import type { ArticleResponse, RelatedResponse, StoredArticleMeta } from '../../server/api-types.js';
import { getJson, seg } from '../api.js';
import { fill, h } from '../dom.js';
import { t } from '../i18n.js';
import { renderArticle, renderPanel } from '../article-view.js';
import { day, errorBox, loading, setTitle } from '../ui.js';

function articleLink(m: StoredArticleMeta): HTMLElement {
  return h(
    'li',
    null,
    h('a', { href: `/article/${seg(m.id)}`, lang: 'ar', dir: 'rtl' }, m.title ?? m.id),
    h('span', { class: 'meta' }, ' ', [m.outlet, day(m.published)].filter(Boolean).join(' · ')),
  );
}

async function loadRelated(box: HTMLElement, id: string, signal: AbortSignal): Promise<void> {
  try {
    const r = await getJson<RelatedResponse>(`/api/articles/${seg(id)}/related`, { limit: 5 }, signal);
    fill(
      box,
      h('h2', { id: 'related-title' }, t('related')),
      r.related.length
        ? h(
            'ul',
            { class: 'article-list' },
            r.related.map((x) => articleLink(x.article)),
          )
        : h('p', null, t('noRelated')),
      h('h2', { id: 'duplicates-title' }, t('duplicates')),
      r.duplicates.length
        ? h('ul', { class: 'article-list' }, r.duplicates.map(articleLink))
        : h('p', null, t('noDuplicates')),
    );
  } catch (e) {
    if (!signal.aborted) fill(box, errorBox(e));
  }
}

export async function articlePage(main: HTMLElement, id: string, signal: AbortSignal): Promise<void> {
  fill(main, loading());
  let res: ArticleResponse;
  try {
    res = await getJson<ArticleResponse>(`/api/articles/${seg(id)}`, undefined, signal);
  } catch (e) {
    if (!signal.aborted) fill(main, errorBox(e));
    return;
  }
  setTitle(res.article.title ?? res.article.id);
  const related = h('section', { class: 'related', 'aria-labelledby': 'related-title' }, loading());
  const copyOf =
    res.article.canonicalId !== res.article.id
      ? h(
          'p',
          { class: 'notice' },
          `${t('duplicateOf')} `,
          h('a', { href: `/article/${seg(res.article.canonicalId)}` }, res.article.canonicalId),
        )
      : null;
  fill(
    main,
    copyOf,
    h(
      'div',
      { class: 'article-layout' },
      h('div', { class: 'article-main' }, renderArticle(res, res.article), related),
      renderPanel(res),
    ),
  );
  void loadRelated(related, res.article.id, signal);
}
