/**
 * What `parse(text)` returns: exactly the shape of ../shared/contracts/explain.schema.json
 * (`layerwise explain --json` prints it as is). Nulls where the output does not say.
 */

export type PartKind =
  'build' | 'images' | 'ps' | 'history' | 'run-error' | 'container-log' | 'curl' | 'unknown';
export type Tool = 'docker' | 'podman' | 'compose' | null;

export interface BuildStep {
  /** multi-stage name such as `build` or `stage-1`; null for a single-stage build */
  stage: string | null;
  index: number;
  total: number | null;
  /** as printed, e.g. `COPY ./requirements.txt /demo/requirements.txt` */
  instruction: string;
  cached: boolean;
  failed: boolean;
}

export type BuildErrorKind =
  | 'dockerfile-missing'
  | 'dockerfile-parse'
  | 'copy-source-missing'
  | 'run-failed'
  | 'base-image-not-found'
  | 'other';

export interface BuildError {
  kind: BuildErrorKind;
  /** the builder's own error line */
  message: string;
  exitCode?: number | null;
}

export interface BuildInfo {
  success: boolean;
  /** normalised: no `docker.io/library/`, `docker.io/` or `localhost/`; `:latest` added */
  tags: string[];
  steps: BuildStep[];
  error: BuildError | null;
}

export interface PortEntry {
  hostIp: string | null;
  hostPort: number | null;
  containerPort: number;
  protocol: 'tcp' | 'udp' | 'sctp';
}

export interface PsContainer {
  id?: string | null;
  image: string;
  command?: string | null;
  status: string;
  running: boolean;
  exitCode?: number | null;
  ports: PortEntry[];
  names: string;
}

export interface ImageRow {
  repository: string;
  tag: string;
  id: string;
  size?: string | null;
}

export interface HistoryRow {
  /** null for `<missing>` */
  id?: string | null;
  createdBy: string;
  size?: string | null;
}

export type RunErrorKind =
  | 'port-allocated'
  | 'address-in-use'
  | 'image-not-found'
  | 'exec-format'
  | 'executable-not-found'
  | 'no-such-file'
  | 'other';

export interface RunError {
  kind: RunErrorKind;
  port?: number | null;
  message: string;
}

export interface ContainerLog {
  server: 'uvicorn' | 'gunicorn' | 'fastapi' | 'other';
  listening: { host: string; port: number }[];
  errors: string[];
}

export type CurlError =
  'refused' | 'empty-reply' | 'reset' | 'timeout' | 'resolve' | 'other' | null;

export interface CurlResult {
  ok: boolean;
  /** curl's (N) code when it failed */
  exitCode: number | null;
  /** HTTP status when headers were shown */
  status: number | null;
  body: string | null;
  error: CurlError;
}

interface PartBase {
  tool: Tool;
  /** build: buildkit-plain | buildkit-tty | legacy | podman; tables: table | docker29-tree; others: text */
  format: string | null;
  /** first and last 1-based input line of this part */
  lines: [number, number];
}

export type Part =
  | (PartBase & { kind: 'build'; build: BuildInfo })
  | (PartBase & { kind: 'images'; images: { images: ImageRow[] } })
  | (PartBase & { kind: 'ps'; ps: { containers: PsContainer[] } })
  | (PartBase & { kind: 'history'; history: { layers: HistoryRow[] } })
  | (PartBase & { kind: 'run-error'; runError: RunError })
  | (PartBase & { kind: 'container-log'; containerLog: ContainerLog })
  | (PartBase & { kind: 'curl'; curl: CurlResult })
  | (PartBase & { kind: 'unknown' });

export interface Finding {
  id: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  hint?: string;
  /** 1-based line in the input */
  line?: number;
}

/** `layerwise explain --json` */
export interface Explanation {
  parts: Part[];
  findings: Finding[];
}
