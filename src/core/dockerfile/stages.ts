/**
 * Walking the model's build stages: which image a stage starts from and which steps shape it.
 * Kept apart from the parser (model.ts) so that code which only reads a model, like the
 * sandbox's image config, does not pull dockerfile-ast into its bundle.
 */
import { familiarName, readReference } from '../docker/index.ts';
import type { ImageRef, Model, Stage, Step } from './model.ts';

/**
 * `docker.io/library/python:3.13-slim@sha256:…` → name `python`, tag `3.13-slim`, digest `sha256:…`.
 * Read leniently, as the rules compare names: any case, and Docker Hub's API host as Docker Hub.
 */
export function parseImageRef(ref: string): ImageRef {
  const { tag, digest } = readReference(ref);
  const lenient = readReference(
    ref.toLowerCase().replace(/^registry-1\.docker\.io\//, 'docker.io/'),
  );
  return { ref, name: familiarName(lenient), tag, digest };
}

/** The stages the final image is built from, root first: `FROM base` … `FROM base AS final`. */
export function lineage(stage: Stage): Stage[] {
  const out: Stage[] = [];
  for (let s: Stage | null = stage; s && !out.includes(s); s = s.parent) out.unshift(s);
  return out;
}

/** The steps that shape a stage's image, its ancestors' first. */
export function effectiveSteps(stage: Stage): Step[] {
  return lineage(stage).flatMap((s) => s.steps);
}

export function rootImage(stage: Stage): ImageRef | null {
  return lineage(stage)[0]?.image ?? null;
}

export function finalStage(model: Model): Stage | null {
  return model.stages[model.stages.length - 1] ?? null;
}
