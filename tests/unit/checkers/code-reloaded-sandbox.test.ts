/**
 * code-reloaded from the browser terminal: lesson 8's loop run in the simulator (real CPython), its
 * transcript judged as the panel judges it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { check } from '../../../src/core/checkers/index.ts';
import { scaled } from '../../machine-pace.ts';
import { usePython } from '../python/use-python.ts';
import { demoSandbox } from '../sandbox/helpers.ts';

usePython();

const CHANGED = readFileSync(
  new URL('../../../content/workspace/variants/changed-main/app/main.py', import.meta.url),
  'utf8',
);
const RUN_DEV =
  'docker run -d --name demo -p 127.0.0.1:8000:8000 -v "$(pwd)/app:/demo/app" demo-image uvicorn app.main:app --host 0.0.0.0 --port 8000 --reload';

describe('code-reloaded in the browser terminal', () => {
  it('passes the lesson’s loop and fails it before the edit', async () => {
    const { sandbox, run } = demoSandbox();
    await run(
      'docker build -q -t demo-image .',
      RUN_DEV,
      'docker logs demo',
      'curl localhost:8000',
    );
    const before = check('code-reloaded', { source: 'sandbox', transcript: sandbox.transcript() });
    expect(before.checks.filter((c) => !c.ok).map((c) => c.id)).toEqual([
      'reloaded',
      'restarted',
      'new-answer',
    ]);

    sandbox.fs.write('app/main.py', CHANGED);
    // The reloader restarts the app on its own (real Python importing it again): ask the log until
    // it says so, letting other work run between asks, with a deadline scaled to this machine.
    let log = '';
    const deadline = Date.now() + scaled(30_000);
    while (!/Reloading\.\.\.[\s\S]*startup complete/.test(log) && Date.now() < deadline) {
      await new Promise((next) => setImmediate(next));
      log = (await run('docker logs demo')).output;
    }
    await run('curl localhost:8000');
    const after = check('code-reloaded', { source: 'sandbox', transcript: sandbox.transcript() });
    expect(after.checks.filter((c) => !c.ok)).toEqual([]);
    expect(after.status).toBe('pass');
  });
});
