/**
 * Helpers for the real-engine tests in tests/docker/ (engine-*, verify-*): run the docker CLI and
 * curl as a learner would, keep what they printed, and leave the shared engine as it was found.
 * Docker names used: containers `demo` and `eng-*`, images `demo-image*`; only inside the lock.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CheckFn } from '../../../src/node/engine/verify-exercises.ts';

export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout then stderr, as a terminal would have shown them to paste */
  output: string;
}

export function run(
  command: string,
  args: readonly string[],
  cwd = '/',
  env: Record<string, string> = {},
): Promise<Ran> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, NO_COLOR: '1', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += String(c)));
    child.stderr.on('data', (c) => (stderr += String(c)));
    child.on('error', (e) => resolve({ code: 127, stdout, stderr: String(e), output: String(e) }));
    child.on('close', (code) =>
      resolve({ code: code ?? 1, stdout, stderr, output: stdout + stderr }),
    );
  });
}

export const docker = (args: readonly string[], cwd?: string) => run('docker', args, cwd);

/** One line saying why the real-engine tests skip, or null when an engine answers. */
export async function engineMissing(): Promise<string | null> {
  const answer = await docker(['version', '--format', '{{.Server.APIVersion}}']);
  return answer.code === 0 && /^\d+\.\d+/.test(answer.stdout.trim())
    ? null
    : `no Docker Engine answers here (docker version: ${answer.stderr.trim().split('\n')[0] ?? answer.code})`;
}

/** Polls until `probe` is true or the deadline passes; never a fixed sleep. */
export async function waitFor(
  probe: () => Promise<boolean>,
  what: string,
  deadlineMs = 30_000,
): Promise<void> {
  const end = Date.now() + deadlineMs;
  while (!(await probe())) {
    if (Date.now() > end) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setImmediate(r));
  }
}

export const SOLUTION = new URL('../../../content/workspace/solution/', import.meta.url).pathname;
const VARIANTS = new URL('../../../content/workspace/variants/', import.meta.url).pathname;

/** `course`, or one of the lessons' own variants in content/workspace/variants/ (loopback, wrong-order …). */
export type Variant = 'course' | 'loopback' | 'wrong-order';

/**
 * A copy of the course's solution in a temp folder, with a lesson's variant laid over it.
 * requirements.txt gets a comment of its own, so this run's first build cannot reuse
 * build-cache records that other builds on the shared engine left.
 */
export function project(variant: Variant): string {
  const dir = mkdtempSync(join(tmpdir(), `lw-${variant}-`));
  cpSync(SOLUTION, dir, { recursive: true });
  if (variant !== 'course') cpSync(join(VARIANTS, variant), dir, { recursive: true });
  const requirements = join(dir, 'requirements.txt');
  writeFileSync(requirements, `${readFileSync(requirements, 'utf8')}# layerwise test run ${dir}\n`);
  return dir;
}

/** The learner's edit between the two builds: the lesson's changed app/main.py. */
export function changeMessage(dir: string): void {
  cpSync(join(VARIANTS, 'changed-main'), dir, { recursive: true });
}

/** The course's containers and images, gone; other engineers' things untouched. */
export async function cleanCourseState(createdImages: Set<string>): Promise<void> {
  const containers = await docker([
    'ps',
    '-aq',
    '--filter',
    'name=^/demo$',
    '--filter',
    'name=^/eng-',
  ]);
  const ids = containers.stdout.split('\n').filter(Boolean);
  // `--filter name` ORs its values, so the list is demo plus every eng-* container.
  if (ids.length) await docker(['rm', '-f', ...ids]);
  const tagged = await docker([
    'images',
    '--format',
    '{{.Repository}}:{{.Tag}}',
    '--filter',
    'reference=demo-image*',
  ]);
  const refs = [...tagged.stdout.split('\n').filter(Boolean), ...createdImages];
  if (refs.length) await docker(['rmi', '-f', ...refs]);
  createdImages.clear();
}

/** Writes a run's real outputs where LAYERWISE_SAVE_RUNS points (tests/fixtures/engine/course-runs to refresh the kept ones). */
export function keepOutputs(scenario: string, outputs: Record<string, string>): void {
  const base = process.env['LAYERWISE_SAVE_RUNS'];
  if (!base) return;
  const dir = join(base, scenario);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(outputs)) writeFileSync(join(dir, `${name}.txt`), text);
}

/** The course's check(), or null while src/core/checkers cannot load yet (the tests then judge the snapshot alone). */
export async function courseCheck(): Promise<CheckFn | null> {
  try {
    return (await import('../../../src/core/checkers/index.ts')).check;
  } catch (error) {
    console.warn(
      `check() is not loadable yet, so verdicts are not compared: ${(error as Error).message.split('\n')[0]}`,
    );
    return null;
  }
}
