/**
 * The commands WebContainer runs (`.layerwise/bin/docker`, `curl`, `edit`, and the preview server),
 * run here in real Node from the tree the backend mounts, answered by the real bridge and sandbox.
 * Only WebContainer itself is missing: the test plays its part (the output stream, the reply file).
 */
import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FileNode, FileSystemTree } from '@webcontainer/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox } from '../../../src/core/sandbox/index.ts';
import { createBridge } from '../../../src/islands/webcontainer/bridge.ts';
import {
  extractRequests,
  REPLY_DIR,
  type BridgeRequest,
} from '../../../src/islands/webcontainer/protocol.ts';
import { mountTree, PROJECT_DIR } from '../../../src/islands/webcontainer/webcontainer-backend.ts';
import { readWorkspace } from '../../../src/node/cli/sandbox.ts';
import { usePython } from '../python/use-python.ts';

const solution = Object.fromEntries(
  Object.entries(
    readWorkspace(new URL('../../../content/workspace/solution', import.meta.url).pathname),
  ).map(([p, f]) => [p, f.text]),
);
const workdir = mkdtempSync(join(tmpdir(), 'layerwise-wc-'));
const project = join(workdir, PROJECT_DIR);
const sandbox = createSandbox({ files: solution, python: usePython() });
const ask = createBridge({
  sandbox,
  projectRoot: project,
  readProject: async () => solution,
  reply: async (id, reply) => {
    writeFileSync(join(workdir, REPLY_DIR, `${id}.tmp`), JSON.stringify(reply));
    renameSync(join(workdir, REPLY_DIR, `${id}.tmp`), join(workdir, REPLY_DIR, `${id}.json`));
  },
  openFile: () => {},
  servePort: () => {},
  report: (problem) => {
    throw new Error(problem);
  },
});

function write(tree: FileSystemTree, dir: string) {
  mkdirSync(dir, { recursive: true });
  for (const [name, node] of Object.entries(tree)) {
    if ('directory' in node) write(node.directory, join(dir, name));
    else if ('file' in node)
      writeFileSync(join(dir, name), String((node as FileNode).file.contents));
  }
}

/** Runs a Node script as WebContainer would, serving its requests from its output stream. */
function runNode(
  args: string[],
  cwd = project,
): { done: Promise<{ code: number; shown: string }>; requests: BridgeRequest[]; kill(): void } {
  const child = spawn(process.execPath, args, { cwd });
  const requests: BridgeRequest[] = [];
  let rest = '';
  let shown = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    const out = extractRequests(rest + chunk);
    rest = out.rest;
    shown += out.text;
    for (const r of out.requests) (requests.push(r), void ask(r));
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (shown += chunk));
  const done = new Promise<{ code: number; shown: string }>((resolve) =>
    child.on('close', (code) => resolve({ code: code ?? -1, shown })),
  );
  return { done, requests, kill: () => child.kill() };
}
const bin = (name: string) => join(workdir, '.layerwise/bin', name);

beforeAll(() => write(mountTree(solution), workdir));
afterAll(() => rmSync(workdir, { recursive: true, force: true }));

describe("the commands on WebContainer's PATH, in real Node", () => {
  it('mountTree lays out the project and the commands', () => {
    const paths = [
      'demo/Dockerfile',
      'demo/app/main.py',
      'demo/.dockerignore',
      'demo/requirements.txt',
      '.layerwise/commands.cjs',
      '.layerwise/serve.cjs',
      '.layerwise/bin/docker',
      '.layerwise/bin/curl',
      '.layerwise/bin/edit',
      '.layerwise/replies',
    ];
    expect(paths.filter((p) => !existsSync(join(workdir, p)))).toEqual([]);
    expect(readFileSync(join(workdir, 'demo/app/main.py'), 'utf8')).toBe(solution['app/main.py']);
  });

  it("docker build prints the simulator's output, with CRLF, and exits 0", async () => {
    const { done, requests } = runNode([bin('docker'), 'build', '-t', 'demo-image', '.']);
    const { code, shown } = await done;
    expect(code).toBe(0);
    expect(shown).toContain('naming to docker.io/library/demo-image');
    expect(shown).toContain('\r\n');
    expect(requests.map((r) => r.argv)).toEqual([['docker', 'build', '-t', 'demo-image', '.']]);
    expect(requests[0]!.cwd).toBe(project);
  });

  it('a refused command exits with its code and says what to do', async () => {
    const { code, shown } = await runNode([bin('docker'), 'run', 'demo-image']).done;
    expect(code).toBe(1);
    expect(shown).toContain('add -d');
  });

  it('the preview server answers HTTP with what the simulated container serves', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    await runNode([bin('docker'), 'run', '-d', '-p', `${port}:8000`, 'demo-image']).done;
    const server = runNode([join(workdir, '.layerwise/serve.cjs'), String(port)], workdir);
    try {
      let response: Response | null = null;
      const deadline = Date.now() + 10_000;
      while (!response && Date.now() < deadline)
        response = await fetch(`http://127.0.0.1:${port}/`).catch(() => null);
      expect(response?.status).toBe(200);
      expect(response?.headers.get('content-type')).toBe('application/json');
      expect(await response?.text()).toBe('"Welcome to root"');
      const missing = await fetch(`http://127.0.0.1:${port}/nope`);
      expect(missing.status).toBe(404);
      expect(await missing.text()).toBe('{"detail":"Not Found"}');
    } finally {
      server.kill();
    }
  });
});
