/** What the simulated shell, the image's tools and curl do not do, each refused with one line. */
import { gap, type Gap } from '../not-simulated.ts';

export const GAP = {
  select: gap('shell', 'select loops'),
  longLoops: gap('shell', 'for loops over more than 10000 words'),
  endlessLoops: gap(
    'shell',
    'while and until loops past 10000 passes in a script, a build or a container',
    'at the prompt they run until they end or Ctrl+C',
  ),
  conditionals: gap('shell', 'case'),
  functions: gap('shell', 'shell functions'),
  doubleBracket: gap('shell', '[[ … ]] tests', 'use [ … ] (test), which the sandbox has'),
  time: gap('shell', 'time'),
  builtins: gap(
    'shell',
    "bash's other builtins (read, set, shift, local, trap, wait, exec, declare, …)",
  ),
  otherDates: gap(
    'shell',
    'date -d, -f, -r and -s (another date than now, or setting the clock)',
    'date and date +FORMAT read the sandbox clock',
  ),
  nestedShell: gap(
    'shell',
    'an interactive shell inside the shell (bash, sh, and their options)',
    "use bash -c '…' or run the commands here",
  ),
  processSubstitution: gap('shell', 'process substitution <(…)'),
  nestedSubstitution: gap('shell', '$(…) inside ${…} or $((…))'),
  arithmeticAssignment: gap('shell', 'assignments inside $((…))'),
  parameterOperations: gap(
    'shell',
    '${…} forms other than :- - := :+ + :? # ## % %% / // and ${#…}',
  ),
  editors: gap(
    'shell',
    'text editors (vim, nano, emacs, code)',
    'use "edit FILE" to open a file in the editor',
  ),
  packageManagers: gap('shell', 'sudo and package managers (apt, brew)'),
  otherCommands: gap(
    'shell',
    'other programs of a real machine (git, ssh, wget, ps, top, sed, awk, find, tar, …)',
  ),
  grepOptions: gap('shell', 'grep options other than -a -i -v -n -c -o -q -E -F -e'),
  imageServer: gap(
    'image',
    'uvicorn started by a shell script or docker exec inside a container',
    "make it the container's command (docker run IMAGE uvicorn …), or run it on your own Docker",
  ),
  imagePrograms: gap(
    'image',
    "the image's other programs (apt-get, dpkg, su, passwd, …) in RUN steps and containers",
    'run the build or the container on your own Docker',
  ),
  curlOptions: gap('curl', 'other curl options (-u, -F, -G, -k, --cert, --compressed, -x, …)'),
  curlTimes: gap('curl', 'timing and speed variables in curl -w (%{time_total}, …)'),
  curlInternet: gap(
    'curl',
    'curl to the internet (only this machine and its published ports answer)',
  ),
} as const;

const EDITORS = ['vim', 'vi', 'nvim', 'nano', 'pico', 'emacs', 'code', 'micro', 'gedit'];
const PACKAGES = [
  'sudo',
  'su',
  'apt',
  'apt-get',
  'brew',
  'yum',
  'dnf',
  'snap',
  'port',
  'winget',
  'choco',
];
/** Programs a learner's machine has that the sandbox does not: named as missing here, not as unknown. */
const OTHERS = [
  'git',
  'ssh',
  'scp',
  'wget',
  'ps',
  'top',
  'htop',
  'less',
  'more',
  'man',
  'open',
  'xdg-open',
  'nc',
  'telnet',
  'ping',
  'tar',
  'zip',
  'unzip',
  'gzip',
  'find',
  'sed',
  'awk',
  'diff',
  'ln',
  'stat',
  'file',
  'du',
  'df',
  'free',
  'hostname',
  'lsof',
  'netstat',
  'ss',
  'ip',
  'ifconfig',
  'nslookup',
  'dig',
  'make',
  'node',
  'npm',
  'npx',
  'podman',
  'docker-compose',
  'kubectl',
  'minikube',
  'colima',
  'jq',
  'tree',
  'watch',
  'screen',
  'tmux',
  'systemctl',
  'service',
  'journalctl',
  'crontab',
  'chown',
  'useradd',
  'groupadd',
  'adduser',
  'passwd',
  'basename',
  'dirname',
  'realpath',
  'readlink',
  'md5sum',
  'sha256sum',
  'base64',
  'yes',
  'nohup',
  'timeout',
  'zsh',
  'fish',
  'pwsh',
  'powershell',
];

/** bash's builtins the sandbox's shell does not run: named as not simulated, never "not found". */
export const UNSIMULATED_BUILTINS: ReadonlySet<string> = new Set(
  (
    'read set shopt shift local return trap wait let declare typeset readonly ' +
    'getopts pushd popd dirs umask ulimit times fg bg disown exec hash builtin enable caller ' +
    'compgen complete compopt logout suspend mapfile readarray bind fc'
  ).split(' '),
);

export function missingOnHost(name: string): Gap | null {
  if (EDITORS.includes(name)) return GAP.editors;
  if (PACKAGES.includes(name)) return GAP.packageManagers;
  if (OTHERS.includes(name)) return GAP.otherCommands;
  return null;
}

export const SHELL_GAPS: readonly Gap[] = Object.values(GAP);
