/**
 * Every gap the simulator declares, from each area's list: what the README's "not simulated"
 * table must name (tests/unit/sandbox/gaps-readme.test.ts). An area adds its list here.
 */
import type { Gap } from './not-simulated.ts';
import { SHELL_GAPS } from './shell/gaps.ts';
import { PYTHON_GAPS } from './python/gaps.ts';
import { DOCKER_GAPS } from './docker/gaps.ts';

export const ALL_GAPS: readonly Gap[] = [...SHELL_GAPS, ...DOCKER_GAPS, ...PYTHON_GAPS];
