/** `docker build` (buildx): flags, the build, and its progress on stderr as BuildKit prints it. */
import type { CommandContext } from '../../commands/types.ts';
import { resolvePath } from '../../../text/index.ts';
import { isValidRef } from '../images.ts';
import { renderPlain, renderTty } from '../format/build-progress.ts';
import { flag, parseFlags } from '../../../docker/index.ts';

const SPECS = [
  flag('tag', ['tag'], 't', true),
  flag('file', ['file'], 'f', true),
  flag('noCache', ['no-cache']),
  flag('progress', ['progress'], undefined, true),
  flag('buildArg', ['build-arg'], undefined, true),
  flag('quiet', ['quiet'], 'q'),
  flag('pull', ['pull']),
  flag('platform', ['platform'], undefined, true),
];

const USAGE = `Usage:  docker buildx build [OPTIONS] PATH | URL | -\n\nStart a build\n`;

export async function dockerBuild(ctx: CommandContext, args: string[]): Promise<number> {
  const parsed = parseFlags(args, SPECS, 'docker buildx build');
  if (typeof parsed === 'string') {
    ctx.io.err(`ERROR: ${parsed}\n`);
    return 1;
  }
  if (parsed.positionals.length !== 1) {
    ctx.io.err(
      `ERROR: "docker buildx build" requires exactly 1 argument.\nSee 'docker buildx build --help'.\n\n${USAGE}`,
    );
    return 1;
  }
  const tags = parsed.values.get('tag') ?? [];
  const bad = tags.find((t) => !isValidRef(t));
  if (bad) {
    ctx.io.err(
      `ERROR: invalid tag "${bad}": invalid reference format${/[A-Z]/.test(bad) ? ': repository name must be lowercase' : ''}\n`,
    );
    return 1;
  }
  const contextDir = resolvePath(ctx.shell.cwd, parsed.positionals[0]!, ctx.shell.home);
  if (ctx.fs.stat(contextDir)?.kind !== 'dir') {
    ctx.io.err(`ERROR: unable to prepare context: path "${parsed.positionals[0]}" not found\n`);
    return 1;
  }
  const file = parsed.values.get('file')?.at(-1);
  const progress = parsed.values.get('progress')?.at(-1) ?? 'auto';
  if (!['auto', 'plain', 'tty', 'quiet', 'rawjson'].includes(progress)) {
    ctx.io.err(`ERROR: invalid progress mode "${progress}"\n`);
    return 1;
  }
  const buildArgs = new Map(
    (parsed.values.get('buildArg') ?? []).map((a) => [
      a.split('=')[0]!,
      a.includes('=') ? a.slice(a.indexOf('=') + 1) : (ctx.shell.env.get(a) ?? ''),
    ]),
  );
  const outcome = await ctx.host.engine.build({
    contextDir,
    dockerfile: file
      ? resolvePath(ctx.shell.cwd, file, ctx.shell.home)
      : `${contextDir}/Dockerfile`,
    tags,
    noCache: parsed.bools.has('noCache'),
    buildArgs,
  });
  const quiet = parsed.bools.has('quiet') || progress === 'quiet';
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
