// The event stage: PLOVER 2.0 events with a CAMEO crosswalk, coded from Arabic triggers.
// Runs after entities, time, amounts and quotes; fills `doc.events`.
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
