// The knowledge-base entry: one place, organisation, person or named event/group.
//
// Shared by every KB file (places and organisations built by scripts/kb/, people in
// data/kb/people/). Names are stored as written (with hamza, ة …); the loader indexes their
// normalised forms (src/text/normalize.ts) so that lookups are spelling-tolerant.

export type KbType = 'PER' | 'LOC' | 'ORG' | 'MISC';

/** A position held by a person (people entries only). Dates are ISO (YYYY, YYYY-MM or YYYY-MM-DD). */
export interface KbOffice {
  role: string;
  country?: string;
  org?: string;
  start: string;
  end: string | null;
}

export interface KbEntry {
  /**
   * Stable id: "iso:RU" countries/territories, "iso2:RU-ORE" subdivisions, "gn:524901" GeoNames
   * places, "org:csto", "per:vladimir-putin", "loc:central-asia", "misc:spief" …
   */
  id: string;
  type: KbType;
  /**
   * GPE (countries, states), CITY, REGION, FAC; ORG subtypes: INTL, GOV, MIL, PARTY, ARMED_GROUP,
   * MEDIA, COMPANY, SPORT, EDU, RELIGIOUS, FIN; MISC: EVENT, NORP.
   */
  subtype: string | null;
  /** Canonical English name. */
  en: string;
  /** Canonical Arabic name. */
  ar: string;
  /** Arabic variants: with/without ال, regional spellings, acronyms (ناتو، الناتو، حلف شمال الأطلسي). */
  aliases_ar?: string[];
  /** English variants and acronyms (NATO). */
  aliases_en?: string[];
  /** Nisba (demonym/adjective) forms for countries and places: روسي روسية الروسي الروس … */
  adjectives_ar?: string[];
  iso2?: string;
  iso3?: string;
  /** ISO 3166-1 alpha-2 of the containing country. */
  country?: string;
  geonames?: number;
  /** Only where a source in the repo states it; never guessed. */
  wikidata?: string | null;
  /** For metonyms: the id of the entity this one stands for (الكرملين → iso:RU). */
  standsFor?: string;
  /** For disambiguation between homonymous places. */
  population?: number;
  /**
   * A minor place (a small town or a subdivision no curated list names as a news place): its
   * one-word names are matched only after a place cue (مدينة، بلدة، محافظة …), because such names
   * are often ordinary words (كان, وان, صباح …). Set by scripts/kb/build.mjs.
   */
  minor?: boolean;
  /** People: positions held. */
  offices?: KbOffice[];
}
