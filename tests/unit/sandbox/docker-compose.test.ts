/**
 * `docker compose`, replayed against the lab's recordings (Compose 2.40.3, Engine 28.5:
 * tests/fixtures/sandbox/real/engine-28/compose-*.txt; VERSIONS.txt says how each was made).
 * Without a terminal, each command's output and status as recorded, IDs, ages, client ports and
 * the lab's temp folder read as placeholders; BuildKit's own lines are the build tests' business
 * (the recordings began with a warm cache), Compose's lines after them are compared. On a terminal,
 * the last frame Compose draws, and the foreground `up` stopped with Ctrl+C.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { usePython } from '../python/use-python.ts';
import {
  demoSandbox,
  inOtherTerminal,
  recordedBlocks,
  screen,
  type RecordedBlock,
} from './helpers.ts';
import { screenLines, stripAnsi } from '../../../src/core/text/index.ts';

usePython();

const PROJECT = '/home/learner/demo';
const PROMPT = 'learner@layerwise:~/demo$ ';

/** A terminal's lines as read once it is done (redraws resolved); blank lines and Compose's keyboard menu dropped. */
const visibleLines = (text: string) =>
  screenLines(`$\n${text}`)
    .slice(1)
    .map((l) => l.text.trimEnd())
    .filter((l) => l !== '' && !l.includes('Enable Watch'));

