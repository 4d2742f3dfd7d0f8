/**
 * `docker run`, `start`, `restart`, `stop`, `rm`, `logs`: the container lifecycle as the CLI
 * shows it. With -d the ID is printed before the start can fail (port taken, missing command);
 * without -d the terminal stays attached to the container's output until it exits or Ctrl+C.
 */
import type { CommandContext } from '../../commands/types.ts';
import { familiarRef, parseFlags, reader, RUN_FLAGS, type Port } from '../../../docker/index.ts';
import { pullError } from '../registry.ts';
import { exited, type Container } from '../containers.ts';
import { parsePublish } from '../network-ports.ts';

const withHelp = (message: string) =>
  `docker: ${message}\n\nRun 'docker run --help' for more information\n`;

export async function dockerRun(ctx: CommandContext, args: string[]): Promise<number> {
  const result = parseFlags(args, RUN_FLAGS, false);
  if ('error' in result) {
    ctx.io.err(
      `${result.error}\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun 'docker run --help' for more information\n`,
    );
    return 125;
  }
  const parsed = reader(result);
  const [imageRef, ...command] = parsed.positionals;
  if (!imageRef) {
    ctx.io.err(
      "docker: 'docker run' requires at least 1 argument\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nSee 'docker run --help' for more information\n",
    );
    return 1;
  }
  const publish: Port[] = [];
  for (const p of parsed.list('publish')) {
    const spec = parsePublish(p);
    if (typeof spec === 'string') {
      ctx.io.err(withHelp(spec));
      return 125;
    }
    publish.push(spec);
  }
  const engine = ctx.host.engine;
  const image = engine.images.find(imageRef);
  if (!image) {
    ctx.io.err(`Unable to find image '${familiarRef(imageRef)}' locally\n`);
    // The browser has no registry: the pull fails as it does on an engine that cannot reach one.
    ctx.io.err(withHelp(`Error response from daemon: ${pullError(imageRef)}`));
    return 125;
  }
  const created = engine.create({
    image,
    imageRef,
    name: parsed.string('name') ?? null,
    command,
    publish,
    publishAll: parsed.bool('publish-all'),
    env: parsed.list('env'),
    autoRemove: parsed.bool('rm'),
  });
  if ('error' in created) {
    ctx.io.err(withHelp(`Error response from daemon: ${created.error}`));
    return 125;
  }
  const detach = parsed.bool('detach');
  if (detach) ctx.io.out(`${created.id}\n`);
  const follow = (text: string) => ctx.io.out(text);
  if (!detach) created.followers.add(follow);
  const started = await engine.start(created);
  if (!started.ok) {
    created.followers.delete(follow);
    if (created.autoRemove) engine.remove(created);
    ctx.io.err(withHelp(`Error response from daemon: ${started.message}`));
    return started.exitCode;
  }
  if (detach) return 0;
  return attach(ctx, created, follow);
}

/** Waits for the container to exit (stopped from elsewhere, or done), or for Ctrl+C, which stops it (the CLI proxies SIGINT). */
async function attach(
  ctx: CommandContext,
  c: Container,
  follow: (text: string) => void,
): Promise<number> {
  if (c.state === 'running' && (!ctx.job.interactive || ctx.job.background)) {
    c.followers.delete(follow);
    c.followers.add(ctx.job.later);
    return 0;
  }
  const stopped = exited(c);
  const interrupted = ctx.job.interrupted.then(() => 'interrupted' as const);
  if ((await Promise.race([stopped, interrupted])) === 'interrupted') {
    ctx.io.out('^C');
    ctx.host.engine.stop(c);
  }
  c.followers.delete(follow);
  return c.exitCode;
}

export async function lifecycle(
  ctx: CommandContext,
  verb: 'start' | 'stop' | 'restart' | 'rm',
  args: string[],
): Promise<number> {
  const force = args.includes('-f') || args.includes('--force');
  const refs = args.filter((a) => !a.startsWith('-'));
  if (refs.length === 0) {
    ctx.io.err(
      `docker: 'docker ${verb}' requires at least 1 argument\n\nSee 'docker ${verb} --help' for more information\n`,
    );
    return 1;
  }
  let code = 0;
  const engine = ctx.host.engine;
  for (const ref of refs) {
    const c = engine.findContainer(ref);
    if (!c) {
      ctx.io.err(`Error response from daemon: No such container: ${ref}\n`);
      code = 1;
      continue;
    }
    if (verb === 'rm' && c.state === 'running' && !force) {
      ctx.io.err(
        `Error response from daemon: cannot remove container "${ref}": container is running: stop the container before removing or force remove\n`,
      );
      code = 1;
      continue;
    }
    if (verb === 'stop' || verb === 'restart') engine.stop(c);
    if (verb === 'rm') engine.remove(c);
    if (verb === 'start' || verb === 'restart') {
      const started = await engine.start(c);
      if (!started.ok) {
        ctx.io.err(
          `Error response from daemon: ${started.message}\nError: failed to start containers: ${ref}\n`,
        );
        code = 1;
        continue;
      }
    }
    ctx.io.out(`${ref}\n`);
  }
  return code;
}

export async function dockerLogs(ctx: CommandContext, args: string[]): Promise<number> {
  const followFlag = args.includes('-f') || args.includes('--follow');
  const ref = args.find((a) => !a.startsWith('-'));
  const c = ref ? ctx.host.engine.findContainer(ref) : null;
  if (!c) {
    ctx.io.err(
      ref
        ? `Error response from daemon: No such container: ${ref}\n`
        : "docker: 'docker logs' requires 1 argument\n\nSee 'docker logs --help' for more information\n",
    );
    return 1;
  }
  for (const entry of c.logs) (entry.stream === 'stdout' ? ctx.io.out : ctx.io.err)(entry.text);
  if (!followFlag || c.state !== 'running' || !ctx.job.interactive || ctx.job.background) return 0;
  const follow = (text: string) => ctx.io.out(text);
  c.followers.add(follow);
  await ctx.job.interrupted;
  c.followers.delete(follow);
  ctx.io.out('^C\n');
  return 0;
}
