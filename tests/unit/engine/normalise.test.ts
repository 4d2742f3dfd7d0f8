import { describe, expect, it } from 'vitest';
import {
  normaliseTag,
  toEngineImage,
  toRequestedPorts,
} from '../../../src/node/engine/normalise.ts';
import type { RawHistoryRow, RawImage } from '../../../src/node/engine/reader.ts';
import { fixture } from './fixture-reader.ts';

describe('normaliseTag', () => {
  it.each<[string, string | null]>([
    ['demo-image:latest', 'demo-image:latest'],
    ['demo-image', 'demo-image:latest'],
    ['docker.io/library/demo-image:v2', 'demo-image:v2'],
    ['docker.io/learner/demo-image:1', 'learner/demo-image:1'],
    ['localhost/demo-image:latest', 'demo-image:latest'],
    ['localhost:5000/demo-image', 'localhost:5000/demo-image:latest'],
    ['<none>:<none>', null],
    ['', null],
  ])('%s → %s', (ref, expected) => {
    expect(normaliseTag(ref)).toBe(expected);
  });
});

describe('image history', () => {
  // The history API does not say which rows made a layer: the rows we call layers must be exactly RootFS.Layers.
  const step = (createdBy: string) =>
    /pip install/.test(createdBy)
      ? 'RUN'
      : (/\b(COPY|WORKDIR)\b/.exec(createdBy)?.[1] ?? createdBy);
  it.each<[string, string, string, string[]]>([
    [
      'Docker, BuildKit',
      'image-inspect.json',
      'image-history.json',
      ['', 'WORKDIR', 'COPY', 'RUN', 'COPY'],
    ],
    [
      'Docker, BuildKit, the build before',
      'previous-inspect.json',
      'previous-history.json',
      ['', 'WORKDIR', 'COPY', 'RUN', 'COPY'],
    ],
    [
      'Docker, legacy builder',
      'legacy-inspect.json',
      'legacy-history.json',
      ['', 'WORKDIR', 'COPY', 'RUN', 'COPY'],
    ],
    // buildah gives WORKDIR no layer, and every layer it makes has bytes.
    [
      'Podman 4.3',
      'podman/image-inspect.json',
      'podman/image-history.json',
      ['', 'COPY', 'RUN', 'COPY'],
    ],
  ])('%s: one non-empty history row per layer, in order', (_name, inspect, history, steps) => {
    const image = toEngineImage(fixture<RawImage>(inspect), fixture<RawHistoryRow[]>(history));
    const layerRows = image.history.filter((h) => !h.emptyLayer).reverse();
    expect(layerRows).toHaveLength(image.layers.length);
    expect(layerRows.map((h) => step(h.createdBy))).toEqual(steps);
  });
});

describe('toRequestedPorts', () => {
  it.each<[string, Parameters<typeof toRequestedPorts>[0], ReturnType<typeof toRequestedPorts>]>([
    [
      '-p 8000:8000',
      { '8000/tcp': [{ HostIp: '', HostPort: '8000' }] },
      [{ hostIp: null, hostPort: 8000, containerPort: 8000, protocol: 'tcp' }],
    ],
    [
      '-p 127.0.0.1:8080:8000',
      { '8000/tcp': [{ HostIp: '127.0.0.1', HostPort: '8080' }] },
      [{ hostIp: '127.0.0.1', hostPort: 8080, containerPort: 8000, protocol: 'tcp' }],
    ],
    [
      '-p 8000 (random host port)',
      { '8000/tcp': [{ HostIp: '', HostPort: '' }] },
      [{ hostIp: null, hostPort: null, containerPort: 8000, protocol: 'tcp' }],
    ],
    [
      '-p 53:53/udp',
      { '53/udp': [{ HostIp: '', HostPort: '53' }] },
      [{ hostIp: null, hostPort: 53, containerPort: 53, protocol: 'udp' }],
    ],
    ['no -p', null, []],
    ['a key that is not a port', { 'x/tcp': [{ HostPort: '1' }] }, []],
  ])('%s', (_name, bindings, expected) => {
    expect(toRequestedPorts(bindings)).toEqual(expected);
  });
});
