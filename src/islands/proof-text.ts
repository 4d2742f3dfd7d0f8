/**
 * Where an exercise was proven, in the learner's words: "on your Docker" for what Docker can
 * prove (the build, the image, the container), "on your machine" for the rest (the app run without
 * Docker, the Dockerfile), "in the browser terminal" for practice in the page.
 */
import type { ExerciseProgress } from '../core/progress/index.ts';

/** An exercise Docker can prove is one the engine can judge: the panel's data-accepts lists `engine`. */
export const provenOn = (dockerProvable: boolean) =>
  dockerProvable ? 'on your Docker' : 'on your machine';

export interface Proof {
  /** passed somewhere */
  done: boolean;
  text: string;
}

export function proofOf(entry: ExerciseProgress | undefined, dockerProvable: boolean): Proof {
  if (!entry) return { done: false, text: 'Not checked yet.' };
  if (entry.mark === 'verified')
    return { done: true, text: `✓ Verified ${provenOn(dockerProvable)}` };
  if (entry.mark === 'practised')
    return {
      done: true,
      text: `✓ Practised in the browser terminal (now check it ${provenOn(dockerProvable)} too)`,
    };
  return { done: false, text: 'Checked, but not passed yet.' };
}
