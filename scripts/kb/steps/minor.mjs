// Marks minor places: generated towns and subdivisions that no curated file lists as a news
// place, that are not a capital of some size and have fewer than MAJOR_CITY_POPULATION inhabitants. Their
// one-word names are matched only after a place cue (مدينة، بلدة، محافظة …), because such names
// are very often ordinary words: كان (Cannes), وان (Van), مايو (Mayo), شان (Shan), حديثة
// (Haditha), صباح (Sabah) … (measured over news corpora, see data/kb/SOURCES.md).

/** Cities this large are famous enough to match on their own. */
export const MAJOR_CITY_POPULATION = 1_000_000;
/** Capitals smaller than this (Hamilton, Bermuda; Dili is larger) are treated like other towns. */
export const MINOR_CAPITAL_POPULATION = 50_000;

export function markMinorPlaces(entries, curatedIds) {
  let n = 0;
  for (const e of entries) {
    const generated = e.id.startsWith('gn:') || e.id.startsWith('iso2:');
    if (!generated || curatedIds.has(e.id)) continue;
    const capital = e.subtype === 'CITY' && e.standsFor && (e.population ?? 0) >= MINOR_CAPITAL_POPULATION;
    if (capital || (e.population ?? 0) >= MAJOR_CITY_POPULATION) continue;
    e.minor = true;
    n++;
  }
  return n;
}
