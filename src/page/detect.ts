/** True when a decoded input is an HTML page rather than scraped text. */
export function looksLikeHtml(s: string): boolean {
  const head = s.slice(0, 4096).trimStart().toLowerCase();
  return /^(<!doctype html|<html|<\?xml[^>]*>\s*<html)/.test(head) || /<(head|body|article|div|p)[\s>]/.test(head);
}
