/**
 * The learner's machine as the sandbox models it: one file system, the TCP ports, the Docker
 * Engine, the Python environments, the processes started from the shell, and the events the UI
 * listens to. Every terminal of a sandbox shares one Host.
 */
import type { Clock, Rng } from './clock.ts';
import type { Vfs } from './vfs.ts';
import type { Network } from './network.ts';
import type { DockerEngine } from '../docker/engine.ts';
import type { RunningApp } from '../app/server.ts';
import type { PythonProcesses } from '../python/python-host.ts';

import type { YamlLoader } from '../docker/compose/yaml-parser.ts';

export interface HostProcess {
  pid: number;
  command: string;
  app: RunningApp;
  stop(): void;
}

export interface Host {
  fs: Vfs;
  clock: Clock;
  rng: Rng;
  /** `/home/learner` */
  home: string;
  /** the project directory, `/home/learner/demo` */
  workspace: string;
  network: Network;
  engine: DockerEngine;
  /** installed Python distributions per environment: a venv's path, or `system` */
  python: Map<string, Set<string>>;
  processes: HostProcess[];
  /** CPython for every process on the machine (the laptop's and the containers') */
  runtime: PythonProcesses;
  nextPid(): number;
  /** reads Compose files; absent where the sandbox was made without one */
  yaml?: YamlLoader;
  /** waits `ms` of real time (the browser's setTimeout); absent where nothing may wait (tests, scripts) */
  wait?: (ms: number) => Promise<void>;
  /** the UI's hooks: `edit FILE`, `clear` */
  events: { openFile(path: string): void; clear(): void };
}
