/**
 * `docker version` and `docker info` (and Podman's `version`/`info` answering as `docker`): which
 * client and engine answered, or why none did. The contract's kind list is closed, so an answer is
 * a part of kind `unknown` with the optional `engine` field, and a failure (no daemon, permission
 * denied on the socket, an API version the engine refuses) a `run-error` part with it.
 */
import type { ScreenLine } from '../text/index.ts';
import { noMarks, type Parsed } from './parsed.ts';
import type { EngineInfo, EngineSide, EngineState, Part, Tool } from './types.ts';

const CONNECTION: [EngineState, RegExp][] = [
  ['permission-denied', /permission denied while trying to connect to the Docker daemon/i],
  [
    'not-running',
    /Cannot connect to the Docker daemon|Is the docker daemon running|error during connect|docker daemon is not running|Cannot connect to Podman|unable to connect to Podman/i,
  ],
  ['api-too-new', /client version \S+ is too new|is too new\. Maximum supported API version/i],
  ['api-too-old', /client version \S+ is too old|Minimum supported API version is/i],
];

/** What a daemon-connection error says, or null when the message is about something else. */
export function connectionState(message: string): EngineState | null {
  return CONNECTION.find(([, re]) => re.test(message))?.[0] ?? null;
}

/** Docker Desktop's endpoints: the Windows pipes and the socket in the user's home on macOS/Linux. */
export const DESKTOP_ENDPOINT =
  /pipe\/docker|dockerDesktop|\.docker\/run\/docker\.sock|\.docker\/desktop\//;

/** A line of `Key:  value` (one or two spaces of indent, as docker prints its sections). */
const FIELD = /^(\s*)([A-Za-z][\w ./()-]*?):\s*(.*)$/;
const SECTION = /^(Client|Server)(?::\s*(.*))?$/;
const OLD_FIELD = /^(Client|Server) (version|API version|Version):\s*(\S+)/;

const side = (): EngineSide => ({
  product: null,
  version: null,
  apiVersion: null,
  minApiVersion: null,
  os: null,
});

export function parseEngine(lines: ScreenLine[], tool: Tool): Parsed<Part> | null {
  let client: EngineSide | null = null;
  let server: EngineSide | null = null;
  let cur: EngineSide | null = null;
  let inEngine = true;
  let command: EngineInfo['command'] = null;
  let podman = tool === 'podman';
  let desktop = false;
  let error: ScreenLine | null = null;
  let state: EngineState = 'ok';
  const used: number[] = [];
  for (const line of lines) {
    const text = line.text.trimEnd();
    if (!text.trim()) continue;
    let m: RegExpExecArray | null;
    const failure = connectionState(text);
    if (failure && !error) {
      error = line;
      state = failure;
      used.push(line.n);
      continue;
    }
    if (/^Emulate Docker CLI using podman/.test(text)) {
      podman = true;
      used.push(line.n);
    } else if ((m = SECTION.exec(text))) {
      cur = m[1] === 'Client' ? (client ??= side()) : (server ??= side());
      inEngine = true;
      if (m[2]) cur.product = m[2].trim();
      used.push(line.n);
    } else if ((m = OLD_FIELD.exec(text))) {
      // Docker before 1.10: "Client version: 1.9.0", "Server API version: 1.21"
      const s = m[1] === 'Client' ? (client ??= side()) : (server ??= side());
      if (m[2] === 'API version') s.apiVersion = m[3]!;
      else s.version = m[3]!;
      command ??= 'version';
      used.push(line.n);
    } else if ((m = FIELD.exec(text))) {
      const [, indent, key, value] = m as unknown as [string, string, string, string];
      const depth = indent.length;
      // docker info's Server section and Podman's info put the engine version in their own words.
      if (key === 'Server Version') {
        (server ??= side()).version = value;
        command = 'info';
      } else if (
        /^(?:Containers|Images|Storage Driver|OSType|Kernel Version|Debug Mode|Plugins)$/.test(key)
      ) {
        // only docker info prints these (its Client section too); they outrank "Version"
        command = 'info';
        if (key !== 'Containers' && key !== 'Images') continue;
      } else if (key === 'Operating System') {
        if (/Docker Desktop|Docker for (?:Windows|Mac)/.test(value)) desktop = true;
        (server ??= side()).os ??= value;
      } else if (key === 'Engine' && depth >= 1) inEngine = true;
      else if (depth >= 1 && !value && cur === server)
        inEngine = false; // containerd:, runc:
      else if (!inEngine) continue;
      else if (key === 'Version' && (depth <= 2 || cur === null)) {
        (cur ??= client ??= side()).version ??= value;
        command ??= 'version';
      } else if (/^(?:API|RemoteAPI) [Vv]ersion$/.test(key)) {
        if (key.startsWith('Remote')) podman = true; // Podman 1's docker shim
        cur ??= client ??= side();
        const api = /^(\S+)(?: \(minimum version (\S+)\))?/.exec(value);
        if (api) {
          cur.apiVersion ??= api[1]!;
          cur.minApiVersion ??= api[2] ?? null;
        }
      } else if (key === 'OS/Arch' && cur) cur.os ??= value;
      else continue;
      used.push(line.n);
    } else if (/^(?:Run|See) '\S*(?:docker|podman)(?:\.exe)? [\w ]+--help'/.test(text)) {
      used.push(line.n);
    } else if (/^podman version \d/.test(text)) {
      podman = true;
      (client ??= side()).version = text.split(' ')[2]!;
      used.push(line.n);
    }
  }
  if (!client && !server && !error) return null;
  for (const s of [client, server])
    if (s && /Podman/i.test(s.product ?? '')) podman = true;
    else if (s && /Docker Desktop/.test(s.product ?? '')) desktop = true;
  if (error && DESKTOP_ENDPOINT.test(error.text)) desktop = true;
  const engine: EngineInfo = {
    command,
    client,
    server,
    state,
    desktop,
    product: podman ? 'podman' : 'docker',
  };
  // A loop, not Math.min(...used): a spread of a long paste's lines overflows the call stack.
  const range: [number, number] = [
    used.reduce((a, b) => Math.min(a, b), Infinity),
    used.reduce((a, b) => Math.max(a, b), -Infinity),
  ];
  // Compose's request names its project's label in the URL the daemon did not answer.
  const compose = error !== null && /com\.docker\.compose\.project/.test(error.text);
  const partTool: Tool = podman ? 'podman' : (tool ?? (compose ? 'compose' : 'docker'));
  return {
    part: error
      ? {
          kind: 'run-error',
          tool: partTool,
          format: 'text',
          lines: range,
          runError: { kind: 'other', port: null, message: error.text.trim() },
          engine,
        }
      : { kind: 'unknown', tool: partTool, format: 'text', lines: range, engine },
    marks: { ...noMarks(), ...(error ? { error: error.n } : {}) },
  };
}
