/**
 * The page's side of the WebContainer bridge, on a real sandbox: what it copies, runs, refuses and
 * replies. WebContainer itself is replaced by a map of its project files.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from '../../../src/core/sandbox/index.ts';
import { copyInto, createBridge, projectFolder } from '../../../src/islands/webcontainer/bridge.ts';
import type { BridgeReply } from '../../../src/islands/webcontainer/protocol.ts';
import { readWorkspace } from '../../../src/node/cli/sandbox.ts';
import { usePython } from '../python/use-python.ts';

const python = usePython();

const ROOT = '/home/layerwise/demo';
const solution = Object.fromEntries(
  Object.entries(
    readWorkspace(new URL('../../../content/workspace/solution', import.meta.url).pathname),
  ).map(([p, f]) => [p, f.text]),
);

let sandbox: Sandbox;
let wcFiles: Record<string, string>;
let replies: Map<string, BridgeReply>;
let opened: string[];
let served: number[];
let problems: string[];
let failReplies: boolean;
let ask: ReturnType<typeof createBridge>;
let n = 0;
const send = async (argv: string[], cwd = ROOT) => {
  const id = `r${n++}`;
  await ask({ id, argv, cwd });
  return replies.get(id);
};

beforeEach(() => {
  sandbox = createSandbox({ files: solution, python });
  wcFiles = { ...solution };
  replies = new Map();
  opened = [];
  served = [];
  problems = [];
  failReplies = false;
  ask = createBridge({
    sandbox,
    projectRoot: ROOT,
    readProject: async () => ({ ...wcFiles }),
    reply: async (id, reply) => {
      if (failReplies) throw new Error('WebContainer was torn down');
      replies.set(id, reply);
    },
    openFile: (p) => opened.push(p),
    servePort: (p) => served.push(p),
    report: (p) => problems.push(p),
  });
});

describe('bridge', () => {
  it('a build sees the files as WebContainer holds them now, and the edit is in the transcript', async () => {
    await send(['docker', 'build', '-t', 'demo-image', '.']);
    wcFiles['app/main.py'] = solution['app/main.py']!.replace('Welcome to root', 'Edited in jsh');
    const rebuild = await send(['docker', 'build', '-t', 'demo-image', '.']);
    expect(rebuild?.exitCode).toBe(0);
    expect(rebuild?.output).toContain('CACHED [4/5] RUN pip install');
    expect(rebuild?.output).not.toContain('CACHED [5/5]');
    expect(
      sandbox
        .transcript()
        .some(
          (e) => e.type === 'file' && e.path === 'app/main.py' && e.text.includes('Edited in jsh'),
        ),
    ).toBe(true);
    await send(['docker', 'run', '-d', '-p', '8000:8000', 'demo-image']);
    expect((await send(['curl', '-s', 'localhost:8000']))?.output).toBe('"Edited in jsh"');
  });

  it('a published port gets one preview server, however often it is published', async () => {
    await send(['docker', 'build', '-t', 'demo-image', '.']);
    await send(['docker', 'run', '-d', '-p', '8000:8000', '--name', 'web1', 'demo-image']);
    await send(['docker', 'rm', '-f', 'web1']);
    await send(['docker', 'run', '-d', '-p', '8000:8000', '--name', 'web2', 'demo-image']);
    expect(served).toEqual([8000]);
  });

  it('a failed run starts no preview server', async () => {
    const reply = await send(['docker', 'run', '-d', '-p', '8000:8000', 'no-such-image']);
    expect(reply?.exitCode).not.toBe(0);
    expect(served).toEqual([]);
  });

  it.each([
    [['docker', 'run', 'demo-image'], ROOT, 1, 'add -d'],
    [['docker', 'ps'], '/home/layerwise', 1, 'inside the project folder'],
    [['edit'], ROOT, 2, 'usage: edit FILE'],
  ])('%j in %s answers %i: %s', async (argv, cwd, exitCode, message) => {
    const reply = await send(argv, cwd);
    expect(reply?.exitCode).toBe(exitCode);
    expect(reply?.output).toContain(message);
  });

  it("edit opens the file relative to the shell's folder", async () => {
    await send(['edit', 'main.py'], `${ROOT}/app`);
    expect(opened).toEqual(['app/main.py']);
  });

  it('a command run in a subfolder runs there in the sandbox too', async () => {
    const reply = await send(['docker', 'build', '-t', 'x', '..'], `${ROOT}/app`);
    expect(reply?.exitCode).toBe(0);
    expect(
      sandbox
        .transcript()
        .filter((e) => e.type === 'command')
        .map((e) => e.command),
    ).toEqual(['cd /home/learner/demo/app', 'docker build -t x ..']);
  });

  it('a reply that cannot be written is reported, and the next request is still answered', async () => {
    failReplies = true;
    await send(['docker', 'ps']);
    expect(problems).toEqual([
      'The answer to docker could not reach WebContainer: WebContainer was torn down',
    ]);
    failReplies = false;
    expect((await send(['docker', 'ps']))?.exitCode).toBe(0);
  });
});

describe('copyInto and projectFolder', () => {
  it('makes the sandbox hold exactly the given files and names what changed', () => {
    const box = createSandbox({ files: { a: '1', b: '2' } });
    expect(copyInto(box.fs, { a: '1', c: '3' }).sort()).toEqual(['b', 'c']);
    expect(box.fs.list()).toEqual(['a', 'c']);
  });

  it.each([
    [ROOT, ''],
    [`${ROOT}/app`, 'app'],
    [`${ROOT}x`, null],
    ['/home/layerwise', null],
  ])('%s → %j', (cwd, folder) => expect(projectFolder(`${ROOT}/`, cwd)).toBe(folder));
});

describe('curl from outside the project (the preview server runs in the workdir)', () => {
  it('is answered, and does not move the sandbox shell', async () => {
    const reply = await send(['curl', 'localhost:8000'], '/home/layerwise');
    expect(reply?.output).toContain('Failed to connect');
    expect(sandbox.transcript().map((e) => (e.type === 'command' ? e.command : e.path))).toEqual([
      'curl localhost:8000',
    ]);
  });
});
