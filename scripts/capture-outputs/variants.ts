/**
 * Captures on the other engines (lab.ts LabMode) against the reference ones: a session whose text a
 * learner would read the same way is only recorded as checked; one that differs is saved under
 * content/outputs/<mode>/ for its lesson to show beside the reference, labelled.
 */
import { existsSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { stepsOf, type LabMode } from './lab.ts';
import {
  fingerprint,
  isPublic,
  OUTPUTS,
  stableText,
  type CapturedOutput,
  type Manifest,
} from './outputs.ts';
import { SCENARIOS } from './scenarios/index.ts';

export type OtherMode = Exclude<LabMode, 'classic'>;

/** Records what `file` (a reference output's name) printed on `mode`; returns the file it saved, if any. */
export function recordVariant(
  manifest: Manifest,
  mode: OtherMode,
  file: string,
  text: string,
  entry: CapturedOutput,
): string | null {
  const reference = manifest.outputs[file];
  if (!reference || isPublic(reference) || reference.lab)
    throw new Error(`${file}: capture it on the reference lab (Engine 28.5, classic store) first`);
  const referenceText = readFileSync(join(OUTPUTS, file), 'utf8');
  const key = `${mode}/${file}`;
  const comparedWith = fingerprint(referenceText);
  reference.variants ??= {};
  if (stableText(text) === stableText(referenceText)) {
    reference.variants[mode] = {
      comparedWith,
      capturedAt: entry.capturedAt,
      same: true,
      versions: entry.versions,
    };
    rmSync(join(OUTPUTS, key), { force: true });
    delete manifest.outputs[key];
    return null;
  }
  mkdirSync(dirname(join(OUTPUTS, key)), { recursive: true });
  writeFileSync(join(OUTPUTS, key), text);
  manifest.outputs[key] = { ...entry, lab: mode };
  reference.variants[mode] = { comparedWith, capturedAt: entry.capturedAt, file: key };
  return key;
}

/** A full run on `mode` owns that mode's files: drop the ones it no longer made. */
export function dropStaleVariants(manifest: Manifest, mode: OtherMode, written: Set<string>) {
  for (const [file, o] of Object.entries(manifest.outputs)) {
    if (isPublic(o) || o.lab !== mode || written.has(file)) continue;
    rmSync(join(OUTPUTS, file), { force: true });
    delete manifest.outputs[file];
  }
}

/**
 * Captures on another engine that differ from the reference but that the lessons do not show, each with
 * why: a difference a learner would not stop at (issue 11 asks for the outputs a learner will meet
 * that say something else, not for every byte). The capture stays in content/outputs/<mode>/ as the
 * evidence; every other differing capture must be shown, labelled, beside its reference.
 */
export const NOT_SHOWN: Record<OtherMode, Record<string, string>> = {
  containerd: {},
  'engine-20': {
    'build-reverted.txt':
      'every step says `Using cache`: the legacy wording the cached rebuild beside it already shows',
    'build-wrong-order.txt':
      "the legacy builder's wording, shown beside the first build and the rebuild; as with BuildKit only step 2 comes from the cache",
    'docker-version-no-engine.txt':
      "only the client's version lines differ; the error line is the same",
    'docker-version-permission-denied.txt':
      "only the client's version lines and the API version in the URL differ; the error is the same",
    'dev-system-df.txt':
      'its figures depend on what each engine holds; the difference the lesson draws (no build cache) is said beside the prune and checked by a claim',
    'run-port-8080.txt': "only the IPv6 row's spelling (`:::8080`) differs, which lesson 7 shows",
    'trouble-port-allocated.txt':
      'the same words to look for; the lesson says older engines leave out the prefix; IPv6 rows as in lesson 7',
    'trouble-port-allocated-fix.txt': "only the IPv6 rows' spelling differs, which lesson 7 shows",
    'trouble-reset.txt': "only the IPv6 row's spelling differs, which lesson 7 shows",
  },
};

export const shownBesideReference = (file: string, mode: OtherMode) =>
  !(file.slice(mode.length + 1) in NOT_SHOWN[mode]);

/** Whether the session that makes `file` runs on `mode` at all (a step may run only on some engines). */
export function capturedOn(manifest: Manifest, file: string, mode: OtherMode): boolean {
  const reference = manifest.outputs[file];
  if (!reference || isPublic(reference)) return false;
  const scenario = SCENARIOS.find((s) => s.name === reference.scenario);
  return (
    !!scenario &&
    stepsOf(scenario).some((s) => `${s.capture}.txt` === file && (!s.only || s.only.includes(mode)))
  );
}

/** Problems with a reference output's variant records: missing, or compared with an older text. */
export function variantProblems(manifest: Manifest, file: string, mode: OtherMode): string[] {
  const reference = manifest.outputs[file];
  if (!reference || isPublic(reference) || reference.lab) return [];
  if (!capturedOn(manifest, file, mode)) return [];
  const record = reference.variants?.[mode];
  if (!record) return [`${file}: never captured on ${mode}`];
  const now = fingerprint(readFileSync(join(OUTPUTS, file), 'utf8'));
  const problems: string[] = [];
  if (record.comparedWith !== now)
    problems.push(`${file}: recaptured since its ${mode} capture was compared with it`);
  if ('file' in record && !existsSync(join(OUTPUTS, record.file)))
    problems.push(`${file}: its ${mode} capture ${record.file} is missing`);
  return problems;
}
