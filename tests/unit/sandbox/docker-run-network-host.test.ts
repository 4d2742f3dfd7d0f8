/**
 * `docker run --network host`, replayed against the lab (tests/fixtures/sandbox/real/engine-28/
 * run-network-host.txt): the app listens on the host's own port (curl localhost:8000 reaches it,
 * from 127.0.0.1), no PORTS and no address, the host's name, -p discarded with the daemon's
 * warning, and a second app on the same port failing to bind.
 */
import { describe, expect, it } from 'vitest';
import { usePython } from '../python/use-python.ts';
import { demoSandbox, recordedBlocks } from './helpers.ts';

usePython();

/** What differs from run to run, or from the lab machine: IDs, client ports, the lab's host name `vm`. */
const normalise = (text: string) =>
  text
    .replace(/sha256:[0-9a-f]{64}/g, 'sha256:ID')
    .replace(/^[0-9a-f]{64}$/gm, 'ID')
    .replace(/"(NetworkID|EndpointID)":"[0-9a-f]{64}"/g, '"$1":"ID"')
    .replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:PORT')
    .replace(/^vm$/gm, 'layerwise')
    .replace(/(Up|Exited \(\d+\)) .*$/gm, '$1 …');

describe('docker run --network host, as Engine 28.5 runs it', () => {
  it('replays the lab', async () => {
    const { sandbox } = demoSandbox();
    for (const block of recordedBlocks('run-network-host.txt')) {
      // The lab waited for the app with a curl loop; the sandbox's is up at once: one curl is what reached it.
      const command = block.command.startsWith('timeout ')
        ? 'curl -s localhost:8000 > /dev/null'
        : block.command;
      const got = await sandbox.runLine(command, { tty: false });
      expect({ command: block.command, output: normalise(got.output), exit: got.exitCode }).toEqual(
        {
          command: block.command,
          output: normalise(block.output),
          exit: block.exit,
        },
      );
    }
    sandbox.dispose();
  });

  it('the port is free again once the container stops; a host uvicorn then gets it', async () => {
    const { run } = demoSandbox();
    await run(
      'docker build -q -t demo-image . > /dev/null',
      'docker run -d --name web --network host demo-image',
    );
    expect((await run('curl -s localhost:8000')).output).toBe('"Welcome to root"');
    await run('docker stop web');
    expect((await run('curl -s localhost:8000')).exitCode).toBe(7);
  });
});
