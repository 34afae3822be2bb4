// The human-readable terminal report: the article, then each layer.
import type { Analysis } from '../analysis/types.js';

export function renderReport(a: Analysis): string {
  const art = a.article;
  const lines: string[] = [];
  const h = (s: string) => lines.push('', `== ${s}`);
  lines.push(`# ${art.title ?? '(no title)'}`);
  const meta = [
    art.published && `published ${art.published} (${art.publishedSource})`,
    art.reading_minutes != null && `reading ${art.reading_minutes} min (${art.readingSource})`,
    art.dateline && `dateline ${art.dateline.place ?? '?'} / ${art.dateline.agency ?? '?'}`,
    art.topics.length > 0 && `topics ${art.topics.join(', ')}`,
  ].filter(Boolean);
  if (meta.length) lines.push(meta.join(' · '));
  for (const c of art.captions) lines.push(`[caption] ${c.text}${c.credit ? ` — ${c.credit}` : ''}`);
  for (const b of a.blocks) {
    if (b.kind === 'subheading') lines.push('', `## ${a.text.slice(b.start, b.end)}`);
    else if (b.kind === 'paragraph') lines.push('', a.text.slice(b.start, b.end));
  }
  h(`entities (${a.entities.length})`);
  for (const e of a.entities)
    lines.push(
      `${e.type}${e.subtype ? '/' + e.subtype : ''}  ${e.name.ar} — ${e.name.en ?? '?'}  [${e.id}]  ×${e.mentions.length}: ${[...new Set(e.mentions.map((m) => m.text))].join(' | ')}`,
    );
  h(`quotes (${a.quotes.length})`);
  for (const q of a.quotes) lines.push(`${q.kind}  ${q.speaker_text ?? '?'} (${q.cue ?? '-'}): «${q.text}»`);
  h(`times (${a.times.length})`);
  for (const t of a.times) lines.push(`${t.type} ${t.value}${t.mod ? ' ' + t.mod : ''}  «${t.text}»`);
  h(`amounts (${a.amounts.length})`);
  for (const m of a.amounts)
    lines.push(`${m.low === m.high ? m.low : `${m.low}–${m.high}`}${m.unit ? ' ' + m.unit : ''}${m.of ? ' ' + m.of : ''}  «${m.text}»`);
  h(`events (${a.events.length})`);
  const nameOf = (id: string) => a.entities.find((e) => e.id === id)?.name.en ?? id;
  for (const e of a.events)
    lines.push(
      `${e.date ?? '????'} ${e.type}${e.mode ? '/' + e.mode : ''}${e.negated ? ' (negated)' : ''}: ${e.actor.map(nameOf).join(', ') || '?'} → ${e.recipient.map(nameOf).join(', ') || '-'}  CAMEO ${e.cameo ?? '-'} G ${e.goldstein ?? '-'}  «${e.evidence.text}»`,
    );
  if (a.warnings.length) {
    h('warnings');
    lines.push(...a.warnings);
  }
  return lines.join('\n') + '\n';
}
