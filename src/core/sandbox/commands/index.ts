/**
 * The two command tables: the learner's bash on the host, and the `/bin/sh` (dash) of a Python
 * image, which RUN steps and shell-form CMDs run in.
 */
import type { Command, CommandContext, CommandTable } from './types.ts';
import { cat, chmod, cp, ls, mkdir, mv, rm, touch } from './files.ts';
import { grep, head, tail, wc } from './text-filters.ts';
import {
  cd,
  clear,
  echo,
  edit,
  exportCommand,
  falseCommand,
  help,
  history,
  jobs,
  kill,
  printf,
  pwd,
  trueCommand,
} from './session.ts';
import { deactivate, fastapi, pipCommand, python, source, uvicorn } from './python.ts';
import { curl } from './curl.ts';
import { pip } from './pip.ts';
import { lazyCommand } from './lazy-command.ts';

/** `docker`: its handlers, and the image builder they load in turn, arrive after the prompt. */
export const docker = lazyCommand(() => import('../docker/cli/index.ts').then((m) => m.docker));

const COMMON: [string, Command][] = [
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
  ['cd', cd],
  ['pwd', pwd],
  ['echo', echo],
  ['printf', printf],
  ['export', exportCommand],
  ['true', trueCommand],
  ['false', falseCommand],
];

export function hostCommands(): CommandTable {
  const commands = new Map<string, Command>([
    ...COMMON,
    ['help', help],
    ['clear', clear],
    ['history', history],
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
  return { commands, notFound: (name) => `bash: ${name}: command not found${hint(name)}` };
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

function hint(name: string): string {
  if (['vim', 'vi', 'nano', 'code', 'emacs'].includes(name))
    return `\n(the sandbox has no ${name}: use "edit FILE" to open a file in the editor)`;
  if (name === 'sudo' || name === 'apt' || name === 'apt-get')
    return '\n(the sandbox is a simulated laptop: Docker, Python, curl and file commands are here; type "help")';
  return '\n(type "help" to see the commands this sandbox has)';
}

/** The image's shell: coreutils, python and pip against the image's own packages. */
export function imageCommands(packages: Set<string>): CommandTable {
  const target = { packages, inImage: true, sitePackages: '/usr/lib/python3/dist-packages' };
  const imagePip: Command = (ctx) => pip(ctx, target);
  const imagePython: Command = (ctx: CommandContext) =>
    ctx.args[0] === '-m' && ctx.args[1] === 'pip'
      ? pip({ ...ctx, args: ctx.args.slice(2) }, target)
      : python(ctx);
  const imageFastapi: Command = (ctx: CommandContext) => {
    ctx.io.err(
      'To use the fastapi command, please install "fastapi[standard]":\n\n\tpip install "fastapi[standard]"\n\n',
    );
    return 1;
  };
  const commands = new Map<string, Command>([
    ...COMMON,
    ['pip', imagePip],
    ['pip3', imagePip],
    ['python', imagePython],
    ['python3', imagePython],
  ]);
  if (packages.has('fastapi') && !packages.has('fastapi-cli'))
    commands.set('fastapi', imageFastapi);
  return { commands, notFound: (name) => `/bin/sh: 1: ${name}: not found` };
}
