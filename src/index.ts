export { analyze, STAGES } from './analyze.js';
export { toContract } from './analysis/serialize.js';
export { InputError } from './analysis/errors.js';
export type * from './analysis/types.js';
export type { InputRecord } from './analysis/input.js';
