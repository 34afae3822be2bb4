// Named thresholds of the quote layer, each with the reason behind it.

/**
 * Words between a cue and the complementizer (أن/إن), colon or mark it governs. A subject with a
 * title and a place or occasion («وقال توكاييف خلال اجتماعه مع بوتين في الكرملين:») fits; past
 * this, «أن» usually belongs to another clause.
 */
export const MAX_CUE_GAP_WORDS = 12;

/** Words a subject noun phrase may have after its cue («المتحدث باسم الكرملين دميتري بيسكوف»). */
export const MAX_SUBJECT_NP_WORDS = 7;

/**
 * A quote right after «أن/إن» that ends its clause counts as the speaker's full utterance
 * ('direct') from this many words; shorter ones («بأنه "تاريخي"») are fragments ('partial').
 */
export const MIN_CLAUSE_WORDS = 3;

/** An unmarked reported clause needs this many words to be reported as an indirect quote. */
export const MIN_INDIRECT_WORDS = 2;

/**
 * After a label noun (منتدى، عملية، كتاب…) a quoted span inside a speech sentence is still a
 * label up to this length; longer spans there are speech («قال إن العملية "ستستمر حتى …"»).
 */
export const LABEL_MAX_WORDS = 5;

/** A quoted span this much covered by entity mentions is a name in quotation marks, not speech. */
export const LABEL_MENTION_COVER = 0.75;

/** A sentence's subject (for later pronouns) is looked for among its first words only. */
export const SUBJECT_WINDOW_WORDS = 8;

/** A dropped subject («وقال إنه») looks back this many paragraphs for its antecedent. */
export const MAX_ANTECEDENT_PARAGRAPHS = 3;

/** Punctuation tokens allowed between a closing mark and a trailing cue («"…"، قال X»). */
export const MAX_TRAILING_PUNCT = 2;
