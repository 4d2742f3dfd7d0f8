/**
 * Dockerfile analysis for the course: `analyse(text)` lists what is wrong or worth knowing, each
 * finding with its line and a hint; `describe(text)` summarises the final image for the checkers.
 * Every finding id, its severity and when it fires: README.md in this folder (kept in step with
 * finding.ts by tests/unit/dockerfile/ids.test.ts). Pure: no I/O, no clock, never throws.
 */
// The simulator's prompt-time code reads server options from ./server-options.ts, a second entry
// that does not bring the parser with it (the bundler keeps this index's modules together).
export { analyse } from './analyse.ts';
export { describe } from './describe.ts';
export { SEVERITY, type FindingId } from './finding.ts';
export { MAX_CHARS } from './recognise.ts';
// What the simulator's builder and processes read the way the analysis does (one reading each).
export { readDockerfile, type Model, type Stage, type Step } from './model.ts';
export { isIgnored, readDockerignore, type IgnorePattern } from './dockerignore.ts';
export { configForm } from './start-command.ts';
export { exposeWords, readExposeWord, type PortRange } from './exposed-ports.ts';
export type {
  AnalyseOptions,
  CopySummary,
  DockerfileSummary,
  Finding,
  RunSummary,
  ServerKind,
} from './types.ts';
