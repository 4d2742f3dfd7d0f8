/**
 * Captures on the other engines (lab.ts LabMode) against the reference ones: a session whose text a
 * learner would read the same way is only recorded as checked; one that differs is saved under
 * content/outputs/<mode>/ for its lesson to show beside the reference, labelled.
 */
import { existsSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { LabMode } from './lab.ts';
import {
  fingerprint,
  isPublic,
  OUTPUTS,
  stableText,
  type CapturedOutput,
  type Manifest,
} from './outputs.ts';

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

/** Problems with a reference output's variant records: missing, or compared with an older text. */
export function variantProblems(manifest: Manifest, file: string, mode: OtherMode): string[] {
  const reference = manifest.outputs[file];
  if (!reference || isPublic(reference) || reference.lab) return [];
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
