/**
 * A scratch copy of the course project for one capture section, and the `demo-image` tag handed
 * back as it was: other engineers share this engine and may have their own demo-image.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SOLUTION, sh } from './lab.ts';

export interface Workspace {
  dir: string;
  write(path: string, text: string): void;
  append(path: string, text: string): void;
  remove(path: string): void;
}

export function workspace(withProject = true): Workspace {
  const dir = mkdtempSync(join(tmpdir(), 'fx-capture-'));
  if (withProject) cpSync(SOLUTION, dir, { recursive: true });
  return {
    dir,
    write: (p, t) => writeFileSync(join(dir, p), t),
    append: (p, t) => appendFileSync(join(dir, p), t),
    remove: (p) => rmSync(join(dir, p), { recursive: true, force: true }),
  };
}

const imageId = (ref: string) => {
  const r = sh(`docker image inspect --format '{{.Id}}' ${ref}`);
  return r.code === 0 ? r.out.trim() : null;
};

/**
 * Runs `body`, which may build demo-image:latest (calling `built()` after each build); afterwards
 * removes every image it built under that tag (unless something else uses it) and puts the
 * previous demo-image:latest back. Only that one tag is touched.
 */
export function withDemoImage(body: (built: () => void) => void): void {
  const previous = imageId('demo-image:latest');
  const mine = new Set<string>();
  const built = () => {
    const id = imageId('demo-image:latest');
    if (id && id !== previous) mine.add(id);
  };
  try {
    body(built);
  } finally {
    built();
    if (previous) sh(`docker tag ${previous} demo-image:latest`);
    else sh('docker rmi demo-image:latest >/dev/null');
    for (const id of mine) sh(`docker rmi ${id} >/dev/null`);
  }
}

export function removeContainers(names: string[]): void {
  if (names.length) sh(`docker rm -f ${names.join(' ')} >/dev/null`);
}
