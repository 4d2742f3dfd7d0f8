/**
 * The `/bin/sh` (dash) of a Python image, which RUN steps, shell-form CMDs and `docker exec` run
 * in: coreutils, the user tools of Debian (useradd, groupadd, chown), python and pip against the
 * image's own packages. Loaded with docker's code, not before the prompt.
 */
import type { Command, CommandContext, CommandTable } from './types.ts';
import { COMMON } from './index.ts';
import { dashEcho } from './builtins.ts';
import { chown, groupadd, useradd } from './users.ts';
import { runPython } from './python.ts';
import { pip } from './pip.ts';
import { shellPrefix } from './messages.ts';
import { PYTHON_VERSIONS } from '../docker/base-image-files.ts';
import { installedPython } from '../docker/base-image.ts';
import { DEBIAN_PROGRAMS } from './image-programs.ts';
import { catalogFor } from './pip-catalog.ts';
import { notSimulated } from '../not-simulated.ts';
import { GAP } from '../shell/gaps.ts';

/** Which Python the image holds, by the interpreter it has in /usr/bin. */
function imagePython3(ctx: CommandContext): { minor: string; python: string; pip: string } {
  const minor = installedPython(ctx.fs) ?? '3.13';
  return { minor, ...PYTHON_VERSIONS[minor]! };
}

function pipVersion(ctx: CommandContext): number | null {
  if (ctx.args[0] !== '--version' && ctx.args[0] !== '-V') return null;
  const v = imagePython3(ctx);
  ctx.io.out(`pip ${v.pip} from /usr/lib/python3/dist-packages/pip (python ${v.minor})\n`);
  return 0;
}

export function imageCommands(packages: Set<string>): CommandTable {
  const target = { packages, inImage: true, sitePackages: '/usr/lib/python3/dist-packages' };
  // pip reads the distributions of the image's own Python (3.13's and 3.14's differ).
  const imagePip: Command = (ctx) =>
    pipVersion(ctx) ?? pip(ctx, { ...target, python: imagePython3(ctx).minor });
  const imagePython: Command = (ctx: CommandContext) => {
    if (ctx.args[0] === '-m' && ctx.args[1] === 'pip')
      return pip(
        { ...ctx, args: ctx.args.slice(2) },
        { ...target, python: imagePython3(ctx).minor },
      );
    if (ctx.args[0] === '--version' || ctx.args[0] === '-V') {
      ctx.io.out(`Python ${imagePython3(ctx).python}\n`);
      return 0;
    }
    return runPython(ctx, { ...target, python: imagePython3(ctx).minor });
  };
  const imageFastapi: Command = (ctx: CommandContext) => {
    ctx.io.err(
      'To use the fastapi command, please install "fastapi[standard]":\n\n\tpip install "fastapi[standard]"\n\n',
    );
    return 1;
  };
  const commands = new Map<string, Command>([
    ...COMMON,
    ['echo', dashEcho],
    ['useradd', useradd],
    ['groupadd', groupadd],
    ['chown', chown],
    ['pip', imagePip],
    ['pip3', imagePip],
    ['python', imagePython],
    ['python3', imagePython],
  ]);
  if (packages.has('fastapi') && !packages.has('fastapi-cli'))
    commands.set('fastapi', imageFastapi);
  // pip put uvicorn's console script in the image (`which uvicorn` finds it); a server started
  // from a script in the container would need its own network and process: the container's
  // command is where the sandbox runs it.
  if (packages.has('uvicorn'))
    commands.set('uvicorn', (ctx) => {
      if (ctx.args[0] !== '--version') return notSimulated(ctx.io, GAP.imageServer, 'uvicorn');
      const v = imagePython3(ctx);
      const uvicorn = catalogFor(v.minor).dists.get('uvicorn')?.version ?? '';
      ctx.io.out(`Running uvicorn ${uvicorn} with CPython ${v.python} on Linux\n`);
      return 0;
    });
  return {
    commands,
    notFound: (name, io, shell) => {
      if (DEBIAN_PROGRAMS.has(name)) return notSimulated(io, GAP.imagePrograms, name);
      io.err(`${shellPrefix({ shell })}${name}: not found\n`);
      return 127;
    },
  };
}
