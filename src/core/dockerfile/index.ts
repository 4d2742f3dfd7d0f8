/**
 * Dockerfile analysis for the course: `analyse(text)` lists what is wrong or worth knowing, each
 * finding with its line and a hint; `describe(text)` summarises the final image for the checkers.
 * Every finding id, its severity and when it fires: README.md in this folder (kept in step with
 * finding.ts by tests/unit/dockerfile/ids.test.ts). Pure: no I/O, no clock, never throws.
 */
import type { Finding } from '../docker/index.ts';
import { CHECKED_ON, isIsoDate } from './python-releases.ts';
import { readText } from './read.ts';
import { baseImageRule } from './rules/base-image.ts';
import { buildContextRule } from './rules/build-context.ts';
import { commandFormRule } from './rules/command-form.ts';
import type { Rule } from './rules/context.ts';
import { layerOrderRule } from './rules/layer-order.ts';
import { pipRule } from './rules/pip.ts';
import { serverRule } from './rules/server.ts';
import { structureRule } from './rules/structure.ts';
import { workdirRule } from './rules/workdir.ts';
import type { AnalyseOptions } from './types.ts';

export { describe } from './describe.ts';
export { SEVERITY, type FindingId } from './finding.ts';
export { MAX_CHARS } from './recognise.ts';
// What the simulator's builder and processes read the way the analysis does (one reading each).
export { readDockerfile, type Model, type Stage, type Step } from './model.ts';
export { isIgnored, readDockerignore, type IgnorePattern } from './dockerignore.ts';
export { configForm } from './start-command.ts';
export { exposeWords, readExposeWord, type PortRange } from './exposed-ports.ts';
export {
  invalidPort,
  listenWords,
  programName,
  readPort,
  readServerOptions,
  serverProgram,
  type ServerOptions,
} from './server-options.ts';
export type {
  AnalyseOptions,
  CopySummary,
  DockerfileSummary,
  Finding,
  RunSummary,
  ServerKind,
} from './types.ts';

/** In lesson order: what the file is, the base image, where files go, the cache, then how the container starts. */
const RULES: readonly Rule[] = [
  structureRule,
  baseImageRule,
  workdirRule,
  layerOrderRule,
  pipRule,
  buildContextRule,
  commandFormRule,
  serverRule,
];

export function analyse(text: string, options?: AnalyseOptions | null): Finding[] {
  const read = readText(text);
  if (read.stop) return [read.stop];
  const context = {
    model: read.model,
    dockerignore: options?.dockerignore,
    today: isIsoDate(options?.today) ? options.today : CHECKED_ON,
  };
  // Stable sort: findings on one line keep the rules' order.
  return RULES.flatMap((rule) => rule(context)).sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}
