/**
 * The next-steps lesson's non-root Dockerfile (content/workspace/variants/non-root) in the
 * simulator: it builds, and the container runs as the user it made, with its HOME and without the
 * right to change the code, as on the lab (tests/fixtures/sandbox/real/shell/nonroot-build.txt,
 * content/outputs/next-non-root.txt).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WORKSPACE, workspaceFiles } from '../../scenarios/load.ts';
import { demoSandbox } from './helpers.ts';

const dockerfile = readFileSync(join(WORKSPACE, '../variants/non-root/Dockerfile'), 'utf8');

async function built() {
  const t = demoSandbox({ ...workspaceFiles(), Dockerfile: dockerfile });
  const build = await t.run('docker build -t demo-image:non-root .');
  expect(build.exitCode).toBe(0);
  return t;
}

describe('the non-root Dockerfile', () => {
  it.each([
    ['whoami', 'app\n', 0],
    ['id', 'uid=10001(app) gid=10001(app) groups=10001(app)\n', 0],
    ["sh -c 'echo $HOME'", '/home/app\n', 0],
    ['touch /demo/app/x', "touch: cannot touch '/demo/app/x': Permission denied\n", 1],
    [
      'ls -ld /home/app /demo/app',
      'drwxr-xr-x 2 root root 4096 Nov 27 09:00 /demo/app\ndrwx------ 2 app  app  4096 Nov 27 09:00 /home/app\n',
      0,
    ],
  ])('docker run --rm demo-image:non-root %s', async (command, output, exitCode) => {
    const { run } = await built();
    expect(await run(`docker run --rm demo-image:non-root ${command}`)).toEqual({
      output,
      exitCode,
    });
  });

  it('a RUN after USER runs as that user, and WORKDIR is made theirs', async () => {
    const { run, sandbox } = demoSandbox(workspaceFiles());
    sandbox.fs.write(
      'Dockerfile',
      'FROM python:3.14-slim\nRUN useradd --create-home --uid 10001 app\nUSER app\nRUN whoami && id && echo "HOME=$HOME" && pwd\nWORKDIR /work\nRUN ls -ld /work && touch /work/ok\nRUN touch /opt/x\n',
    );
    const r = await run('docker build --progress=plain -t probe .');
    expect(r.exitCode).toBe(1);
    for (const line of [
      'app',
      'uid=10001(app) gid=10001(app) groups=10001(app)',
      'HOME=/home/app',
      "touch: cannot touch '/opt/x': Permission denied",
    ])
      expect(r.output).toMatch(
        new RegExp(`^#\\d+ \\d+\\.\\d+ ${line.replace(/[()$.]/g, '\\$&')}$`, 'm'),
      );
    expect(r.output).toMatch(/^#\d+ \d+\.\d+ drwxr-xr-x 2 app app 4096 \w+ +\d+ [\d:]+ \/work$/m);
  });
});
