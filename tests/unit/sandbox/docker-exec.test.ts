/**
 * What the recorded scenarios cannot show: `docker exec -it` needs a terminal (the real runner has
 * none), `docker logs -f` ends with Ctrl+C, and a bind mount follows the editor's saves.
 */
import { describe, expect, it } from 'vitest';
import { usePython } from '../python/use-python.ts';
import { curlSeenOn, demoSandbox, screen } from './helpers.ts';

usePython();

const PROMPT = 'learner@layerwise:~/demo$ ';

async function running() {
  const t = demoSandbox();
  await t.run(
    'docker build -q -t demo-image .',
    'docker run -d -p 8000:8000 --name web demo-image',
  );
  const s = screen((l) => t.sandbox.onOutput(l));
  await s.waitFor(PROMPT, 5000, 'at-end');
  return { ...t, s };
}

describe('docker exec -it and logs -f in the terminal', () => {
  it('docker exec -it web bash opens a root shell in /demo; exit comes back', async () => {
    const { sandbox, s } = await running();
    sandbox.write('docker exec -it web bash\r');
    await s.waitFor(':/demo# ', 5000, 'at-end');
    expect(s.text).toMatch(/root@[0-9a-f]{12}:\/demo# $/);
    sandbox.write('ls\r');
    await s.waitFor('requirements.txt', 5000);
    sandbox.write('python --version\r');
    await s.waitFor('Python 3.14', 5000);
    sandbox.write('cd app && pwd\r');
    await s.waitFor(':/demo/app# ', 5000, 'at-end');
    sandbox.write('exit\r');
    await s.waitFor(PROMPT, 5000, 'at-end');
    sandbox.dispose();
  });

  it('Ctrl+D on an empty line leaves the exec shell too', async () => {
    const { sandbox, s } = await running();
    sandbox.write('docker exec -it web sh\r');
    await s.waitFor('# ', 5000, 'at-end');
    sandbox.write('\x04');
    await s.waitFor(PROMPT, 5000, 'at-end');
    sandbox.dispose();
  });

  it('docker logs -f follows new lines until Ctrl+C', async () => {
    const { sandbox, s } = await running();
    sandbox.write('docker logs -f web\r');
    await s.waitFor('Uvicorn running on http://0.0.0.0:8000', 5000);
    await curlSeenOn(sandbox, s);
    sandbox.write('\x03');
    await s.waitFor(PROMPT, 5000, 'at-end');
    sandbox.dispose();
  });

  it('docker exec -it without a terminal is refused as Docker refuses it', async () => {
    const t = demoSandbox();
    await t.run('docker build -q -t demo-image .', 'docker run -d --name web demo-image');
    const r = await t.run('docker exec -it web bash');
    expect(r).toEqual({ output: 'the input device is not a TTY\n', exitCode: 1 });
    t.sandbox.dispose();
  });
});

describe('bind mounts', () => {
  it("an edit saved on the host is in the container at once, and the container's writes on the host", async () => {
    const t = demoSandbox();
    await t.run(
      'docker build -q -t demo-image .',
      'docker run -d --name web -v "$(pwd)/app:/demo/app" demo-image',
    );
    t.sandbox.fs.write('app/extra.py', 'X = 1\n');
    expect((await t.run('docker exec web cat app/extra.py')).output).toBe('X = 1\n');
    await t.run('docker exec web touch app/from-inside');
    expect(t.sandbox.fs.read('app/from-inside')).toBe('');
    t.sandbox.fs.remove('app/extra.py');
    // The app's import cached its bytecode there too, on the host as on a real engine (scenario 59).
    expect((await t.run('docker exec web ls app')).output).toBe(
      '__pycache__\nfrom-inside\nmain.py\n',
    );
    expect(t.sandbox.fs.read('app/__pycache__/main.cpython-314.pyc')).toBe('');
    await t.run('docker rm -f web');
    // Once the container is gone, nothing follows the host any more.
    t.sandbox.fs.write('app/after.py', '');
    expect(t.sandbox.fs.read('app/after.py')).toBe('');
    t.sandbox.dispose();
  });

  it('an anonymous volume is not simulated: one line, no fake Docker error', async () => {
    const t = demoSandbox();
    await t.run('docker build -q -t demo-image .');
    const r = await t.run('docker run --rm -v /data demo-image ls');
    expect(r.output).toBe(
      'docker run -v /data: not simulated in this browser terminal; name the volume: -v NAME:/path, or use a bind mount: -v "$(pwd)/DIR:/path".\n',
    );
    t.sandbox.dispose();
  });

  it('Docker commands the sandbox lacks say they are not simulated', async () => {
    const t = demoSandbox();
    expect((await t.run('docker network connect demo_default web')).output).toMatch(
      /^docker network connect: not simulated in this browser terminal; run it on your own Docker\.\n$/,
    );
    expect((await t.run('docker login')).output).toMatch(/^docker login: not simulated/);
    expect((await t.run('docker run --network container:web python:3.13-slim')).output).toMatch(
      /^docker run --network container:web: not simulated in this browser terminal; publish the port instead: -p 8000:8000/,
    );
    t.sandbox.dispose();
  });
});
