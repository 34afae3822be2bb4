// Thresholds for duplicate detection and story clustering, each with the reason behind it.
// Figures quoted here come from eval/dedup.mjs (ANT v2.1 identical groups, SaudiNewsNet pairs checked
// by hand); change a value only with a new run of that evaluation.

/** Words per shingle. Five-word shingles are the usual choice for near-duplicate news (Broder 1997
 *  used ten for the web; Arabic words carry clitics, so five already makes shingles rare). */
export const SHINGLE_WORDS = 5;

/** MinHash permutations. The standard error of the Jaccard estimate is √(J(1−J)/K): ±0.04 at J = 0.8. */
export const MINHASH_PERMUTATIONS = 100;
/** LSH banding: 20 bands of 5 rows. A pair becomes a candidate with probability 1 − (1 − J⁵)²⁰:
 *  0.9996 at J = 0.8, 0.80 at J = 0.6, 0.47 at J = 0.5: nothing at the threshold is missed, and the
 *  verification below throws the rest away. */
export const LSH_BANDS = 20;
export const LSH_ROWS = 5;

/** Estimated Jaccard similarity of the shingle sets at or above which two articles are the same
 *  text republished (wire copy across outlets, a corrected or lightly edited version). One changed
 *  word in 300 removes ~5 of 300 shingles (J ≈ 0.97); a new lead paragraph plus a dropped closing one
 *  on a 300-word story leaves J ≈ 0.7–0.8. Below 0.8 the pairs hand-checked on SaudiNewsNet were more
 *  often distinct articles on the same story (they belong to a story cluster, not a duplicate group). */
export const NEAR_DUPLICATE_JACCARD = 0.8;

/** Estimated containment (shared shingles over the shorter article's shingles) at or above which a
 *  shorter article that is a cut of a longer one (the wire story without its last paragraphs) is a
 *  duplicate too, provided it keeps at least CONTAINED_MIN_SHARE of the longer one's length. */
export const NEAR_DUPLICATE_CONTAINMENT = 0.9;
export const CONTAINED_MIN_SHARE = 0.5;

/** Articles with fewer words than this are matched only exactly: on a handful of shingles the
 *  Jaccard estimate says little (two 10-word briefs differing by one word share 1 of 11 shingles). */
export const NEAR_DUPLICATE_MIN_WORDS = 25;
/** Between IDENTICAL_BODY_MIN_WORDS and NEAR_DUPLICATE_MIN_WORDS words, only identical bodies (every
 *  MinHash value equal) link, whatever the titles: a short video caption republished under a new
 *  headline. Shorter bodies are too often boilerplate (a disclaimer or copyright line scraped in
 *  place of the article: «جميع المقالات المنشورة تمثل رأي كتابها فقط») shared by different articles. */
export const IDENTICAL_BODY_MIN_WORDS = 15;

/** A story cluster holds articles whose publication times all lie within this window. */
export const CLUSTER_WINDOW_DAYS = 3;

/** Cosine similarity between an article's vector and a cluster centroid at or above which the article
 *  joins the cluster (leader clustering). Tuned on SaudiNewsNet by reading clusters (see
 *  eval/dedup.mjs): lower values merged unrelated articles that share a place and a ministry. */
export const CLUSTER_SIMILARITY = 0.35;

/** Features (terms and entities) kept in an article vector, by TF-IDF weight. */
export const ARTICLE_FEATURES = 40;
/** Features kept in a cluster centroid. */
export const CENTROID_FEATURES = 60;
/** Of those, how many are put in the inverted index that finds candidate clusters. */
export const CENTROID_INDEX_FEATURES = 25;
/** An article looks up candidate clusters by its strongest features. */
export const QUERY_FEATURES = 12;
/** Candidate clusters scored per article (the ones sharing most query features). */
export const MAX_CANDIDATE_CLUSTERS = 200;
/** Weight of an entity feature relative to a word with the same TF-IDF: two articles naming the
 *  same people and places are more likely on one story than two sharing words. */
export const ENTITY_WEIGHT = 1.5;
/** Title words count this many times: the headline states the event. */
export const TITLE_WORD_WEIGHT = 2;
/** Words shorter than this (in letters) are not features (particles, pronouns). */
export const MIN_TERM_LETTERS = 3;
