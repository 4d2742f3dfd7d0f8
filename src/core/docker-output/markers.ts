/**
 * Lines that show where one command's output starts, by kind. Inside a build log only a marker that
 * `opens` its kind starts a new part (a RUN step may print anything); blocks.ts decides.
 */
import { formatHeader } from './format-header.ts';
import { CLI_USAGE, CLICK_ERRORS, START_FAILURE } from './start-failure.ts';

/** Compose v2's lines for what it does to each container, network and volume. */
export const COMPOSE_PROGRESS =
  /^\s*(?:[✔✘⠿] )?(?:Container|Network|Volume) \S+\s+(?:Creat|Start|Recreat|Stopp|Remov|Running|Healthy|Error)/;

export type BlockKind =
  'build' | 'images' | 'ps' | 'history' | 'run-error' | 'container-log' | 'curl' | 'engine';

interface Marker {
  kind: BlockKind;
  re: RegExp;
  /** a marker that only ever opens its kind's output (a table header, a build's first line) */
  opens?: boolean;
  /** a substring the line must contain: a cheap test before an unanchored pattern */
  needs?: string;
  /** a line that ends a build's tail: the lines above it with no marker are the failed step's */
  tail?: boolean;
}

export const MARKERS: Marker[] = [
  {
    kind: 'images',
    re: /^(?:REPOSITORY\s+TAG\s+(?:IMAGE ID|DIGEST)|IMAGE(?:\/TAGS)?\s+ID\s+DISK USAGE)\b/,
    opens: true,
  },
  { kind: 'images', re: /^\s+i Info →/ },
  {
    kind: 'ps',
    re: /^(?:CONTAINER ID\s+IMAGE|NAME\s+(?:IMAGE\s+)?COMMAND\s+SERVICE|NAME\s+SERVICE\s+(?:STATE|STATUS)|\s*Name\s+Command\s+State\s+Ports)\b/,
    opens: true,
  },
  { kind: 'history', re: /^(?:IMAGE|ID)\s+CREATED\s+CREATED BY\b/, opens: true },
  {
    kind: 'build',
    // Compose v1 names the service it builds ("Building web") before the legacy builder's steps.
    // BuildKit's tty header has a time; Compose v2's closing "[+] Building 1/1" (services built) has not.
    re: /^(?:#0 building with |\[\+\] Building \d+\.\ds |Sending build context to |DEPRECATED: The legacy builder|Step 1(?:\/\d+)? : |(?:\[\d+\/\d+\] )?STEP 1(?:\/\d+)?: |Building [\w.-]+$| ?\d+ warnings? found \(use docker --debug)/,
    opens: true,
  },
  {
    kind: 'build',
    re: /^(?:#\d+ (?:\[|DONE|CACHED|ERROR|\.\.\.|transferring|sha256:)| ?=> |Step \d+(?:\/\d+)? : |(?:\[\d+\/\d+\] )?STEP \d+(?:\/\d+)?: )/,
  },
  // The legacy builder's and Buildah's closing lines of a step: their RUN output has no prefix, so
  // what a tail shows above these lines is the failed step's own output (see blocks.ts).
  {
    kind: 'build',
    tail: true,
    re: /^(?:The command '.*' returned a non-zero code: \d+|Error: (?:error )?building at STEP|Removing intermediate container [0-9a-f]{12,64}$| ---> Running in [0-9a-f]{12}$)/,
  },
  // A failed build pasted as its last lines: BuildKit's, a CI action's, the legacy builder's, Compose v1's.
  {
    kind: 'build',
    re: /^(?:(?:ERROR|Error|error): )?(?:(?:failed to build|buildx failed with): )?(?:(?:ERROR|error): )?failed to solve\b|^unable to prepare context:|^(?:Error response from daemon: )?dockerfile parse error|^Error: (?:(?:error )?building at STEP|no Containerfile|no context directory and no Containerfile)|^executor failed running \[|^(?:COPY|ADD) failed: |^The command '.*' returned a non-zero code: \d+|^(?:ERROR: )?Service '[\w.-]+' failed to build/,
  },
  // docker version / docker info, and the engine refusing or missing (before run errors: the
  // daemon's "client version is too old" belongs to the version output above it)
  { kind: 'engine', re: /^(?:Client(?::| version:)|Containers: \d+$)/, opens: true },
  {
    kind: 'engine',
    re: /^(?:Server(?::| (?:API )?version:)|Client API version:| ?Server Version: |Emulate Docker CLI using podman)/,
  },
  {
    kind: 'engine',
    re: /Cannot connect to the Docker daemon|permission denied while trying to connect to the Docker daemon|^error during connect: |client version \S+ is too (?:new|old)/i,
  },
  // Compose v2's progress lines before an error of docker compose up
  { kind: 'run-error', re: COMPOSE_PROGRESS },
  // Compose v1's "ERROR: for web  Cannot start service web: …", the CLI's flag errors
  {
    kind: 'run-error',
    re: /^ERROR: for \S+\s+Cannot (?:start|create) service |^unknown (?:shorthand )?flag: /,
  },
  {
    kind: 'run-error',
    // not click's usage errors: those end a container's log (uvicorn refusing its options)
    re: new RegExp(
      String.raw`^(?:\S*docker(?:\.exe)?|podman): |^Unable to find image '|^Error response from daemon: |^Error: (?!${CLICK_ERRORS})`,
    ),
  },
  // What a container prints when its program cannot start: its log, whoever shows it (docker run
  // attached, docker logs, compose's `web-1  | `), with or without timestamps.
  {
    kind: 'container-log',
    re: START_FAILURE,
  },
  { kind: 'container-log', re: CLI_USAGE, needs: 'Usage: ' },
  { kind: 'curl', re: /curl: \(\d+\) /, needs: 'curl: (' },
  { kind: 'curl', re: /^\s*% Total\s+% Received/, opens: true },
  { kind: 'curl', re: /^HTTP\/[\d.]+ \d{3}\b/ },
  // PowerShell's curl (Invoke-WebRequest): its property list, or its error record
  {
    kind: 'curl',
    re: /^StatusCode\s+: \d{3}$|^(?:curl|Invoke-WebRequest) ?: (?:Unable to connect|No connection could be made|Response status code|The remote server returned)/,
    opens: true,
  },
  {
    kind: 'container-log',
    re: /^(?:\^[@A-Z])*(?:\S+\s+\|\s+)?(?:(?:INFO|ERROR|DEBUG):\s{2,}|\[\d{4}-\d\d-\d\d [\d:]+ [+-]\d{4}\] \[\d+\] \[[A-Z]+\] |\s*(?:FastAPI\s+Starting (?:production|development) server|INFO\s+Started server process))/,
  },
  {
    kind: 'container-log',
    re: /Uvicorn running on |\buvicorn\.error\b/,
    needs: 'vicorn',
  },
  { kind: 'container-log', re: /^Traceback \(most recent call last\):/ },
];

export interface Hit {
  readonly kind: BlockKind;
  readonly opens: boolean;
  readonly tail?: boolean;
}

const WEAK_BUILD: Hit = { kind: 'build', opens: false };
const BUILD_OPENS: Hit = { kind: 'build', opens: true };

/** One answer a marker, made once: a 10 MB paste has a marker on most of its lines. */
const HITS: Hit[] = MARKERS.map((m) =>
  m.tail ? { kind: m.kind, opens: false, tail: true } : { kind: m.kind, opens: m.opens === true },
);

export function markerOf(text: string): Hit | null {
  // Most lines of a BuildKit plain log are `#N ...`: answer them without trying every pattern.
  const c = text.charCodeAt(1);
  if (text.charCodeAt(0) === 35 && c >= 48 && c <= 57 && / /.test(text.slice(2, 7)))
    return text.startsWith('#0 building with ') ? BUILD_OPENS : WEAK_BUILD;
  for (let i = 0; i < MARKERS.length; i++) {
    const m = MARKERS[i]!;
    if ((m.needs === undefined || text.includes(m.needs)) && m.re.test(text)) return HITS[i]!;
  }
  const custom = formatHeader(text);
  return custom ? { kind: custom.kind, opens: true } : null;
}
