/**
 * The engine's `GET /version`, judged: which engine it is, and whether it is new enough.
 *
 * The floor is API 1.41 (Docker Engine 20.10, December 2020). Every field the snapshot reads
 * exists there, it is the oldest engine we test on (the course's lab runs 20.10), and Podman's
 * Docker-compatible API has reported 1.41 since Podman 3. Older engines are years out of support.
 */
import type { EngineSnapshot } from '../../core/evidence.ts';
import { MIN_API_VERSION, tooOld, type EngineProblem } from './problems.ts';
import type { RawVersion } from './reader.ts';

/** The newest API we ask for; a newer engine answers it too, and an older one gets its own. */
export const MAX_API_VERSION = '1.52';

export type EngineInfo = EngineSnapshot['engine'];

export function judgeVersion(
  raw: RawVersion,
): { engine: EngineInfo; apiVersion: string } | { problem: EngineProblem } {
  const apiVersion = typeof raw.ApiVersion === 'string' ? raw.ApiVersion : '';
  const version = typeof raw.Version === 'string' && raw.Version !== '' ? raw.Version : 'unknown';
  if (!/^\d+\.\d+$/.test(apiVersion) || compareApi(apiVersion, MIN_API_VERSION) < 0) {
    return { problem: tooOld(apiVersion || 'unknown', version) };
  }
  const podman =
    (raw.Components ?? []).some((c) => /podman/i.test(c?.Name ?? '')) ||
    /podman/i.test(raw.Platform?.Name ?? '');
  return {
    engine: {
      version,
      apiVersion,
      os: raw.Os ?? '',
      arch: raw.Arch ?? '',
      kind: podman ? 'podman' : 'docker',
    },
    apiVersion: compareApi(apiVersion, MAX_API_VERSION) > 0 ? MAX_API_VERSION : apiVersion,
  };
}

/** `1.9` < `1.41`: numeric per part, not string order. */
export function compareApi(a: string, b: string): number {
  const [am = 0, an = 0] = a.split('.').map(Number);
  const [bm = 0, bn = 0] = b.split('.').map(Number);
  return am - bm || an - bn;
}
