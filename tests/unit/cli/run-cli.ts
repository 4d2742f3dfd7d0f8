/** Runs the `layerwise` CLI in-process with fake stdin/stdout, as a learner's terminal would. */
import { Readable, Writable } from 'node:stream';
import { main } from '../../../src/node/cli/main.ts';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

function sink(): Writable & { text: string } {
  const chunks: string[] = [];
  const w = new Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      done();
    },
  }) as Writable & { text: string };
  Object.defineProperty(w, 'text', { get: () => chunks.join('') });
  return w;
}

export async function runCli(
  args: string[],
  stdin = '',
  env: NodeJS.ProcessEnv = {},
): Promise<CliResult> {
  const stdout = sink();
  const stderr = sink();
  const code = await main(args, {
    stdin: Readable.from([Buffer.from(stdin)]),
    stdout,
    stderr,
    env,
    cwd: process.cwd(),
  });
  return { code, stdout: stdout.text, stderr: stderr.text };
}
