/**
 * `uname`: the kernel's names. A container has no kernel of its own, so the host and every
 * container print the same release (the lesson "What is a container" shows it); only the node name
 * differs: the container's hostname is its short ID. Values and messages as the lab's host and its
 * python:3.14-slim container print them (coreutils 9, kernel 6.18.44-fc-v1272, 2026-12-06).
 */
import type { Command, CommandContext } from './types.ts';
import { quote, tryHelp } from './messages.ts';
import { notSimulated } from '../not-simulated.ts';
import { GAP } from '../shell/gaps.ts';
import { MACHINE_NAME } from '../host/machine-name.ts';

/** In the order uname prints them; `-a` leaves out the two that read "unknown", even with `-p` (lab). */
const FIELDS = [
  ['s', 'kernel-name'],
  ['n', 'nodename'],
  ['r', 'kernel-release'],
  ['v', 'kernel-version'],
  ['m', 'machine'],
  ['p', 'processor'],
  ['i', 'hardware-platform'],
  ['o', 'operating-system'],
] as const;
type Field = (typeof FIELDS)[number][0];

function value(ctx: CommandContext, field: Field): string {
  switch (field) {
    case 's':
      return 'Linux';
    case 'n':
      // Docker sets HOSTNAME in a container; a RUN step's is BuildKit's.
      return (
        ctx.shell.env.get('HOSTNAME') ??
        (ctx.shell.dialect === 'dash' ? 'buildkitsandbox' : MACHINE_NAME)
      );
    case 'r':
      return '6.18.44-fc-v1272';
    case 'v':
      return '#1 SMP PREEMPT_DYNAMIC @0';
    case 'm':
      return 'x86_64';
    case 'p':
    case 'i':
      return 'unknown';
    case 'o':
      return 'GNU/Linux';
  }
}

export const uname: Command = (ctx) => {
  const wanted = new Set<Field>();
  let all = false;
  for (const arg of ctx.args) {
    if (arg === '--all') all = true;
    else if (arg.startsWith('--')) {
      const field = FIELDS.find(([, long]) => `--${long}` === arg);
      if (!field) {
        ctx.io.err(`uname: unrecognized option ${quote(ctx, arg)}\n${tryHelp(ctx)}`);
        return 1;
      }
      wanted.add(field[0]);
    } else if (arg.startsWith('-') && arg.length > 1) {
      for (const letter of arg.slice(1)) {
        if (letter === 'a') all = true;
        else if (FIELDS.some(([short]) => short === letter)) wanted.add(letter as Field);
        else {
          ctx.io.err(`uname: invalid option -- ${quote(ctx, letter)}\n${tryHelp(ctx)}`);
          return 1;
        }
      }
    } else {
      ctx.io.err(`uname: extra operand ${quote(ctx, arg)}\n${tryHelp(ctx)}`);
      return 1;
    }
  }
  if (wanted.size === 0 && !all) wanted.add('s');
  const shown = FIELDS.map(([short]) => short).filter((f) =>
    all ? f !== 'p' && f !== 'i' : wanted.has(f),
  );
  ctx.io.out(`${shown.map((f) => value(ctx, f)).join(' ')}\n`);
  return 0;
};

/**
 * `hostname`: the node name `uname -n` prints (a container's short ID). Its other options (the
 * addresses, setting a name) are not simulated.
 */
export const hostname: Command = (ctx) => {
  if (ctx.args.some((a) => a !== '-s' && a !== '--short'))
    return notSimulated(ctx.io, GAP.imagePrograms, `hostname ${ctx.args.join(' ')}`);
  ctx.io.out(`${value(ctx, 'n')}\n`);
  return 0;
};
