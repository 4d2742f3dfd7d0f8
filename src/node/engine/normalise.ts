/**
 * Raw Engine API answers → the snapshot's shapes (src/core/evidence.ts). Keeps only what verdicts
 * need: no environment variables, labels, mounts or network details cross this line.
 */
import { type Port, normaliseRef } from '../../core/docker/index.ts';
import type { EngineContainer, EngineImage } from '../../core/evidence.ts';
import type {
  RawBindings,
  RawContainer,
  RawContainerSummary,
  RawHistoryRow,
  RawImage,
  RawPort,
} from './reader.ts';

/** `docker.io/library/demo-image:latest`, `localhost/demo-image` → `demo-image:latest`; `<none>:<none>` → null */
export function normaliseTag(ref: string): string | null {
  if (ref === '' || ref.startsWith('<none>')) return null;
  return normaliseRef(ref);
}

export function normaliseTags(refs: readonly string[] | null | undefined): string[] {
  return [...new Set((refs ?? []).map(normaliseTag).filter((t): t is string => t !== null))];
}

/** Instructions that only edit the image config: never a layer (BuildKit `CMD […]`, the legacy builder's `/bin/sh -c #(nop)  CMD […]`). */
const CONFIG_ONLY =
  /^(?:\/bin\/sh -c #\(nop\)\s+)?(?:ENV|CMD|EXPOSE|LABEL|ARG|ENTRYPOINT|USER|HEALTHCHECK|STOPSIGNAL|VOLUME|SHELL|ONBUILD|MAINTAINER)\b/;
const WORKDIR = /^(?:\/bin\/sh -c #\(nop\)\s+)?WORKDIR\b/;

/**
 * The history API does not say which rows made a layer; the layer count does. A row with bytes
 * made one and a config-only row never does. The rest (size 0: WORKDIR, or a RUN that changed
 * nothing) made the layers still missing: Docker gives WORKDIR a layer, Podman does not, so
 * WORKDIR rows are the last to be counted as layers.
 */
export function toHistory(
  rows: readonly RawHistoryRow[],
  layerCount: number,
): EngineImage['history'] {
  const read = rows.map((row) => {
    const createdBy = row.CreatedBy ?? '';
    const size = typeof row.Size === 'number' && row.Size > 0 ? row.Size : 0;
    return { createdBy, size, emptyLayer: size === 0 };
  });
  const open = read.filter((r) => r.size === 0 && !CONFIG_ONLY.test(r.createdBy.trim()));
  const isWorkdir = (r: { createdBy: string }) => WORKDIR.test(r.createdBy.trim());
  const byPreference = [...open.filter((r) => !isWorkdir(r)), ...open.filter(isWorkdir)];
  const missing = layerCount - read.filter((r) => r.size > 0).length;
  // A count that cannot fit (a squashed or imported image): every open row counts, as on Docker.
  for (const r of missing >= 0 && missing <= open.length ? byPreference.slice(0, missing) : open)
    r.emptyLayer = false;
  return read.map(({ createdBy, emptyLayer, size }) => ({ createdBy, emptyLayer, size }));
}

export function toEngineImage(raw: RawImage, history: readonly RawHistoryRow[]): EngineImage {
  const config = raw.Config ?? {};
  const layers = raw.RootFS?.Layers ?? [];
  return {
    id: raw.Id ?? '',
    tags: normaliseTags(raw.RepoTags),
    created: raw.Created ?? '',
    // Docker 29 leaves empty fields out of Config: missing reads as empty.
    workingDir: config.WorkingDir ?? '',
    cmd: config.Cmd ?? null,
    entrypoint: config.Entrypoint ?? null,
    exposedPorts: Object.keys(config.ExposedPorts ?? {}).sort(),
    layers,
    history: toHistory(history, layers.length),
  };
}

const STATES: readonly EngineContainer['state'][] = [
  'created',
  'running',
  'paused',
  'restarting',
  'removing',
  'exited',
  'dead',
];
const PROTOCOLS: readonly Port['protocol'][] = ['tcp', 'udp', 'sctp'];

export function toEngineContainer(
  summary: RawContainerSummary,
  inspect: RawContainer | null,
): EngineContainer {
  const rawState = inspect?.State?.Status ?? summary.State ?? '';
  const state = STATES.find((s) => s === rawState.toLowerCase()) ?? 'dead';
  const stopped = state === 'exited' || state === 'dead';
  const container: EngineContainer = {
    id: summary.Id ?? '',
    name: (summary.Names?.[0] ?? '').replace(/^\//, ''),
    image: summary.Image ?? '',
    imageId: summary.ImageID ?? '',
    state,
    status: summary.Status ?? '',
    exitCode: stopped ? (inspect?.State?.ExitCode ?? exitCodeInStatus(summary.Status)) : null,
    ports: (summary.Ports ?? []).map(toPort).filter((p): p is Port => p !== null),
    command: summary.Command ?? '',
  };
  if (inspect) {
    container.requestedPorts = toRequestedPorts(inspect.HostConfig?.PortBindings ?? null);
    container.startError = inspect.State?.Error || null;
  }
  return container;
}

function toPort(raw: RawPort): Port | null {
  if (typeof raw.PrivatePort !== 'number') return null;
  return {
    hostIp: raw.IP || null,
    hostPort: typeof raw.PublicPort === 'number' ? raw.PublicPort : null,
    containerPort: raw.PrivatePort,
    protocol: protocolOf(raw.Type),
  };
}

/** `{"8000/tcp": [{"HostIp": "", "HostPort": "8000"}]}` → what `-p` asked for; an empty HostPort means a random one. */
export function toRequestedPorts(bindings: RawBindings): Port[] {
  return Object.entries(bindings ?? {}).flatMap(([key, hosts]) => {
    const [port = '', protocol] = key.split('/');
    const containerPort = Number(port);
    if (!Number.isInteger(containerPort) || containerPort <= 0) return [];
    return (hosts ?? []).map((h) => ({
      hostIp: h.HostIp || null,
      hostPort: /^\d+$/.test(h.HostPort ?? '') ? Number(h.HostPort) : null,
      containerPort,
      protocol: protocolOf(protocol),
    }));
  });
}

function protocolOf(value: string | undefined): Port['protocol'] {
  return PROTOCOLS.find((p) => p === value) ?? 'tcp';
}

function exitCodeInStatus(status: string | undefined): number | null {
  const match = /^Exited \((\d+)\)/.exec(status ?? '');
  return match ? Number(match[1]) : null;
}
