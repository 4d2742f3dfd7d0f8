/**
 * The exercises a Docker Engine can prove, in course order. On its own (no engine client), so the
 * local API can check a request's exercise without loading dockerode at `npm start`.
 */
import { CATALOG } from '../../core/checkers/catalog.ts';

export const ENGINE_EXERCISES: readonly string[] = CATALOG.filter((e) =>
  e.accepts.some((source) => source === 'engine'),
).map((e) => e.id);
