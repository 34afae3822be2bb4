// The quotes layer: direct, partial and indirect quotes with their cue and speaker.
//
// Reads `doc.text`, `doc.entities` / `doc.mentions` (speakers are entity ids) and `doc.sentences`
// (the `sentence` index of each quote); fills `doc.quotes`. How quotes are found is described in
// extract.ts, how speakers are chosen in attribute.ts; the lexicons are in data/quotes/.
import type { Stage } from '../analysis/pipeline.js';
import { findQuotes } from './extract.js';

export { findQuotes } from './extract.js';
export { pairMarks, type MarkPair } from './marks.js';
export { loadQuoteLexicon, quoteLexicon, type QuoteLexicon, type CueForm } from './lexicon.js';

/** Pipeline stage: fills `doc.quotes`. Needs entities for speakers; without them speakers are null. */
export const quoteStage: Stage = {
  name: 'quotes',
  run(doc) {
    return { ...doc, quotes: findQuotes(doc) };
  },
};
