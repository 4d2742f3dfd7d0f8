/**
 * The flags of a management command's verb (`docker volume ls`, `docker network create`), read as
 * the CLI's pflag does: its error with the verb's usage line (exit 125), and a flag Docker has but
 * the sandbox does not run named as not simulated.
 */
import type { CommandContext } from '../../commands/types.ts';
import { parseFlags, type FlagSpec } from '../../../docker/index.ts';
import { notSimulated } from '../../not-simulated.ts';
import { DOCKER_GAP } from '../gaps.ts';

export function verbFlags(
  ctx: CommandContext,
  /** `docker volume ls` */
  command: string,
  /** `docker volume ls [OPTIONS]` */
  usage: string,
  args: string[],
  known: FlagSpec[],
  other: FlagSpec[] = [],
) {
  const parsed = parseFlags(args, [...known, ...other]);
  if ('error' in parsed) {
    ctx.io.err(
      `${parsed.error}\n\nUsage:  ${usage}\n\nRun '${command} --help' for more information\n`,
    );
    return 125;
  }
  const lacking = parsed.given.find((g) => other.some((f) => f.long === g));
  if (lacking) return notSimulated(ctx.io, DOCKER_GAP.flags, `${command} --${lacking}`);
  return parsed;
}

/** `verbFlags` bound to one management command's verbs and their usage lines. */
export const flagsOf =
  <Verb extends string>(group: string, usage: Record<Verb, string>) =>
  (ctx: CommandContext, verb: Verb, args: string[], known: FlagSpec[], other: FlagSpec[] = []) =>
    verbFlags(ctx, `docker ${group} ${verb}`, usage[verb], args, known, other);
