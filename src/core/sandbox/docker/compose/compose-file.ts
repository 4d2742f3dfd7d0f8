/**
 * The Compose file as Docker Compose 2.40 reads it (lab, `docker compose` in a project folder):
 * found by name in the working directory or a parent, parsed as YAML, checked against the
 * Compose schema's service keys, and turned into the services the simulator runs. Errors are
 * Compose's own words where recorded (tests/fixtures/sandbox/real/engine-28/compose-*.txt); a key
 * Compose knows but the simulator does not run is a declared gap, never silently ignored.
 */
import type { YamlParser } from './yaml-parser.ts';
import type { Vfs } from '../../host/vfs.ts';
import { baseName, dirname as dirName, resolvePath } from '../../../text/index.ts';

/** Compose's names, in the order it prefers them when several are there. */
const FILE_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'];

export interface ServiceSpec {
  name: string;
  /** where and what to build; null for an image-only service */
  build: { context: string; dockerfile: string } | null;
  /** `image:`, or the name Compose gives a built image: `<project>-<service>` */
  image: string;
  ports: string[];
  environment: string[];
  /** `command:` as argv (a string is split as shellwords does), null for the image's CMD */
  command: string[] | null;
  containerName: string | null;
  /** short-syntax `volumes:` entries with a host path, made absolute */
  binds: { source: string; target: string; mode: string | null }[];
  workingDir: string | null;
  user: string | null;
  restart: string | null;
  tty: boolean;
  stdinOpen: boolean;
  /** `develop.watch`: what `docker compose watch` does when a file under `path` changes */
  watch: WatchRule[];
}

export interface WatchRule {
  action: 'sync' | 'sync+restart' | 'rebuild';
  /** absolute, on the learner's machine */
  path: string;
  /** where a sync copies to, in the container */
  target: string | null;
}

export interface ComposeProject {
  name: string;
  /** the folder holding the file: the project's working directory */
  dir: string;
  file: string;
  services: ServiceSpec[];
  /** warnings Compose prints before it acts (`version` is obsolete) */
  warnings: string[];
  /** other files with a Compose name beside it (Compose warns and uses the first) */
  alsoFound: string[];
  /** whether `-p` named it */
  nameGiven: boolean;
}

/** What the simulator cannot run, by the key that asks for it. */
export type ComposeLoad = ComposeProject | { error: string } | { gap: string };

/** Service keys the simulator runs. */
const RUN_KEYS = new Set([
  'build',
  'image',
  'ports',
  'environment',
  'command',
  'container_name',
  'volumes',
  'working_dir',
  'user',
  'restart',
  'tty',
  'stdin_open',
  // read by `docker compose watch` only, which is a gap of its own
  'develop',
]);

/** The Compose schema's other service keys (compose-spec.json, Compose 2.40): known, not run. */
const OTHER_KEYS = new Set(
  `annotations attach blkio_config cap_add cap_drop cgroup cgroup_parent configs cpu_count
  cpu_percent cpu_period cpu_quota cpu_rt_period cpu_rt_runtime cpu_shares cpus cpuset
  credential_spec depends_on deploy device_cgroup_rules devices dns dns_opt dns_search domainname
  entrypoint env_file expose extends external_links extra_hosts gpus group_add healthcheck hostname
  init ipc isolation label_file labels links logging mac_address mem_limit mem_reservation
  mem_swappiness memswap_limit models network_mode networks oom_kill_disable oom_score_adj pid
  pids_limit platform post_start pre_stop privileged profiles provider pull_policy
  pull_refresh_after read_only runtime scale secrets security_opt shm_size stop_grace_period
  stop_signal storage_opt sysctls tmpfs ulimits use_api_socket userns_mode uts volumes_from`.split(
    /\s+/,
  ),
);

const TOP_KEYS = new Set(['services', 'name', 'version']);
const OTHER_TOP_KEYS = new Set(['networks', 'volumes', 'configs', 'secrets', 'include', 'models']);

/** The Compose file for a command run in `cwd`, or null when there is none up to `/`. */
export function findComposeFile(fs: Vfs, cwd: string): { file: string; others: string[] } | null {
  for (let dir = cwd; ; dir = dirName(dir)) {
    const found = FILE_NAMES.map((n) => resolvePath(dir, n)).filter(
      (p) => fs.stat(p)?.kind === 'file',
    );
    if (found.length) return { file: found[0]!, others: found.slice(1) };
    if (dir === '/') return null;
  }
}

/** A name as Compose normalises a folder's (or, for commands that only look containers up, `-p`'s): lower case, only a-z, 0-9, `_` and `-`, starting with a letter or digit. */
export function projectName(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9_-]/g, '')
    .replace(/^[^a-z0-9]+/, '');
}

