/**
 * `pip install` / `pip freeze` / `pip list`. Installs are instant and offline: a package the
 * catalog knows is "downloaded"; one it does not know fails as pip fails without an index. Inside
 * an image (a RUN step) the output is the lab engine's real one: every requirement "already
 * satisfied", then the root-user warning (tests/fixtures/sandbox/real/build-cold-plain.txt).
 */
import type { CommandContext } from './types.ts';
import { relativeTo, resolvePath } from '../../text/index.ts';
import {
  canonical,
  catalogFor,
  parseRequirement,
  resolve,
  type Requirement,
} from './pip-catalog.ts';

const ROOT_WARNING =
  "WARNING: Running pip as the 'root' user can result in broken permissions and conflicting behaviour with the system package manager, possibly rendering your system unusable. It is recommended to use a virtual environment instead: https://pip.pypa.io/warnings/venv. Use the --root-user-action option if you know what you are doing and want to suppress this warning.";

/** Where pip installs: the image's packages, or the host environment (the active venv or the system). */
export interface PipTarget {
  packages: Set<string>;
  inImage: boolean;
  sitePackages: string;
  /** the environment's Python (`3.13`, `3.14`): which distributions it can have */
  python?: string;
}

export function pip(ctx: CommandContext, target: PipTarget): number {
  const [sub, ...rest] = ctx.args;
  const { io } = ctx;
  const catalog = catalogFor(target.python);
  if (sub === '--version' || sub === '-V') {
    io.out(`pip 25.1.1 from ${target.sitePackages}/pip (python 3.13)\n`);
    return 0;
  }
  if (sub === 'freeze' || sub === 'list') {
    const names = [...target.packages]
      .map((n) => catalog.dists.get(n))
      .filter((d) => d !== undefined)
      .sort((a, b) => (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : 1));
    if (sub === 'freeze') io.out(names.map((d) => `${d.name}==${d.version}\n`).join(''));
    else
      io.out(
        [
          'Package           Version',
          '----------------- -------',
          ...names.map((d) => `${d.name.padEnd(17)} ${d.version}`),
        ].join('\n') + '\n',
      );
    return 0;
  }
  if (sub !== 'install') {
    io.err(sub ? `ERROR: unknown command "${sub}"\n` : '\nUsage:   \n  pip <command> [options]\n');
    return sub ? 1 : 0;
  }
  const top: { requirement: Requirement; origin: string }[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '-r' || arg === '--requirement') {
      const file = rest[++i] ?? '';
      const text = ctx.fs.read(resolvePath(ctx.shell.cwd, file, ctx.shell.home));
      if (text === null) {
        io.err(
          `ERROR: Could not open requirements file: [Errno 2] No such file or directory: '${file}'\n`,
        );
        return 1;
      }
      text.split('\n').forEach((line, n) => {
        const requirement =
          line.trim().startsWith('#') || line.trim().startsWith('-')
            ? null
            : parseRequirement(line);
        if (requirement) top.push({ requirement, origin: `-r ${file} (line ${n + 1})` });
      });
    } else if (!arg.startsWith('-')) {
      const requirement = parseRequirement(arg);
      if (requirement) top.push({ requirement, origin: '' });
    }
  }
  if (top.length === 0) {
    io.err('ERROR: You must give at least one requirement to install (see "pip help install")\n');
    return 1;
  }
  const { resolved, missing } = resolve(top, catalog);
  const lines: string[] = [];
  const fresh = resolved.filter((r) => !target.packages.has(canonical(r.dist.name)));
  for (const r of resolved) {
    const from = r.parents.length ? ` (from ${r.parents.join('->')})` : '';
    if (target.inImage || !fresh.includes(r))
      lines.push(
        `Requirement already satisfied: ${r.requirement.text} in ${target.sitePackages}${from} (${r.dist.version})`,
      );
    else
      lines.push(
        `Collecting ${r.requirement.text}${from}`,
        `  Downloading ${r.dist.name.replace(/-/g, '_')}-${r.dist.version}-py3-none-any.whl`,
      );
  }
  if (missing) {
    io.out(lines.map((l) => `${l}\n`).join(''));
    io.err(
      `ERROR: Could not find a version that satisfies the requirement ${missing.text} (from versions: none)\nERROR: No matching distribution found for ${missing.text}\n`,
    );
    return 1;
  }
  for (const r of resolved) target.packages.add(canonical(r.dist.name));
  if (!target.inImage && fresh.length) {
    lines.push(`Installing collected packages: ${fresh.map((r) => r.dist.name).join(', ')}`);
    lines.push(
      `Successfully installed ${fresh
        .map((r) => `${r.dist.name}-${r.dist.version}`)
        .sort()
        .join(' ')}`,
    );
  }
  io.out(lines.map((l) => `${l}\n`).join(''));
  if (target.inImage) io.err(`${ROOT_WARNING}\n`);
  return 0;
}

/** The host environment pip and the console scripts use: the active venv, else the system Python. */
export function hostEnvironment(ctx: CommandContext): PipTarget {
  const key = ctx.shell.venv ?? 'system';
  let packages = ctx.host.python.get(key);
  if (!packages) ctx.host.python.set(key, (packages = new Set()));
  const rel = ctx.shell.venv ? relativeTo(ctx.shell.cwd, ctx.shell.venv) : null;
  const venvShown = rel === null ? ctx.shell.venv : `./${rel}`;
  return {
    packages,
    inImage: false,
    sitePackages: ctx.shell.venv
      ? `${venvShown}/lib/python3.13/site-packages`
      : '/usr/lib/python3/dist-packages',
  };
}
