/** A saved engine state comes back in a new sandbox: images, build cache, containers, running apps. */
import { describe, expect, it } from 'vitest';
import { usePython } from '../python/use-python.ts';
import { demoSandbox } from './helpers.ts';

usePython();

describe('engine state', () => {
  it('restores images, the build cache and containers, and starts again what was running', async () => {
    const a = demoSandbox();
    await a.run(
      'docker build -q -t demo-image .',
      'docker run -d -p 8000:8000 --name web demo-image',
      'docker run -d -P --name other demo-image',
      'docker stop other',
    );
    const before = (await a.run("docker ps -a --format '{{.Names}} {{.Image}} {{.State}}'")).output;
    const state = a.sandbox.engine.state();
    expect(JSON.stringify(state.containers.map((c) => c.name))).toBe('["web","other"]');
    a.sandbox.dispose();

    const b = demoSandbox();
    await b.sandbox.engine.load(state);
    expect((await b.run("docker ps -a --format '{{.Names}} {{.Image}} {{.State}}'")).output).toBe(
      before,
    );
    expect((await b.run('curl -sS localhost:8000')).output).toBe('"Welcome to root"');
    // The cache came back: an unchanged rebuild is all CACHED and gives the same image.
    const id = (await b.run("docker image inspect -f '{{.Id}}' demo-image")).output;
    const rebuild = await b.run('docker build --progress=plain -t demo-image .');
    expect(rebuild.output).toMatch(/#\d+ \[3\/5\] COPY \.\/requirements\.txt .*\n#\d+ CACHED/);
    expect((await b.run("docker image inspect -f '{{.Id}}' demo-image")).output).toBe(id);
    // The next random port follows the saved allocator, not a fresh one.
    await b.run('docker run -d -P --name third demo-image');
    expect((await b.run('docker port third')).output).toMatch(/0\.0\.0\.0:32769\n/);
    b.sandbox.dispose();
  });

  it('is plain data apart from file systems: saving twice gives equal states, and the saved one does not change', async () => {
    const t = demoSandbox();
    await t.run('docker build -q -t demo-image .', 'docker run -d --name web demo-image');
    const first = t.sandbox.engine.state();
    const names = first.containers.map((c) => c.name);
    await t.run('docker rm -f web', 'docker tag demo-image demo-image:v2');
    expect(first.containers.map((c) => c.name)).toEqual(names);
    expect(first.containers[0]).not.toHaveProperty('app');
    expect(first.images.every((i) => Array.isArray(i.packages))).toBe(true);
    t.sandbox.dispose();
  });
});
