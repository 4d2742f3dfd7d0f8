/**
 * Why `docker run` (or the container right after it started) failed: the daemon's error with
 * `docker:`/`docker.exe:` prefixes, with or without the `Run 'docker run --help'` hint, and the
 * runtime's own lines (`exec format error`, a CRLF script's `no such file or directory`).
 */
import type { ScreenLine } from '../text/index.ts';
import { noMarks, type Parsed, type PartOf } from './parsed.ts';
import { connectionState, DESKTOP_ENDPOINT } from './engine.ts';
import { COMPOSE_PROGRESS } from './markers.ts';
import type { RunErrorKind, Tool } from './types.ts';

const KINDS: [RunErrorKind, RegExp][] = [
  ['port-allocated', /port is already allocated/],
  [
    'address-in-use',
    /address already in use|EADDRINUSE|Ports are not available|Only one usage of each socket address|forbidden by its access permissions/,
  ],
  ['exec-format', /exec format error/],
  [
    'executable-not-found',
    /executable file not found|(?<!required file )\bnot found$|command not found|The system cannot find the file specified/,
  ],
  ['no-such-file', /no such file or directory|bad interpreter|required file not found/i],
  [
    'image-not-found',
    /pull access denied|manifest unknown|manifest for \S+ not found|repository does not exist|: not found$|No such image/,
  ],
];

// Compose v2 may print the daemon's error on its progress line ("Container web Starting Error …").
const ERROR_LINE =
  /^(?:\S*docker(?:\.exe)?|podman): |^ERROR: for \S+\s+|^\s*(?:[✔✘⠿] )?Container \S+\s+\w+\s+Error response from daemon: |^unknown (?:shorthand )?flag: |^Error response from daemon: |^Error: |^exec \S+: |^standard_init_linux|^\/bin\/(?:ba|da)?sh: /;
const PULL = /^Unable to find image '([^']+)' locally/;

export function parseRunError(lines: ScreenLine[], tool: Tool): Parsed<PartOf<'run-error'>> | null {
  const error = lines.find((l) => ERROR_LINE.test(l.text));
  const pull = lines.find((l) => PULL.test(l.text));
  if (!error && !pull) return null;
  const main = error ?? pull!;
  const message = main.text.replace(/^\S*docker(?:\.exe)?: |^podman: /, '').trim();
  const classified = classifyRunError(message);
  // No engine answered: nothing about the container can be said (Windows' "cannot find the file").
  let kind = connectionState(message) ? 'other' : classified.kind;
  // `Unable to find image ... locally` followed by any pull failure: the image exists nowhere we can reach.
  if (pull && kind === 'other') kind = 'image-not-found';
  const hint = lines.find((l) =>
    /^(?:Run|See) '\S*(?:docker|podman)(?:\.exe)? [\w ]+--help'|^ERROR: Encountered errors while bringing up/.test(
      l.text,
    ),
  );
  const used = [main.n, ...(pull ? [pull.n] : []), ...(hint ? [hint.n] : [])];
  return {
    part: {
      kind: 'run-error',
      tool:
        tool ??
        (/^podman: /.test(main.text)
          ? 'podman'
          : /^ERROR: for /.test(main.text) || lines.some((l) => COMPOSE_PROGRESS.test(l.text))
            ? 'compose'
            : 'docker'),
      format: 'text',
      lines: [Math.min(...used), Math.max(...used)],
      runError: { kind, port: classified.port, message: main.text.trim() },
      ...engineOf(main.text),
    },
    marks: {
      ...noMarks(),
      error: main.n,
      notes: pull ? [{ id: 'image', line: pull.n, text: PULL.exec(pull.text)![1]! }] : [],
    },
  };
}

/** What a daemon or runtime error says went wrong, and the host port it names (the checkers read an Engine's State.Error with it too). */
export function classifyRunError(message: string): { kind: RunErrorKind; port: number | null } {
  return { kind: KINDS.find(([, re]) => re.test(message))?.[0] ?? 'other', port: portOf(message) };
}

function portOf(message: string): number | null {
  const m =
    /Bind for \S+?:(\d+)(?: failed|: )|(?:bind host port(?: for)?|listen tcp[46]?|exposing port TCP) \S*?:(\d+)\b|:(\d+): bind:/.exec(
      message,
    );
  const port = m?.slice(1).find((g) => g !== undefined);
  return port ? Number(port) : null;
}

/** A daemon-connection error says which engine did not answer, as `docker version` would. */
function engineOf(text: string) {
  const state = connectionState(text);
  if (!state) return {};
  return {
    engine: {
      command: null,
      client: null,
      server: null,
      state,
      desktop: DESKTOP_ENDPOINT.test(text),
      product: /^podman: /.test(text) ? ('podman' as const) : ('docker' as const),
    },
  };
}
