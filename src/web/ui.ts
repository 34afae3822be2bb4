// Small pieces every page uses: loading and error states, page titles, entity chips.
import { ApiFailure } from './api.js';
import { h } from './dom.js';
import { t } from './i18n.js';

export function loading(): HTMLElement {
  return h('p', { class: 'loading', role: 'status' }, t('loading'));
}

export function errorBox(e: unknown): HTMLElement {
  const msg = e instanceof ApiFailure ? e.message : e instanceof Error ? e.message : String(e);
  return h(
    'div',
    { class: 'error', role: 'alert' },
    h('strong', null, `${t('error')}: `),
    h('span', { dir: 'auto' }, msg),
  );
}

/** Sets the document title («… — rasd»). */
export function setTitle(s: string): void {
  document.title = s ? `${s} — ${t('appName')}` : `${t('appName')} — ${t('tagline')}`;
}

/** A page's main heading, focusable so that navigation can move focus to it. */
export function heading(text: string, extra: Record<string, string> = {}): HTMLHeadingElement {
  return h('h1', { tabindex: -1, ...extra }, text);
}

export function day(s: string | null | undefined): string {
  return s ? s.slice(0, 10) : '';
}
