/** What a subcommand gets from the outside world; tests pass fakes. */
export interface CliIo {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export interface Subcommand {
  name: string;
  /** the full `layerwise NAME --help` text */
  help: string;
  /** returns the exit code */
  run(args: string[], io: CliIo): Promise<number>;
}

export function say(stream: NodeJS.WritableStream, text: string): void {
  stream.write(text.endsWith('\n') ? text : `${text}\n`);
}
