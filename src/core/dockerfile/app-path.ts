/**
 * Does the code the server loads exist in the image? Answered only when it can be told cheaply and
 * surely: a python base image, COPY steps from the build context without variables or globs, and no
 * RUN that could move files around. Anything else counts as "probably there".
 */
import { isWholeContext, readCopies, type CopyStep } from './copies.ts';
import type { Stage } from './model.ts';
import { effectiveSteps, rootImage } from './stages.ts';
import { baseName, isWithin, resolvePath } from '../text/index.ts';
import type { ServerCommand } from './server-command.ts';

export interface MissingApp {
  /** the file the server needs, e.g. `/demo/app/main.py` */
  file: string;
  /** the folder a dotted module needs (`/demo/app` for `app.main`), null for a file path */
  folder: string | null;
  /** the top-level module Python will fail to import, e.g. `app` */
  topModule: string | null;
  /** a COPY that put a folder's contents where the folder itself was needed */
  contentsCopy: { copy: CopyStep; landedAt: string } | null;
}

const MOVES_FILES = /\b(?:mv|cp|git|curl|wget|tar|unzip|ln|rsync)\b|>/;

export function findMissingApp(server: ServerCommand, stage: Stage): MissingApp | null {
  const base = stage.workdir ?? '/';
  const steps = effectiveSteps(stage);
  if (
    server.app === null ||
    server.appDir !== null ||
    base.includes('$') ||
    rootImage(stage)?.name !== 'python'
  )
    return null;
  if (steps.some((s) => s.keyword === 'RUN' && MOVES_FILES.test(s.text))) return null;
  const needed = neededPath(server, base);
  if (!needed) return null;
  const copies = readCopies(steps);
  if (
    copies.some(
      (c) =>
        c.from !== null ||
        c.heredoc ||
        /[$*?[]/.test([...c.sources, c.dest].filter((s) => !isWholeContext(s)).join(' ')),
    )
  )
    return null;

  let contentsCopy: MissingApp['contentsCopy'] = null;
  for (const copy of copies) {
    for (const source of copy.sources) {
      const verdict = covers(copy, source, needed);
      if (verdict === true) return null;
      if (verdict !== false) contentsCopy ??= { copy, landedAt: verdict };
    }
  }
  return { ...needed, contentsCopy };
}

function neededPath(server: ServerCommand, base: string): Omit<MissingApp, 'contentsCopy'> | null {
  const app = server.app ?? '';
  if (server.kind !== 'uvicorn')
    return /\.py$/.test(app) && !app.includes('$')
      ? { file: resolvePath(base, app), folder: null, topModule: null }
      : null;
  const module = app.split(':')[0] ?? '';
  if (!/^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*$/.test(module)) return null;
  const path = resolvePath(base, module.replace(/\./g, '/'));
  return {
    file: `${path}.py`,
    folder: module.includes('.') ? resolvePath(base, module.split('.')[0] ?? '') : path,
    topModule: module.split('.')[0] ?? null,
  };
}

/**
 * true: this source puts the needed code in place (or may: a whole folder whose contents we cannot see);
 * false: it does not; a string: it copied the contents of the needed folder one level too high, landing here.
 */
function covers(
  copy: CopyStep,
  source: string,
  needed: Omit<MissingApp, 'contentsCopy'>,
): boolean | string {
  const target = copy.target;
  const provides = (path: string): boolean =>
    path === needed.file || (needed.folder !== null && isWithin(path, needed.folder));
  if (isWholeContext(source)) return isWithin(needed.file, target);
  const name = baseName(source);
  if (/.\.\w+$/.test(name)) {
    // A file: copied to the destination itself, or into it when that is a folder.
    return provides(target) || provides(`${target}/${name}`);
  }
  // A folder: COPY puts its contents (not the folder) at the destination ([LOCAL] `COPY ./app /demo` gave /demo/main.py).
  if (provides(target)) return true;
  if (!isWithin(needed.file, target) || target === needed.file) return false;
  const rest = needed.file.slice(target === '/' ? 1 : target.length + 1).split('/');
  return rest[0] === name ? resolvePath(target, rest.slice(1).join('/')) : true;
}
