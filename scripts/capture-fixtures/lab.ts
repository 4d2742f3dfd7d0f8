/**
 * Helpers to capture real Docker/curl output from the engine on this machine, with its provenance.
 * Each capture writes `<name>.txt` (the bytes as a terminal got them: stdout and stderr through one
 * pipe, or a real pseudo-terminal) and `<name>.meta.json` (command, exit code, versions).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const FIXTURES = new URL('../../tests/fixtures/docker-output/', import.meta.url).pathname;
export const SOLUTION = new URL('../../content/workspace/solution/', import.meta.url).pathname;

export interface Meta {
  command: string;
  exitCode: number | null;
  source: string;
  versions?: Record<string, string>;
  /** what was done before the command (files edited, containers started) */
  setup?: string;
  note?: string;
  driver?: string;
}

export function sh(command: string, cwd?: string): { out: string; code: number | null } {
  const r = spawnSync('bash', ['-c', `${command} 2>&1`], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  return { out: r.stdout, code: r.status };
}

let versionsCache: Record<string, string> | undefined;
export function versions(): Record<string, string> {
  versionsCache ??= {
    cli: sh("docker version --format '{{.Client.Version}}'").out.trim(),
    engine: sh("docker version --format '{{.Server.Version}}'").out.trim(),
    buildx: sh('docker buildx version').out.trim(),
    compose: sh('docker compose version --short').out.trim(),
    storageDriver: sh("docker info --format '{{.Driver}}'").out.trim(),
    curl: sh('curl --version | head -1').out.trim(),
  };
  return versionsCache;
}

export interface Capture {
  /** file name below tests/fixtures/docker-output/lab, without extension */
  name: string;
  command: string;
  cwd?: string;
  setup?: string;
  note?: string;
  /** run in a real pseudo-terminal of this many columns (40 rows) */
  ttyCols?: number;
  /** what really ran, when the command needs a driver around it (recorded in the meta) */
  driver?: string;
}

export function capture(c: Capture): string {
  const run = c.ttyCols
    ? `script -qfc ${quote(`stty cols ${c.ttyCols} rows 40; ${c.command}`)} /dev/null`
    : (c.driver ?? c.command);
  const r = sh(run, c.cwd);
  const dir = join(FIXTURES, 'lab');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${c.name}.txt`), r.out);
  const meta: Meta = {
    command: c.command,
    exitCode: c.ttyCols ? null : r.code,
    source: c.ttyCols
      ? `captured on this lab's engine in a real pseudo-terminal (script(1), ${c.ttyCols}x40)`
      : "captured on this lab's engine, stdout and stderr through one pipe",
    versions: versions(),
    ...(c.setup ? { setup: c.setup } : {}),
    ...(c.note ? { note: c.note } : {}),
    ...(c.driver ? { driver: c.driver } : {}),
  };
  writeFileSync(join(dir, `${c.name}.meta.json`), `${JSON.stringify(meta, null, 2)}\n`);
  console.log(`captured ${c.name} (exit ${r.code})`);
  return r.out;
}

export const quote = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`;

/** Wait for a condition, polling, with a deadline (no fixed sleeps). */
export function waitFor(what: string, check: () => boolean, deadlineMs = 20_000): void {
  const end = Date.now() + deadlineMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    spawnSync('sleep', ['0.1']);
  }
}
