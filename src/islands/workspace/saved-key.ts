/**
 * Where a lesson's workspace is saved (saved-store.ts). In its own module, because the workspace's
 * first moments (start-workspace.ts) look for it too, before the simulator's chunk has arrived.
 */
import { KEYS, siteKey } from '../lib/storage.ts';

export function savedWorkspaceKey(lesson: string | null): string {
  return siteKey(`${KEYS.savedWorkspace}:${lesson ?? 'practice'}`);
}
