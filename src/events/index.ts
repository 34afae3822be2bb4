// The event stage: PLOVER 2.0 events with a CAMEO crosswalk, coded from Arabic triggers.
// Runs after entities, time, amounts and quotes; fills `doc.events`.
//
// Reading order for a newcomer:
//   lexicon.ts   the data (data/events/: triggers, CAMEO table, closed-class words), folded and indexed
//   words.ts     sentences of words with their clitic readings (و ف ب ل ك س ال, pronoun suffixes)
//   triggers.ts  trigger matching: forms, companions («أطلق … النار»), exclusions, overlaps
//   mentions.ts  entity mentions on the words, their left context (core, preposition, genitive), groups
//   roles.ts     actor and recipient: SVO/VSO subjects, light verbs, relatives, genitives, pro-drop
//   modality.ts  quotes, negation, future / hypothetical / pluperfect cues
//   anchor.ts    date (time layer, narrative, publication) and place
//   coder.ts     the pass over the document: content of verbal events, factuality, dedupe
// Decisions: events need a named actor (precision first); quoted events are «reported»; headlines are
// not coded; a person's state is added only from the entity layer (standsFor for metonyms, actsFor for
// office holders); quad class follows the PLOVER type, Goldstein the CAMEO code (data/events/README.md).
import type { Analysis } from '../analysis/types.js';
import type { Stage } from '../analysis/pipeline.js';
import { codeEvents, DEFAULT_CODER_OPTIONS, type EventCoderOptions } from './coder.js';

export { codeEvents, type EventCoderOptions } from './coder.js';
export { eventLexicon, PLOVER_TYPES, type PloverType } from './lexicon.js';

/**
 * An event stage with the given options. The pipeline uses `eventStage`; evaluations of trigger
 * detection alone build one with `{ requireActor: false }`.
 */
export function createEventStage(options: Partial<EventCoderOptions> = {}): Stage {
  const opts: EventCoderOptions = { ...DEFAULT_CODER_OPTIONS, ...options };
  return {
    name: 'events',
    run(doc: Analysis): Analysis {
      return { ...doc, events: codeEvents(doc, opts) };
    },
  };
}

/** The pipeline's event stage: events with a named actor only. */
export const eventStage: Stage = createEventStage();
