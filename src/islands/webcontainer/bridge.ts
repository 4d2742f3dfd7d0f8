/**
 * The page's side of protocol.ts: runs each `docker`, `curl` or `edit` request from WebContainer
 * on the sandbox, one at a time, after copying WebContainer's project files into it (so a build
 * sees what `echo >> file` or the editor just wrote there), and replies.
 */
import { messageOf } from '../../core/text/index.ts';
import type { Sandbox } from '../../core/sandbox/index.ts';
import type { ProjectFiles } from '../workspace/project-files.ts';
import {
  commandLine,
  holdsTerminal,
  publishedPorts,
  type BridgeReply,
  type BridgeRequest,
} from './protocol.ts';

const SANDBOX_PROJECT = '/home/learner/demo';
export const COMMAND_LIMIT_MS = 30_000;

export interface BridgeDeps {
  sandbox: Sandbox;
  /** WebContainer's absolute path of the project folder, e.g. `/home/layerwise/demo` */
  projectRoot: string;
  readProject(): Promise<ProjectFiles>;
  reply(id: string, reply: BridgeReply): Promise<void>;
  openFile(path: string): void;
  /** start the preview server for a published host port (once per port) */
  servePort(port: number): void;
  /** a reply could not be written (WebContainer went away): one line for the learner */
  report(problem: string): void;
}

/** Makes the sandbox's project hold exactly these files; returns the paths it changed. */
export function copyInto(
  fs: Pick<Sandbox['fs'], 'read' | 'write' | 'list' | 'remove'>,
  files: ProjectFiles,
): string[] {
  const changed: string[] = [];
  for (const [path, text] of Object.entries(files)) {
    if (fs.read(path) !== text) {
      fs.write(path, text);
      changed.push(path);
    }
  }
  for (const path of fs.list()) {
    if (!(path in files)) {
      fs.remove(path);
      changed.push(path);
    }
  }
  return changed;
}

/** `cwd` inside WebContainer → the project-relative folder, or null outside the project. */
export function projectFolder(projectRoot: string, cwd: string): string | null {
  const root = projectRoot.replace(/\/+$/, '');
  if (cwd === root) return '';
  return cwd.startsWith(`${root}/`) ? cwd.slice(root.length + 1) : null;
}

export function createBridge(deps: BridgeDeps): (request: BridgeRequest) => Promise<void> {
  let queue: Promise<void> = Promise.resolve();
  let sandboxCwd = SANDBOX_PROJECT;
  const served = new Set<number>();

  const answer = async ({ argv, cwd }: BridgeRequest): Promise<BridgeReply> => {
    const folder = projectFolder(deps.projectRoot, cwd);
    // curl does not read the folder it runs in; docker (the build context) and edit do.
    if (folder === null && argv[0] !== 'curl')
      return {
        output: `layerwise: run ${argv[0]} inside the project folder (${deps.projectRoot}); the simulator only sees the project.\n`,
        exitCode: 1,
      };
    if (argv[0] === 'edit') {
      const target = [folder, argv[1] ?? ''].filter(Boolean).join('/');
      if (!argv[1]) return { output: 'usage: edit FILE\n', exitCode: 2 };
      deps.openFile(target);
      return { output: `Opening ${target} in the editor…\n`, exitCode: 0 };
    }
    const refusal = holdsTerminal(argv);
    if (refusal) return { output: `${refusal}\n`, exitCode: 1 };
    copyInto(deps.sandbox.fs, await deps.readProject());
    const target = folder ? `${SANDBOX_PROJECT}/${folder}` : SANDBOX_PROJECT;
    if (folder !== null && target !== sandboxCwd) {
      await deps.sandbox.runLine(`cd ${commandLine([target])}`);
      sandboxCwd = target;
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const limit = new Promise<BridgeReply>((resolve) => {
      timer = setTimeout(
        () =>
          resolve({
            output: `layerwise: the simulator gave no answer within ${COMMAND_LIMIT_MS / 1000} s.\n`,
            exitCode: 124,
          }),
        COMMAND_LIMIT_MS,
      );
    });
    const result = await Promise.race([
      deps.sandbox.runLine(commandLine(argv), { tty: true }),
      limit,
    ]);
    clearTimeout(timer);
    if (argv[0] === 'docker' && result.exitCode === 0) {
      for (const port of publishedPorts(argv))
        if (!served.has(port)) (served.add(port), deps.servePort(port));
    }
    return result;
  };

  const handle = async (request: BridgeRequest) => {
    let reply: BridgeReply;
    try {
      reply = await answer(request);
    } catch (error) {
      reply = {
        output: `layerwise: the simulator failed on this command: ${messageOf(error)}\n`,
        exitCode: 1,
      };
    }
    try {
      await deps.reply(request.id, reply);
    } catch (error) {
      deps.report(
        `The answer to ${request.argv[0]} could not reach WebContainer: ${messageOf(error)}`,
      );
    }
  };
  // One at a time: the commands share the sandbox's shell, as they would share a terminal.
  return (request) => (queue = queue.then(() => handle(request)));
}
