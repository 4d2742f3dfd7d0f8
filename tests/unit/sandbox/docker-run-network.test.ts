/**
 * `docker run --network`, replayed against the lab's recording (Engine 28.5, CLI 28.5:
 * tests/fixtures/sandbox/real/engine-28/run-network.txt; VERSIONS.txt says how it was made): a
 * user-defined network by name (`--network`, `--net=`), the default bridge named, `none`, one
 * that does not exist (the container is made, its start fails), one removed under a stopped
 * container, and the modes that cannot be mixed; IDs read as placeholders.
 */
import { describe, expect, it } from 'vitest';
import { usePython } from '../python/use-python.ts';
import { demoSandbox, expectReplay } from './helpers.ts';

usePython();

const normalised = (text: string) =>
  text
    .replace(/[0-9a-f]{64}/g, '<id>')
    .replace(/\b[0-9a-f]{12}\b/g, '<id12>')
    .trimEnd();

/** The host network and another container's are not simulated: the sandbox says so instead. */
const GAP = /--network (?:host|container:)/;

describe('docker run --network, as the lab recorded it (run-network.txt)', () => {
  it('joins a network, or none; a missing or removed one fails the start; modes and networks do not mix', async () => {
    const t = demoSandbox();
    expect((await t.run('docker build -q -t demo-image .')).exitCode).toBe(0);
    await expectReplay(t.sandbox, 'run-network.txt', normalised, GAP);
  });

  it('says plainly that another container’s network is not simulated, and makes nothing (the host’s: docker-run-network-host.test.ts)', async () => {
    const t = demoSandbox();
    await t.run('docker build -q -t demo-image .');
    for (const mode of ['container:web']) {
      const got = await t.run(`docker run -d -p 8000:8000 --network ${mode} demo-image`);
      expect(got.exitCode).toBe(125);
      expect(got.output).toContain(`docker run --network ${mode}`);
      expect(got.output).toMatch(/not simulated/);
    }
    expect((await t.run('docker ps -aq')).output).toBe('');
  });

  it('a network removed and made again under the same name is another network: the stopped container cannot start', async () => {
    const t = demoSandbox();
    await t.run('docker build -q -t demo-image .', 'docker network create net');
    await t.run('docker run -d --name web --network net demo-image', 'docker stop web');
    await t.run('docker network rm net');
    const id = (await t.run('docker network create net')).output.trim();
    const start = await t.run('docker start web');
    expect(start.exitCode).toBe(1);
    expect(start.output).toMatch(/network [0-9a-f]{64} not found/);
    expect(start.output).not.toContain(id);
  });

  it('keeps the network a container joined in a saved session', async () => {
    const a = demoSandbox();
    await a.run('docker build -q -t demo-image .', 'docker network create net');
    await a.run('docker run -d --name web --network net -p 8000:8000 demo-image');
    const saved = JSON.parse(JSON.stringify(a.sandbox.save()));
    a.sandbox.dispose();
    const b = demoSandbox();
    await b.sandbox.restore(saved);
    await b.run('docker stop web', 'docker network rm net');
    expect((await b.run('docker start web')).output).toMatch(/network [0-9a-f]{64} not found/);
  });
});