/** Whether `-p NAME` is one Compose takes as it is (commands that build or run refuse any other). */
export const validProjectName = (name: string) => /^[a-z0-9][a-z0-9_-]*$/.test(name);

const isMap = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** `command: uvicorn app.main:app --reload` as go-shellwords splits it (quotes, backslashes; no expansion). */
export function shellWords(text: string): string[] {
  const words: string[] = [];
  let word: string | null = null;
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === quote) quote = null;
      else if (ch === '\\' && quote === '"' && i + 1 < text.length) word += text[++i]!;
      else word += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      word ??= '';
    } else if (ch === '\\' && i + 1 < text.length) word = (word ?? '') + text[++i]!;
    else if (/\s/.test(ch)) {
      if (word !== null) words.push(word);
      word = null;
    } else word = (word ?? '') + ch;
  }
  if (word !== null) words.push(word);
  return words;
}

/** A YAML scalar as Compose reads it into a string (numbers and booleans as written). */
const scalar = (v: unknown): string | null =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : null;

/** What `docker compose -f FILE -p NAME` chose (each absent when not given). */
export interface ComposeChoice {
  /** absolute */
  file?: string;
  project?: string;
}

export function loadCompose(
  fs: Vfs,
  cwd: string,
  parseDocument: YamlParser,
  choice: ComposeChoice = {},
): ComposeLoad {
  const found = choice.file ? { file: choice.file, others: [] } : findComposeFile(fs, cwd);
  if (!found) return { error: 'no configuration file provided: not found' };
  const { file } = found;
  const kind = fs.stat(file)?.kind;
  if (kind === 'dir') return { error: `read ${file}: is a directory` };
  if (kind !== 'file') return { error: `open ${file}: no such file or directory` };
  const text = fs.read(file) ?? '';
  const dir = dirName(file);
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    const line = e.linePos?.[0]?.line ?? 1;
    // go-yaml words syntax errors its own way (`yaml: line 1: did not find expected key`), and
    // not always at the same line: the browser's parser finds the same mistakes and says so.
    const message = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    return {
      error: `${baseName(file)} is not valid YAML: ${message}, at line ${line} (the browser terminal's YAML parser; Docker Compose words this differently)`,
    };
  }
  const root: unknown = doc.toJS();
  if (root === null || root === undefined) return { error: 'empty compose file' };
  const invalid = (what: string) => ({ error: `validating ${file}: ${what}` });
  if (!isMap(root)) return invalid('(root) must be a object');
  const warnings: string[] = [];
  for (const key of Object.keys(root)) {
    if (key.startsWith('x-') || TOP_KEYS.has(key)) continue;
    if (OTHER_TOP_KEYS.has(key)) return { gap: `the top-level key "${key}" in ${baseName(file)}` };
    // Compose 2.40 leaves the root's path empty: two spaces after the colon.
    return invalid(` additional properties '${key}' not allowed`);
  }
  if ('version' in root)
    warnings.push(
      `${file}: the attribute \`version\` is obsolete, it will be ignored, please remove it to avoid potential confusion`,
    );
  const name =
    choice.project ??
    (typeof root['name'] === 'string' ? root['name'] : projectName(baseName(dir)));
  const servicesRaw = root['services'] ?? {};
  if (!isMap(servicesRaw)) return invalid('services must be a object');
  const services: ServiceSpec[] = [];
  for (const [service, raw] of Object.entries(servicesRaw)) {
    const spec = readService(name, dir, service, raw);
    if ('error' in spec) return invalid(spec.error);
    if ('gap' in spec) return spec;
    if ('fatal' in spec) return { error: spec.fatal };
    services.push(spec);
  }
  return {
    name,
    dir,
    file,
    services,
    warnings,
    alsoFound: found.others,
    nameGiven: choice.project !== undefined,
  };
}