const COMPOSE_YAML = readFileSync(
  new URL('../../../content/workspace/variants/compose/compose.yaml', import.meta.url),
  'utf8',
);
const CHANGED_MAIN = readFileSync(
  new URL('../../../content/workspace/variants/changed-main/app/main.py', import.meta.url),
  'utf8',
);

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/sandbox/real/engine-28/${name}`, import.meta.url), 'utf8');

type Block = RecordedBlock;

const blocks = (name: string) => recordedBlocks(name);

/** What differs between two honest runs: IDs, ages, client ports, the lab's temp folder, timers. */
function normalised(text: string): string {
  return (
    stripAnsi(text)
      .replace(/\/tmp\/cap[a-z]-\w+\/demo/g, PROJECT)
      .replace(/time="[^"]*"/g, 'time="<t>"')
      .replace(/[0-9a-f]{64}/g, '<id>')
      .replace(/\b[0-9a-f]{12}\b/g, '<id12>')
      .replace(/\b172\.18\.0\.1:\d+/g, '172.18.0.1:<port>')
      .replace(/Up (\d+ seconds?|Less than a second|About a minute)/g, 'Up <age>')
      .replace(/(Exited \(\d+\)) (Less than a second|\d+ seconds?) ago/g, '$1 <ago>')
      .replace(/\b(\d+ seconds?|Less than a second) ago/g, '<ago>')
      .replace(/\b\d+\.\ds ?$/gm, '<t>')
      .replace(/Building \d+\.\ds/g, 'Building <t>')
      .replace(/\b\d+(\.\d+)?(B|kB|MB)\b/g, '<size>')
      .split('\n')
      // BuildKit's lines, and the blank lines between its vertices
      .filter((line) => !/^#\d+ /.test(line) && line !== '')
      .join('\n')
      // a table's columns are as wide as their cells, which the ages above change
      .replace(/ {2,}/g, '   ')
  );
}

async function replay(
  t: ReturnType<typeof demoSandbox>,
  recorded: Block[],
  options: { tty?: boolean; skip?: (block: Block, index: number) => boolean } = {},
) {
  for (const [i, block] of recorded.entries()) {
    if (options.skip?.(block, i)) continue;
    const got = await t.sandbox.runLine(block.command, { tty: options.tty ?? false });
    const shown = (text: string) =>
      options.tty ? normalised(finalScreen(text)) : normalised(text);
    expect({ command: block.command, output: shown(got.output), exit: got.exitCode }).toEqual({
      command: block.command,
      output: shown(block.output),
      exit: block.exit,
    });
  }
}

/** What a terminal shows once a command is done: redraws resolved (capture-outputs' finalScreen). */
function finalScreen(raw: string): string {
  return screenLines(`$\n${raw}`)
    .slice(1)
    .map((l) => l.text)
    .filter((l) => !l.startsWith(' => '))
    .join('\n');
}

/** The command typed at the terminal's prompt; resolves with the screen once `until` shows. */
async function typed(t: ReturnType<typeof demoSandbox>, command: string, until: string) {
  const s = screen((l) => t.sandbox.onOutput(l));
  await s.waitFor(PROMPT, 5000, 'at-end');
  s.clear();
  t.sandbox.write(`${command}\r`);
  await s.waitFor(until, 5000);
  return s;
}

function withCompose() {
  const t = demoSandbox();
  t.sandbox.fs.write(`${PROJECT}/compose.yaml`, COMPOSE_YAML);
  return t;
}

describe('docker compose, as the lab recorded it', () => {
  it('up --build -d, ps, logs, exec, stop/start/restart, a change, down twice, build, kill, rm, a port taken (compose-plain.txt)', async () => {
    const t = withCompose();
    const recorded = blocks('compose-plain.txt');
    const at = recorded.findIndex(
      (b) => b.command === 'docker compose up -d' && /Running/.test(b.output),
    );
    // Before the change of app/main.py: the recording's first half.
    const change = recorded.findIndex((b, i) => i > at && b.command === 'docker compose up -d');
    await replay(t, recorded.slice(0, change), {
      // Networks of inspect and docker compose top are not simulated (the first as a field);
      // docker compose config prints the canonical model, which the simulator does not.
      skip: (b) => /NetworkSettings\.Networks|compose top|compose config/.test(b.command),
    });
    t.sandbox.fs.write(`${PROJECT}/app/main.py`, CHANGED_MAIN);
    await replay(t, recorded.slice(change), {
      // The lab's curl right after `up -d` raced the restart before it (exit 56): not a learner's
      // view. Without --build, the old container goes on with the old code:
      skip: (b, i) => i === 1 || /compose config|compose top/.test(b.command),
    });
    expect(recorded[change + 1]!.command).toBe('curl -s localhost:8000/');
  });

  it('exec, start, stop, restart and kill on a stopped or running service; rm -sf (compose-lifecycle-errors.txt)', async () => {
    const t = withCompose();
    // the recording began with the image built
    await t.run('docker compose build -q');
    const recorded = blocks('compose-lifecycle-errors.txt');
    // up to `ps --format json` (not simulated) and the Compose file mistakes, tested below
    const end = recorded.findIndex((b) => b.command.includes('--format json'));
    await replay(t, recorded.slice(0, end));
  });

  it('-f FILE and -p NAME before the command, and their mistakes (compose-project-flags.txt)', async () => {
    const t = withCompose();
    // the recording began with the image built
    await t.run('docker compose build -q');
    const recorded = blocks('compose-project-flags.txt');
    // run from the project's parent folder
    const fromParent = (b: Block) => b.command.includes(' demo/compose.yaml');
    await replay(t, recorded, { skip: fromParent });
    await t.run('cd ..');
    await replay(t, recorded.filter(fromParent));
  });

  it('the foreground up on a terminal: Attaching, each line prefixed, Ctrl+C stops it gracefully, status 0 (compose-foreground-ctrl-c-tty.txt)', async () => {
    const t = withCompose();
    await t.run('docker compose build -q');
    const s = await typed(t, 'docker compose up', 'Uvicorn running on');
    t.sandbox.write('\x03');
    await s.waitFor(PROMPT, 5000, 'at-end');
    t.sandbox.write('echo "[exit $?]"\r');
    await s.waitFor('[exit ', 5000);
    await s.waitFor(PROMPT, 5000, 'at-end');
    const shown = visibleLines(s.text).filter((l) => !l.includes(PROMPT.trim()));
    // Compose redraws its keyboard menu on the last row around each line (save cursor, clear the
    // rows below, restore): what follows the last restore on each line is what stays.
    const recorded = fixture('compose-foreground-ctrl-c-tty.txt')
      .split('\n')
      .slice(1)
      .map((l) =>
        stripAnsi(l.replace(/^[^]*\x1b8/, ''))
          .replace(/\r/g, '')
          .trimEnd(),
      )
      .filter((l) => l !== '' && !l.includes('Enable Watch'))
      // progress frames before the last, which a terminal redraws in place
      .filter((l) => !/^ [\u2800-\u28ff] /.test(l) && !/^\[\+\] Running (\d+)\/(?!\1$)/.test(l));
    expect(shown.map(normalised)).toEqual(recorded.map(normalised));
  });

  it("the foreground up into a file (no terminal): Compose's plain lines, and 130 after Ctrl+C (compose-foreground-and-keys.txt)", async () => {
    const t = withCompose();
    await t.run('docker compose build -q');
    const s = screen((l) => t.sandbox.onOutput(l));
    await s.waitFor(PROMPT, 5000, 'at-end');
    t.sandbox.write('docker compose up > up.txt 2>&1\r');
    const deadline = Date.now() + 5000;
    while (
      !(t.sandbox.fs.read('up.txt') ?? '').includes('Uvicorn running') &&
      Date.now() < deadline
    )
      await new Promise((r) => setTimeout(r, 0));
    t.sandbox.write('\x03');
    await s.waitFor(PROMPT, 5000, 'at-end');
    s.clear();
    const recorded = blocks('compose-foreground-and-keys.txt')[1]!;
    const [exit, ...output] = recorded.output.split('\n');
    t.sandbox.write('echo "[exit $?]"\r');
    await s.waitFor(`${exit!}\r\n`, 5000);
    expect(normalised(t.sandbox.fs.read('up.txt') ?? '')).toBe(normalised(output.join('\n')));
  });

  it("a failed build: the step, its log, the Dockerfile excerpt and Compose's own last line (compose-build-failure.txt)", async () => {
    const t = withCompose();
    const dockerfile = t.sandbox.fs.read(`${PROJECT}/Dockerfile`)!;
    t.sandbox.fs.write(
      `${PROJECT}/Dockerfile`,
      dockerfile.replace(/^RUN pip install.*$/m, 'RUN pip install nosuchpkg'),
    );
    const got = await t.run('docker compose up --build -d');
    const recorded = fixture('compose-build-failure.txt').split('[exit 1]')[0]!;
    // From the failed step's block on, exactly, blank lines included; the step log's seconds
    // since the step began (pip's, at its pace) read as <t>.
    const trailer = (text: string) =>
      stripAnsi(text)
        .slice(stripAnsi(text).indexOf('------'))
        .replace(/^\d+\.\d+ /gm, '<t> ');
    expect(got.exitCode).toBe(1);
    expect(trailer(got.output)).toBe(trailer(recorded));
    const stamps = (text: string) => text.replace(/^\d+\.\d+ /gm, '<t> ');
    expect(normalised(stamps(got.output))).toBe(normalised(stamps(recorded)));
  });

  it('on a terminal: the last frame of up --build -d, up -d, stop, start, restart, down (compose-tty.txt)', async () => {
    const t = withCompose();
    const recorded = blocks('compose-tty.txt').filter(
      (b) => !/compose (?:ps|logs)$/.test(b.command),
    );
    await replay(t, recorded, { tty: true });
  });
});

describe('docker compose watch, as the lab recorded it', () => {
  it('builds, starts, syncs a saved app/main.py and restarts, rebuilds for requirements.txt; Ctrl+C leaves it running, 130 (compose-watch-tty.txt)', async () => {
    const t = withCompose();
    const s = await typed(t, 'docker compose watch', 'Watch enabled');
    // the editor's save
    t.sandbox.fs.write(`${PROJECT}/app/main.py`, CHANGED_MAIN);
    await s.waitFor('restarted', 5000);
    const answer = await inOtherTerminal(t.sandbox, 'curl -s localhost:8000/', 'Welcome back');
    expect(answer).toContain('"Welcome back to root!"');
    t.sandbox.fs.write(
      `${PROJECT}/requirements.txt`,
      `${t.sandbox.fs.read(`${PROJECT}/requirements.txt`)}# a comment\n`,
    );
    await s.waitFor('successfully built', 5000);
    t.sandbox.write('\x03');
    await s.waitFor(PROMPT, 5000, 'at-end');
    t.sandbox.write('echo "[exit $?]"\r');
    await s.waitFor('[exit 130]\r\n', 5000);
    const lines = (text: string) =>
      visibleLines(text)
        .filter((l) => !l.includes(PROMPT.trim()) && !/^(#\d+ | => )/.test(l))
        .map(normalised);
    expect(lines(s.text)).toEqual(lines(fixture('compose-watch-tty.txt')));
    expect((await t.run('docker compose ps -q')).output).toMatch(/^[0-9a-f]{64}\n$/);
  });

  it('without a develop section: it builds and starts, then says so, 1 (compose-watch-more.txt)', async () => {
    const t = demoSandbox();
    t.sandbox.fs.write(
      `${PROJECT}/compose.yaml`,
      'services:\n  web:\n    build: .\n    ports:\n      - "8000:8000"\n',
    );
    const got = await t.run('docker compose watch');
    const recorded = blocks('compose-watch-more.txt')[0]!;
    expect(got.exitCode).toBe(recorded.exit);
    expect(normalised(got.output)).toBe(normalised(recorded.output));
  });

  it('a sync rule copies a change, a new file and a removal into the container, without a restart (compose-watch-more.txt)', async () => {
    const t = demoSandbox();
    t.sandbox.fs.write(
      `${PROJECT}/compose.yaml`,
      'services:\n  web:\n    build: .\n    ports:\n      - "8000:8000"\n    develop:\n      watch:\n        - action: sync\n          path: ./app\n          target: /demo/app\n',
    );
    const s = await typed(t, 'docker compose watch', 'Watch enabled');
    t.sandbox.fs.write(`${PROJECT}/app/main.py`, CHANGED_MAIN);
    await s.waitFor('after 1 changes were detected', 5000);
    t.sandbox.fs.write(`${PROJECT}/app/new.py`, 'x = 1\n');
    await s.waitFor('detected\r\nSyncing', 5000);
    t.sandbox.fs.remove(`${PROJECT}/app/new.py`);
    const listing = await inOtherTerminal(t.sandbox, 'docker compose exec web ls app', 'main.py');
    t.sandbox.write('\x03');
    await s.waitFor(PROMPT, 5000, 'at-end');
    const recorded = fixture('compose-watch-more.txt').split('(sync;')[1]!;
    const syncs = (text: string) =>
      stripAnsi(text).match(/Syncing service "web" after 1 changes were detected/g)?.length;
    expect(syncs(s.text)).toBe(syncs(recorded));
    expect(listing).toMatch(/__pycache__\r?\nmain\.py\r?\n/);
    expect(stripAnsi(s.text)).not.toContain('restarted');
  });
});

