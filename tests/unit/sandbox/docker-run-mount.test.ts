/**
 * `docker run --mount`, replayed against the lab (tests/fixtures/sandbox/real/engine-28/
 * run-mount.txt, recorded in a /home/learner/demo holding the course's project): bind and volume
 * mounts with their short keys, the CLI's refusals of the value (with the flag's usage), the
 * daemon's (a relative path, an unknown type, a bind source that does not exist), and inspect
 * listing --mount's in HostConfig.Mounts rather than Binds.
 */
import { describe, expect, it } from 'vitest';
import { demoSandbox, expectReplay } from './helpers.ts';

/** The lab's engine keeps its data under its own root; a full ID differs from run to run. */
const normalise = (text: string) =>
  text
    .replaceAll('/var/lib/docker-lab/28-classic/', '/var/lib/docker/')
    .replace(/^[0-9a-f]{64}$/gm, 'ID');

describe('docker run --mount, as Engine 28.5 reads it', () => {
  it('replays the lab', async () => {
    const { sandbox } = demoSandbox();
    await expectReplay(sandbox, 'run-mount.txt', normalise);
    sandbox.dispose();
  });

  it('a bind mount follows the host: a file saved on the machine shows in the container', async () => {
    const { run } = demoSandbox();
    await run(
      'docker run -d --name box --mount type=bind,src="$(pwd)"/app,dst=/demo/app python:3.13-slim sleep 600',
    );
    await run('echo "# edited" >> app/main.py');
    expect((await run('docker exec box tail -n 1 /demo/app/main.py')).output).toBe('# edited\n');
  });

  it('read-only and the other types are named as not simulated', async () => {
    const { run } = demoSandbox();
    for (const spec of [
      'type=bind,src=/tmp,dst=/x,readonly',
      'type=tmpfs,dst=/cache',
      'dst=/data',
    ]) {
      const got = await run(`docker run --rm --mount ${spec} python:3.13-slim true`);
      expect(got.output).toContain('not simulated');
      expect(got.exitCode).toBe(125);
    }
  });
});
