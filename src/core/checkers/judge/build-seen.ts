/**
 * A build as the build exercises judge it, whatever showed it: the output of `docker build` (a
 * paste, or the in-browser terminal) or the image it left on the learner's Docker Engine. The
 * adapters (from-reading.ts, engine/build-seen.ts) fill it; judge/build.ts and judge/rebuild.ts
 * judge it once, so both sources get the same checks in the same words.
 */

/** One step of the final stage, oldest first. */
export interface StepSeen {
  /** the instruction, e.g. `RUN pip install -r requirements.txt` */
  instruction: string;
  /** reused from the build before: output marked CACHED, or a layer the previous image shares */
  cached: boolean;
  /** how a message names it: `[4/5] RUN pip install …`, or `“RUN pip install …”` for a layer */
  name: string;
  /** how a message points at it in passing: `[4/5]`, or the quoted instruction */
  label: string;
  /** the input line that shows it, when there is one */
  line?: number | undefined;
}

export type BuildOutcome =
  | { ok: true; message: string }
  | {
      ok: false;
      message: string;
      hint: string;
      line?: number | undefined;
      /** why the checks after this one are not judged: `the build failed`, `the image is missing` */
      because: string;
    };

interface Common {
  /** the build finished (output), or its image exists (engine) */
  outcome: BuildOutcome;
  /** normalised tags, the one the learner named first */
  tags: string[];
  /** the line that names the image (`naming to …`, `Successfully tagged …`) */
  tagLine?: number | undefined;
  steps: StepSeen[];
  /** the build ran with --no-cache (known only from a typed command) */
  noCache: boolean;
}

/** What the output showed of the Dockerfile's steps (the `steps-reported` check). */
export interface StepsReported {
  /** final-stage steps the output shows, and how many came from the cache */
  shown: number;
  cached: number;
  /** the builder's step count (`[n/total]`), when it prints one */
  total: number | null;
  /** step numbers the output should show and does not */
  missing: number[];
}

export interface ImageConfig {
  workingDir: string;
  /** ENTRYPOINT then CMD */
  command: string[];
  /** e.g. `8000/tcp` */
  exposedPorts: string[];
}

export type BuildSeen =
  | (Common & { from: 'output'; reported: StepsReported })
  | (Common & {
      from: 'image';
      /** absent when the image is missing */
      config?: ImageConfig | undefined;
      /** the build compared with (`how`, a sentence); null when none was found */
      previous?: { how: string } | null | undefined;
    });
