// Migration 1: the corpus schema. Both dialects hold the same tables and columns; they differ only
// in types (INTEGER/BIGSERIAL, BLOB/BYTEA, REAL/DOUBLE PRECISION) and in the full-text index:
// a contentless FTS5 table in SQLite, a tsvector column of search_docs with a GIN index in PostgreSQL.
// Spans are stored as start_off/end_off (UTF-16 offsets into article_content.text).
// Hot and cold data are apart: `articles` holds the small metadata that every search reads for each
// candidate; the text and the compressed analysis live in `article_content`, read only for the
// page of hits (snippets) and for getArticle/scan.
import type { Migration } from './index.js';

/** Tables whose DDL is the same in both dialects once the type names are substituted. */
function common(t: {
  seq: string;
  blob: string;
  real: string;
  big: string;
  withoutRowid: string;
  postingsTail: string;
}): string {
  return `
CREATE TABLE articles (
  seq ${t.seq},
  id TEXT NOT NULL UNIQUE,
  content_hash TEXT NOT NULL UNIQUE,
  source_id TEXT,
  url TEXT,
  outlet TEXT,
  title TEXT,
  published TEXT,
  published_day TEXT,
  -- the topics again, sorted and joined by '|': read with every search candidate for the topic facet
  topics TEXT NOT NULL,
  canonical_id TEXT NOT NULL,
  cluster_id TEXT,
  ingested_at TEXT NOT NULL
);
CREATE INDEX articles_source ON articles (source_id);
CREATE INDEX articles_day ON articles (published_day);
CREATE INDEX articles_outlet ON articles (outlet);
CREATE INDEX articles_canonical ON articles (canonical_id);
CREATE INDEX articles_cluster ON articles (cluster_id);

CREATE TABLE article_content (
  article ${t.big} PRIMARY KEY REFERENCES articles (seq),
  text TEXT NOT NULL,
  analysis ${t.blob} NOT NULL
);

-- one row per topic: what the topic filter uses
CREATE TABLE article_topics (
  article ${t.big} NOT NULL REFERENCES articles (seq),
  topic TEXT NOT NULL,
  PRIMARY KEY (article, topic)
);
CREATE INDEX article_topics_topic ON article_topics (topic, article);

CREATE TABLE entities (
  id TEXT PRIMARY KEY,
  type TEXT NOT NULL,
  subtype TEXT,
  name_ar TEXT NOT NULL,
  name_en TEXT,
  name_key TEXT,
  wikidata TEXT
);
CREATE INDEX entities_name_key ON entities (name_key);

CREATE TABLE article_entities (
  article ${t.big} NOT NULL REFERENCES articles (seq),
  entity_id TEXT NOT NULL,
  mentions INTEGER NOT NULL,
  PRIMARY KEY (article, entity_id)
);
CREATE INDEX article_entities_entity ON article_entities (entity_id, article);

CREATE TABLE mentions (
  article ${t.big} NOT NULL REFERENCES articles (seq),
  idx INTEGER NOT NULL,
  entity_id TEXT,
  kb_id TEXT,
  type TEXT NOT NULL,
  subtype TEXT,
  source TEXT NOT NULL,
  start_off INTEGER NOT NULL,
  end_off INTEGER NOT NULL,
  text TEXT NOT NULL,
  sentence INTEGER NOT NULL,
  PRIMARY KEY (article, idx)
);
CREATE INDEX mentions_entity ON mentions (entity_id);

CREATE TABLE quotes (
  article ${t.big} NOT NULL REFERENCES articles (seq),
  idx INTEGER NOT NULL,
  text TEXT NOT NULL,
  kind TEXT NOT NULL,
  speaker TEXT,
  speaker_text TEXT,
  speaker_key TEXT,
  cue TEXT,
  start_off INTEGER NOT NULL,
  end_off INTEGER NOT NULL,
  sentence INTEGER NOT NULL,
  PRIMARY KEY (article, idx)
);
CREATE INDEX quotes_speaker ON quotes (speaker);
CREATE INDEX quotes_speaker_key ON quotes (speaker_key);

CREATE TABLE times (
  article ${t.big} NOT NULL REFERENCES articles (seq),
  idx INTEGER NOT NULL,
  text TEXT NOT NULL,
  type TEXT NOT NULL,
  value TEXT NOT NULL,
  mod TEXT,
  anchor TEXT,
  start_off INTEGER NOT NULL,
  end_off INTEGER NOT NULL,
  sentence INTEGER NOT NULL,
  PRIMARY KEY (article, idx)
);

CREATE TABLE events (
  article ${t.big} NOT NULL REFERENCES articles (seq),
  idx INTEGER NOT NULL,
  type TEXT NOT NULL,
  mode TEXT,
  context TEXT NOT NULL,
  actor TEXT NOT NULL,
  recipient TEXT NOT NULL,
  date TEXT,
  day_from TEXT,
  day_to TEXT,
  location TEXT,
  negated INTEGER NOT NULL,
  factuality TEXT NOT NULL,
  cameo TEXT,
  quad_class INTEGER,
  goldstein ${t.real},
  evidence TEXT NOT NULL,
  start_off INTEGER NOT NULL,
  end_off INTEGER NOT NULL,
  trigger_text TEXT NOT NULL,
  trigger_start INTEGER NOT NULL,
  trigger_end INTEGER NOT NULL,
  sentence INTEGER NOT NULL,
  PRIMARY KEY (article, idx)
);
CREATE INDEX events_type ON events (type);
CREATE INDEX events_day ON events (day_from);

-- One row per (event, role, entity): what actor/recipient filters use.
CREATE TABLE event_roles (
  article ${t.big} NOT NULL,
  idx INTEGER NOT NULL,
  role TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  PRIMARY KEY (article, idx, role, entity_id),
  FOREIGN KEY (article, idx) REFERENCES events (article, idx)
);
CREATE INDEX event_roles_entity ON event_roles (entity_id, role);

CREATE TABLE duplicates (
  duplicate_id TEXT PRIMARY KEY REFERENCES articles (id),
  canonical_id TEXT NOT NULL REFERENCES articles (id),
  similarity ${t.real} NOT NULL,
  linked_at TEXT NOT NULL
);
CREATE INDEX duplicates_canonical ON duplicates (canonical_id);

CREATE TABLE clusters (
  id TEXT PRIMARY KEY,
  created_at TEXT NOT NULL
);

-- BM25 statistics, identical in both backends: the length of each indexed document in terms (dl),
-- the frequency of each term in each document (postings, clustered by term so that one range scan
-- gives a term's frequencies), document frequencies and corpus totals (kept by putArticles).
CREATE TABLE search_docs (
  article ${t.big} PRIMARY KEY REFERENCES articles (seq),
  dl INTEGER NOT NULL
);
CREATE TABLE term_postings (
  term TEXT NOT NULL,
  article ${t.big} NOT NULL REFERENCES articles (seq),
  tf INTEGER NOT NULL,
  PRIMARY KEY (term, article)${t.postingsTail}
)${t.withoutRowid};
CREATE TABLE term_stats (
  term TEXT PRIMARY KEY,
  df INTEGER NOT NULL
)${t.withoutRowid};
CREATE TABLE corpus_stats (
  id INTEGER PRIMARY KEY,
  docs ${t.big} NOT NULL,
  total_len ${t.big} NOT NULL
);
INSERT INTO corpus_stats (id, docs, total_len) VALUES (1, 0, 0);
`;
}

