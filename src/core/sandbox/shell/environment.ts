/**
 * Shell variables and the environment: `X=1` alone makes a shell variable that child processes do
 * not see until `export X` (so `printenv X` prints nothing, as in bash); a variable that was
 * exported stays exported when assigned again.
 */
import type { ShellState } from '../commands/types.ts';

export function assign(shell: ShellState, name: string, value: string): void {
  if (!shell.env.has(name) || shell.unexported?.has(name))
    (shell.unexported ??= new Set()).add(name);
  shell.env.set(name, value);
}

export function exportName(shell: ShellState, name: string, value?: string): void {
  if (value !== undefined) shell.env.set(name, value);
  shell.unexported?.delete(name);
}

/** What a command started from this shell gets as its environment, in the order bash passes it. */
export function exportedEnv(shell: ShellState): Map<string, string> {
  return new Map([...shell.env].filter(([name]) => !shell.unexported?.has(name)));
}
