import type { Analysis, Article } from './types.js';

export function emptyArticle(): Article {
  return {
    title: null,
    subheadings: [],
    paragraphs: [],
    captions: [],
    dateline: null,
    published: null,
    publishedSource: null,
    reading_minutes: null,
    readingSource: null,
    language: 'ar',
    topics: [],
  };
}

/** A fresh Analysis over `text` with every later layer empty. */
export function newAnalysis(id: string | null, text: string, input: Analysis['input'], article: Article): Analysis {
  return {
    id,
    text,
    input,
    article,
    blocks: [],
    tokens: [],
    sentences: [],
    mentions: [],
    entities: [],
    quotes: [],
    times: [],
    amounts: [],
    events: [],
    warnings: [],
  };
}
