// The gazetteer matcher: KB names found in a document's tokens, longest match first.
//
// A name is matched on whole tokens; only its first token may carry proclitics (وكازاخستان,
// لروسيا, بالكرملين, للأمم المتحدة), and the mention then starts after them. Names that are also
// ordinary words are held back by policy (data/kb/curated/ambiguous.tsv): "never" names are not
// matched alone, "context" names and one-word names of minor places need a cue word of their
// kind right before them (مدينة، بلدة، حركة، نادي …) or their country right after them
// («حديثة العراقية», «حمص، سوريا»). "block" phrases (القوة القاهرة) consume their tokens and
// yield nothing. Inside a matched event or document name (MISC: «ميثاق الأمم المتحدة», «منتدى
// سانت بطرسبرغ الاقتصادي») the places and organisations it names are matched too, as nested
// mentions: they are entities of the text in their own right.
import type { Analysis, Mention, Token } from '../analysis/types.js';
import { proclitcVariants, segmentWord } from '../text/clitics.js';
import { normalizeArabic } from '../text/normalize.js';
import { buildTextLayers } from '../text/stage.js';
import type { Kb, KbEntry, KbName } from './index.js';

/** Confidence of a match on a name that needs no context. */
export const CONFIDENCE_FREE = 0.9;
/** Confidence of a match licensed by a cue word or a following country. */
export const CONFIDENCE_CUED = 0.75;
/** Confidence of a match reached through a proclitic split the clitic lexicon did not choose. */
export const CONFIDENCE_UNLIKELY_SPLIT = 0.7;

/** A way to read the first token of a candidate: the token itself or a proclitic-stripped form. */
interface StartForm {
  norm: string;
  /** Offset of the form in the token's surface text. */
  offset: number;
  likely: boolean;
}

interface Candidate {
  name: KbName;
  entry: KbEntry | null;
  form: StartForm;
  /** One past the last token of the match. */
  endToken: number;
  confidence: number;
}

const NAME_START_KINDS = new Set(['arabic', 'latin', 'number']);

/**
 * The forms of an Arabic token with its proclitics peeled off, whole word first. Forms that drop
 * the article are left out: KB names are written with their article when they have one
 * («الكرملين»), and «اليورو» is not «يورو» (Yoro). `likely` marks the reading the clitic
 * segmenter chose: the whole word only when it splits nothing off (فإن is ف + إن, not Vannes).
 */
function startForms(t: Token): StartForm[] {
  if (t.kind !== 'arabic') return [{ norm: t.norm, offset: 0, likely: true }];
  const seg = segmentWord(t.text);
  const splitsOff = seg.proclitics.length > 0 && seg.proclitics[0] !== 'ال';
  const out: StartForm[] = [];
  for (const v of proclitcVariants(t.text)) {
    if (v.offset > 0 && !v.restoredArticle) {
      const before = normalizeArabic(t.text.slice(0, v.offset));
      if (before.endsWith('ال') || before.endsWith('لل')) continue;
    }
    out.push({ norm: normalizeArabic(v.form), offset: v.offset, likely: v.likely && !(v.offset === 0 && splitsOff) });
  }
  return out;
}

/** The normalised forms a cue token may take (with or without its own proclitics: «بمدينة»). */
function tokenForms(t: Token): string[] {
  return startForms(t).map((f) => f.norm);
}

