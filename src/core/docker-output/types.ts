/**
 * What `parse(text)` returns: exactly the shape of ../shared/contracts/explain.schema.json
 * (`layerwise explain --json` prints it as is). Nulls where the output does not say. Ports and
 * findings are core/docker's `Port` and `Finding`.
 */
import type { Finding, Port, LabelledStep } from '../docker/index.ts';

export type PartKind =
  'build' | 'images' | 'ps' | 'history' | 'run-error' | 'container-log' | 'curl' | 'unknown';
export type Tool = 'docker' | 'podman' | 'compose' | null;

export interface BuildStep extends LabelledStep {
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

export interface PsContainer {
  id?: string | null;
  image: string;
  command?: string | null;
  status: string;
  running: boolean;
  exitCode?: number | null;
  ports: Port[];
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

/** How the engine answered `docker version`/`docker info`, or why it did not. */
export type EngineState =
  'ok' | 'not-running' | 'permission-denied' | 'api-too-new' | 'api-too-old';

export interface EngineSide {
  /** the section's own title: "Docker Engine - Community", "Docker Desktop 4.25.2 (129061)", "Podman Engine" */
  product: string | null;
  version: string | null;
  apiVersion: string | null;
  /** the oldest API the engine still serves ("minimum version 1.24") */
  minApiVersion: string | null;
  /** OS/Arch, or docker info's Operating System */
  os: string | null;
}

/**
 * Optional `engine` field (an extension of the contract, optional as it allows): on a part of kind
 * `unknown` for an answered `docker version`/`docker info`, on a `run-error` part when no engine
 * answered.
 */
export interface EngineInfo {
  command: 'version' | 'info' | null;
  client: EngineSide | null;
  server: EngineSide | null;
  state: EngineState;
  /** Docker Desktop (macOS, Windows, Linux) rather than an engine installed on the machine */
  desktop: boolean;
  /** who answers as `docker` */
  product: 'docker' | 'podman';
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
  | (PartBase & { kind: 'run-error'; runError: RunError; engine?: EngineInfo })
  | (PartBase & { kind: 'container-log'; containerLog: ContainerLog })
  | (PartBase & { kind: 'curl'; curl: CurlResult })
  | (PartBase & { kind: 'unknown'; engine?: EngineInfo });

/** `layerwise explain --json` */
export interface Explanation {
  parts: Part[];
  findings: Finding[];
}
