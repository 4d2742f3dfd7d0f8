/**
 * The WebContainer chunk's entry: boot (time-limited), mount the workspace, start the shell (also
 * time-limited), or give one line saying why not. The workspace falls back to its sandbox on any
 * failure; nothing here retries on its own.
 */
import type { Sandbox } from '../../core/sandbox/index.ts';
import type { WorkspaceBackend } from '../workspace/backend.ts';
import type { ProjectFiles } from '../workspace/project-files.ts';
import { BOOT_LIMIT_MS, bootWebContainer, browserTimers } from './boot.ts';
import { withLimit, type BootState, type Outcome } from './outcome.ts';
import { createWebContainerBackend } from './webcontainer-backend.ts';

export const START_LIMIT_MS = 6_000;
export type { BootState };

export interface StartOptions {
  sandbox: Sandbox;
  files: ProjectFiles;
  size: { cols: number; rows: number };
  onState(state: BootState): void;
  bootLimitMs?: number;
}

export async function startWebContainer(options: StartOptions): Promise<Outcome<WorkspaceBackend>> {
  options.onState('booting');
  const booted = await bootWebContainer(options.bootLimitMs ?? BOOT_LIMIT_MS);
  if (!booted.ok) {
    options.onState('failed');
    return booted;
  }
  const wc = booted.value;
  const started = await withLimit(
    createWebContainerBackend(wc, options.sandbox, options.files, options.size),
    START_LIMIT_MS,
    `WebContainer started but its shell did not within ${START_LIMIT_MS / 1000} s`,
    browserTimers,
  );
  if (!started.ok) {
    wc.teardown();
    options.onState('failed');
    return started;
  }
  options.onState('ready');
  return started;
}
