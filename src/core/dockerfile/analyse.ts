/**
 * `analyse(text)`: what is wrong or worth knowing in a Dockerfile, each finding with its line and a
 * hint, from the rules in lesson order. Pure: no I/O, no clock, never throws.
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
