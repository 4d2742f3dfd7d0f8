/** Finds `pip install` in a RUN step and reads what it installs and how. */
import type { Step } from './model.ts';
import { splitCommands } from '../text/index.ts';

export interface PipInstall {
  /** `pip`, or `uv` for `uv pip install` (which has its own cache flags) */
  tool: 'pip' | 'uv';
  /** files given with -r/--requirement, as written */
  requirementFiles: string[];
  /** distributions named on the command line, e.g. `fastapi`, `uvicorn==0.32.0` */
  packages: string[];
  /** a local project or archive: `.`, `-e .`, `./dist/x.whl` */
  installsLocal: boolean;
  noCacheDir: boolean;
}

// pip's install options that take a value, so the value is not read as a package name.
const TAKES_VALUE = new Set([
  '-r',
  '--requirement',
  '-c',
  '--constraint',
  '-e',
  '--editable',
  '-i',
  '--index-url',
  '--extra-index-url',
  '-f',
  '--find-links',
  '-t',
  '--target',
  '--prefix',
  '--root',
  '--src',
  '--upgrade-strategy',
  '--platform',
  '--python-version',
  '--implementation',
  '--abi',
  '--progress-bar',
  '--cache-dir',
  '--log',
  '--proxy',
  '--retries',
  '--timeout',
  '--exists-action',
  '--trusted-host',
  '--cert',
  '--client-cert',
  '--global-option',
  '--config-settings',
  '-C',
  '--no-binary',
  '--only-binary',
  '--report',
  '--python',
  '--root-user-action',
]);

/** Upgrading the installer itself is not an application dependency. */
const TOOLING = new Set(['pip', 'setuptools', 'wheel', 'uv']);

export function findPipInstalls(step: Step): PipInstall[] {
  if (step.keyword !== 'RUN') return [];
  const commands = step.exec ? [step.exec] : splitCommands(step.text);
  return commands.flatMap((words) => {
    const install = pipArguments(words);
    if (!install) return [];
    const result = readInstall(install.tool, install.args);
    // `PIP_NO_CACHE_DIR=1 pip install …` switches the cache off for this command alone.
    if (install.assignments.some((a) => a.startsWith('PIP_NO_CACHE_DIR=')))
      result.noCacheDir = true;
    return [result];
  });
}

/** The words after `install`, whichever way pip was started. */
function pipArguments(
  words: readonly string[],
): { tool: PipInstall['tool']; args: string[]; assignments: string[] } | null {
  let i = 0;
  while (
    i < words.length &&
    (/^\w+=/.test(words[i] ?? '') || ['exec', 'sudo', 'env'].includes(words[i] ?? ''))
  )
    i++;
  const assignments = words.slice(0, i);
  const program = (words[i] ?? '').split('/').pop() ?? '';
  let tool: PipInstall['tool'] = 'pip';
  if (/^pip(?:\d+(?:\.\d+)?)?$/.test(program)) i += 1;
  else if (
    /^python(?:\d+(?:\.\d+)?)?$/.test(program) &&
    words[i + 1] === '-m' &&
    words[i + 2] === 'pip'
  )
    i += 3;
  else if (program === 'uv' && words[i + 1] === 'pip') [tool, i] = ['uv', i + 2];
  else return null;
  return words[i] === 'install' ? { tool, args: words.slice(i + 1), assignments } : null;
}

function readInstall(tool: PipInstall['tool'], args: readonly string[]): PipInstall {
  const result: PipInstall = {
    tool,
    requirementFiles: [],
    packages: [],
    installsLocal: false,
    noCacheDir: false,
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const [option, inlineValue] = splitOption(arg);
    const value = inlineValue ?? (TAKES_VALUE.has(option) ? args[++i] : undefined);
    if (option === '--no-cache-dir' || (tool === 'uv' && option === '--no-cache'))
      result.noCacheDir = true;
    else if ((option === '-r' || option === '--requirement') && value !== undefined)
      result.requirementFiles.push(value);
    else if (option === '-e' || option === '--editable') result.installsLocal = true;
    else if (!arg.startsWith('-')) {
      if (isLocal(arg)) result.installsLocal = true;
      else if (!TOOLING.has(arg.toLowerCase())) result.packages.push(arg);
    }
  }
  return result;
}

/** `--requirement=x` → [`--requirement`, `x`]; `-rx` → [`-r`, `x`]; anything else → [arg, undefined]. */
function splitOption(arg: string): [string, string | undefined] {
  if (arg.startsWith('--')) {
    const eq = arg.indexOf('=');
    return eq === -1 ? [arg, undefined] : [arg.slice(0, eq), arg.slice(eq + 1)];
  }
  if (/^-[rcefit].+/.test(arg)) return [arg.slice(0, 2), arg.slice(2)];
  return [arg, undefined];
}

function isLocal(arg: string): boolean {
  return arg === '.' || /^(?:\.{1,2}\/|\/)/.test(arg) || /\.(?:whl|tar\.gz|zip)$/.test(arg);
}
