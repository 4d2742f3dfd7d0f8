/**
 * What a scenario compares between the real engine and the simulator, extracted from what a
 * learner's terminal shows (command, output, exit code) by ONE piece of code for both sides: the
 * course's own output parser (src/core/docker-output) reads builds, tables, run errors and curl,
 * the typed command leading the output as in a paste. Only what the course teaches is kept:
 * which build steps were cached, whether a build or run worked and why not, the PORTS and
 * STATUS a container shows, what curl got. Anything that depends on timing or chance (IDs,
 * random host ports, client ports, step completion order) is normalised or compared as a set.
 */
import { parse, type Part, type PsContainer } from '../../src/core/docker-output/index.ts';
import { normaliseRef, portText as shownPort, type Port } from '../../src/core/docker/index.ts';
import { LAB_BASES } from '../../src/core/sandbox/docker/base-image.ts';
import {
  IdNames,
  isLabBaseJson,
  normaliseBuild,
  normaliseTable,
  normaliseText,
  runsAsSets,
} from './normalise.ts';
import { normaliseDiskUsage, normalisePrune } from './normalise-disk-usage.ts';

export interface CommandRecord {
  command: string;
  output: string;
  exitCode: number;
}

export type StepResult = 'CACHED' | 'RAN' | 'ERROR';

/** What a command meant: its kind, and what the course reads from it. */
export type Meaning =
  | {
      command: string;
      kind: 'build';
      ok: boolean;
      steps: Record<string, StepResult>;
      image: 'new' | 'same' | 'none';
      error: string | null;
    }
  | { command: string; kind: 'run'; exitCode: number; error: string | null }
  | { command: string; kind: 'ps'; containers: Record<string, { status: string; ports: string }> }
  | { command: string; kind: 'curl'; exitCode: number | '52|56'; body: string | null }
  | { command: string; kind: 'images'; tags: string[]; danglingFromScenario: number }
  | { command: string; kind: 'logs'; lines: string[] }
  | { command: string; kind: 'other'; exitCode: number };

/** A meaning and `text`: the output as the learner reads it, normalised (normalise.ts). */
export type SummaryEntry = Meaning & { text: string[] };

/** A scenario's run: where it ran, what was on the engine before it (not its business), each command. */
export interface RecordedRun {
  /** the project directory: a temp dir on the engine's machine, `/home/learner/demo` in the simulator */
  workdir: string;
  foreign: { containers: string[]; images: string[]; volumes?: string[] };
  records: CommandRecord[];
}

const LAB_BASE_IDS = new Set(LAB_BASES.map((b) => b.id.replace(/^sha256:/, '')));

export function summarize(run: RecordedRun): SummaryEntry[] {
  const builtIds: string[] = [];
  const named = scenarioTags(run.records);
  const ids = new IdNames();
  return run.records.map((record) => {
    const r = { ...record, output: withoutForeign(record.output, run) };
    return { ...entry(r, builtIds, named), text: shown(r, ids) };
  });
}

/** The output with the project's path named `<project>`, and other people's containers and images (rows, lines) left out. */
function withoutForeign(output: string, run: RecordedRun): string {
  // Recordings made while only python:3.13-slim counted as a base listed python:3.14-slim as
  // foreign; the simulated engine holds both, as the lab does.
  const foreign = [...(run.foreign?.containers ?? []), ...(run.foreign?.images ?? [])]
    .map((id) => id.replace(/^sha256:/, ''))
    .filter((id) => !LAB_BASE_IDS.has(id));
  const short = new Set(foreign.map((id) => id.slice(0, 12)));
  const full = new Set(foreign);
  const volumes = new Set(run.foreign?.volumes ?? []);
  // Recordings made before the runner kept these have no workdir and no foreign list.
  return (run.workdir ? output.split(run.workdir).join('<project>') : output)
    .split('\n')
    .filter((line) => {
      const hexes = line.match(/\b[0-9a-f]{64}\b|\b[0-9a-f]{12}\b/g) ?? [];
      // A volume's row (`system df -v`) starts with its name.
      const volume = /^\S+(?= {2,}\d+ {2,})/.exec(line)?.[0];
      return !hexes.some((h) => full.has(h) || short.has(h)) && !(volume && volumes.has(volume));
    })
    .join('\n');
}

