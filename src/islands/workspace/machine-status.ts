/**
 * The line above the terminal that says what the machine is doing that a command cannot show:
 * Python loading for the first app start ("Starting Python (first time: about 6 MB)…"), or why it
 * could not. It is a polite status region, empty (and taking no room) once Python is ready, and
 * never part of the terminal's output, so transcripts and checkers never see it.
 */
import type { PythonStatus } from '../../core/sandbox/index.ts';

export function showMachineStatus(
  line: HTMLElement,
  source: { onStatus(listener: (status: PythonStatus) => void): () => void },
): () => void {
  return source.onStatus((status) => {
    line.dataset['state'] = status.state;
    line.textContent = status.state === 'ready' ? '' : status.message;
  });
}
