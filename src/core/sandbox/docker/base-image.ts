/**
 * The base image the course builds on, as the lab's engine holds it: `python:3.13-slim` with its
 * real ID, layer, size and environment (`docker image inspect python:3.13-slim` on Engine 28.5,
 * tests/fixtures/sandbox/real-28/inspect.txt), so the simulator and the lessons' captured
 * outputs agree. Nothing else can be pulled: the browser has no registry (registry.ts).
 */
import type { Clock } from '../host/clock.ts';
import { Vfs } from '../host/vfs.ts';
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
    id: 'sha256:fe1a96c06753219378e8bd54e8ce9324b8c9311c2483d34119b548bd637b9755',
    tags: ['python:3.13-slim'],
    created,
    config: {
      // The lab's stand-in (docker image inspect python:3.13-slim on Engine 28.5,
      // tests/fixtures/sandbox/real-28/inspect.txt): no PATH, which the builder adds.
      Env: ['PIP_NO_INDEX=1', 'PIP_DISABLE_PIP_VERSION_CHECK=1', 'PYTHONUNBUFFERED=1'],
      Cmd: ['python3'],
      Entrypoint: null,
      WorkingDir: '',
      ExposedPorts: null,
      Labels: null,
      User: '',
    },
    layers: ['sha256:348f9ac847106fc6f8ea42ed73175aabd0735c818ccee8ed56e9c3d4fcf799a6'],
    history: [
      { created, createdBy: '', emptyLayer: false, size: BASE_SIZE, comment: 'Imported from -' },
    ],
    size: BASE_SIZE,
    fs,
    packages: new Set(['pip']),
  };
}
