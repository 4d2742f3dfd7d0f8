/** Reads the text a command judges: a file, or stdin when none is named. Bounded, never throws. */
import { messageOf } from '../../core/text/index.ts';
import { readFile, stat } from 'node:fs/promises';
import { say, type CliIo } from './io.ts';

/**
 * What the parser holds in time and memory (audit F3: 8 MiB of blank lines took 15 s and 1.25 GB,
 * 64 MiB ran out of memory), and what the exercise panel accepts as a paste: the same 5 MB. Real
 * output for a course step is a few kB; a 20 MB BuildKit log is not something to paste.
 */
export const MAX_INPUT_BYTES = 5 * 1024 * 1024;

export type Input = { ok: true; text: string; name: string } | { ok: false; message: string };

export async function readInput(file: string | undefined, io: CliIo): Promise<Input> {
  if (file !== undefined && file !== '-') {
    try {
      const s = await stat(file);
      if (!s.isFile()) return { ok: false, message: `${file} is not a file.` };
      if (s.size > MAX_INPUT_BYTES)
        return {
          ok: false,
          message: `${file} is ${Math.round(s.size / 1048576)} MB; Layerwise reads at most ${MAX_INPUT_BYTES / 1048576} MB.`,
        };
      return { ok: true, text: (await readFile(file)).toString('utf8'), name: file };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return {
        ok: false,
        message:
          code === 'ENOENT'
            ? `There is no file ${file}.`
            : `Could not read ${file} (${code ?? messageOf(error)}).`,
      };
    }
  }
  if (io.stdin.isTTY)
    say(io.stderr, 'Paste the output, then press Ctrl+D (Ctrl+Z then Enter on Windows).');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of io.stdin) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += buffer.length;
    if (size > MAX_INPUT_BYTES)
      return {
        ok: false,
        message: `The input is over ${MAX_INPUT_BYTES / 1048576} MB; Layerwise reads at most ${MAX_INPUT_BYTES / 1048576} MB.`,
      };
    chunks.push(buffer);
  }
  return { ok: true, text: Buffer.concat(chunks).toString('utf8'), name: 'stdin' };
}

export interface ParsedArgs {
  flags: Set<string>;
  values: Map<string, string>;
  positional: string[];
  /** what was not understood, to report */
  problems: string[];
}

/** `--json`-style flags, `--image NAME` / `--image=NAME` values, and positional arguments. */
export function parseArgs(
  args: readonly string[],
  known: { flags?: readonly string[]; values?: readonly string[] },
): ParsedArgs {
  const out: ParsedArgs = { flags: new Set(), values: new Map(), positional: [], problems: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '-' || !arg.startsWith('-')) {
      out.positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg : arg.slice(0, eq);
    if (known.flags?.includes(name) && eq < 0) out.flags.add(name);
    else if (known.values?.includes(name)) {
      const value = eq < 0 ? args[++i] : arg.slice(eq + 1);
      if (value === undefined || value === '') out.problems.push(`${name} needs a value`);
      else out.values.set(name, value);
    } else out.problems.push(`unknown option ${arg}`);
  }
  return out;
}