describe('docker compose reads the Compose file as Compose does', () => {
  const cases: [string, string, RegExp | string][] = [
    ['', 'docker compose up -d', 'empty compose file\n'],
    ['services: {}\n', 'docker compose up -d', 'no service selected\n'],
    [
      'services:\n  web:\n    build: .\n    portz:\n      - "8000:8000"\n',
      'docker compose up -d',
      `validating ${PROJECT}/compose.yaml: services.web additional properties 'portz' not allowed\n`,
    ],
    [
      'services:\n  web:\n    build: .\nfoo: 1\n',
      'docker compose up -d',
      `validating ${PROJECT}/compose.yaml:  additional properties 'foo' not allowed\n`,
    ],
    [
      'services:\n  web:\n    build: .\n    ports: "8000:8000"\n',
      'docker compose config -q',
      `validating ${PROJECT}/compose.yaml: services.web.ports must be a array\n`,
    ],
    [
      'services:\n  web:\n    build: .\n    environment:\n      - 1\n',
      'docker compose config -q',
      'services.web.environment.[0]: unexpected type int\n',
    ],
    [
      'services:\n  web:\n    build: .\n    command: 5\n',
      'docker compose config -q',
      `validating ${PROJECT}/compose.yaml: services.web.command must be a null\n`,
    ],
    [
      'services:\n  web:\n',
      'docker compose up -d',
      `validating ${PROJECT}/compose.yaml: services.web must be a mapping\n`,
    ],
    [
      'services:\n  web:\n    ports:\n      - 8000:8000\n',
      'docker compose up -d',
      'service "web" has neither an image nor a build context specified: invalid compose project\n',
    ],
    [
      'services:\n  web:\n    build: .\n    volumes:\n      - data:/data\n',
      'docker compose up -d',
      'service "web" refers to undefined volume data: invalid compose project\n',
    ],
    [
      'services:\n  Web:\n    build: .\n',
      'docker compose up -d',
      "unable to get image 'demo-Web': Error response from daemon: invalid reference format: repository name (library/demo-Web) must be lowercase\n",
    ],
    [
      'services:\n  web:\n    build: .\n    ports:\n      - "8000:80000"\n',
      'docker compose up -d',
      // the build first (the lab had the image), then the error, before any network or container
      /(?:^|\n) demo-web {2}Built\nInvalid containerPort: 80000\n$/,
    ],
    [
      'services:\n  web:\n    build: .\n   ports:\n      - "8000:8000"\n',
      'docker compose up -d',
      /^compose\.yaml is not valid YAML: .*, at line \d+ \(the browser terminal's YAML parser; Docker Compose words this differently\)\n$/,
    ],
    [
      'services:\n  web:\n    build: .\n    healthcheck:\n      test: ["CMD", "true"]\n',
      'docker compose up -d',
      /^docker compose with the service key "healthcheck": not simulated in this browser terminal/,
    ],
    [
      'services:\n  web:\n    build:\n      context: .\n      dockerfile: Nope\n',
      'docker compose build',
      'failed to solve: failed to read dockerfile: open Nope: no such file or directory\n',
    ],
  ];

  it.each(cases)('%j: %s', async (yaml, command, expected) => {
    const t = demoSandbox();
    t.sandbox.fs.write(`${PROJECT}/compose.yaml`, yaml);
    const got = await t.run(command);
    if (typeof expected === 'string') expect(normalised(got.output)).toBe(normalised(expected));
    else expect(got.output).toMatch(expected);
    expect(got.exitCode).not.toBe(0);
  });

  it('each error recorded in compose-file-errors.txt and compose-lifecycle-errors.txt is one of the cases above or says it words YAML its own way', () => {
    const recorded = [
      ...blocks('compose-file-errors.txt'),
      ...blocks('compose-lifecycle-errors.txt'),
    ]
      .filter(
        (b) =>
          b.exit !== 0 &&
          !/^(?: |yaml:|no configuration|service "web" is not|Error)/.test(b.output),
      )
      .map((b) => normalised(b.output));
    const expected = cases.flatMap(([, , e]) => (typeof e === 'string' ? [normalised(e)] : []));
    for (const r of recorded)
      expect(
        expected.some((e) => e === r) || /Invalid containerPort|pull|registry/.test(r),
        r,
      ).toBe(true);
  });

  it('the obsolete version attribute is a warning, and then it runs (compose-foreground-and-keys.txt)', async () => {
    const t = demoSandbox();
    t.sandbox.fs.write(
      `${PROJECT}/compose.yaml`,
      'version: "3.8"\nservices:\n  web:\n    build: .\n    ports:\n      - "8000:8000"\n',
    );
    await t.run('docker compose build -q');
    const got = await t.run('docker compose up -d');
    const recorded = blocks('compose-foreground-and-keys.txt').find((b) =>
      b.output.includes('`version` is obsolete'),
    )!;
    const time = (s: string) => s.replace(/time="[^"]+"/, 'time="<t>"');
    expect(time(normalised(got.output))).toBe(time(normalised(recorded.output)));
  });

  it("no Compose file up to / is Compose's error; run says it is not simulated", async () => {
    const t = demoSandbox();
    expect((await t.run('docker compose up --build')).output).toBe(
      'no configuration file provided: not found\n',
    );
    t.sandbox.fs.write(`${PROJECT}/compose.yaml`, COMPOSE_YAML);
    expect((await t.run('docker compose run web ls')).output).toMatch(
      /^docker compose run: not simulated/,
    );
  });
});
