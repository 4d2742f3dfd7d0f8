/**
 * `layerwise sandbox [--workspace DIR] [--plain] [--cols N] [SCRIPT]`: runs a script's lines (or
 * stdin's) in the simulated shell and prints what the in-browser terminal would show, prompt and
 * all. File edits are ordinary shell: `cat > app/main.py <<'EOF' … EOF`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSandbox, splitScript } from '../../core/sandbox/index.ts';
import { stripAnsi } from '../../core/text/index.ts';
import { nodePythonRuntime } from '../python/pyodide-runtime.ts';
import { say, type CliIo, type Subcommand } from './io.ts';

const DEFAULT_WORKSPACE = fileURLToPath(
  new URL('../../../content/workspace/solution', import.meta.url),
);

const HELP = `layerwise sandbox [--workspace DIR] [--plain] [--cols N] [SCRIPT]

Runs the lines of SCRIPT (or of standard input) in the course's simulated terminal, starting in a
copy of the course workspace (content/workspace/solution) or of DIR, and prints what the terminal
would show. Nothing touches your real Docker or files.

Script syntax: one command a line, as you would type it. Lines starting with # are comments. A
command continues over several lines with a here-document, an open quote or a trailing \\, && or |,
so file edits are written the shell way:

  cat > app/main.py <<'EOF'
  ...
  EOF

A server started in the foreground (uvicorn, fastapi, docker run without -d) keeps running in the
background of the script, as if in a second terminal.

Options:
  --workspace DIR  start from the files in DIR
  --plain          no colours (ANSI codes stripped)
  --cols N         terminal width for docker build's display (default: this terminal's, or 100)
`;

/** A workspace directory as the sandbox's `files` option takes it: path → text and mode. */
export function readWorkspace(root: string): Record<string, { text: string; mode: number }> {
  const files: Record<string, { text: string; mode: number }> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const stat = statSync(path);
      if (stat.isDirectory()) walk(path);
      else
        files[relative(root, path)] = { text: readFileSync(path, 'utf8'), mode: stat.mode & 0o777 };
    }
  };
  walk(root);
  return files;
}

async function readStdin(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += String(chunk);
  return text;
}

export const sandboxCommand: Subcommand = {
  name: 'sandbox',
  help: HELP,
  async run(args: string[], io: CliIo): Promise<number> {
    let workspace = DEFAULT_WORKSPACE;
    let plain = false;
    let cols = (io.stdout as { columns?: number }).columns ?? 100;
    let script: string | null = null;
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '--workspace') workspace = resolve(io.cwd, args[++i] ?? '');
      else if (a === '--plain') plain = true;
      else if (a === '--cols') cols = Number(args[++i]);
      else if (a.startsWith('-')) {
        say(io.stderr, `layerwise sandbox: unknown option ${a}\n\n${HELP}`);
        return 2;
      } else script = a;
    }
    if (!Number.isInteger(cols) || cols < 20) {
      say(io.stderr, 'layerwise sandbox: --cols wants a whole number of at least 20');
      return 2;
    }
    let files;
    try {
      files = readWorkspace(workspace);
    } catch {
      say(io.stderr, `layerwise sandbox: cannot read the workspace ${workspace}`);
      return 2;
    }
    let text: string;
    try {
      text =
        script === null || script === '-'
          ? await readStdin(io.stdin)
          : readFileSync(resolve(io.cwd, script), 'utf8');
    } catch {
      say(io.stderr, `layerwise sandbox: cannot read ${script}`);
      return 2;
    }
    if (text.includes('\0')) {
      say(
        io.stderr,
        'layerwise sandbox: the script looks binary; give it shell commands, one a line',
      );
      return 2;
    }
    const sandbox = createSandbox({
      files,
      cols,
      python: nodePythonRuntime(),
      yaml: () => import('yaml').then((m) => m.parseDocument),
    });
    const show = (t: string) => io.stdout.write(plain ? stripAnsi(t) : t);
    let exitCode = 0;
    for (const command of splitScript(text)) {
      show(`${sandbox.prompt()}${command}\n`);
      const result = await sandbox.runLine(command);
      show(
        result.output && !result.output.endsWith('\n') && !result.output.endsWith('\x1b[3J')
          ? `${result.output}\n`
          : result.output,
      );
      exitCode = result.exitCode;
    }
    sandbox.dispose();
    return exitCode;
  },
};
