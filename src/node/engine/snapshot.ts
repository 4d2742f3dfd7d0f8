/**
 * A read-only picture of the learner's engine, holding what the course's judges read and little
 * else: the image asked about, the builds before it, the containers made from them (and any that
 * hold the ports they want), and what an HTTP GET to their published ports returns.
 */
import { COURSE } from '../../core/checkers/index.ts';
import { imageName } from '../../core/docker/index.ts';
import type {
  EngineContainer,
  EngineImage,
  EngineSnapshot,
  HttpProbe,
} from '../../core/evidence.ts';
import type { EngineInfo } from './engine-version.ts';
import { normaliseTag, normaliseTags, toEngineContainer, toEngineImage } from './normalise.ts';
import type { EngineReader, RawContainerSummary, RawImage, RawImageSummary } from './reader.ts';

export interface SnapshotOptions {
  /** the image to check, e.g. `demo-image:latest` */
  image: string;
  /** `--previous TAG`: the build to compare with; null to look for it */
  previous: string | null;
  probe(containers: readonly EngineContainer[]): Promise<HttpProbe[]>;
  /** set when probing makes no sense (the engine is on another machine): no GET is made */
  probesSkipped?: string | undefined;
}

/** Earlier builds inspected at most, and kept at most, when looking for the previous build. */
const CANDIDATES_READ = 10;
const CANDIDATES_KEPT = 3;
const CONTAINERS_KEPT = 20;

export async function takeSnapshot(
  reader: EngineReader,
  engine: EngineInfo,
  options: SnapshotOptions,
): Promise<EngineSnapshot> {
  const imageTag = normaliseTag(options.image) ?? options.image;
  const previousTag =
    options.previous === null ? null : (normaliseTag(options.previous) ?? options.previous);
  const target = await reader.inspectImage(imageTag);
  const earlier =
    previousTag !== null
      ? [await reader.inspectImage(previousTag)].filter((i): i is RawImage => i !== null)
      : await earlierBuilds(reader, imageTag, target);
  const images = await Promise.all(
    [target, ...earlier]
      .filter((i): i is RawImage => i !== null)
      .map(async (raw) => toEngineImage(raw, await reader.imageHistory(raw.Id ?? ''))),
  );
  const containers = await relatedContainers(reader, imageTag, images);
  const snapshot: EngineSnapshot = {
    engine,
    images,
    containers,
    probes: options.probesSkipped === undefined ? await options.probe(containers) : [],
    previousTag,
    image: imageTag,
  };
  if (options.probesSkipped !== undefined) snapshot.probesSkipped = options.probesSkipped;
  return snapshot;
}

/**
 * Where the build before this one is: BuildKit and the legacy builder on the classic image store
 * leave it untagged (dangling) once the tag moves, the containerd store keeps it untagged as well;
 * a learner may also have tagged it (`demo-image:v1`). Only images on the same base layers count,
 * so unrelated projects' images stay out of the snapshot.
 */
async function earlierBuilds(
  reader: EngineReader,
  imageTag: string,
  target: RawImage | null,
): Promise<RawImage[]> {
  const repository = imageName(imageTag).repository;
  const sameRepository = (s: RawImageSummary) =>
    normaliseTags(s.RepoTags).some((t) => imageName(t).repository === repository);
  const dangling = (s: RawImageSummary) => normaliseTags(s.RepoTags).length === 0;
  const all = await reader.listImages();
  // A build before this one is older than it; a newer untagged image is someone's build in progress.
  const until = all.find((s) => s.Id === target?.Id)?.Created ?? Number.POSITIVE_INFINITY;
  const summaries = all
    .filter(
      (s) =>
        s.Id !== target?.Id &&
        (s.Created ?? 0) <= until &&
        (sameRepository(s) || (target !== null && dangling(s))),
    )
    .sort((a, b) => (b.Created ?? 0) - (a.Created ?? 0))
    .slice(0, CANDIDATES_READ);
  const base = target?.RootFS?.Layers?.[0];
  const kept: RawImage[] = [];
  for (const summary of summaries) {
    const raw = await reader.inspectImage(summary.Id ?? '');
    if (raw === null) continue;
    if (sameRepository(summary) || (base !== undefined && raw.RootFS?.Layers?.[0] === base))
      kept.push(raw);
    if (kept.length === CANDIDATES_KEPT) break;
  }
  return kept;
}

/** Containers from these images (or this repository), then running ones holding a host port they want. */
async function relatedContainers(
  reader: EngineReader,
  imageTag: string,
  images: readonly EngineImage[],
): Promise<EngineContainer[]> {
  const repository = imageName(imageTag).repository;
  const ids = new Set(images.map((i) => i.id));
  const all = await reader.listContainers();
  const fromImages = all
    .filter(
      (c) =>
        ids.has(c.ImageID ?? '') ||
        imageName(normaliseTag(c.Image ?? '') ?? '').repository === repository,
    )
    .slice(0, CONTAINERS_KEPT);
  const mine = await Promise.all(
    fromImages.map(async (c) => toEngineContainer(c, await reader.inspectContainer(c.Id ?? ''))),
  );
  const wanted = new Set<number>([COURSE.hostPort]);
  for (const c of mine)
    for (const p of [...c.ports, ...(c.requestedPorts ?? [])])
      if (p.hostPort !== null) wanted.add(p.hostPort);
  const holders = all.filter(
    (c) => !fromImages.includes(c) && c.State === 'running' && holdsPort(c, wanted),
  );
  return [...mine, ...holders.slice(0, CONTAINERS_KEPT).map((c) => toEngineContainer(c, null))];
}

function holdsPort(c: RawContainerSummary, ports: ReadonlySet<number>): boolean {
  return (c.Ports ?? []).some((p) => typeof p.PublicPort === 'number' && ports.has(p.PublicPort));
}