/** Finds KB names in `doc.tokens` (running the text layer first if the document has no tokens). */
export function matchGazetteer(doc: Analysis, kb: Kb): Mention[] {
  const text = doc.text ?? '';
  let tokens = doc.tokens ?? [];
  if (tokens.length === 0 && text.trim()) tokens = buildTextLayers(text).tokens;
  const norms = tokens.map((t) => t.norm ?? normalizeArabic(t.text));

  /** True when tokens i..i+words-1 (after the first) spell the name's remaining words in one sentence. */
  const restMatches = (name: KbName, i: number): boolean => {
    if (name.length === 1) return true;
    const end = i + name.length;
    if (end > tokens.length) return false;
    const sentence = tokens[i].sentence;
    let pos = name.key.indexOf(' ') + 1;
    for (let j = i + 1; j < end; j++) {
      if (tokens[j].sentence !== sentence) return false;
      const next = name.key.indexOf(' ', pos);
      const word = next < 0 ? name.key.slice(pos) : name.key.slice(pos, next);
      if (norms[j] !== word) return false;
      pos = next + 1;
    }
    return true;
  };

  const isCueWord = (key: string): boolean => kb.cues.LOC.has(key) || kb.cues.ORG.has(key) || kb.cues.MISC.has(key);

  const cueBefore = (i: number, entry: KbEntry): boolean => {
    if (i === 0 || tokens[i - 1].sentence !== tokens[i].sentence) return false;
    const cues = kb.cues[entry.type];
    return tokenForms(tokens[i - 1]).some((f) => cues.has(f));
  };

  /**
   * «حديثة العراقية», «حمص، سوريا», «حمص (سوريا)»: the entry's country right after the name. The
   * adjective must be feminine, as it is after a town (مدينة is feminine): a masculine one
   * («تورينو الإيطالي») speaks of a club or a team named after the town.
   */
  const countryAfter = (end: number, entry: KbEntry): boolean => {
    if (!entry.country || end >= tokens.length) return false;
    const countryId = `iso:${entry.country}`;
    if (norms[end].endsWith('ه') && kb.adjective(norms[end])?.id === countryId) return true;
    const sep = norms[end];
    if ((sep === ',' || sep === '(' || sep === '-') && end + 1 < tokens.length) {
      return kb.lookup(norms[end + 1]).some((e) => e.id === countryId);
    }
    return false;
  };

  /** The entry this occurrence of the name stands for, or null when its policy forbids it here. */
  const accept = (name: KbName, i: number, form: StartForm): Candidate | null => {
    const endToken = i + name.length;
    if (name.policy === 'never') return null;
    // A cue word is never a name by itself (مدينة is the cue in «وسط مدينة X», not Mdina).
    if (name.length === 1 && isCueWord(name.key)) return null;
    if (name.policy === 'block') return { name, entry: null, form, endToken, confidence: 1 };
    for (const entry of name.entries) {
      const needsCue = name.policy === 'context' || (entry.minor === true && name.length === 1);
      if (needsCue) {
        if (cueBefore(i, entry) || countryAfter(endToken, entry))
          return { name, entry, form, endToken, confidence: CONFIDENCE_CUED };
        continue;
      }
      // A split the clitic lexicon did not choose is taken only for a name that needs no context.
      return { name, entry, form, endToken, confidence: form.likely ? CONFIDENCE_FREE : CONFIDENCE_UNLIKELY_SPLIT };
    }
    return null;
  };

  /** The longest acceptable name starting at token i and ending at or before token `limit`. */
  const bestAt = (i: number, limit: number): Candidate | null => {
    const t = tokens[i];
    if (!NAME_START_KINDS.has(t.kind)) return null;
    let best: Candidate | null = null;
    const forms = t.kind === 'arabic' ? startForms(t) : [{ norm: norms[i], offset: 0, likely: true }];
    for (const form of forms) {
      for (const name of kb.startingWith(form.norm)) {
        // Names are sorted longest first: once a candidate is found, shorter ones cannot win.
        if (best && name.length <= best.name.length) break;
        if (i + name.length > limit || !restMatches(name, i)) continue;
        const c = accept(name, i, form);
        if (!c) continue;
        // A name held back by context is taken only in the segmenter's own reading of the word.
        if (!form.likely && c.confidence === CONFIDENCE_CUED) continue;
        best = c;
        break;
      }
    }
    return best;
  };

  const mentions: Mention[] = [];
  const emit = (i: number, c: Candidate & { entry: KbEntry }) => {
    const start = tokens[i].start + c.form.offset;
    const end = tokens[c.endToken - 1].end;
    mentions.push({
      text: text.slice(start, end),
      start,
      end,
      sentence: tokens[i].sentence,
      type: c.entry.type,
      subtype: c.entry.subtype,
      source: 'kb',
      kbId: c.entry.id,
      entityId: null,
      confidence: c.confidence,
    });
  };
  /** Longest-match scan of tokens [from, to); `outer` is the span of an enclosing MISC name. */
  const scan = (from: number, to: number, outer: Candidate | null) => {
    for (let i = from; i < to;) {
      let c = bestAt(i, to);
      // Inside a MISC name, the name itself is not its own nested mention: look for shorter ones.
      if (c && outer && i === from && c.endToken === to) c = bestShorterAt(i, to);
      // Nor is a shorter name of the same entry («مهرجان كان» inside «مهرجان كان السينمائي»).
      if (c && outer && c.entry === outer.entry) c = { ...c, entry: null };
      if (!c) {
        i++;
        continue;
      }
      if (c.entry) {
        emit(i, c as Candidate & { entry: KbEntry });
        if (!outer && c.entry.type === 'MISC' && c.name.length > 1) scan(i, c.endToken, c);
      }
      i = c.endToken;
    }
  };
  const bestShorterAt = (i: number, to: number): Candidate | null => (to - i > 1 ? bestAt(i, to - 1) : null);
  scan(0, tokens.length, null);
  return mentions;
}
