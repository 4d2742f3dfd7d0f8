/**
 * The base image the course builds on, as the lab's engine holds it: `python:3.13-slim` with its
 * real ID, layer and size (`docker image inspect python:3.13-slim` on the lab engine, see
 * tests/fixtures/sandbox/real/). Its environment is the official image's.
 */
import { familiarRef } from '../../docker/index.ts';
import type { Clock } from '../host/clock.ts';
import { Vfs } from '../host/vfs.ts';
import { hashParts } from '../host/sha256.ts';
import type { Image } from './images.ts';

const BASE_SIZE = 194_489_110;
/** the lab image was imported about 12 minutes before the course's clock starts */
const AGE_MS = 12 * 60 * 1000;

export function pythonBaseImage(clock: Clock): Image {
  const created = clock.now() - AGE_MS;
  const fs = new Vfs(clock);
  for (const dir of [
    '/bin',
    '/usr/local/bin',
    '/usr/local/lib/python3.13/site-packages',
    '/tmp',
    '/root',
  ])
    fs.mkdir(dir, { parents: true });
  return {
    id: 'sha256:bf46809c5ac875a4cd5c80aa524c24da5a8cf32db78ecb9b2967605836595bc5',
    tags: ['python:3.13-slim'],
    created,
    config: {
      Env: [
        'PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
        'LANG=C.UTF-8',
        'PYTHON_VERSION=3.13.5',
      ],
      Cmd: ['python3'],
      Entrypoint: null,
      WorkingDir: '',
      ExposedPorts: null,
      Labels: null,
      User: '',
    },
    layers: ['sha256:c9478dc4d4d3893041292f7467b73db19a7e9626471044c1de9643a1bcf9c7b6'],
    history: [
      { created, createdBy: '', emptyLayer: false, size: BASE_SIZE, comment: 'Imported from -' },
    ],
    size: BASE_SIZE,
    fs,
    packages: new Set(['pip']),
  };
}

/** Official Python tags the sandbox can "pull" (it is offline): a copy of the base under another name. */
export function pullableBase(ref: string, clock: Clock): Image | null {
  const m =
    /^python:(3\.(?:1[0-4])(?:\.\d+)?(?:-(?:slim|bookworm|trixie|slim-bookworm|slim-trixie|alpine))?)$/.exec(
      familiarRef(ref),
    );
  if (!m) return null;
  const image = pythonBaseImage(clock);
  const version = m[1]!.split('-')[0]!;
  image.tags = [`python:${m[1]}`];
  image.config.Env = image.config.Env.map((e) =>
    e.startsWith('PYTHON_VERSION=') ? `PYTHON_VERSION=${version}` : e,
  );
  image.id = `sha256:${hashParts('python', m[1]!)}`;
  image.layers = [`sha256:${hashParts('python-layer', m[1]!)}`];
  return image;
}
