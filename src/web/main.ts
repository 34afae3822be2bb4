// The interface's entry: the page frame (skip link, header with navigation and language switch,
// main, footer) and a small client-side router over the History API.
//   /                    search (home)      /search?q=…        search results
//   /article/:id         article            /entity/:id        entity
//   /pair/:a/:b          actor pair         /analyze           analyse text or a URL
import './styles.css';
import { fill, h } from './dom.js';
import { applyLang, currentLang, setLang, t, type LabelKey } from './i18n.js';
import { heading, setTitle } from './ui.js';
import { searchPage } from './pages/search.js';
import { articlePage } from './pages/article.js';
import { entityPage } from './pages/entity.js';
import { pairPage } from './pages/pair.js';
import { analyzePage } from './pages/analyze.js';

const main = h('main', { id: 'main', tabindex: -1 });
let controller: AbortController | null = null;

function decode(s: string | undefined): string {
  try {
    return decodeURIComponent(s ?? '');
  } catch {
    return s ?? '';
  }
}

function navigate(url: string): void {
  history.pushState(null, '', url);
  void route();
}

/** Renders the page for the current URL; moves focus to its heading after a navigation. */
async function route(focus = true): Promise<void> {
  controller?.abort();
  controller = new AbortController();
  const signal = controller.signal;
  const { pathname, search } = location;
  const parts = pathname.split('/').filter(Boolean);
  updateNav(parts[0] ?? '');
  main.setAttribute('aria-busy', 'true');
  try {
    if (parts.length === 0 || parts[0] === 'search')
      await searchPage(main, new URLSearchParams(search), navigate, signal);
    else if (parts[0] === 'article' && parts[1]) await articlePage(main, decode(parts[1]), signal);
    else if (parts[0] === 'entity' && parts[1]) await entityPage(main, decode(parts[1]), signal);
    else if (parts[0] === 'pair') await pairPage(main, decode(parts[1]), decode(parts[2]), navigate, signal);
    else if (parts[0] === 'analyze') analyzePage(main);
    else {
      setTitle(t('notFound'));
      fill(main, heading(t('notFound')));
    }
  } finally {
    if (!signal.aborted) main.removeAttribute('aria-busy');
  }
  if (focus && !signal.aborted) (main.querySelector('h1') ?? main).focus({ preventScroll: false });
}

const NAV: Array<{ href: string; key: LabelKey; section: string }> = [
  { href: '/', key: 'navSearch', section: 'search' },
  { href: '/analyze', key: 'navAnalyze', section: 'analyze' },
  { href: '/pair/iso%3ARU/iso%3AKZ', key: 'navPair', section: 'pair' },
];
const navLinks = NAV.map((n) => h('a', { href: n.href, 'data-section': n.section }, t(n.key)));

function updateNav(first: string): void {
  const section = first === '' ? 'search' : first;
  for (const a of navLinks) {
    if (a.dataset.section === section) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
}

function frame(): HTMLElement[] {
  const langButton = h(
    'button',
    {
      type: 'button',
      class: 'lang-switch',
      lang: currentLang() === 'ar' ? 'en' : 'ar',
      'aria-label': t('switchLangLabel'),
      on: {
        click: () => {
          setLang(currentLang() === 'ar' ? 'en' : 'ar');
          rebuild();
        },
      },
    },
    t('switchLang'),
  );
  return [
    h('a', { class: 'skip-link', href: '#main' }, t('skip')),
    h(
      'header',
      { class: 'site-header' },
      h(
        'a',
        { href: '/', class: 'brand' },
        h('span', { class: 'brand-name' }, t('appName')),
        h('span', { class: 'brand-tag' }, t('tagline')),
      ),
      h(
        'nav',
        { 'aria-label': t('navSearch') },
        h(
          'ul',
          null,
          navLinks.map((a) => h('li', null, a)),
        ),
      ),
      langButton,
    ),
    main,
    h('footer', { class: 'site-footer' }, h('a', { href: '/api/openapi.json' }, 'API (OpenAPI)')),
  ];
}

/** Builds the frame again (after a language switch) and re-renders the page. */
function rebuild(): void {
  applyLang();
  NAV.forEach((n, i) => (navLinks[i].textContent = t(n.key)));
  document.body.replaceChildren(...frame());
  void route(false);
}

// Internal links go through the router; modified clicks, downloads, other origins and the API do not.
document.addEventListener('click', (ev) => {
  if (ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
  const a = (ev.target as Element | null)?.closest?.('a');
  if (!a || a.target || a.hasAttribute('download')) return;
  const url = new URL(a.href, location.href);
  if (url.origin !== location.origin || url.pathname.startsWith('/api/')) return;
  if (url.pathname === location.pathname && url.search === location.search && url.hash) return; // in-page anchor
  ev.preventDefault();
  navigate(url.pathname + url.search);
});
window.addEventListener('popstate', () => void route());

applyLang();
document.body.replaceChildren(...frame());
void route(false);
