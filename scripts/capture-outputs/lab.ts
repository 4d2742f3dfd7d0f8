/**
 * Runs a lesson's commands on the real Docker Engine, in a fresh copy of the project, as a learner types
 * them, and records what each printed. The capture script saves the records; the real-engine tests check
 * them. Run it only under the shared lock (`flock /tmp/layerwise-docker.lock …`).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Claims } from './claims.ts';
import { screenLines } from '../../src/core/text/index.ts';

/**
 * What the terminal shows once the command is done: redraws resolved, colours dropped. The output
 * starts on the line below the typed command (BuildKit's first redraw steps up into that line and
 * back), and rows a redraw cleared below the last line are where the next prompt goes, not output.
 */
const finalScreen = (raw: string) => {
  const rows = screenLines(`$\n${raw}`)
    .slice(1)
    .map((l) => l.text);
  while (rows.length && rows[rows.length - 1] === '' && /[\r\x1b]/.test(raw)) rows.pop();
  const screen = rows.join('\n');
  return screen && /\n$/.test(raw) ? `${screen}\n` : screen;
};
import { copyInto, materialise, WORKSPACE, type WorkspaceState } from './workspace.ts';

/**
 * Situations a learner meets that the shared lab cannot simply be put in (it cannot stop its engine
 * for everyone): the command runs unchanged, inside a staging that gives Docker's CLI the same view.
 */
export const SITUATIONS = {
  /** dockerd stopped: its socket is gone. A private mount namespace hides /run (and /var/run in it). */
  'engine-stopped': (command: string) =>
    `unshare --mount --propagation private bash -c 'mount -t tmpfs tmpfs /run && exec ${command}'`,
  /** a user outside the `docker` group, as on a fresh Linux install */
  'not-in-docker-group': (command: string) =>
    `runuser -u nobody -- env HOME=/tmp bash -c '${command}'`,
} as const;
export type Situation = keyof typeof SITUATIONS;

/**
 * Which engine the lab runs (../shared/docker-lab/up.sh): Engine 28.5 with the classic image store,
 * the course's reference; the same with the containerd image store (Docker Desktop's and Engine 29's
 * default, DOCKER_LAB_STORE=containerd); or Engine 20.10 (DOCKER_LAB_ENGINE=20).
 */
export type LabMode = 'classic' | 'containerd' | 'engine-20';
export const OTHER_MODES = ['containerd', 'engine-20'] as const;

export function labMode(): LabMode {
  const { out } = docker(['info', '--format', '{{.ServerVersion}} {{json .DriverStatus}}']);
  if (/^20\./.test(out)) return 'engine-20';
  return /io\.containerd\.snapshotter/.test(out) ? 'containerd' : 'classic';
}

/** What the lab runs for a step: its command, staged in its situation if it has one. */
export const ranCommand = (step: Step) =>
  step.situation ? SITUATIONS[step.situation](step.run) : step.run;

export interface Step {
  /** the command as typed at the prompt; bash runs it in the project folder */
  run: string;
  /** only for commands that are not Docker's and that the lab must run differently (lesson 4's local app): what the lesson shows */
  shown?: string;
  /** output file under content/outputs/, without `.txt`; steps that share a name make one terminal session */
  capture?: string;
  /** a folder of the project to run it in, e.g. `app` */
  cwd?: string;
  /** a learner's situation the lab stages around the command as shown (see SITUATIONS) */
  situation?: Situation;
  /** run it only on these engines (a claim about one store, or a command another engine lacks) */
  only?: LabMode[];
  /** what the lesson says this command prints on another engine; there the classic claims do not apply */
  on?: Partial<Record<Exclude<LabMode, 'classic'>, Claims>>;
  claims?: Claims;
  /** before running, poll this command until its output matches (the app has started, a name is free) */
  after?: { poll: string; until: RegExp };
  /**
   * It keeps running, like a server in the foreground: wait for `ready`, run `then` "in another terminal",
   * press Ctrl+C. Read through a pipe, so that Ctrl+C can be sent; every other step runs in a terminal.
   */
  serve?: {
    ready: RegExp;
    then: Action[];
    /** before Ctrl+C, wait until the output shows this too (the tool has finished reacting) */
    settled?: RegExp;
    /** in a terminal, as the learner sees it; Ctrl+C is then typed, not sent as a signal */
    tty?: boolean;
  };
}

/** The learner edits a file: it becomes the workspace file `from`, e.g. `variants/changed-main/app/main.py`. */
export interface Edit {
  edit: string;
  from: string;
}

export type Action = Step | Edit;

