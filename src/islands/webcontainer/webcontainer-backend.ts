/**
 * The WebContainer backend behind the workspace's adapter (../workspace/backend.ts): a real `jsh`
 * on real files, with `docker`, `curl` and `edit` answered by the page's sandbox (bridge.ts). The
 * editor sees a mirror of the project's files, kept by WebContainer's file watcher; its saves go
 * to WebContainer before any later keystroke does.
 */
import type { FileSystemTree, WebContainer, WebContainerProcess } from '@webcontainer/api';
import type { Sandbox } from '../../core/sandbox/index.ts';
import type { WorkspaceBackend } from '../workspace/backend.ts';
import type { ProjectFiles } from '../workspace/project-files.ts';
import { createBridge, projectFolder } from './bridge.ts';
import { messageOf } from '../../core/text/index.ts';
import { extractRequests, REPLY_DIR } from './protocol.ts';
import commandsScript from './commands.cjs?raw';

export const PROJECT_DIR = 'demo';
const SKIP = new Set(['node_modules', '.git']);

/** The project as WebContainer's mount tree, with the course's commands beside it in `.layerwise/`. */
export function mountTree(files: ProjectFiles): FileSystemTree {
  const project: FileSystemTree = {};
  for (const [path, text] of Object.entries(files)) {
    const parts = path.split('/');
    let dir = project;
    for (const part of parts.slice(0, -1)) {
      const node = (dir[part] ??= { directory: {} });
      dir = 'directory' in node ? node.directory : {};
    }
    dir[parts[parts.length - 1]!] = { file: { contents: text } };
  }
  const bin = (name: string) => ({
    file: {
      contents: `#!/usr/bin/env node\nrequire('../commands.cjs').run('${name}', process.argv.slice(2));\n`,
    },
  });
  return {
    [PROJECT_DIR]: { directory: project },
    '.layerwise': {
      directory: {
        'commands.cjs': { file: { contents: commandsScript } },
        'serve.cjs': {
          file: { contents: "require('./commands.cjs').serve(Number(process.argv[2]));\n" },
        },
        bin: { directory: { docker: bin('docker'), curl: bin('curl'), edit: bin('edit') } },
        replies: { directory: {} },
      },
    },
  };
}

async function readProject(wc: WebContainer): Promise<ProjectFiles> {
  const files: ProjectFiles = {};
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await wc.fs.readdir(`${PROJECT_DIR}${dir}`, { withFileTypes: true })) {
      if (SKIP.has(entry.name)) continue;
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory()) await walk(rel);
      else files[rel.slice(1)] = await wc.fs.readFile(`${PROJECT_DIR}${rel}`, 'utf-8');
    }
  };
  await walk('');
  return files;
}

