/**
 * Whole terminal sessions, typed one command at a time into a real interactive shell
 * (pty-session.py): what a learner copies from a terminal, prompts and all. They give the outputs
 * a pipe cannot: curl's body with no final newline and the next prompt glued to it (bash, a venv
 * prompt, zsh's `%` mark), tables formatted with --format, `docker ps` beside ss/netstat, and
 * the CLI's flag errors. Engine 28.5; containers and images are named parser-*.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { capture, quote, sh, waitFor } from './lab.ts';
import { removeContainers, workspace } from './workspace.ts';

const DRIVER = new URL('./pty-session.py', import.meta.url).pathname;
export const PORT = 8483;
const ADDR_PORT = 8484;
const answers = (port: number) => sh(`curl -s -o /dev/null http://localhost:${port}/`).code === 0;

interface Shell {
  /** the shell and its arguments; RC is replaced by a start-up file that sets only the prompt */
  argv: string;
  /** the start-up file's text (bash does not take PS1 from the environment when run as root) */
  rc: string;
  promptEnd: string;
}
const BASH: Shell = {
  argv: 'bash --noprofile --rcfile RC -i',
  rc: "PS1='me@lab:~/demo$ '\n",
  promptEnd: '$ ',
};
const VENV_BASH: Shell = { ...BASH, rc: "PS1='(.venv) me@lab:~/demo$ '\n" };
// zsh reads $ZDOTDIR/.zshrc; "%%" is a literal %. The lab runs as root, for whom zsh's prompt and
// its no-final-newline mark would say #: both are set to what any other user sees.
const ZSH: Shell = {
  argv: 'env ZDOTDIR=RC zsh -i',
  rc: "PS1='me@lab demo %% '\nPROMPT_EOL_MARK='%B%S%%%s%b'\n",
  promptEnd: '% ',
};

export function session(name: string, shell: Shell, commands: string[], note: string): void {
  const typed = commands.join('\n');
  const dir = mkdtempSync(join(tmpdir(), 'fx-shell-'));
  const zsh = shell.argv.includes('zsh');
  writeFileSync(join(dir, zsh ? '.zshrc' : 'rc'), shell.rc);
  const argv = shell.argv.replace('RC', zsh ? dir : join(dir, 'rc'));
  capture({
    name,
    command: commands.join(' ; '),
    note: `${note}. Typed one command at a time into an interactive ${zsh ? 'zsh' : 'bash'} in a pseudo-terminal (100 columns), prompt set by its start-up file: ${shell.rc.trim()}`,
    driver: `printf '%s\\n' ${quote(typed)} | env TERM=xterm-256color python3 ${DRIVER} 100 ${quote(shell.promptEnd)} ${argv}`,
  });
  rmSync(dir, { recursive: true, force: true });
}

/** The course image, built here under its own name (demo-image belongs to whoever built it last). */
export function buildDemo(): string {
  const w = workspace();
  const r = sh('docker build -q -t parser-demo .', w.dir);
  if (r.code !== 0) throw new Error(`could not build parser-demo: ${r.out}`);
  return w.dir;
}

const CONTAINERS = ['parser-web', 'parser-dup', 'parser-addr', 'parser-z'];

export function captureSessions(): void {
  removeContainers(CONTAINERS);
  let server: string | null = null;
  try {
    buildDemo();
    sh(`docker run -d --name parser-web -p 127.0.0.1:${PORT}:8000 parser-demo`);
    waitFor('the app', () => answers(PORT), 60_000);
    const url = `http://localhost:${PORT}/`;
    session(
      'session-curl-glued-bash',
      BASH,
      [`curl ${url}`, 'docker ps --filter name=parser-web'],
      'curl prints the body with no final newline, so bash prints its next prompt right after it',
    );
    session(
      'session-curl-glued-venv',
      VENV_BASH,
      [`curl ${url}`],
      'the same with a virtualenv prompt',
    );
    session(
      'session-curl-glued-zsh',
      ZSH,
      [`curl ${url}`, `curl -i ${url}`],
      'zsh marks output that had no final newline with a reverse-video % and starts the prompt on the next line',
    );
    session(
      'session-ps-format-tables',
      BASH,
      [
        'docker ps --filter name=parser-web --format "table {{.Names}}\\t{{.Status}}\\t{{.Ports}}"',
        'docker ps --filter name=parser-web --format "table {{.ID}}\\t{{.Image}}\\t{{.Ports}}\\t{{.Names}}"',
      ],
      "docker ps with the learner's own --format table columns",
    );
    session(
      'session-ps-then-ss',
      BASH,
      [
        'docker ps --filter name=parser-web',
        `ss -tlnp | grep ${PORT}`,
        `netstat -tlnp | grep ${PORT}`,
      ],
      'docker ps, then which process holds the port',
    );
    session(
      'session-images-format',
      BASH,
      [
        'docker images python --format "table {{.Repository}}\\t{{.Tag}}\\t{{.Size}}"',
        'docker images python --format "table {{.Repository}}:{{.Tag}}\\t{{.ID}}\\t{{.CreatedSince}}"',
      ],
      "docker images with the learner's own --format table columns",
    );
    session(
      'session-flag-errors',
      BASH,
      [
        'docker run -z parser-demo',
        'docker run --rm parser-demo -p 8000:8000 --help-me',
        'docker compose up -x',
        'docker build -t parser-demo -x .',
      ],
      'options Docker does not know, and one after the image name (passed to the container)',
    );
    server = sh(
      `python3 -m http.server ${ADDR_PORT} --bind 127.0.0.1 >/dev/null 2>&1 & echo $!`,
    ).out.trim();
    waitFor('the host server', () => answers(ADDR_PORT));
    session(
      'session-port-errors',
      BASH,
      [
        `docker run -d --name parser-dup -p 127.0.0.1:${PORT}:8000 parser-demo`,
        `docker run -d --name parser-addr -p 127.0.0.1:${ADDR_PORT}:8000 parser-demo`,
      ],
      `host port ${PORT} is published by parser-web; ${ADDR_PORT} is held by a Python http.server on the host`,
    );
  } finally {
    if (server) sh(`kill ${server}`);
    removeContainers(CONTAINERS);
  }
}
