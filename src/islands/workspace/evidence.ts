/**
 * The workspace as evidence for the exercise panel. The transcript records editor saves as file
 * events, but not a file the learner wrote with the shell (`cat > Dockerfile <<EOF`) or one they
 * never touched; checkers read the latest file event, so the files' current text is added at the end.
 */
import type { SandboxEvent } from '../../core/evidence.ts';
import { offerEvidence } from '../exercise-panel.ts';
import { currentFiles, type BackendFiles } from './backend.ts';

/** The transcript, then a file event for each current file whose text it does not end with. */
export function withCurrentFiles(
  transcript: readonly SandboxEvent[],
  files: Readonly<Record<string, string>>,
): SandboxEvent[] {
  const latest = new Map<string, string>();
  for (const e of transcript) if (e.type === 'file') latest.set(e.path, e.text);
  const current = Object.entries(files)
    .filter(([path, text]) => latest.get(path) !== text)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([path, text]): SandboxEvent => ({ type: 'file', path, text }));
  return [...transcript, ...current];
}

/** Lets every exercise panel on the page check what happened in this workspace. */
export function offerWorkspaceEvidence(
  source: () => { transcript: readonly SandboxEvent[]; files: BackendFiles },
  beforeRead: () => void,
): void {
  offerEvidence('sandbox', {
    label: 'Check from the terminal',
    get: async () => {
      beforeRead();
      const { transcript, files } = source();
      return {
        evidence: {
          source: 'sandbox',
          transcript: withCurrentFiles(transcript, currentFiles(files)),
        },
      };
    },
  });
}