export async function createWebContainerBackend(
  wc: WebContainer,
  sandbox: Sandbox,
  files: ProjectFiles,
  size: { cols: number; rows: number },
): Promise<WorkspaceBackend> {
  await wc.mount(mountTree(files));
  const root = `${wc.workdir}/${PROJECT_DIR}`;
  let mirror: ProjectFiles = { ...files };
  const outputs = new Set<(text: string) => void>();
  const changes = new Set<(path: string) => void>();
  const opens = new Set<(path: string) => void>();
  const previews = new Set<(preview: { port: number; url: string }) => void>();
  const problems = (text: string) => outputs.forEach((l) => l(`\r\n\x1b[33m${text}\x1b[0m\r\n`));
  // File writes and keystrokes leave in the order they were made.
  let pending: Promise<unknown> = Promise.resolve();
  const inOrder = (step: () => Promise<unknown>) =>
    (pending = pending
      .then(step)
      .catch((error: unknown) => problems(`layerwise: ${messageOf(error)}`)));

  const refreshMirror = async () => {
    const next = await readProject(wc);
    const paths = new Set([...Object.keys(mirror), ...Object.keys(next)]);
    const old = mirror;
    mirror = next;
    for (const p of paths) if (old[p] !== next[p]) changes.forEach((l) => l(p));
  };
  const watcher = wc.fs.watch(PROJECT_DIR, { recursive: true }, () => void inOrder(refreshMirror));

  const ask = createBridge({
    sandbox,
    projectRoot: root,
    readProject: () => readProject(wc),
    reply: async (id, reply) => {
      await wc.fs.writeFile(`${REPLY_DIR}/${id}.tmp`, JSON.stringify(reply));
      await wc.fs.rename(`${REPLY_DIR}/${id}.tmp`, `${REPLY_DIR}/${id}.json`);
    },
    openFile: (path) => opens.forEach((l) => l(path)),
    servePort: (port) =>
      void wc
        .spawn('node', ['.layerwise/serve.cjs', String(port)], { output: false })
        .catch((error: unknown) =>
          problems(`layerwise: no preview for port ${port} (${messageOf(error)})`),
        ),
    report: problems,
  });

  const shell: WebContainerProcess = await wc.spawn('jsh', {
    cwd: PROJECT_DIR,
    env: { PATH: `${wc.workdir}/.layerwise/bin:${wc.path}` },
    terminal: size,
  });
  const input = shell.input.getWriter();
  let rest = '';
  shell.output
    .pipeTo(
      new WritableStream({
        write(chunk) {
          const { text, requests, rest: next } = extractRequests(rest + chunk);
          rest = next;
          if (text) outputs.forEach((l) => l(text));
          for (const request of requests) void ask(request);
        },
      }),
    )
    .catch((error: unknown) =>
      problems(`layerwise: the shell's output stopped (${messageOf(error)})`),
    );
  void shell.exit.then((code) =>
    problems(
      `The shell ended (exit code ${code}). Switch back to the built-in simulator, or reload the page for a new shell.`,
    ),
  );
  const unsubscribe = [
    wc.on('server-ready', (port, url) => previews.forEach((l) => l({ port, url }))),
    wc.on('code', (_type, event) => {
      for (const { filepath } of event.files) {
        const path = projectFolder(root, filepath);
        if (path) opens.forEach((l) => l(path));
      }
    }),
  ];

  return {
    kind: 'webcontainer',
    write: (data) => void inOrder(() => input.write(data)),
    onOutput: (l) => (outputs.add(l), () => outputs.delete(l)),
    resize: (cols, rows) => shell.resize({ cols, rows }),
    files: {
      read: (path) => mirror[path] ?? null,
      write(path, text) {
        mirror = { ...mirror, [path]: text };
        void inOrder(async () => {
          const dir = path.includes('/')
            ? `${PROJECT_DIR}/${path.slice(0, path.lastIndexOf('/'))}`
            : PROJECT_DIR;
          await wc.fs.mkdir(dir, { recursive: true });
          await wc.fs.writeFile(`${PROJECT_DIR}/${path}`, text);
        });
        changes.forEach((l) => l(path));
      },
      list: () => Object.keys(mirror).sort(),
      onChange: (l) => (changes.add(l), () => changes.delete(l)),
    },
    onOpenFile: (l) => (opens.add(l), () => opens.delete(l)),
    onPreview: (l) => (previews.add(l), () => previews.delete(l)),
    transcript: () => sandbox.transcript(),
    reset(next) {
      mirror = { ...next };
      void inOrder(async () => {
        // Empty the folder rather than remove it: the shell is standing in it.
        for (const name of await wc.fs.readdir(PROJECT_DIR))
          await wc.fs.rm(`${PROJECT_DIR}/${name}`, { recursive: true, force: true });
        await wc.mount(mountTree(next));
        sandbox.reset(next);
        Object.keys(next).forEach((p) => changes.forEach((l) => l(p)));
      });
    },
    dispose() {
      unsubscribe.forEach((off) => off());
      watcher.close();
      shell.kill();
      wc.teardown();
    },
  };
}