/** The output as a learner reads it, with what differs between runs normalised. */
function shown(r: CommandRecord, ids: IdNames): string[] {
  const words = r.command.trim().split(/\s+/);
  const sub =
    words[1] === 'image' || words[1] === 'container' || words[1] === 'buildx' ? words[2] : words[1];
  if (words[0] === 'docker' && sub === 'build') return normaliseBuild(r.output, ids);
  // Compose's up --build and build print BuildKit's plain progress, then their own lines.
  if (words[0] === 'docker' && sub === 'compose' && /^#1 /m.test(r.output))
    return normaliseBuild(r.output, ids);
  const raw = r.output.replace(/\r\n?/g, '\n').split('\n');
  if (raw.at(-1) === '') raw.pop();
  // Also at the end of a pipe (`echo y | docker builder prune`).
  if (/\bdocker (?:builder|buildx) prune\b/.test(r.command)) return normalisePrune(raw, ids);
  if (words[0] === 'docker' && sub === 'system' && words[2] === 'df')
    return normaliseDiskUsage(raw, ids, words.includes('-v') || words.includes('--verbose'));
  // Images created in the same instant (a rebuild that changed only metadata keeps the layers'
  // time) come in the daemon's map order, and one image's tags in different repositories in the
  // CLI's (a Go map: cli/command/formatter/image.go): rows with equal CREATED, or else equal
  // IMAGE ID, are compared as a set, and so are --format lines that start with the same ID.
  const images =
    words[0] === 'docker' && (sub === 'images' || (sub === 'ls' && words[1] === 'image'));
  const table = normaliseTable(raw, ids, images ? ['CREATED', 'IMAGE ID'] : []);
  if (table) return table;
  const lines = raw.map((line) => normaliseText(line, ids));
  if (images)
    return runsAsSets(
      raw.map((line, i) => ({
        key: /^[0-9a-f]{12,64}\b/.exec(line)?.[0] ?? (isLabBaseJson(line) ? 'lab base' : ''),
        text: lines[i]!,
      })),
    );
  // `docker logs` replays stdout and stderr separately: their interleaving races on a real engine.
  if (words[0] === 'docker' && sub === 'logs') return lines.map(normaliseLog).sort();
  // `docker diff` walks the layer's directories in a Go map's order (scenario 130 listed /tmp, /etc,
  // /srv, then /etc, /tmp, /srv for the same container).
  if (words[0] === 'docker' && sub === 'diff') return lines.sort();
  return lines;
}

function entry(r: CommandRecord, builtIds: string[], named: Set<string>): Meaning {
  {
    const text = r.output.replace(/\r\n?/g, '\n');
    const read = <K extends Part['kind']>(kind: K) => partOf(text, r.command, kind);
    const words = r.command.trim().split(/\s+/);
    const sub =
      words[0] === 'docker'
        ? words[1] === 'image' || words[1] === 'container'
          ? words[2]
          : words[1]
        : null;
    if (sub === 'build') return build(r, text, read('build'), builtIds);
    if (sub === 'run')
      return {
        command: r.command,
        kind: 'run',
        exitCode: r.exitCode,
        error: runError(read('run-error')),
      };
    if (sub === 'ps' || sub === 'ls')
      return sub === 'ls' && words[1] === 'image'
        ? images(r, read('images'), builtIds, named)
        : ps(r, read('ps'));
    if (sub === 'images') return images(r, read('images'), builtIds, named);
    if (sub === 'logs')
      return {
        command: r.command,
        kind: 'logs',
        lines: text.split('\n').filter(Boolean).map(normaliseLog).sort(),
      };
    if (words[0] === 'curl') return curl(r, text, read('curl'));
    return { command: r.command, kind: 'other', exitCode: r.exitCode };
  }
}

type PartOf<K extends Part['kind']> = Extract<Part, { kind: K }>;

/** The output read as a learner would paste it: the typed command first, so the parser knows what follows. */
function partOf<K extends Part['kind']>(text: string, command: string, kind: K): PartOf<K> | null {
  return (
    (parse(`$ ${command}\n${text}`).find((p) => p.kind === kind) as PartOf<K> | undefined) ?? null
  );
}

function build(
  r: CommandRecord,
  text: string,
  part: PartOf<'build'> | null,
  builtIds: string[],
): Meaning {
  const steps = (part?.build.steps ?? []).map((s): [string, StepResult] => [
    `[${s.stage ? `${s.stage} ` : ''}${s.index}/${s.total}] ${s.instruction.replace(/@sha256:[0-9a-f]+/, '')}`,
    s.failed ? 'ERROR' : s.cached ? 'CACHED' : 'RAN',
  ]);
  // The image ID is no part of the parser's contract; BuildKit names it once, `-q` prints only it.
  const id =
    /writing image (sha256:[0-9a-f]{64})/.exec(text)?.[1] ??
    /^(sha256:[0-9a-f]{64})$/m.exec(text)?.[1] ??
    null;
  const image = id === null ? 'none' : builtIds.includes(id) ? 'same' : 'new';
  if (id) builtIds.push(id);
  const sorted = Object.fromEntries(steps.sort(([a], [b]) => (a < b ? -1 : 1)));
  return {
    command: r.command,
    kind: 'build',
    ok: r.exitCode === 0,
    steps: sorted,
    image,
    error: buildError(part),
  };
}

function buildError(part: PartOf<'build'> | null): string | null {
  const error = part?.build.error;
  if (!error) return null;
  if (error.kind === 'copy-source-missing')
    return `copy-source-missing ${/"(\/[^"]+)":? not found/.exec(error.message)?.[1] ?? ''}`;
  if (error.kind === 'run-failed') return `run-failed ${error.exitCode}`;
  if (error.kind === 'dockerfile-parse') return 'dockerfile-parse';
  return 'other';
}

function runError(part: PartOf<'run-error'> | null): string | null {
  if (!part) return null;
  const { kind, message } = part.runError;
  if (kind === 'executable-not-found')
    return `executable-not-found ${/exec: "([^"]+)"/.exec(message)?.[1] ?? ''}`;
  if (kind === 'other' && /The container name "[^"]+" is already in use/.test(message))
    return 'name-conflict';
  return kind;
}

function ps(r: CommandRecord, part: PartOf<'ps'> | null): Meaning {
  const containers: Record<string, { status: string; ports: string }> = {};
  for (const c of part?.ps.containers ?? [])
    containers[c.names] = { status: statusOf(c), ports: c.ports.map(portText).join(', ') };
  return { command: r.command, kind: 'ps', containers };
}

function statusOf(c: PsContainer): string {
  if (c.running) return 'Up';
  return c.exitCode === null || c.exitCode === undefined ? c.status : `Exited (${c.exitCode})`;
}

/** One PORTS entry as the CLI prints it, a host port from the ephemeral range (docker-semantics §3.1) as `<random>`. */
function portText(p: Port): string {
  const shown = shownPort(p);
  return p.hostPort !== null && p.hostPort >= 32768 && p.hostPort <= 60999
    ? shown.replace(`:${p.hostPort}->`, ':<random>->')
    : shown;
}

/**
 * A dropped connection shows as (56) "reset by peer" or (52) "empty reply" depending on a race in
 * docker-proxy (both seen on the lab engine for the same case; docker-semantics §3.4).
 */
function curl(r: CommandRecord, text: string, part: PartOf<'curl'> | null): Meaning {
  // Without -S curl fails silently: then only its exit code says what happened.
  const code = part?.curl.exitCode ?? r.exitCode;
  // The body as printed, not the parser's: it takes a line starting with `{` or `<` for `curl -v`
  // chatter and drops it, so a JSON 404 body would read as none.
  return {
    command: r.command,
    kind: 'curl',
    exitCode: code === 52 || code === 56 ? '52|56' : code,
    // `curl -i` and `curl -v` show the server's clock in its `date` header.
    body: code === 0 ? text.replace(/^(< )?date: .*$/gim, '$1date: <date>') : null,
  };
}

/**
 * The tags this scenario names (`-t`, `docker tag`), as the parser spells them: other images on a
 * shared engine, even other tags of the same repository, are not its business.
 */
function scenarioTags(records: CommandRecord[]): Set<string> {
  const tags = new Set<string>();
  for (const r of records) {
    for (const m of r.command.matchAll(/(?:^|\s)(?:-t|--tag)[ =](\S+)/g))
      tags.add(normaliseRef(m[1]!));
    const tag = /^docker (?:image )?tag \S+ (\S+)/.exec(r.command);
    if (tag) tags.add(normaliseRef(tag[1]!));
  }
  return tags;
}

function images(
  r: CommandRecord,
  part: PartOf<'images'> | null,
  builtIds: string[],
  named: Set<string>,
): Meaning {
  const tags: string[] = [];
  let dangling = 0;
  for (const { repository, tag, id } of part?.images.images ?? []) {
    if (repository === '<none>')
      dangling += builtIds.some((b) => b.slice(7).startsWith(id)) ? 1 : 0;
    else if (named.has(`${repository}:${tag}`)) tags.push(`${repository}:${tag}`);
  }
  return { command: r.command, kind: 'images', tags: tags.sort(), danglingFromScenario: dangling };
}

/** Access-log lines carry the client's address and port, which differ on every run. */
function normaliseLog(line: string): string {
  return line
    .replace(/\d{1,3}(?:\.\d{1,3}){3}:\d+ - "/, '<client> - "')
    .replace(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z /, '<timestamp> ');
}
