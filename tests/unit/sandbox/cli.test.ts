import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/node/cli/main.ts';
import { usePython } from '../python/use-python.ts';

async function cli(args: string[], stdin = '') {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += String(c)));
  stderr.on('data', (c) => (err += String(c)));
  const code = await main(args, {
    stdin: Readable.from([stdin]),
    stdout,
    stderr,
    env: {},
    cwd: process.cwd(),
  });
  return { code, out, err };
}

usePython();

describe('layerwise sandbox', () => {
  it('prints prompt, command and output as the terminal shows them', async () => {
    const r = await cli(
      ['sandbox', '--plain'],
      '# a comment\nls\ndocker build -q -t demo-image . > /dev/null\ncurl -s localhost:8000\n',
    );
    expect(r.out).toBe(
      'learner@layerwise:~/demo$ ls\nDockerfile  app  requirements.txt\n' +
        'learner@layerwise:~/demo$ docker build -q -t demo-image . > /dev/null\n' +
        'learner@layerwise:~/demo$ curl -s localhost:8000\n',
    );
    expect(r.code).toBe(7);
  });

  it('keeps colour unless --plain, and draws the tty build frame at --cols', async () => {
    const r = await cli(['sandbox', '--cols', '80'], 'docker build -t demo-image .\n');
    expect(r.out).toContain('\x1b[1;32mlearner@layerwise');
    const header = /\[\+\] Building [\d.]+s \(10\/10\) FINISHED +docker:default(?=\n)/.exec(r.out);
    expect(header?.[0].length).toBe(79);
  });

  it('runs a script file, with a here-document edit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lw-sandbox-cli-'));
    writeFileSync(
      join(dir, 'script.sh'),
      'cat > app/main.py <<\'EOF\'\nfrom fastapi import FastAPI\napp = FastAPI()\n@app.get("/")\ndef r():\n    return {"ok": True}\nEOF\ndocker build -q -t d . > /dev/null && docker run -d -p 8000:8000 d > /dev/null\ncurl -s localhost:8000\n',
    );
    const r = await cli(['sandbox', '--plain', join(dir, 'script.sh')]);
    expect(r.out.endsWith('learner@layerwise:~/demo$ curl -s localhost:8000\n{"ok":true}\n')).toBe(
      true,
    );
    expect(r.code).toBe(0);
  });

  it.each([
    [
      ['sandbox', '--workspace', '/no/such/dir'],
      'layerwise sandbox: cannot read the workspace /no/such/dir\n',
    ],
    [['sandbox', '/no/such/script'], 'layerwise sandbox: cannot read /no/such/script\n'],
    [
      ['sandbox', '--cols', 'wide'],
      'layerwise sandbox: --cols wants a whole number of at least 20\n',
    ],
  ])('%j fails with a clear message', async (args, message) => {
    const r = await cli(args);
    expect(r).toMatchObject({ code: 2, err: message });
  });

  it('refuses a binary script', async () => {
    expect(await cli(['sandbox'], 'ls\0\0')).toMatchObject({
      code: 2,
      err: 'layerwise sandbox: the script looks binary; give it shell commands, one a line\n',
    });
  });

  it('has help', async () => {
    const r = await cli(['sandbox', '--help']);
    expect(r.out).toContain('layerwise sandbox [--workspace DIR] [--plain] [--cols N] [SCRIPT]');
  });
});
