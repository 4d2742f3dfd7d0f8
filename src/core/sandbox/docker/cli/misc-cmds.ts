/** `docker pull`, `cp`, and the commands the sandbox declares not simulated. */
import type { CommandContext } from '../../commands/types.ts';
import { isReference, readReference } from '../../../docker/index.ts';
import { humanSize } from '../../text/human.ts';
import { resolvePath } from '../../../text/index.ts';
import { pullError } from '../registry.ts';
import { DOCKER_GAP } from '../gaps.ts';
import { notSimulated } from '../../not-simulated.ts';
import type { Vfs } from '../../host/vfs.ts';

/** The browser has no registry: a pull fails as on an engine that cannot reach one. */
export function dockerPull(ctx: CommandContext, args: string[]): number {
  const ref = args.find((a) => !a.startsWith('-'));
  if (!ref) {
    ctx.io.err(
      "docker: 'docker pull' requires 1 argument\n\nUsage:  docker pull [OPTIONS] NAME[:TAG|@DIGEST]\n\nSee 'docker pull --help' for more information\n",
    );
    return 1;
  }
  if (!isReference(ref)) {
    ctx.io.err(`invalid reference format: repository name (library/${ref}) must be lowercase\n`);
    return 1;
  }
  const r = readReference(ref);
  if (!r.tag && !r.digest) ctx.io.out('Using default tag: latest\n');
  ctx.io.err(`Error response from daemon: ${pullError(ref)}\n`);
  return 1;
}

/** `docker cp CONTAINER:PATH HOSTPATH` and back: files and directories, as a tar stream would carry them. */
export function dockerCp(ctx: CommandContext, args: string[]): number {
  const paths = args.filter((a) => !a.startsWith('-'));
  if (paths.length !== 2) {
    ctx.io.err(
      "docker: 'docker cp' requires 2 arguments\n\nUsage:  docker cp [OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-\n\tdocker cp [OPTIONS] SRC_PATH|- CONTAINER:DEST_PATH\n\nSee 'docker cp --help' for more information\n",
    );
    return 1;
  }
  const sides = paths.map((p) => {
    const m = /^([^/.:][^:]*):(.*)$/.exec(p);
    return m ? { container: m[1]!, path: m[2]! } : { container: null, path: p };
  });
  const [from, to] = sides as [(typeof sides)[0], (typeof sides)[0]];
  if ((from.container === null) === (to.container === null)) {
    ctx.io.err('must specify at least one container source\n');
    return 1;
  }
  const side = (s: typeof from): { fs: Vfs; path: string } | null => {
    if (s.container === null)
      return { fs: ctx.fs, path: resolvePath(ctx.shell.cwd, s.path, ctx.shell.home) };
    const c = ctx.host.engine.findContainer(s.container);
    return c ? { fs: c.fs, path: resolvePath(c.workingDir, s.path) } : null;
  };
  const src = side(from);
  const dst = side(to);
  const missing = !src ? from.container : !dst ? to.container : null;
  if (missing !== null) {
    ctx.io.err(`Error response from daemon: No such container: ${missing}\n`);
    return 1;
  }
  if (!src!.fs.stat(src!.path)) {
    ctx.io.err(
      from.container
        ? `Error response from daemon: Could not find the file ${from.path} in container ${from.container}\n`
        : `lstat ${src!.path}: no such file or directory\n`,
    );
    return 1;
  }
  const target =
    dst!.fs.stat(dst!.path)?.kind === 'dir'
      ? `${dst!.path}/${src!.path.split('/').pop()}`
      : dst!.path;
  let bytes = 1024; // a tar stream's two end blocks
  for (const p of src!.fs.tree(src!.path)) {
    const node = src!.fs.stat(p)!;
    const rel = p.slice(src!.path.length);
    bytes += 512 + (node.kind === 'file' ? Math.ceil(node.text.length / 512) * 512 : 0);
    if (node.kind === 'dir') dst!.fs.mkdir(`${target}${rel}`, { parents: true });
    else dst!.fs.write(`${target}${rel}`, node.text, { mode: node.mode });
  }
  const shown = to.container ? paths[1]! : dst!.path;
  // The CLI reports the copy only on a terminal (recorded: scenario 61).
  if (ctx.io.tty) ctx.io.err(`Successfully copied ${humanSize(bytes)} to ${shown}\n`);
  return 0;
}

/** Docker's commands the sandbox lacks: one line saying so, never "unknown command". */
export function notSimulatedCommand(ctx: CommandContext, shown: string): number {
  return notSimulated(ctx.io, DOCKER_GAP.commands, shown, 1);
}
