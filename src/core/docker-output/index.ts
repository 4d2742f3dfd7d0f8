/** Reads real Docker, container and curl output as a learner pastes it. Pure: no I/O, never throws. */
export { parse, parseDetailed } from './parse.ts';
export { explain } from './explain.ts';
export { describePart } from './describe.ts';
export { classifyRunError } from './run-error.ts';
export * from './diagnose.ts';
export type { Marks, Note, Parsed, PartOf } from './parsed.ts';
export type * from './types.ts';
