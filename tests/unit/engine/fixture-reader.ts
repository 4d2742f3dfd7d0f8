/** An EngineReader that answers from the real engine's captured answers in tests/fixtures/engine/. */
import { readFileSync } from 'node:fs';
import type {
  EngineReader,
  RawContainer,
  RawContainerSummary,
  RawHistoryRow,
  RawImage,
} from '../../../src/node/engine/reader.ts';
import { normaliseTags } from '../../../src/node/engine/normalise.ts';

export function fixture<T>(name: string): T {
  return JSON.parse(
    readFileSync(new URL(`../../fixtures/engine/${name}`, import.meta.url), 'utf8'),
  ) as T;
}

export const IMAGES = {
  current: { inspect: 'image-inspect.json', history: 'image-history.json' },
  previous: { inspect: 'previous-inspect.json', history: 'previous-history.json' },
  legacy: { inspect: 'legacy-inspect.json', history: 'legacy-history.json' },
} as const;

/** The captures: Docker Engine 20.10 (the folder itself), Podman 4.3 (podman/, no legacy build, one created container). */
export type Capture = 'docker' | 'podman';
const CONTAINER_INSPECTS: Record<Capture, string[]> = {
  docker: [
    'container-inspect-running.json',
    'container-inspect-created.json',
    'container-inspect-exited.json',
  ],
  podman: ['container-inspect-created.json'],
};

export interface FixtureEngine {
  capture?: Capture;
  /** which captured images the engine holds */
  images?: (keyof typeof IMAGES)[];
  /** containers.json (Docker: demo running, eng-second created), containers-stopped.json (Docker), or none */
  containers?: 'containers.json' | 'containers-stopped.json' | 'none';
  /** change an image's answer, e.g. to drop the fields Docker 29 leaves out */
  editImage?: (raw: RawImage) => RawImage;
}

export interface RecordingReader extends EngineReader {
  calls: string[];
}

export function fixtureReader({
  capture = 'docker',
  images = ['current', 'previous'],
  containers = 'containers.json',
  editImage = (r) => r,
}: FixtureEngine = {}): RecordingReader {
  const at = (name: string) => (capture === 'podman' ? `podman/${name}` : name);
  const held = images.map((key) => ({
    raw: editImage(fixture<RawImage>(at(IMAGES[key].inspect))),
    history: fixture<RawHistoryRow[]>(at(IMAGES[key].history)),
  }));
  const inspects = CONTAINER_INSPECTS[capture].map((f) =>
    fixture<RawContainer & { Id: string; State: { Status: string } }>(at(f)),
  );
  const summaries = containers === 'none' ? [] : fixture<RawContainerSummary[]>(at(containers));
  const calls: string[] = [];
  const find = (ref: string) =>
    held.find(
      (i) =>
        i.raw.Id === ref ||
        normaliseTags(i.raw.RepoTags).includes(ref) ||
        i.raw.Id?.startsWith(`sha256:${ref}`),
    );
  return {
    calls,
    version: async () => (calls.push('version'), fixture(at('version.json'))),
    listImages: async () => {
      calls.push('listImages');
      const ids = new Set(held.map((i) => i.raw.Id));
      return fixture<{ Id: string }[]>(at('images.json')).filter((s) => ids.has(s.Id));
    },
    inspectImage: async (ref) => (calls.push(`inspectImage ${ref}`), find(ref)?.raw ?? null),
    imageHistory: async (id) => (calls.push(`imageHistory ${id}`), find(id)?.history ?? []),
    listContainers: async () => (calls.push('listContainers'), summaries),
    inspectContainer: async (id) => {
      calls.push(`inspectContainer ${id}`);
      const state = summaries.find((s) => s.Id === id)?.State;
      return inspects.find((c) => c.Id === id && c.State.Status === state) ?? null;
    },
  };
}
