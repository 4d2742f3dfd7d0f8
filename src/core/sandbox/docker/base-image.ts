/**
 * The base images the course builds on, as the lab's engine holds them: `python:3.13-slim` and
 * `python:3.14-slim` with their IDs, layers, sizes and config (`docker image inspect` on Engine
 * 28.5, tests/fixtures/sandbox/real/shell/inspect-python-images.json: the stand-ins set no PATH,
 * which the builder adds), and a Debian root file system with the files the image's tools read and
 * edit: /etc/passwd, /etc/group, /etc/shadow, /etc/os-release, /root (0700), /tmp (1777).
 */
import type { Clock } from '../host/clock.ts';
import { Vfs } from '../host/vfs.ts';
import type { Image, ImageConfig } from './images.ts';
import {
  GROUP,
  OS_RELEASE,
  DEBIAN_VERSION,
  PASSWD,
  PYTHON_VERSIONS,
  ROOT_DIRS,
  SHADOW,
} from './base-image-files.ts';

const MINUTE = 60 * 1000;

interface LabImage {
  id: string;
  layer: string;
  size: number;
  env: string[];
  python: '3.13' | '3.14';
  /** how long before the course's clock starts the lab imported it (3.13 first, then 3.14) */
  ageMs: number;
}

const LAB_ENV = ['PIP_NO_INDEX=1', 'PIP_DISABLE_PIP_VERSION_CHECK=1', 'PYTHONUNBUFFERED=1'];

/** `docker image inspect` of the lab's images (Engine 28.5.2, 2026-12-06). */
const LAB: Record<string, LabImage> = {
  'python:3.13-slim': {
    id: 'sha256:fe1a96c06753219378e8bd54e8ce9324b8c9311c2483d34119b548bd637b9755',
    layer: 'sha256:348f9ac847106fc6f8ea42ed73175aabd0735c818ccee8ed56e9c3d4fcf799a6',
    size: 194_489_110,
    env: LAB_ENV,
    python: '3.13',
    ageMs: 12 * MINUTE,
  },
  'python:3.14-slim': {
    id: 'sha256:10a86f5bb86f028205581b17a6b62f735c65431f80263ab8c946c2a978f882c2',
    layer: 'sha256:0f0c0ea900670367b2c00acb591c27d1daa4f5766bb0bb26d04f0be1397bfa50',
    size: 204_954_904,
    env: LAB_ENV,
    python: '3.14',
    ageMs: 11 * MINUTE,
  },
};

function labImage(tag: string, facts: LabImage, clock: Clock): Image {
  const created = clock.now() - facts.ageMs;
  const config: ImageConfig = {
    Env: [...facts.env],
    Cmd: ['python3'],
    Entrypoint: null,
    WorkingDir: '',
    ExposedPorts: null,
    Labels: null,
    User: '',
  };
  return {
    id: facts.id,
    tags: [tag],
    created,
    config,
    layers: [facts.layer],
    history: [
      { created, createdBy: '', emptyLayer: false, size: facts.size, comment: 'Imported from -' },
    ],
    size: facts.size,
    fs: debianRootfs(clock, facts.python),
    packages: new Set(['pip']),
  };
}

/** The directories and system files of the Debian stand-in, all root's. */
export function debianRootfs(clock: Clock, python: '3.13' | '3.14'): Vfs {
  const fs = new Vfs(clock);
  for (const dir of ROOT_DIRS) fs.mkdir(`/${dir}`, { parents: true });
  fs.chmod('/root', 0o700);
  fs.chmod('/tmp', 0o1777);
  fs.mkdir(`/usr/local/lib/python${python}/site-packages`, { parents: true });
  fs.mkdir('/usr/lib/python3/dist-packages', { parents: true });
  // The interpreter's own file says which Python the image holds (`python --version` reads it).
  fs.write(`/usr/bin/python${python}`, '', { mode: 0o755 });
  fs.write('/etc/passwd', PASSWD);
  fs.write('/etc/group', GROUP);
  fs.write('/etc/shadow', SHADOW, { mode: 0o640 });
  fs.chown('/etc/shadow', 0, 42);
  fs.write('/etc/os-release', OS_RELEASE[python]!);
  fs.write('/etc/debian_version', DEBIAN_VERSION[python]!);
  return fs;
}

/** Which Python an image holds (`3.13`, `3.14`), by the interpreter it has in /usr/bin. */
export function installedPython(fs: Pick<Vfs, 'stat'>): string | undefined {
  return Object.keys(PYTHON_VERSIONS).find((v) => fs.stat(`/usr/bin/python${v}`));
}

/**
 * The lab's base images, by tag and image ID: the one list the scenarios' runner and summary read
 * (tests/scenarios) to tell the machine's own images from what a run made.
 */
export const LAB_BASES: readonly { tag: string; id: string }[] = Object.entries(LAB).map(
  ([tag, { id }]) => ({ tag, id }),
);

/** Every image the lab's engine holds from the start. */
export function labImages(clock: Clock): Image[] {
  return Object.entries(LAB).map(([tag, facts]) => labImage(tag, facts, clock));
}
