/**
 * `docker pause|unpause`, `docker top` and `docker stats`, replayed command by command against the
 * lab's recordings (tests/fixtures/sandbox/real/engine-28/top-pause-web.txt, top-stats-held.txt,
 * pause-refusals.txt, stats.txt; VERSIONS.txt says how): each command's output and status as
 * recorded, its container IDs, ages, host PIDs and measured figures (sizes, percentages) read as
 * placeholders; PIDS counts, columns, units and words as recorded.
 */
import { describe, expect, it } from 'vitest';
import { usePython } from '../python/use-python.ts';
import { demoSandbox, recordedBlocks, screen } from './helpers.ts';
import { stripAnsi } from '../../../src/core/text/index.ts';

usePython();

/** What differs between two runs of the same commands: IDs, ages, host PIDs and measured figures. */
function normalised(text: string): string {
  return (
    stripAnsi(text)
      .replace(/[0-9a-f]{64}/g, '<id>')
      .replace(/\b[0-9a-f]{12}\b/g, '<id12>')
      .replace(/Up (\d+ seconds?|Less than a second|About a minute)/g, 'Up <age>')
      .replace(/(Exited \(\d+\)) (Less than a second|\d+ seconds?) ago/g, '$1 <ago>')
      .replace(/\b\d+ seconds? ago/g, '<ago>')
      // docker stats's measures: the machine's memory and what the processes used
      .replace(/\b\d+(\.\d+)?(B|kB|MB|KiB|MiB|GiB)\b/g, '<size>')
      .replace(/\b\d+\.\d\d%/g, '<pct>')
      .split('\n')
      .map((line) =>
        // a process row of docker top: only its user, TTY, TIME and command are the same each run
        /^(root {2,})?\d+ /.test(line)
          ? line
              .split(/ {2,}/)
              .map((cell, i, all) =>
                /^(\d+|\d\d:\d\d)$/.test(cell) || (i > 0 && i < all.length - 3) ? '<n>' : cell,
              )
              .join(' | ')
          : line,
      )
      .join('\n')
      // a table's columns are as wide as their cells, which the ages above change
      .replace(/ {2,}/g, '   ')
  );
}

/** The lab's setup lines wait for the server with an until loop; the sandbox's server is up at once. */
const runnable = (command: string) =>
  command.replace(/; until curl .*$/, '').replace(/ \| tail -n 2$/, '');

/** The sandbox with the project built as demo-image, as each recording began. */
async function built() {
  const t = demoSandbox();
  await t.run('docker build -q -t demo-image .');
  return t;
}

async function replay(name: string, t: ReturnType<typeof demoSandbox>) {
  for (const block of recordedBlocks(name)) {
    // an ID prefix the recording shell expanded from the lab's container
    if (/ [0-9a-f]{6}$/.test(block.command)) continue;
    const got = await t.run(runnable(block.command));
    const command = block.command;
    if (/docker logs/.test(command)) continue; // its order of streams is the pipe's, not Docker's
    expect(
      { command, output: normalised(got.output), exit: got.exitCode },
      `replaying ${name}`,
    ).toEqual({ command, output: normalised(block.output), exit: block.exit });
  }
}

describe('docker pause, unpause and top, as the lab recorded them', () => {
  it('a server: top (ps -ef and aux), pause, exec and curl refused or held, unpause, stop, kill (top-pause-web.txt)', async () => {
    const t = await built();
    await replay('top-pause-web.txt', t);
  });

  it('a -dit shell beside a server: top names bash (top-stats-held.txt)', async () => {
    const t = await built();
    await replay('top-stats-held.txt', t);
  });

  it('start, attach and rm refuse a paused container; restart runs it again (pause-refusals.txt)', async () => {
    const t = await built();
    await replay('pause-refusals.txt', t);
  });

  it('a curl held by a paused container is answered once another terminal unpauses it', async () => {
    const t = await built();
    await t.run('docker run -d --name web -p 8000:8000 demo-image', 'docker pause web');
    let done = false;
    const held = t.sandbox.runLine('curl -s localhost:8000/', { tty: false }).then((r) => {
      done = true;
      return r;
    });
    await Promise.resolve();
    expect(done).toBe(false);
    await t.run('docker unpause web');
    expect(await held).toMatchObject({ output: '"Welcome to root"', exitCode: 0 });
  });

  it('a curl held by a paused container is reset when the container is killed', async () => {
    const t = await built();
    await t.run('docker run -d --name web -p 8000:8000 demo-image', 'docker pause web');
    const held = t.sandbox.runLine('curl -sS localhost:8000/', { tty: false });
    await t.run('docker kill web');
    expect(await held).toMatchObject({
      output: 'curl: (56) Recv failure: Connection reset by peer\n',
      exitCode: 56,
    });
  });

  it('docker stats: the table, --format (table, json, a field), -a, --no-trunc, names, errors (stats.txt)', async () => {
    const t = await built();
    await replay('stats.txt', t);
  });

  it('docker stats without --no-stream draws in place, redraws when the app serves a request, and ends on Ctrl+C', async () => {
    const t = await built();
    await t.run('docker run -d --name web -p 8000:8000 demo-image');
    const s = screen((l) => t.sandbox.onOutput(l));
    t.sandbox.write('docker stats\r');
    await s.waitFor('0B / 0B     6');
    // the CLI's frame (lab: script(1) around `docker stats`): home, the table, the table again with
    // each line's end erased, then the rest of the screen
    expect(s.text).toContain('\x1b[HCONTAINER ID   NAME');
    expect(s.text).toMatch(
      /PIDS \x1b\[K\r?\n[0-9a-f]{12}   web .* 6 \x1b\[K\r?\n \x1b\[K\r?\n\x1b\[J/,
    );
    s.clear();
    const other = t.sandbox.openTerminal();
    other.onOutput(() => {});
    other.write('curl -s localhost:8000/\r');
    await s.waitFor('1.55kB / 810B');
    t.sandbox.write('\x03');
    await s.waitFor('^C');
  });

  it("docker info counts running, paused and stopped containers as the lab's did (info-paused.txt)", async () => {
    const t = await built();
    for (const block of recordedBlocks('info-paused.txt').slice(0, 2)) await t.run(block.command);
    // the recording cut the Server section with sed, which the sandbox's shell does not have
    const recorded = recordedBlocks('info-paused.txt')[2]!.output;
    const info = (await t.run('docker info')).output;
    const section = info.slice(info.indexOf('Server:'), info.indexOf(' Server Version'));
    expect(section).toBe(recorded);
  });

  it('other ps options say they are not simulated', async () => {
    const t = await built();
    await t.run('docker run -d --name web demo-image');
    const r = await t.run('docker top web -eF');
    expect(r.output).toBe(
      'docker top web -eF: not simulated in this browser terminal; run it on your own Docker.\n',
    );
  });
});
