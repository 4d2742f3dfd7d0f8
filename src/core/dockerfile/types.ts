/** Shapes of the Dockerfile analysis: what callers pass in and what `describe` returns. */
import type { Finding } from '../docker/index.ts';

export type { Finding };

export interface AnalyseOptions {
  /**
   * The build context's `.dockerignore`: its text, `null` when it is known to be absent,
   * `undefined` when nobody knows (a pasted Dockerfile).
   */
  dockerignore?: string | null;
  /**
   * Today's date, `YYYY-MM-DD`, for end-of-life checks. Defaults to the date the Python
   * release table in python-releases.ts was last checked, so core code reads no clock.
   */
  today?: string;
}

/** Which known server the container starts, as far as the CMD says. */
export type ServerKind = 'uvicorn' | 'fastapi-run' | 'fastapi-dev';

export interface CopySummary {
  line: number;
  instruction: 'COPY' | 'ADD';
  /** as written after ARG/ENV expansion, e.g. `./app` */
  sources: string[];
  /** absolute when the working directory is known, e.g. `/demo/app` */
  dest: string;
  /** `--from` stage or image, null for the build context */
  from: string | null;
}

export interface RunSummary {
  line: number;
  form: 'exec' | 'shell';
  /** the command as the builder runs it (continuation lines joined, comment lines dropped) */
  command: string;
}

/** The final image as the Dockerfile describes it; the checkers compare it with the course's and with an image's config. */
export interface DockerfileSummary {
  /** false when the text is empty, too large or not a Dockerfile: every other field is then empty */
  recognized: boolean;
  /** the image the final stage starts from (following `FROM <stage>` back), ARGs expanded */
  baseImage: string | null;
  stages: number;
  /** the final working directory, absolute; null when no WORKDIR was set */
  workdir: string | null;
  copies: CopySummary[];
  runs: RunSummary[];
  /** what the image config's Cmd holds: exec form as written, shell form as `["/bin/sh", "-c", text]` */
  cmd: string[] | null;
  cmdForm: 'exec' | 'shell' | null;
  entrypoint: string[] | null;
  /** TCP ports from EXPOSE, in order, ranges expanded */
  exposed: number[];
  server: ServerKind | null;
  /** the address the server listens on, defaults applied (`127.0.0.1` for uvicorn without --host) */
  serverHost: string | null;
  serverPort: number | null;
  /** what the server is told to load: `app.main:app` or `app/main.py` */
  app: string | null;
}
