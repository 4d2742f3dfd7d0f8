/**
 * `--entrypoint` and `--hostname`, replayed against the lab (tests/fixtures/sandbox/real/engine-28/
 * run-entrypoint-hostname.txt): one executable instead of the image's ENTRYPOINT ('' for none) and
 * the image's CMD dropped with it; an image with both; inspect's Config keeping them apart; the
 * host name in HOSTNAME, `hostname` and Config.Hostname.
 */
import { describe, expect, it } from 'vitest';
import { stripAnsi } from '../../../src/core/text/index.ts';
import { demoSandbox, expectReplay, screen } from './helpers.ts';
import { PROMPT } from './xterm-screen.ts';

/** IDs differ from run to run: a full ID, an image's sha256. */
const normalise = (text: string) =>
  text.replace(/sha256:[0-9a-f]{64}/g, 'sha256:ID').replace(/^[0-9a-f]{64}$/gm, 'ID');

describe('docker run --entrypoint and --hostname, as Engine 28.5 runs them', () => {
  it('replays the lab: entrypoints, an image with ENTRYPOINT and CMD, host names', async () => {
    const { sandbox, run } = demoSandbox();
    // The recording's directory held only this Dockerfile.
    await run(
      'mkdir ep && cd ep',
      `printf 'FROM python:3.13-slim\\nENTRYPOINT ["python3"]\\nCMD ["--version"]\\n' > Dockerfile`,
    );
    await expectReplay(sandbox, 'run-entrypoint-hostname.txt', normalise);
    sandbox.dispose();
  });

  it("a -it shell's prompt names the host it was given", async () => {
    const { sandbox } = demoSandbox();
    const s = screen((l) => sandbox.onOutput(l));
    await s.waitFor(PROMPT, 5000, 'at-end');
    sandbox.write('docker run -it --rm -h web python:3.13-slim bash\r');
    await s.waitFor('root@web:/# ', 5000, 'at-end');
    sandbox.write('exit\r');
    await s.waitFor(PROMPT, 5000, 'at-end');
    expect(stripAnsi(s.text)).toContain('root@web:/# exit');
    sandbox.dispose();
  });
});