export interface Scenario {
  name: string;
  /** slug of the lesson that shows its outputs */
  lesson: string;
  workspace: WorkspaceState;
  /** as on a machine that never built the project: an empty build cache and no demo-image tags */
  fresh?: boolean;
  /** writes extra files into the project folder first (e.g. a generated file no lesson shows) */
  prepare?: (dir: string) => void;
  actions: Action[];
  /** claims that compare outputs with each other; returns what does not hold */
  compare?: (results: StepResult[]) => string[];
  /** images it makes that the course's later steps do not use: removed when it ends, whatever happened */
  images?: string[];
}

export interface StepResult {
  step: Step;
  /** what the lesson shows at the prompt */
  shown: string;
  output: string;
  exitCode: number | null;
  /** the learner's edits made before it, as `path = workspace file` */
  edits: string[];
}

const TTY_COLUMNS = 100;
const COMMAND_DEADLINE_MS = 180_000;
const WAIT_DEADLINE_MS = 60_000;
/** Names the lessons give containers; a left-over one would make `docker run --name` fail. */
const COURSE_CONTAINERS = ['demo', 'demo2'];
const env = {
  ...process.env,
  SHELL: '/bin/bash',
  BUILDKIT_PROGRESS: '',
  DOCKER_BUILDKIT: '',
  LANG: 'C.UTF-8',
};

function docker(args: string[]): { out: string; status: number | null } {
  const r = spawnSync('docker', args, { encoding: 'utf8', timeout: 30_000, env });
  return { out: `${r.stdout ?? ''}${r.stderr ?? ''}`, status: r.status };
}

export function engineAnswers(): { ok: true } | { ok: false; why: string } {
  const r = spawnSync('docker', ['version', '--format', '{{.Server.Version}}'], {
    encoding: 'utf8',
    timeout: 15_000,
  });
  if (r.error) return { ok: false, why: `the docker command could not run (${r.error.message})` };
  if (r.status !== 0)
    return {
      ok: false,
      why: `no Docker Engine answers (${(r.stderr || r.stdout).trim().split('\n')[0]})`,
    };
  return { ok: true };
}

/**
 * A command runs in a pseudo-terminal, as at a learner's prompt: tools print for a terminal (BuildKit its
 * redrawing view, curl no progress meter). A server replaces its shell on a pipe, so Ctrl+C (SIGINT)
 * reaches it, unless it asks for a terminal: then Ctrl+C is typed into the terminal (stopAt).
 */
function start(
  command: string,
  cwd: string,
  mode: 'tty' | 'pipe-server' | 'tty-server',
): ChildProcess {
  const args =
    mode === 'pipe-server'
      ? (['bash', ['-c', `exec 2>&1; exec ${command}`]] as const)
      : ([
          'script',
          ['-qfec', `stty cols ${TTY_COLUMNS} rows 200; ${command}`, '/dev/null'],
        ] as const);
  return spawn(args[0], [...args[1]], {
    cwd,
    env,
    stdio: [mode === 'tty-server' ? 'pipe' : 'ignore', 'pipe', 'inherit'],
    detached: false,
  });
}

/** Ctrl+C, as the learner presses it: typed into the terminal, or SIGINT to a server on a pipe. */
const interrupt = (child: ChildProcess) =>
  child.stdin ? child.stdin.write('\x03') : child.kill('SIGINT');

function collect(child: ChildProcess): { text: () => string; exit: Promise<number | null> } {
  let text = '';
  child.stdout?.setEncoding('utf8').on('data', (d: string) => {
    text += d;
  });
  const exit = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { text: () => text, exit };
}

