/** What a stage's container runs: the CMD and ENTRYPOINT in effect, as the image config stores them. */
import type { Stage, Step } from './model.ts';
import { lineage } from './stages.ts';

export interface StartCommand {
  cmd: Step | null;
  entrypoint: Step | null;
  /** Config.Cmd: exec form as written, shell form as `["/bin/sh", "-c", text]` */
  cmdConfig: string[] | null;
  entrypointConfig: string[] | null;
  /** what the container executes: ENTRYPOINT (exec form) followed by CMD, or the shell-form ENTRYPOINT alone */
  argv: string[];
}

/**
 * [LOCAL] a shell-form CMD became `["/bin/sh","-c","uvicorn app.main:app --host 0.0.0.0     --port 8000"]`
 * in the image config, and so did one that looked like JSON but was not (`CMD ['uvicorn', …]`).
 */
export function configForm(step: Step): string[] {
  return step.exec ?? ['/bin/sh', '-c', step.text];
}

export function startCommand(stage: Stage): StartCommand {
  let cmd: Step | null = null;
  let entrypoint: Step | null = null;
  for (const s of lineage(stage)) {
    let cmdSetHere = false;
    for (const step of s.steps) {
      if (step.keyword === 'CMD') [cmd, cmdSetHere] = [step, true];
      // Dockerfile reference: "If CMD is defined from the base image, setting ENTRYPOINT will reset CMD
      // to an empty value"; BuildKit keeps a CMD the same stage set (`dispatchEntrypoint`: `if !d.cmdSet`).
      if (step.keyword === 'ENTRYPOINT') [entrypoint, cmd] = [step, cmdSetHere ? cmd : null];
    }
  }
  const cmdConfig = cmd ? configForm(cmd) : null;
  const entrypointConfig = entrypoint ? configForm(entrypoint) : null;
  // Dockerfile reference: a shell-form ENTRYPOINT ignores CMD.
  const argv = entrypoint
    ? entrypoint.exec
      ? [...entrypoint.exec, ...(cmdConfig ?? [])]
      : (entrypointConfig ?? [])
    : (cmdConfig ?? []);
  return { cmd, entrypoint, cmdConfig, entrypointConfig, argv };
}
