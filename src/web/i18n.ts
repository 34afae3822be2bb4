// Interface labels in Arabic (default) and English. Article content is never translated: it keeps
// lang="ar" dir="rtl" whatever the interface language.
import labels from './i18n.json';

export type Lang = 'ar' | 'en';
export type LabelKey = keyof (typeof labels)['ar'];

const STORAGE_KEY = 'rasd.lang';

let lang: Lang = readStoredLang();

function readStoredLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'ar';
  } catch {
    return 'ar';
  }
}

export function currentLang(): Lang {
  return lang;
}

/** Sets the interface language and the document's lang/dir. */
export function setLang(next: Lang): void {
  lang = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // private mode: the choice lasts for this page only
  }
  applyLang();
}

export function applyLang(): void {
  document.documentElement.lang = lang;
  document.documentElement.dir = lang === 'ar' ? 'rtl' : 'ltr';
}

/** A label, with {name} placeholders filled. */
export function t(key: LabelKey, vars: Record<string, string | number> = {}): string {
  const s: string = labels[lang][key] ?? labels.ar[key] ?? key;
  return s.replace(/\{(\w+)\}/g, (_m, k: string) => (k in vars ? String(vars[k]) : `{${k}}`));
}

/** Numbers in the interface language's digits. */
export function num(n: number): string {
  return n.toLocaleString(lang === 'ar' ? 'ar-EG' : 'en-US');
}
