/**
 * The learner's bash prompt, in one place: the terminal draws it (terminal.ts), and the workspace
 * draws the same one in its first moments, before the simulator's code has arrived
 * (src/islands/workspace/start-workspace.ts, through ../early-terminal.ts). Pure and small.
 */
import { tildify } from '../../text/index.ts';
import { MACHINE_NAME } from '../host/machine-name.ts';

export const LEARNER_HOME = '/home/learner';
/** the project's folder, where a terminal starts unless the lesson has the learner make it */
export const PROJECT_DIR = `${LEARNER_HOME}/demo`;

export function bashPrompt(shell: { cwd: string; home: string; venv: string | null }): string {
  const venv = shell.venv ? `(${shell.venv.slice(shell.venv.lastIndexOf('/') + 1)}) ` : '';
  return `${venv}\x1b[1;32mlearner@${MACHINE_NAME}\x1b[0m:\x1b[1;34m${tildify(shell.cwd, shell.home)}\x1b[0m$ `;
}
