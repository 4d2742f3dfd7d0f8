/** `docker build` (buildx): flags, the build, and its progress on stderr as BuildKit prints it. */
import type { CommandContext } from '../../commands/types.ts';
import { resolvePath } from '../../../text/index.ts';
import { isValidRef } from '../images.ts';
import { renderPlain, renderTty } from '../format/build-progress.ts';
import { bool, list, parseFlags, reader, str } from '../../../docker/index.ts';

const SPECS = [
  list('tag', 't'),
  str('file', 'f'),
  bool('no-cache'),
  str('progress'),
  list('build-arg'),
  bool('quiet', 'q'),
  bool('pull'),
  str('platform'),
];

const USAGE = `Usage:  docker buildx build [OPTIONS] PATH | URL | -\n\nStart a build\n`;

export async function dockerBuild(ctx: CommandContext, args: string[]): Promise<number> {
  const result = parseFlags(args, SPECS);
  if ('error' in result) {
    ctx.io.err(`ERROR: ${result.error}\nSee 'docker buildx build --help'.\n`);
    return 1;
  }
  const parsed = reader(result);
  if (parsed.positionals.length !== 1) {
    ctx.io.err(
      `ERROR: "docker buildx build" requires exactly 1 argument.\nSee 'docker buildx build --help'.\n\n${USAGE}`,
    );
    return 1;
  }
  const tags = parsed.list('tag');
  const bad = tags.find((t) => !isValidRef(t));
  if (bad) {
    ctx.io.err(
      // buildx 0.29 (lab): the reference parser's reason, "must be lowercase" alone for capitals.
      `ERROR: failed to build: invalid tag "${bad}": ${/[A-Z]/.test(bad) ? 'repository name must be lowercase' : 'invalid reference format'}\n`,
    );
    return 1;
  }
  const contextDir = resolvePath(ctx.shell.cwd, parsed.positionals[0]!, ctx.shell.home);
  if (ctx.fs.stat(contextDir)?.kind !== 'dir') {
    ctx.io.err(`ERROR: unable to prepare context: path "${parsed.positionals[0]}" not found\n`);
    return 1;
  }
  const file = parsed.string('file');
  const progress = parsed.string('progress') ?? 'auto';
  if (!['auto', 'plain', 'tty', 'quiet', 'rawjson'].includes(progress)) {
    ctx.io.err(`ERROR: invalid progress mode "${progress}"\n`);
    return 1;
  }
  // The classic image store's builder makes one platform's image (lab, Engine 28.5, any --progress).
  if (parsed.string('platform')?.includes(',')) {
    ctx.io.err(
      'ERROR: failed to build: Multi-platform build is not supported for the docker driver.\nSwitch to a different driver, or turn on the containerd image store, and try again.\nLearn more at https://docs.docker.com/go/build-multi-platform/\n',
    );
    return 1;
  }
  const buildArgs = new Map(
    parsed
      .list('build-arg')
      .map((a) => [
        a.split('=')[0]!,
        a.includes('=') ? a.slice(a.indexOf('=') + 1) : (ctx.shell.env.get(a) ?? ''),
      ]),
  );
  const outcome = await ctx.host.engine.build({
    contextDir,
    dockerfile: file
      ? resolvePath(ctx.shell.cwd, file, ctx.shell.home)
      : defaultDockerfile(ctx, contextDir),
    tags,
    noCache: parsed.bool('no-cache'),
    buildArgs,
  });
  const quiet = parsed.bool('quiet') || progress === 'quiet';
  if (quiet && !outcome.failure) ctx.io.out(`${outcome.image!.id}\n`);
  else if (quiet)
    ctx.io.err(`ERROR: failed to build: failed to solve: ${outcome.failure!.message}\n`);
  else
    ctx.io.err(
      progress === 'tty' || (progress === 'auto' && ctx.io.tty)
        ? renderTty(outcome, ctx.io.cols)
        : renderPlain(outcome),
    );
  return outcome.failure ? 1 : 0;
}

/** BuildKit's default: `Dockerfile`, else a lower-case `dockerfile` (recorded: scenario 54). */
function defaultDockerfile(ctx: CommandContext, contextDir: string): string {
  const upper = `${contextDir}/Dockerfile`;
  const lower = `${contextDir}/dockerfile`;
  return !ctx.fs.stat(upper) && ctx.fs.stat(lower) ? lower : upper;
}
