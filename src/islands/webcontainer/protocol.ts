/**
 * How `docker`, `curl` and `edit` inside WebContainer reach the simulator on the page. The command
 * (commands.cjs, a small Node script) prints its request as an OSC escape sequence, which the page
 * reads out of the terminal's output stream and never shows; the page runs it on the sandbox and
 * writes the answer to `.layerwise/replies/<id>.json`, which the command waits for. Pure: parsing,
 * quoting and the rules about which commands cannot run this way.
 */

import { parseFlags, readPortSpec, RUN_FLAGS, type ParsedFlags } from '../../core/docker/index.ts';

/** OSC 7731 is unassigned; terminals ignore OSC numbers they do not know. */
export const OSC_START = '\x1b]7731;layerwise;';
export const OSC_END = '\x07';
export const REPLY_DIR = '.layerwise/replies';

export interface BridgeRequest {
  id: string;
  /** e.g. `['docker', 'build', '-t', 'demo-image', '.']` */
  argv: string[];
  /** the command's working directory inside WebContainer */
  cwd: string;
}
export interface BridgeReply {
  output: string;
  exitCode: number;
}

function decode(payload: string): BridgeRequest | null {
  try {
    const value = JSON.parse(atob(payload)) as Partial<BridgeRequest>;
    const ok =
      typeof value.id === 'string' &&
      /^[\w-]{1,64}$/.test(value.id) &&
      Array.isArray(value.argv) &&
      value.argv.every((a) => typeof a === 'string') &&
      typeof value.cwd === 'string';
    return ok ? (value as BridgeRequest) : null;
  } catch {
    return null; // not ours, or damaged: dropped, as a terminal drops an OSC sequence it does not know
  }
}

/**
 * Splits terminal output into what to show and the requests hidden in it. A sequence cut by the
 * end of a chunk is returned as `rest`, to be put before the next chunk.
 */
export function extractRequests(chunk: string): {
  text: string;
  requests: BridgeRequest[];
  rest: string;
} {
  const requests: BridgeRequest[] = [];
  let text = '';
  let at = 0;
  for (;;) {
    const start = chunk.indexOf(OSC_START, at);
    if (start === -1) {
      // Keep a possible beginning of a sequence for the next chunk.
      const tail = chunk.slice(at);
      const partial = [...Array(OSC_START.length).keys()]
        .reverse()
        .find((n) => n > 0 && tail.endsWith(OSC_START.slice(0, n)));
      const cut = partial ? tail.length - partial : tail.length;
      return { text: text + tail.slice(0, cut), requests, rest: tail.slice(cut) };
    }
    text += chunk.slice(at, start);
    const end = chunk.indexOf(OSC_END, start + OSC_START.length);
    if (end === -1) return { text, requests, rest: chunk.slice(start) };
    const request = decode(chunk.slice(start + OSC_START.length, end));
    if (request) requests.push(request);
    at = end + OSC_END.length;
  }
}

/** argv as one shell line the sandbox reads back into the same words. */
export function commandLine(argv: readonly string[]): string {
  return argv
    .map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`))
    .join(' ');
}

/** The options of a `docker run` / `docker container run` line as the simulator reads them; null for another command or one it would refuse. */
function runOptions(argv: readonly string[]): ParsedFlags | null {
  const [tool, sub, subsub] = argv;
  if (tool !== 'docker') return null;
  const args =
    sub === 'run' ? argv.slice(2) : sub === 'container' && subsub === 'run' ? argv.slice(3) : null;
  const parsed = args && parseFlags([...args], RUN_FLAGS, false);
  return parsed && !('error' in parsed) ? parsed : null;
}

/**
 * A command that would hold the terminal until Ctrl+C cannot answer through a reply file; this
 * says what to type instead, or null when the command can run.
 */
export function holdsTerminal(argv: readonly string[]): string | null {
  const [tool, sub] = argv;
  if (tool !== 'docker') return null;
  const options = runOptions(argv);
  if (options && options.values.get('detach')?.at(-1) !== 'true') {
    return 'In the WebContainer shell a container runs in the background: add -d (docker run -d …), then read its output with docker logs. The built-in terminal also runs it in the foreground.';
  }
  if (sub === 'logs' && argv.some((a) => a === '--follow' || /^-[a-zA-Z]*f/.test(a)))
    return 'docker logs -f follows for ever; in the WebContainer shell use docker logs without -f.';
  if (sub === 'attach')
    return 'docker attach is not available in the WebContainer shell; use docker logs.';
  return null;
}

/** Host ports a `docker run` publishes explicitly (`-p 8000:8000`, `-p 127.0.0.1:8080:80`), for the preview pane. */
export function publishedPorts(argv: readonly string[]): number[] {
  return (runOptions(argv)?.values.get('publish') ?? []).flatMap((spec) => {
    const read = readPortSpec(spec);
    // `-p 8000` picks a random host port: nothing to preview by number.
    if ('error' in read || !read.host || read.host.first === 0) return [];
    const { first, last } = read.host;
    return Array.from({ length: last - first + 1 }, (_, i) => first + i);
  });
}
