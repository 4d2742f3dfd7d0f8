/**
 * The shapes every part of Layerwise agrees on (../shared/DESIGN.md, "The shapes everything agrees on").
 * A checker judges one Evidence and answers one Verdict, whatever the evidence came from.
 */
import type { Port } from './docker/index.ts';

/** One thing that happened in the in-browser terminal, in order. */
export type SandboxEvent =
  | {
      type: 'command';
      /** the line the learner typed, without the prompt */
      command: string;
      /** what the terminal printed for it (stdout and stderr interleaved, no ANSI codes) */
      output: string;
      exitCode: number;
      /** the shell's working directory when the command ran */
      cwd: string;
    }
  | {
      type: 'file';
      /** workspace path, e.g. `Dockerfile` or `app/main.py` */
      path: string;
      text: string;
    };

export interface EngineImage {
  /** full `sha256:` id */
  id: string;
  /** normalised tags, e.g. `demo-image:latest` (no `docker.io/library/`) */
  tags: string[];
  /** RFC 3339 */
  created: string;
  workingDir: string;
  cmd: string[] | null;
  entrypoint: string[] | null;
  /** e.g. `["8000/tcp"]` */
  exposedPorts: string[];
  /** `RootFS.Layers`, bottom first */
  layers: string[];
  /** `docker history` rows, newest first; `createdBy` as the Engine stores it */
  history: { createdBy: string; emptyLayer: boolean; size: number }[];
}

export interface EngineContainer {
  id: string;
  name: string;
  /** the image reference the container was created from, as given */
  image: string;
  imageId: string;
  state: 'created' | 'running' | 'paused' | 'restarting' | 'removing' | 'exited' | 'dead';
  /** e.g. `Up 3 seconds`, `Exited (127) 6 minutes ago` */
  status: string;
  exitCode: number | null;
  ports: Port[];
  command: string;
  /**
   * what `-p` asked for (HostConfig.PortBindings), even when the container never started and so
   * has no `ports`; hostIp null when not given, hostPort null for a random one. Absent: not read.
   */
  requestedPorts?: Port[];
  /** why the engine could not start it (State.Error), e.g. `… Bind for 0.0.0.0:8000 failed: port is already allocated` */
  startError?: string | null;
}

/** The result of an HTTP GET the verifier made to a published port on loopback. */
export interface HttpProbe {
  url: string;
  hostPort: number;
  containerId: string;
  ok: boolean;
  status: number | null;
  body: string | null;
  /** same words as a curl part of a paste */
  error: 'refused' | 'empty-reply' | 'reset' | 'timeout' | 'other' | null;
}

/** A read-only picture of the learner's Docker Engine, taken by src/node/engine. */
export interface EngineSnapshot {
  engine: {
    version: string;
    apiVersion: string;
    os: string;
    arch: string;
    kind: 'docker' | 'podman';
  };
  images: EngineImage[];
  containers: EngineContainer[];
  probes: HttpProbe[];
  /** what the learner asked to compare against, when they named it (`--previous TAG`) */
  previousTag: string | null;
  /** the image the learner asked about (`--image`); absent or null means the course's demo-image:latest */
  image?: string | null;
  /** why no HTTP probe was made although a port is published, e.g. the engine runs on another machine */
  probesSkipped?: string;
}

export type Evidence =
  | { source: 'paste'; text: string }
  | { source: 'sandbox'; transcript: SandboxEvent[] }
  | { source: 'engine'; snapshot: EngineSnapshot }
  | { source: 'file'; path: string; text: string };

export type EvidenceSource = Evidence['source'];

export interface Check {
  id: string;
  ok: boolean;
  message: string;
  hint?: string;
  /** 1-based line of the pasted text or file this check points at */
  line?: number;
}

export interface Verdict {
  /** unrecognized: the input is not what this exercise reads */
  status: 'pass' | 'fail' | 'unrecognized';
  /** every check, passed or not, in lesson order */
  checks: Check[];
  evidence: EvidenceSource;
}
