/**
 * The learner's bash on the laptop, and the commands it shares with the `/bin/sh` (dash) of an
 * image (image-table.ts, loaded with docker's code).
 */
import type { Command, CommandTable, Io } from './types.ts';
import { notSimulated } from '../not-simulated.ts';
import { missingOnHost } from '../shell/gaps.ts';
import { cat, chmod, cp, mkdir, mv, rm, touch } from './files.ts';
import { ls } from './ls.ts';
import { grep, head, tail, wc } from './text-filters.ts';
import { cd, clear, edit, help, history, jobs, kill, pwd } from './session.ts';
import { echo, exit, exportCommand, falseCommand, trueCommand, unset } from './builtins.ts';
import type * as More from './more-commands.ts';
import type * as Python from './python.ts';
import { lazyCommand } from './lazy-command.ts';
import { alias, unalias } from './alias.ts';

/** `docker`: its handlers, and the image builder they load in turn, arrive after the prompt. */
export const docker = lazyCommand(() => import('../docker/cli/index.ts').then((m) => m.docker));

/** `curl` (with its options and transfer, a tenth of the code before the prompt) arrives after it. */
const curl = lazyCommand(() => import('./curl.ts').then((m) => m.curl));

/** Python, pip (with its catalog) and the venv's commands, which the image's shell shares, arrive after it too. */
const py = (pick: (m: typeof Python) => Command) =>
  lazyCommand(() => import('./python.ts').then(pick));
const [python, pipCommand, uvicorn, fastapi, source, deactivate] = [
  py((m) => m.python),
  py((m) => m.pipCommand),
  py((m) => m.uvicorn),
  py((m) => m.fastapi),
  py((m) => m.source),
  py((m) => m.deactivate),
];

/** One of the commands no lesson needs before its first prompt (more-commands.ts). */
const later = (pick: (m: typeof More) => Command) =>
  lazyCommand(() => import('./more-commands.ts').then(pick));
const [cut, sort, uniq, tr, tee, xargs] = [
  later((m) => m.cut),
  later((m) => m.sort),
  later((m) => m.uniq),
  later((m) => m.tr),
  later((m) => m.tee),
  later((m) => m.xargs),
];
const [printf, test, type, command, which, printenv, env, whoami, id, sleep, seq, shellCommand] = [
  later((m) => m.printf),
  later((m) => m.test),
  later((m) => m.type),
  later((m) => m.command),
  later((m) => m.which),
  later((m) => m.printenv),
  later((m) => m.env),
  later((m) => m.whoami),
  later((m) => m.id),
  later((m) => m.sleep),
  later((m) => m.seq),
  later((m) => m.shellCommand),
];
const uname = later((m) => m.uname);
const date = later((m) => m.date);
const hostname = later((m) => m.hostname);

/** Fetches those commands behind the prompt, before anyone types one. */
export function preloadCommands(): void {
  printf.preload();
  curl.preload();
  python.preload();
}

/** What the learner's bash and an image's dash both have. */
export const COMMON: [string, Command][] = [
  ['ls', ls],
  ['cat', cat],
  ['mkdir', mkdir],
  ['touch', touch],
  ['rm', rm],
  ['mv', mv],
  ['cp', cp],
  ['chmod', chmod],
  ['head', head],
  ['tail', tail],
  ['grep', grep],
  ['wc', wc],
  ['cut', cut],
  ['sort', sort],
  ['uniq', uniq],
  ['tr', tr],
  ['tee', tee],
  ['xargs', xargs],
  ['cd', cd],
  ['pwd', pwd],
  ['printf', printf],
  ['export', exportCommand],
  ['unset', unset],
  ['exit', exit],
  ['true', trueCommand],
  [':', trueCommand],
  ['false', falseCommand],
  ['test', test],
  ['[', test],
  ['type', type],
  ['command', command],
  ['which', which],
  ['printenv', printenv],
  ['env', env],
  ['whoami', whoami],
  ['id', id],
  ['sleep', sleep],
  ['date', date],
  ['uname', uname],
  ['hostname', hostname],
  ['seq', seq],
  ['sh', shellCommand],
  ['bash', shellCommand],
];

export function hostCommands(): CommandTable {
  const commands = new Map<string, Command>([
    ...COMMON,
    ['echo', echo],
    ['help', help],
    ['clear', clear],
    ['history', history],
    ['alias', alias],
    ['unalias', unalias],
    ['edit', edit],
    ['jobs', jobs],
    ['kill', kill],
    ['source', source],
    ['.', source],
    ['deactivate', deactivate],
    ['python', python],
    ['python3', python],
    ['pip', pipCommand],
    ['pip3', pipCommand],
    ['uvicorn', venvScript('uvicorn', uvicorn)],
    ['fastapi', venvScript('fastapi', fastapi)],
    ['curl', curl],
    ['docker', docker],
  ]);
  return { commands, notFound: hostNotFound };
}

/** A console script exists only once pip has installed its package into the active environment. */
function venvScript(pkg: string, command: Command): Command {
  return (ctx) => {
    const installed = ctx.host.python.get(ctx.shell.venv ?? 'system')?.has(pkg);
    if (!installed) {
      ctx.io.err(`bash: ${ctx.name}: command not found\n`);
      return 127;
    }
    return command(ctx);
  };
}

/**
 * A command the learner's machine would have but the sandbox lacks is named as such (one line,
 * what to do instead); anything else gets bash's own words.
 */
function hostNotFound(name: string, io: Io): number {
  const gap = missingOnHost(name);
  if (gap) return notSimulated(io, gap, name, 127);
  io.err(`bash: ${name}: command not found
`);
  return 127;
}
