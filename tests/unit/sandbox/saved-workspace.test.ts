/**
 * A saved workspace (issue 10 item 4) as the browser stores it, JSON text: it restores files,
 * history, pip's installs and the engine (the running container runs and answers again); a record
 * that is not JSON, of another format or of a broken shape is refused with one line, never thrown;
 * a huge file is stored once although the project, the build cache and the image all hold it.
 */
import { describe, expect, it } from 'vitest';
import { readSavedWorkspace, type SavedWorkspace } from '../../../src/core/sandbox/index.ts';
import { usePython } from '../python/use-python.ts';
import { demoSandbox } from './helpers.ts';

usePython();

const stored = (saved: SavedWorkspace) => JSON.stringify(saved);

function restored(text: string): SavedWorkspace {
  const read = readSavedWorkspace(text);
  if (!read.ok) throw new Error(`refused: ${read.message}`);
  return read.saved;
}

describe('saved workspace', () => {
  it('round-trips files, history and the engine after the course build; the running container answers again', async () => {
    const a = demoSandbox();
    await a.run(
      'docker build -q -t demo-image .',
      'docker run -d -p 8000:8000 --name web demo-image',
      'echo kept > notes.txt',
      'python -m venv .venv',
    );
    const id = (await a.run("docker inspect -f '{{.Id}}' web")).output;
    // CREATED moves on with the clock (one second a command): the rest must be the same.
    const listImages = "docker images --format '{{.Repository}}:{{.Tag}} {{.ID}} {{.Size}}'";
    const images = (await a.run(listImages)).output;
    const text = stored(a.sandbox.save());
    // The figure the browser's storage must hold after the course's build (localStorage: 5 MB).
    console.log(`saved workspace after the course's build and run: ${text.length} characters`);
    expect(text.length).toBeLessThan(200_000);
    const transcript = a.sandbox.transcript();
    a.sandbox.dispose();

    const b = demoSandbox();
    await b.sandbox.restore(restored(text));
    expect(b.sandbox.fs.read('notes.txt')).toBe('kept\n');
    expect(b.sandbox.fs.list()).toContain('.venv/bin/activate');
    expect(b.sandbox.transcript()).toEqual(transcript);
    expect((await b.run(listImages)).output).toBe(images);
    expect((await b.run("docker ps --format '{{.Names}} {{.State}}'")).output).toBe(
      'web running\n',
    );
    expect((await b.run('curl -sS localhost:8000')).output).toBe('"Welcome to root"');
    expect((await b.run('history')).output).toMatch(
      /1 +docker build -q -t demo-image \.\n.*\n.*echo kept > notes\.txt\n.*python -m venv \.venv\n/,
    );
    // The random sequence goes on: a new container never gets the saved one's ID.
    await b.run('docker run -d --name other demo-image');
    expect((await b.run("docker inspect -f '{{.Id}}' other")).output).not.toBe(id);
    // The cache came back with the files: an unchanged rebuild is all cached.
    expect((await b.run('docker build --progress=plain -t demo-image .')).output).toMatch(
      /COPY \.\/app \/demo\/app\n#\d+ CACHED/,
    );
    b.sandbox.dispose();
  });

  it('starts the saved running containers only once the page says so', async () => {
    const a = demoSandbox();
    await a.run('docker build -q -t demo-image .', 'docker run -d --name web demo-image');
    const text = stored(a.sandbox.save());
    a.sandbox.dispose();
    const b = demoSandbox();
    let open = () => {};
    const restoring = b.sandbox.restore(restored(text), new Promise((r) => (open = r)));
    const states = "docker ps -a --format '{{.Names}} {{.State}}'";
    expect((await b.run(states)).output).toBe('web created\n');
    open();
    await restoring;
    expect((await b.run(states)).output).toBe('web running\n');
    b.sandbox.dispose();
  });

  it('keeps named volumes and their files; a record saved before volumes existed restores with none', async () => {
    const a = demoSandbox();
    await a.run(
      'docker build -q -t demo-image .',
      "docker run --name writer -v notes:/data demo-image sh -c 'echo hello > /data/x'",
    );
    const saved = JSON.parse(stored(a.sandbox.save())) as SavedWorkspace;
    a.sandbox.dispose();
    const b = demoSandbox();
    await b.sandbox.restore(restored(JSON.stringify(saved)));
    expect((await b.run('docker volume ls -q')).output).toBe('notes\n');
    expect(
      (await b.run('docker rm writer', 'docker run --rm -v notes:/data demo-image cat /data/x'))
        .output,
    ).toBe('hello\n');
    b.sandbox.dispose();
    delete saved.engine.volumes;
    saved.engine.containers = [];
    const c = demoSandbox();
    await c.sandbox.restore(restored(JSON.stringify(saved)));
    expect((await c.run('docker volume ls -q')).output).toBe('');
    c.sandbox.dispose();
  });

  it('stores a huge file once although the project, the build cache and the image hold it', async () => {
    const a = demoSandbox();
    const huge = 'x'.repeat(79) + '\n';
    a.sandbox.fs.write('app/huge.txt', huge.repeat(100_000)); // 8 MB
    await a.run('docker build -q -t demo-image .');
    const text = stored(a.sandbox.save());
    expect(text.length).toBeGreaterThan(8_000_000);
    expect(text.length).toBeLessThan(8_200_000);
    a.sandbox.dispose();
    const b = demoSandbox();
    await b.sandbox.restore(restored(text));
    expect((await b.run('docker run --rm demo-image wc -c /demo/app/huge.txt')).output).toBe(
      '8000000 /demo/app/huge.txt\n',
    );
    b.sandbox.dispose();
  });

  it('refuses what it cannot restore with one line, and never throws', async () => {
    const a = demoSandbox();
    const good = JSON.parse(stored(a.sandbox.save())) as Record<string, unknown>;
    a.sandbox.dispose();
    const edited = (change: (s: Record<string, unknown>) => void) => {
      const copy = structuredClone(good);
      change(copy);
      return JSON.stringify(copy);
    };
    const cases: [string, string, 'older' | 'newer' | 'damaged'][] = [
      ['an older format', edited((s) => (s['format'] = 0)), 'older'],
      [
        'a record from before formats',
        JSON.stringify({ files: { 'a.txt': 'a' }, format: 0 }),
        'older',
      ],
      ['a newer format', edited((s) => (s['format'] = 2)), 'newer'],
      ['empty', '', 'damaged'],
      ['not JSON', 'not json {', 'damaged'],
      ['cut short', stored(good as unknown as SavedWorkspace).slice(0, 500), 'damaged'],
      ['binary', '\u0000\u0001\uFFFD\u001b[31m', 'damaged'],
      ['null', 'null', 'damaged'],
      ['an array', '[1,2]', 'damaged'],
      ['no format', edited((s) => delete s['format']), 'damaged'],
      [
        'a text index out of range',
        edited((s) => ((s['fs'] as unknown[][])[0]![6] = 1e6)),
        'damaged',
      ],
      ['a node without its path', edited((s) => ((s['fs'] as unknown[][])[0]![0] = 7)), 'damaged'],
      ['history not a list', edited((s) => (s['history'] = 'ls')), 'damaged'],
      ['draws beyond any session', edited((s) => (s['draws'] = 1e12)), 'damaged'],
      [
        'an image without a file system',
        edited(
          (s) => delete (s['engine'] as { images: Record<string, unknown>[] }).images[0]!['fs'],
        ),
        'damaged',
      ],
      ['a huge garbage string', '"' + 'a'.repeat(5_000_000) + '"', 'damaged'],
    ];
    for (const [what, text, kind] of cases) {
      const read = readSavedWorkspace(text);
      expect(read, what).toMatchObject({ ok: false, problem: kind });
      if (!read.ok) expect(read.message, what).toMatch(/^Your saved workspace .*starts fresh\.$/);
    }
    expect(readSavedWorkspace(JSON.stringify(good)).ok).toBe(true);
  });
});
