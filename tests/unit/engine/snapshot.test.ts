import { describe, expect, it } from 'vitest';
import type { EngineContainer, HttpProbe } from '../../../src/core/evidence.ts';
import { judgeVersion } from '../../../src/node/engine/engine-version.ts';
import type { RawImage, RawVersion } from '../../../src/node/engine/reader.ts';
import { takeSnapshot, type SnapshotOptions } from '../../../src/node/engine/snapshot.ts';
import { fixture, fixtureReader, type FixtureEngine } from './fixture-reader.ts';

const judged = judgeVersion(fixture<RawVersion>('version.json'));
if ('problem' in judged) throw new Error('the captured engine must pass the version floor');
const version = judged;

async function snapshotOf(engine: FixtureEngine = {}, options: Partial<SnapshotOptions> = {}) {
  const probed: EngineContainer[][] = [];
  const reader = fixtureReader(engine);
  const snapshot = await takeSnapshot(reader, version.engine, {
    image: 'demo-image:latest',
    previous: null,
    probe: async (containers) => (probed.push([...containers]), [] as HttpProbe[]),
    ...options,
  });
  return { snapshot, probed, calls: reader.calls };
}

describe('takeSnapshot on the captured course run', () => {
  it('reads the image the course builds, as the judges need it', async () => {
    const { snapshot } = await snapshotOf();
    const [image] = snapshot.images;
    expect(snapshot.engine).toEqual({
      version: '20.10.24+dfsg1',
      apiVersion: '1.41',
      os: 'linux',
      arch: 'amd64',
      kind: 'docker',
    });
    expect(snapshot.image).toBe('demo-image:latest');
    expect(image).toMatchObject({
      tags: ['demo-image:latest'],
      workingDir: '/demo',
      cmd: ['uvicorn', 'app.main:app', '--host', '0.0.0.0', '--port', '8000'],
      entrypoint: null,
      exposedPorts: ['8000/tcp'],
    });
    expect(image?.layers).toHaveLength(5);
    expect(image?.history.map((h) => h.createdBy.split(' ')[0])).toEqual([
      'CMD',
      'EXPOSE',
      'COPY',
      'RUN',
      'COPY',
      'WORKDIR',
      '',
    ]);
  });

  it('finds the build before it, untagged, sharing every layer up to the dependency install', async () => {
    const { snapshot } = await snapshotOf();
    const [current, previous] = snapshot.images;
    expect(previous?.tags).toEqual([]);
    expect(previous?.layers.slice(0, 4)).toEqual(current?.layers.slice(0, 4));
    expect(previous?.layers[4]).not.toBe(current?.layers[4]);
  });

  it.each<[string, string, number]>([
    ['the named tag when it exists', 'demo-image:latest', 1],
    ['nothing when the named tag is missing', 'demo-image:v0', 0],
  ])('--previous: %s', async (_name, previous, extra) => {
    const { snapshot } = await snapshotOf({}, { previous });
    expect(snapshot.previousTag).toBe(previous);
    expect(snapshot.images).toHaveLength(1 + extra);
  });

  it('reads the running container, the refused one, and what the refused one asked for', async () => {
    const { snapshot, probed } = await snapshotOf();
    const byName = Object.fromEntries(snapshot.containers.map((c) => [c.name, c]));
    expect(byName['demo']).toMatchObject({
      state: 'running',
      image: 'demo-image',
      exitCode: null,
      ports: [
        { hostIp: '0.0.0.0', hostPort: 8000, containerPort: 8000, protocol: 'tcp' },
        { hostIp: '::', hostPort: 8000, containerPort: 8000, protocol: 'tcp' },
      ],
      startError: null,
    });
    expect(byName['eng-second']).toMatchObject({
      state: 'created',
      ports: [],
      requestedPorts: [{ hostIp: null, hostPort: 8000, containerPort: 8000, protocol: 'tcp' }],
    });
    expect(byName['eng-second']?.startError).toMatch(
      /Bind for 0\.0\.0\.0:8000 failed: port is already allocated$/,
    );
    expect(probed).toEqual([snapshot.containers]);
  });

  it('reads a stopped container with its exit code', async () => {
    const { snapshot } = await snapshotOf({ containers: 'containers-stopped.json' });
    expect(snapshot.containers.find((c) => c.name === 'demo')).toMatchObject({
      state: 'exited',
      exitCode: 0,
      ports: [],
    });
  });

  it('says nothing of images or containers when the image is missing', async () => {
    const { snapshot } = await snapshotOf({ images: [], containers: 'none' });
    expect(snapshot).toMatchObject({ images: [], containers: [], probes: [] });
  });

  it('makes no probe when told the engine is elsewhere', async () => {
    const { snapshot, probed } = await snapshotOf(
      {},
      { probesSkipped: 'the engine runs on another machine' },
    );
    expect(probed).toEqual([]);
    expect(snapshot.probesSkipped).toBe('the engine runs on another machine');
  });

  it('treats the Config fields Docker 29 leaves out as empty', async () => {
    const docker29 = (raw: RawImage): RawImage => ({
      ...raw,
      Config: { ExposedPorts: raw.Config?.ExposedPorts ?? null },
    });
    const { snapshot } = await snapshotOf({ editImage: docker29 });
    expect(snapshot.images[0]).toMatchObject({
      workingDir: '',
      cmd: null,
      entrypoint: null,
      exposedPorts: ['8000/tcp'],
    });
    const noConfig = await snapshotOf({ editImage: (raw) => ({ ...raw, Config: null }) });
    expect(noConfig.snapshot.images[0]).toMatchObject({
      workingDir: '',
      cmd: null,
      exposedPorts: [],
    });
  });

  it('carries no environment variables, labels, mounts or network details', async () => {
    const raw = JSON.stringify(fixture('container-inspect-running.json'));
    const { snapshot } = await snapshotOf();
    const text = JSON.stringify(snapshot);
    // The captured answers hold all of these; the snapshot must drop them.
    for (const secret of [
      'PIP_NO_INDEX',
      'PATH=',
      '"Mounts"',
      'MacAddress',
      '172.17.0.2',
      '/var/lib/docker',
    ]) {
      expect(raw + JSON.stringify(fixture('containers.json'))).toContain(secret);
      expect(text).not.toContain(secret);
    }
  });

  it('only reads', async () => {
    const { calls } = await snapshotOf();
    expect(
      calls.every((c) =>
        /^(version|listImages|inspectImage|imageHistory|listContainers|inspectContainer)\b/.test(c),
      ),
    ).toBe(true);
  });
});

describe('takeSnapshot on the captured Podman 4.3 run', () => {
  it('reads Podman’s localhost/ names, its untagged previous build, and a created container', async () => {
    const { snapshot } = await snapshotOf({ capture: 'podman' });
    const [current, previous] = snapshot.images;
    expect(current).toMatchObject({
      tags: ['demo-image:latest'],
      workingDir: '/demo',
      exposedPorts: ['8000/tcp'],
    });
    expect(previous?.tags).toEqual([]);
    expect(previous?.layers.slice(0, 3)).toEqual(current?.layers.slice(0, 3));
    expect(snapshot.containers).toEqual([
      expect.objectContaining({
        name: 'eng-pod',
        image: 'localhost/demo-image:latest',
        state: 'created',
        ports: [{ hostIp: null, hostPort: 18310, containerPort: 8000, protocol: 'tcp' }],
        requestedPorts: [{ hostIp: null, hostPort: 18310, containerPort: 8000, protocol: 'tcp' }],
        startError: null,
      }),
    ]);
  });
});
