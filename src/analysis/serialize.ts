// The one serializer: an Analysis → the JSON object of CONTRACT.md.
// Extra fields (sentence indices, subtype details, factuality…) are kept; the contract's fields
// are always present with the contract's names and types.
import type { Analysis } from './types.js';

export function toContract(a: Analysis): Record<string, unknown> {
  const art = a.article;
  return {
    id: a.id,
    text: a.text,
    article: {
      title: art.title,
      subheadings: art.subheadings,
      paragraphs: art.paragraphs,
      captions: art.captions.map((c) => ({ text: c.text, credit: c.credit, start: c.start, end: c.end })),
      dateline: art.dateline ? { place: art.dateline.place, agency: art.dateline.agency } : null,
      published: art.published,
      reading_minutes: art.reading_minutes,
      language: art.language,
      topics: art.topics,
      ...(art.byline ? { byline: art.byline } : {}),
      ...(art.url ? { url: art.url } : {}),
    },
    entities: a.entities.map((e) => ({
      id: e.id,
      type: e.type,
      subtype: e.subtype,
      name: e.name,
      ...(e.enTransliterated ? { name_en_transliterated: true } : {}),
      wikidata: e.wikidata,
      ...(e.standsFor ? { stands_for: e.standsFor } : {}),
      mentions: e.mentions.map((m) => ({ start: m.start, end: m.end, text: m.text, sentence: m.sentence })),
    })),
    quotes: a.quotes.map((q) => ({
      text: q.text,
      start: q.start,
      end: q.end,
      kind: q.kind,
      speaker: q.speaker,
      speaker_text: q.speaker_text,
      cue: q.cue,
      sentence: q.sentence,
    })),
    times: a.times.map((t) => ({
      text: t.text,
      start: t.start,
      end: t.end,
      type: t.type,
      value: t.value,
      mod: t.mod,
      sentence: t.sentence,
    })),
    amounts: a.amounts.map((m) => ({
      text: m.text,
      start: m.start,
      end: m.end,
      low: m.low,
      high: m.high,
      unit: m.unit,
      of: m.of,
      sentence: m.sentence,
    })),
    events: a.events.map((e) => ({
      type: e.type,
      mode: e.mode,
      context: e.context,
      actor: e.actor,
      recipient: e.recipient,
      date: e.date,
      location: e.location,
      negated: e.negated,
      factuality: e.factuality,
      cameo: e.cameo,
      quad_class: e.quad_class,
      goldstein: e.goldstein,
      evidence: e.evidence,
      trigger: e.trigger,
      sentence: e.sentence,
    })),
    ...(a.warnings.length ? { warnings: a.warnings } : {}),
  };
}
