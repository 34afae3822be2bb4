// Quoted spans that are names, titles and labels, not speech (see extract.ts for the rule set):
// «ندوات "منتدى سانت بطرسبرغ الاقتصادي"», «رفض الاعتراف بـ"لوغانسك ودونيتسك"», «"العربية.نت"»…
import { bareForm } from './fold.js';
import { mentionsIn } from './mentions.js';
import type { Cue } from './cues.js';
import { isColon, isSpeechComp, wordCount, type ParaCtx, type PQuote } from './context.js';
import { LABEL_MAX_WORDS, LABEL_MENTION_COVER } from './settings.js';

/** Longest quoted organisation name recognised by its first word (data/quotes/name-heads.txt). */
const NAME_MAX_WORDS = 4;

/** Dotted letters: «إف.سي.إيه», «U.S.». */
const ACRONYM = /^(?:\p{L}{1,4}\.)+\p{L}{1,4}\.?$/u;

/** Names, titles and labels in quotation marks (see the header). */
export function isLabel(c: ParaCtx, q: PQuote, governed: boolean, cue: Cue | null): boolean {
  const { toks } = c.par;
  const words = wordCount(c.par, q.openTok + 1, q.closeTok);
  // a name in the cue's subject or adjunct, passed over by its reach (attribute.ts)
  if (cue && cue.lastTok < q.openTok && q.closeTok < cue.gapEnd) return true;
  // after a source phrase, a quoted span names the source («وفقاً لوكالة الأنباء "بنا"»,
  // «حسب وكالة "اغربرس"»), unless a complementizer or a colon introduces it
  if (cue && (cue.kind === 'source' || cue.backward) && cue.lastTok < q.openTok && !governedAsClause(c, q)) return true;
  // an addressee right after the cue: «قال لـ"الجزيرة"»
  const p1 = toks[q.openTok - 1];
  if (cue && p1 && p1.word && p1.norm === 'ل' && cue.lastTok === q.openTok - 2) return true;
  // no real word («"و"» between badly paired marks)
  const inner = c.text.slice(q.innerStart, q.innerEnd);
  if (!/[\p{L}\p{N}]{2}/u.test(inner.replace(/[\u064B-\u065F\u0640]/g, ''))) return true;
  // content opening with a comma or a full stop: marks paired across two quotations
  if (/^[،,.؛;:]/.test(inner)) return true;
  // a web address, an acronym or a short span in Latin script: «"العربية.نت"», «"إف.سي.إيه"», «"Facebook Live"»
  if (
    words <= 3 &&
    (/\.(نت|net|com|org)(?!\p{L})/iu.test(inner) || ACRONYM.test(inner) || !/[\u0600-\u06FF]/.test(inner))
  )
    return true;
  // a short organisation name: «"حزب العدالة والتنمية"», «"فيلق الرحمن"»
  const first = toks[q.openTok + 1];
  if (words <= NAME_MAX_WORDS && first?.word && c.lex.nameHeads.has(bareForm(first.norm))) return true;
  // a short alias right after a name: «منظمة التحرير "فتح"», «شركة صناعات الخير "إنوكيم"»
  const before = toks[q.openTok - 1];
  const speechAfterSubject = cue !== null && cue.subjectEnd === q.openTok; // «وقال توكاييف "لا نريد"»
  if (
    words <= 2 &&
    !speechAfterSubject &&
    before?.word &&
    mentionsIn(c.mentions, before.start, before.end).some(
      (m) => m.end === before.end && (m.type === 'ORG' || m.type === 'PER'),
    )
  ) {
    return true;
  }
  // a short name followed by its nisba: «"توتال" الفرنسية», «"بلومبيرغ" الأميركية»
  const n1 = toks[q.closeTok + 1];
  if (words <= 2 && n1 && n1.word && /^ال.{3,}(ي|يه|يين|يون)$/.test(n1.norm) && !governedAsClause(c, q)) return true;
  // a label noun before the span («ندوات "منتدى …"», «العملية العسكرية "…"», «المعروف بـ"…"»)
  if ((!governed || words <= LABEL_MAX_WORDS) && labelNounBefore(c, q.openTok)) return true;
  // mention cover
  const len = q.innerEnd - q.innerStart;
  let covered = 0;
  for (const m of mentionsIn(c.mentions, q.innerStart, q.innerEnd)) {
    covered += Math.min(m.end, q.innerEnd) - Math.max(m.start, q.innerStart);
  }
  if (covered / len >= LABEL_MENTION_COVER) return true;
  return !governed && covered > 0;
}

/** The span follows a complementizer or a colon: it is a clause, whatever follows it. */
export function governedAsClause(c: ParaCtx, q: PQuote): boolean {
  const prev = c.par.toks[q.openTok - 1];
  return !!prev && (isColon(prev) || isSpeechComp(c, q.openTok - 1));
}

function labelNounBefore(c: ParaCtx, openTok: number): boolean {
  const { toks } = c.par;
  let p = openTok - 1;
  if (p >= 0 && toks[p].word && ['ب', 'ل', 'ك'].includes(toks[p].norm)) p--;
  const isLabelWord = (i: number): boolean => {
    const t = toks[i];
    if (!t || !t.word || t.quote !== -1) return false;
    const bare = bareForm(t.norm);
    return c.lex.labelNouns.has(bare) || (/^[بلك]/.test(bare) && c.lex.labelNouns.has(bare.slice(1)));
  };
  if (isLabelWord(p)) return true;
  // noun + adjective: «العملية العسكرية "…"»
  return !!toks[p] && toks[p].word && toks[p].norm.startsWith('ال') && isLabelWord(p - 1);
}