function readService(
  project: string,
  dir: string,
  name: string,
  raw: unknown,
): ServiceSpec | { error: string } | { gap: string } | { fatal: string } {
  const at = `services.${name}`;
  if (!isMap(raw)) return { error: `${at} must be a mapping` };
  for (const key of Object.keys(raw)) {
    if (key.startsWith('x-') || RUN_KEYS.has(key)) continue;
    if (OTHER_KEYS.has(key)) return { gap: `the service key "${key}"` };
    return { error: `${at} additional properties '${key}' not allowed` };
  }
  let build: ServiceSpec['build'] = null;
  const b = raw['build'];
  if (typeof b === 'string') build = { context: resolvePath(dir, b), dockerfile: 'Dockerfile' };
  else if (isMap(b)) {
    for (const key of Object.keys(b))
      if (key !== 'context' && key !== 'dockerfile') return { gap: `the build key "${key}"` };
    build = {
      context: resolvePath(dir, scalar(b['context']) ?? '.'),
      dockerfile: scalar(b['dockerfile']) ?? 'Dockerfile',
    };
  } else if (b !== undefined) return { error: `${at}.build must be a string or object` };
  const image = raw['image'];
  if (image !== undefined && typeof image !== 'string')
    return { error: `${at}.image must be a string` };
  const ports = raw['ports'] ?? [];
  if (!Array.isArray(ports)) return { error: `${at}.ports must be a array` };
  const portTexts: string[] = [];
  for (const p of ports) {
    const text = scalar(p);
    if (text === null) return { gap: 'the long syntax of "ports"' };
    portTexts.push(text);
  }
  if (b === undefined && image === undefined)
    return {
      fatal: `service "${name}" has neither an image nor a build context specified: invalid compose project`,
    };
  const env = readEnvironment(raw['environment']);
  if ('error' in env) return { fatal: `${at}.environment${env.error}` };
  const command = raw['command'];
  let argv: string[] | null = null;
  if (typeof command === 'string') argv = shellWords(command);
  else if (Array.isArray(command)) argv = command.map((c) => scalar(c) ?? '');
  else if (command !== undefined && command !== null)
    return { error: `${at}.command must be a null` };
  const binds: ServiceSpec['binds'] = [];
  const volumes = raw['volumes'] ?? [];
  if (!Array.isArray(volumes)) return { error: `${at}.volumes must be a array` };
  for (const v of volumes) {
    if (typeof v !== 'string') return { gap: 'the long syntax of "volumes"' };
    const [source = '', target = '', mode = null] = v.split(':');
    if (!/^(?:\.|\/|~)/.test(source))
      return {
        fatal: `service "${name}" refers to undefined volume ${source}: invalid compose project`,
      };
    binds.push({ source: resolvePath(dir, source), target, mode });
  }
  const watch = readWatch(dir, raw['develop']);
  if ('gap' in watch) return watch;
  if ('error' in watch) return { error: `${at}.develop${watch.error}` };
  const str = (key: string) => (typeof raw[key] === 'string' ? raw[key] : null);
  return {
    name,
    build,
    image: typeof image === 'string' ? image : `${project}-${name}`,
    ports: portTexts,
    environment: env.entries,
    command: argv,
    containerName: str('container_name'),
    binds,
    workingDir: str('working_dir'),
    user: str('user'),
    restart: str('restart'),
    tty: raw['tty'] === true,
    stdinOpen: raw['stdin_open'] === true,
    watch: watch.rules,
  };
}

const WATCH_ACTIONS = new Set(['sync', 'sync+restart', 'rebuild']);

/** `develop: { watch: [{ action, path, target }] }`; other keys and actions are gaps. */
function readWatch(
  dir: string,
  raw: unknown,
): { rules: WatchRule[] } | { error: string } | { gap: string } {
  if (raw === undefined || raw === null) return { rules: [] };
  if (!isMap(raw)) return { error: ' must be a object' };
  for (const key of Object.keys(raw))
    if (key !== 'watch') return { gap: `the develop key "${key}"` };
  const list = raw['watch'] ?? [];
  if (!Array.isArray(list)) return { error: '.watch must be a array' };
  const rules: WatchRule[] = [];
  for (const item of list) {
    if (!isMap(item)) return { error: '.watch must be a object' };
    for (const key of Object.keys(item))
      if (!['action', 'path', 'target'].includes(key)) return { gap: `the watch key "${key}"` };
    const action = scalar(item['action']) ?? '';
    if (!WATCH_ACTIONS.has(action)) return { gap: `the watch action "${action}"` };
    const path = scalar(item['path']);
    if (path === null) return { error: ".watch missing property 'path'" };
    rules.push({
      action: action as WatchRule['action'],
      path: resolvePath(dir, path),
      target: scalar(item['target']),
    });
  }
  return { rules };
}

/** `environment:` as a list of `NAME=value` or a map (a null value: taken from the shell, here unset). */
function readEnvironment(raw: unknown): { entries: string[] } | { error: string } {
  if (raw === undefined || raw === null) return { entries: [] };
  if (Array.isArray(raw)) {
    const entries: string[] = [];
    for (const [i, e] of raw.entries()) {
      if (typeof e !== 'string') return { error: `.[${i}]: unexpected type ${goType(e)}` };
      entries.push(e);
    }
    return { entries };
  }
  if (isMap(raw))
    return {
      entries: Object.entries(raw)
        .filter(([, v]) => v !== null)
        .map(([k, v]) => `${k}=${scalar(v) ?? ''}`),
    };
  return { error: ` must be a object` };
}

/** The Go type go-yaml decodes a YAML scalar to, as Compose names it in errors. */
function goType(v: unknown): string {
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float64';
  if (typeof v === 'boolean') return 'bool';
  return Array.isArray(v) ? '[]interface {}' : isMap(v) ? 'map[string]interface {}' : 'string';
}
