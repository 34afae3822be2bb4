// HTML or scraped text? Used by the CLI for files and stdin, where the input kind is not given.

const HEAD_CHARS = 4096;
/** Tags that only HTML documents hold near their start. */
const DOCUMENT_START =
  /^(?:<!--[\s\S]*?-->\s*)*(?:<!doctype\s+html|<html[\s>]|<\?xml[^>]*>\s*(?:<!doctype\s+html|<html[\s>])|<head[\s>]|<body[\s>])/i;
const ELEMENT =
  /<\/?(?:head|body|article|section|main|div|p|span|a|br|meta|title|link|script|style|table|ul|li|h[1-6]|img)(?:\s[^<>]{0,500})?\/?>/gi;
/** A text with this many tags in its first characters is markup, even without <html>. */
const MIN_TAGS = 3;

/** True when a decoded input is an HTML page rather than scraped text. */
export function looksLikeHtml(s: string): boolean {
  const head = s
    .slice(0, HEAD_CHARS)
    .replace(/^\ufeff/, '')
    .trimStart();
  if (DOCUMENT_START.test(head)) return true;
  const tags = head.match(ELEMENT);
  return (tags?.length ?? 0) >= MIN_TAGS || (head.startsWith('<') && (tags?.length ?? 0) >= 1);
}