async function withDeadline<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer after ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([p, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Polls `check` until it returns true, or fails after the deadline. */
export async function waitUntil(
  check: () => boolean,
  what: string,
  deadlineMs = WAIT_DEADLINE_MS,
): Promise<void> {
  const end = Date.now() + deadlineMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`waited ${deadlineMs / 1000} s for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function runStep(
  step: Step,
  dir: string,
  results: StepResult[],
  edits: string[],
  mode: LabMode,
): Promise<void> {
  if (step.shown !== undefined && /^docker\b/.test(step.shown))
    throw new Error(`"${step.shown}": a Docker command is shown exactly as it runs`);
  if (step.after) {
    const { poll, until } = step.after;
    await waitUntil(
      () =>
        until.test(
          spawnSync('bash', ['-c', `${poll} 2>&1`], { cwd: dir, encoding: 'utf8', env }).stdout ??
            '',
        ),
      `"${poll}" to match ${until}`,
    );
  }
  const cwd = step.cwd ? join(dir, step.cwd) : dir;
  const child = start(
    ranCommand(step),
    cwd,
    !step.serve ? 'tty' : step.serve.tty ? 'tty-server' : 'pipe-server',
  );
  const { text, exit } = collect(child);
  if (step.serve) {
    const { ready, then } = step.serve;
    try {
      await waitUntil(
        () => ready.test(text()) || child.exitCode !== null,
        `"${step.run}" to print ${ready}`,
      );
      if (!ready.test(text()))
        throw new Error(`"${step.run}" stopped before it was ready:\n${text()}`);
      for (const inner of then) await runAction(inner, dir, results, edits, mode);
      const settled = step.serve.settled;
      if (settled) await waitUntil(() => settled.test(text()), `"${step.run}" to print ${settled}`);
    } finally {
      interrupt(child);
    }
  }
  const exitCode = await withDeadline(exit, COMMAND_DEADLINE_MS, step.run).catch((e: unknown) => {
    child.kill('SIGKILL');
    throw e;
  });
  const raw = text();
  results.push({
    step,
    shown: step.shown ?? step.run,
    output: step.serve && !step.serve.tty ? raw : finalScreen(raw),
    exitCode,
    edits: [...edits],
  });
}

/** A step, or the learner's edit (which later steps' records keep, as `path = workspace file`). */
async function runAction(
  action: Action,
  dir: string,
  results: StepResult[],
  edits: string[],
  mode: LabMode,
): Promise<void> {
  if (!('edit' in action)) {
    if (action.only && !action.only.includes(mode)) return;
    return runStep(action, dir, results, edits, mode);
  }
  copyInto(join(WORKSPACE, action.from), join(dir, action.edit));
  edits.push(`${action.edit} = ${action.from}`);
}

function containerIds(running = false): Set<string> {
  const args = running ? ['ps', '-q', '--no-trunc'] : ['ps', '-aq', '--no-trunc'];
  return new Set(docker(args).out.split('\n').filter(Boolean));
}

function freshEngine(): void {
  const tags = docker(['images', 'demo-image', '--format', '{{.Repository}}:{{.Tag}}'])
    .out.split('\n')
    .filter((t) => t.startsWith('demo-image:'));
  if (tags.length) docker(['rmi', ...tags]);
  const pruned = docker(['builder', 'prune', '-af']);
  if (pruned.status !== 0) throw new Error(`docker builder prune failed: ${pruned.out}`);
}

/** Every step of a scenario, the ones run "in another terminal" included, in the order they start. */
export function stepsOf(scenario: Scenario): Step[] {
  const walk = (actions: Action[]): Step[] =>
    actions.flatMap((a) => ('edit' in a ? [] : [a, ...walk(a.serve?.then ?? [])]));
  return walk(scenario.actions);
}

/** Which containers a scenario's captured `docker ps` would list: all (`-a`), running ones, or none. */
function listedContainers(scenario: Scenario): 'all' | 'running' | 'none' {
  const lists = stepsOf(scenario)
    .filter((s) => s.capture && /^docker (ps|container ls)\b/.test(s.run))
    .map((s) => s.run);
  if (lists.some((run) => /\s(-a|--all)\b/.test(run))) return 'all';
  return lists.length ? 'running' : 'none';
}

/**
 * Runs a scenario from a fresh copy of its project; removes every container it made, whatever happens.
 * A capture (`strangers: 'refuse'`) will not record a `docker ps` that lists other people's containers;
 * a check of the claims (`'tolerate'`) runs anyway, because every claim is about the scenario's own
 * containers, found by their names.
 */
export async function runScenario(
  scenario: Scenario,
  mode: LabMode = 'classic',
  strangers: 'refuse' | 'tolerate' = 'refuse',
): Promise<StepResult[]> {
  const tmp = mkdtempSync(join(tmpdir(), `layerwise-lab-${scenario.name}-`));
  const dir = join(tmp, 'demo');
  for (const name of COURSE_CONTAINERS) docker(['rm', '-f', name]);
  const before = containerIds();
  const listed = strangers === 'tolerate' ? 'none' : listedContainers(scenario);
  const others = listed === 'none' ? 0 : listed === 'all' ? before.size : containerIds(true).size;
  if (others) {
    throw new Error(
      `${scenario.name}: the engine has ${others} container(s) this scenario did not make; its docker ps output would show them`,
    );
  }
  const results: StepResult[] = [];
  const edits: string[] = [];
  try {
    materialise(scenario.workspace, dir);
    scenario.prepare?.(dir);
    if (scenario.fresh) freshEngine();
    for (const action of scenario.actions) await runAction(action, dir, results, edits, mode);
    return results;
  } finally {
    const made = [...containerIds()].filter((id) => !before.has(id));
    if (made.length) docker(['rm', '-f', ...made]);
    // One at a time: an image a failed step never made must not keep the others.
    for (const image of scenario.images ?? []) docker(['image', 'rm', image]);
    rmSync(tmp, { recursive: true, force: true });
  }
}
