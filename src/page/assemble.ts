// Draft → Analysis: lays the clean text out (blocks joined by "\n\n": title; captions with their
// credits; dateline; subheadings and paragraphs in page order), records every block's span, and
// fills the article (publication date and reading time with their sources, language).
import { newAnalysis, emptyArticle } from '../analysis/create.js';
import type { Analysis, Block, Caption } from '../analysis/types.js';
import type { Draft, Piece } from './draft.js';
import { countWords } from './fold.js';
import { estimateReadingMinutes } from './reading.js';
import { inferPublished } from './published.js';
import { scriptInfo } from './language.js';
import { RTL_ARABIC_MIN_SHARE } from './settings.js';

export interface AssembleOptions {
  id: string | null;
  input: Analysis['input'];
  /** Publication date given by the caller (already validated). */
  callerPublished: string | null;
  /** Publication date from page metadata. */
  metaPublished: string | null;
  /** Look for the date in the text (pages); bodies are taken as they come. */
  inferPublishedFromText: boolean;
  /** Reading time from page metadata (HTML). */
  metaReadingMinutes?: number | null;
  declaredLanguage?: string | null;
  /** Declared writing direction (HTML dir attribute). */
  declaredDir?: 'rtl' | 'ltr' | null;
  byline?: string | null;
  siteName?: string | null;
  url?: string | null;
  warnings?: string[];
}

export const BLOCK_SEPARATOR = '\n\n';

export function assemble(draft: Draft, opts: AssembleOptions): Analysis {
  const pieces: Piece[] = [];
  if (draft.title) pieces.push(draft.title);
  pieces.push(...draft.captions);
  if (draft.dateline) pieces.push(draft.dateline.piece);
  pieces.push(...draft.body);

  const parts: string[] = [];
  const blocks: Block[] = [];
  const captions: Caption[] = [];
  let offset = 0;
  for (const p of pieces) {
    if (parts.length) offset += BLOCK_SEPARATOR.length;
    const start = offset;
    const end = start + p.text.length;
    blocks.push({ kind: p.kind, start, end, rawStart: p.rawStart });
    if (p.kind === 'caption') {
      const captionEnd = p.captionEnd ?? p.text.length;
      captions.push({ text: p.text.slice(0, captionEnd), credit: p.credit ?? null, start, end: start + captionEnd });
    }
    parts.push(p.text);
    offset = end;
  }
  const text = parts.join(BLOCK_SEPARATOR);

  const article = emptyArticle();
  article.title = draft.title?.text ?? null;
  article.subheadings = draft.body.filter((p) => p.kind === 'subheading').map((p) => p.text);
  article.paragraphs = draft.body.filter((p) => p.kind === 'paragraph').map((p) => p.text);
  article.captions = captions;
  article.dateline = draft.dateline
    ? { place: draft.dateline.place, agency: draft.dateline.agency, raw: draft.dateline.piece.text }
    : null;
  const warnings = [...(opts.warnings ?? []), ...draft.warnings];

  // publication date: the caller, else the page metadata, else the text
  if (opts.callerPublished) {
    article.published = opts.callerPublished;
    article.publishedSource = 'caller';
  } else if (opts.metaPublished) {
    article.published = opts.metaPublished;
    article.publishedSource = 'metadata';
  } else if (opts.inferPublishedFromText) {
    const inferred = inferPublished(draft);
    if (inferred) {
      article.published = inferred.iso;
      article.publishedSource = 'text';
      if (inferred.evidence === 'caption')
        warnings.push(`publication date ${inferred.iso} taken from a photo caption, unconfirmed`);
    }
  }

  // language: the script of the text decides for Arabic-script pages; otherwise what the page declares
  const bodyText = article.paragraphs.length ? article.paragraphs.join('\n') : text;
  const script = scriptInfo(bodyText);
  // a right-to-left page without a language tag, in good part Arabic script (with Latin names,
  // figures, code), is taken for Arabic
  const rtlArabic =
    !opts.declaredLanguage && opts.declaredDir === 'rtl' && script.arabicShare >= RTL_ARABIC_MIN_SHARE ? 'ar' : null;
  article.language = script.language ?? opts.declaredLanguage ?? rtlArabic ?? 'und';
  if (script.letters > 0 && article.language !== 'ar')
    warnings.push(`no Arabic text found (language: ${article.language}): rasd's analysis layers are built for Arabic`);

  // reading time: stated, else estimated from the words of the body
  const stated = draft.statedMinutes ?? opts.metaReadingMinutes ?? null;
  if (stated !== null) {
    article.reading_minutes = stated;
    article.readingSource = 'stated';
  } else {
    const words = draft.body.reduce((n, p) => n + countWords(p.text), 0);
    if (words > 0) {
      article.reading_minutes = estimateReadingMinutes(words, article.language);
      article.readingSource = 'estimated';
    }
  }

  if (opts.byline ?? draft.byline) article.byline = opts.byline ?? draft.byline;
  if (opts.siteName) article.siteName = opts.siteName;
  if (opts.url) article.url = opts.url;
  if (article.paragraphs.length === 0) warnings.push('no article paragraphs found');

  const a = newAnalysis(opts.id, text, opts.input, article);
  a.blocks = blocks;
  a.warnings = warnings;
  return a;
}