export const migration001: Migration = {
  version: 1,
  name: 'initial corpus schema and search index',
  sqlite:
    common({
      seq: 'INTEGER PRIMARY KEY',
      blob: 'BLOB',
      real: 'REAL',
      big: 'INTEGER',
      withoutRowid: ' WITHOUT ROWID',
      postingsTail: '',
    }) +
    `
-- FTS5 over the pre-analysed terms (space-joined: unicode61 only splits at the spaces), rowid =
-- articles.seq. Contentless: it answers MATCH (words, phrases, OR, NOT); the terms are not kept.
CREATE VIRTUAL TABLE search_fts USING fts5 (
  terms,
  content = '',
  tokenize = 'unicode61 remove_diacritics 0'
);
`,
  postgres:
    // INCLUDE (tf): a term's postings come from the index alone (index-only scan).
    common({
      seq: 'BIGSERIAL PRIMARY KEY',
      blob: 'BYTEA',
      real: 'DOUBLE PRECISION',
      big: 'BIGINT',
      withoutRowid: '',
      postingsTail: ' INCLUDE (tf)',
    }) +
    `
-- The lexemes are our analysed terms, written as a tsvector literal by the store ('simple' semantics:
-- PostgreSQL never parses or stems them).
ALTER TABLE search_docs ADD COLUMN tsv TSVECTOR NOT NULL;
CREATE INDEX search_docs_tsv ON search_docs USING GIN (tsv);
`,
};
