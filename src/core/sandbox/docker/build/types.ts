/** What a simulated build produces: BuildKit's vertices, then an image or an error. */
import type { Image } from '../images.ts';

export interface Vertex {
  /** as BuildKit names it: `[internal] load build context`, `[3/5] COPY ./requirements.txt /demo/requirements.txt` */
  name: string;
  status: 'done' | 'cached' | 'error' | 'canceled';
  /** simulated duration in seconds */
  seconds: number;
  /** sub-status rows: `transferring context: 259B`, `writing image sha256:…` */
  subs: { text: string; seconds: number }[];
  /** a RUN step's output: seconds since the step started, and the line */
  logs: { at: number; text: string }[];
  error: string | null;
}

export interface BuildFailure {
  /** the text after `ERROR: failed to build: failed to solve: ` */
  message: string;
  /** the failed vertex, for the `------ > name:` block */
  vertex: Vertex | null;
  /** 1-based line of the failing instruction, for the Dockerfile excerpt */
  line: number | null;
}

export interface BuildOutcome {
  vertices: Vertex[];
  image: Image | null;
  failure: BuildFailure | null;
  /** the Dockerfile, for the error excerpt */
  dockerfileName: string;
  dockerfileLines: string[];
  /** build-check warnings in BuildKit's short form */
  warnings: string[];
}

export const vertex = (name: string, status: Vertex['status'], seconds = 0): Vertex => ({
  name,
  status,
  seconds,
  subs: [],
  logs: [],
  error: null,
});
