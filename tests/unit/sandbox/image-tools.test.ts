/**
 * The simulated image's tools against python:3.14-slim on the lab: each case of image-cases.ts
 * was recorded by tests/fixtures/sandbox/real/shell/record-image.ts (`docker exec [-u USER] C
 * /bin/sh -c LINE` per step in one container); here each step runs in the simulator's dash on a
 * fresh copy of the image's file system, as that user, and stdout, stderr and the exit code must
 * be the same. Only what differs by nature is normalised: `ls -l` dates and directory link counts
 * (overlayfs reports 1 for some directories).
 */
import { describe, expect, it } from 'vitest';
import { manualClock } from '../../../src/core/sandbox/host/clock.ts';
import type { Host } from '../../../src/core/sandbox/host/host.ts';
import { debianRootfs } from '../../../src/core/sandbox/docker/base-image.ts';
import { containerShell } from '../../../src/core/sandbox/shell/image-shell.ts';
import { imageCommands } from '../../../src/core/sandbox/commands/image-table.ts';
import { IMAGE_PROGRAMS } from '../../../src/core/sandbox/commands/image-programs.ts';
import recorded from '../../fixtures/sandbox/real/shell/image-tools.json' with { type: 'json' };

/** What `docker exec` gives a process in the lab's image (its Env, Docker's PATH and HOSTNAME). */
const EXEC_ENV = new Map([
  ['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
  ['HOSTNAME', '0123456789ab'],
  ['PIP_NO_INDEX', '1'],
  ['PIP_DISABLE_PIP_VERSION_CHECK', '1'],
  ['PYTHONUNBUFFERED', '1'],
]);

function normalise(text: string): string {
  return text
    .replace(/^([-dlcbps][-rwxsStT]{9}) +\d+ /gm, '$1 N ')
    .replace(/ [A-Z][a-z]{2} [ \d]\d (?:\d\d:\d\d| \d{4}) /g, ' DATE ');
}

describe(`the image's tools against ${recorded.image} (${recorded.recordedWith})`, () => {
  it.each(recorded.cases.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    const clock = manualClock();
    const host = { clock } as unknown as Host;
    const fs = debianRootfs(clock, '3.14');
    for (const step of c.steps) {
      const shell = containerShell(host, {
        fs,
        cwd: '/',
        env: EXEC_ENV,
        user: step.user ?? '',
        packages: new Set(['pip']),
        argv0: '/bin/sh',
      });
      if ('error' in shell) throw new Error(shell.error);
      let stdout = '';
      let stderr = '';
      const exitCode = await shell.run(
        step.line,
        { stdin: null, out: (t) => (stdout += t), err: (t) => (stderr += t), tty: false, cols: 80 },
        {
          interactive: false,
          background: false,
          interrupted: new Promise(() => {}),
          later: () => {},
        },
      );
      expect({
        line: step.line,
        stdout: normalise(stdout),
        stderr: normalise(stderr),
        exitCode,
      }).toEqual({
        line: step.line,
        stdout: normalise(step.stdout),
        stderr: normalise(step.stderr),
        exitCode: step.exitCode,
      });
    }
  });
});

describe('the programs a container may start', () => {
  it('are the image shell commands that are not dash builtins alone', () => {
    const table = imageCommands(new Set(['pip']));
    const builtinOnly = ['cd', 'export', 'unset', 'exit', 'type', 'command', ':'];
    const programs = [...table.commands.keys()].filter((n) => !builtinOnly.includes(n));
    expect(new Set(programs)).toEqual(IMAGE_PROGRAMS);
  });
});

describe("the image's programs the sandbox does not run", () => {
  const run = async (line: string) => {
    const clock = manualClock();
    const shell = containerShell({ clock } as unknown as Host, {
      fs: debianRootfs(clock, '3.14'),
      cwd: '/',
      env: EXEC_ENV,
      user: '',
      packages: new Set(['pip']),
      argv0: 'sh',
    });
    if ('error' in shell) throw new Error(shell.error);
    let stderr = '';
    const job = {
      interactive: false,
      background: false,
      interrupted: new Promise<void>(() => {}),
      later: () => {},
    };
    const io = {
      stdin: null,
      out: () => {},
      err: (t: string) => (stderr += t),
      tty: false,
      cols: 80,
    };
    return { exitCode: await shell.run(line, io, job), stderr };
  };

  it('say so in one line when the real image has them (apt-get, su)', async () => {
    expect(await run('apt-get update')).toEqual({
      exitCode: 2,
      stderr:
        'apt-get: not simulated in this browser terminal; run the build or the container on your own Docker.\n',
    });
    expect((await run('su app')).stderr).toMatch(/^su: not simulated/);
  });

  it("keep dash's 'not found' for what the image lacks (curl, adduser: tests/fixtures/sandbox/real/shell/image-programs.txt)", async () => {
    expect(await run('curl localhost')).toEqual({
      exitCode: 127,
      stderr: 'sh: 1: curl: not found\n',
    });
    expect((await run('adduser app')).stderr).toBe('sh: 1: adduser: not found\n');
  });
});
