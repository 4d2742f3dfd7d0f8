/**
 * What a scenario compares between the real engine and the simulator, extracted from what a
 * learner's terminal shows (command, output, exit code) by ONE piece of code for both sides.
 * Only what the course teaches is kept: which build steps were cached, whether a build or run
 * worked and why not, the PORTS and STATUS a container shows, what curl got. Anything that
 * depends on timing or chance (IDs, random host ports, client ports, step completion order) is
 * normalised or compared as a set.
 *
 * Swap-in note: once src/core/docker-output's `parse()` lands, the build and ps readers below can
 * become thin wrappers over it; the summary shape stays.
 */

export interface CommandRecord {
  command: string;
  output: string;
  exitCode: number;
}

export type StepResult = 'CACHED' | 'RAN' | 'ERROR';

export type SummaryEntry =
  | { command: string; kind: 'build'; ok: boolean; steps: Record<string, StepResult>; image: 'new' | 'same' | 'none'; error: string | null }
  | { command: string; kind: 'run'; exitCode: number; error: string | null }
  | { command: string; kind: 'ps'; containers: Record<string, { status: string; ports: string }> }
  | { command: string; kind: 'curl'; exitCode: number | '52|56'; body: string | null }
  | { command: string; kind: 'images'; tags: string[]; danglingFromScenario: number }
  | { command: string; kind: 'logs'; lines: string[] }
  | { command: string; kind: 'other'; exitCode: number };

const STEP = /^#(\d+) (\[\s*(?:[\w.-]+ )?\s*\d+\/\d+\] .*)$/;
const END = /^#(\d+) (CACHED|DONE|ERROR)\b/;

export function summarize(records: CommandRecord[]): SummaryEntry[] {
  const builtIds: string[] = [];
  const repositories = scenarioRepositories(records);
  return records.map((r) => {
    const text = r.output.replace(/\r\n?/g, '\n');
    const words = r.command.trim().split(/\s+/);
    const sub = words[0] === 'docker' ? (words[1] === 'image' || words[1] === 'container' ? words[2] : words[1]) : null;
    if (sub === 'build') return build(r, text, builtIds);
    if (sub === 'run') return { command: r.command, kind: 'run', exitCode: r.exitCode, error: runError(text) };
    if (sub === 'ps' || sub === 'ls') return sub === 'ls' && words[1] === 'image' ? images(r, text, builtIds, repositories) : ps(r, text);
    if (sub === 'images') return images(r, text, builtIds, repositories);
    if (sub === 'logs') return { command: r.command, kind: 'logs', lines: text.split('\n').filter(Boolean).map(normaliseLog).sort() };
    if (words[0] === 'curl') return { command: r.command, kind: 'curl', exitCode: curlCode(r.exitCode), body: r.exitCode === 0 ? text : null };
    return { command: r.command, kind: 'other', exitCode: r.exitCode };
  });
}

function build(r: CommandRecord, text: string, builtIds: string[]): SummaryEntry {
  const names = new Map<string, string>();
  const steps: Record<string, StepResult> = {};
  for (const line of text.split('\n')) {
    const start = STEP.exec(line);
    if (start) names.set(start[1]!, start[2]!.replace(/@sha256:[0-9a-f]+/, '').replace(/\[\s+/, '['));
    const end = END.exec(line);
    const name = end && names.get(end[1]!);
    if (end && name) steps[name] = end[2] === 'CACHED' ? 'CACHED' : end[2] === 'DONE' ? 'RAN' : 'ERROR';
  }
  const id = /writing image (sha256:[0-9a-f]{64})/.exec(text)?.[1] ?? /^(sha256:[0-9a-f]{64})$/m.exec(text)?.[1] ?? null;
  const image = id === null ? 'none' : builtIds.includes(id) ? 'same' : 'new';
  if (id) builtIds.push(id);
  const sorted = Object.fromEntries(Object.entries(steps).sort(([a], [b]) => (a < b ? -1 : 1)));
  return { command: r.command, kind: 'build', ok: r.exitCode === 0, steps: sorted, image, error: buildError(text) };
}

function buildError(text: string): string | null {
  if (/"(\/[^"]+)":? not found/.test(text)) return `copy-source-missing ${/"(\/[^"]+)":? not found/.exec(text)![1]}`;
  const run = /(?:did not complete successfully|executor failed running \[.*\]): exit code: (\d+)/.exec(text);
  if (run) return `run-failed ${run[1]}`;
  if (/^ERROR:/m.test(text)) return 'other';
  return null;
}

function runError(text: string): string | null {
  if (/port is already allocated/.test(text)) return 'port-allocated';
  if (/address already in use/.test(text)) return 'address-in-use';
  const exec = /exec: "([^"]+)": executable file not found in \$PATH/.exec(text);
  if (exec) return `executable-not-found ${exec[1]}`;
  if (/The container name "[^"]+" is already in use/.test(text)) return 'name-conflict';
  if (/Error response from daemon/.test(text)) return 'other';
  return null;
}

/** Reads a `docker ps` table by its header's column positions. */
function ps(r: CommandRecord, text: string): SummaryEntry {
  const lines = text.split('\n').filter((l) => l.trim());
  const header = lines[0] ?? '';
  const col = (name: string) => header.indexOf(name);
  const containers: Record<string, { status: string; ports: string }> = {};
  for (const line of lines.slice(1)) {
    const status = line.slice(col('STATUS'), col('PORTS')).trim();
    const ports = line.slice(col('PORTS'), col('NAMES')).trim();
    const name = line.slice(col('NAMES')).trim();
    containers[name] = { status: normaliseStatus(status), ports: ports.replace(/:(3[2-9]\d{3}|[4-5]\d{4}|60\d{3})->/g, ':<random>->') };
  }
  return { command: r.command, kind: 'ps', containers };
}

function normaliseStatus(status: string): string {
  if (status.startsWith('Up')) return 'Up';
  const exited = /^Exited \((\d+)\)/.exec(status);
  return exited ? `Exited (${exited[1]})` : status;
}

/**
 * A dropped connection shows as (56) "reset by peer" or (52) "empty reply" depending on a race in
 * docker-proxy (both seen on the lab engine for the same case; docker-semantics §3.4).
 */
function curlCode(code: number): number | '52|56' {
  return code === 52 || code === 56 ? '52|56' : code;
}

/** The repositories this scenario names (`-t`, `docker tag`): other images on a shared engine are not its business. */
function scenarioRepositories(records: CommandRecord[]): Set<string> {
  const repos = new Set<string>();
  for (const r of records) {
    for (const m of r.command.matchAll(/(?:^|\s)(?:-t|--tag)[ =](\S+)/g)) repos.add(m[1]!.split(':')[0]!);
    const tag = /^docker (?:image )?tag \S+ (\S+)/.exec(r.command);
    if (tag) repos.add(tag[1]!.split(':')[0]!);
  }
  return repos;
}

function images(r: CommandRecord, text: string, builtIds: string[], repositories: Set<string>): SummaryEntry {
  const tags: string[] = [];
  let dangling = 0;
  for (const line of text.split('\n').slice(1)) {
    const [repo, tag, id] = line.trim().split(/\s+/);
    if (!repo || !tag || !id) continue;
    if (repo === '<none>') dangling += builtIds.some((b) => b.slice(7).startsWith(id)) ? 1 : 0;
    else if (repositories.has(repo)) tags.push(`${repo}:${tag}`);
  }
  return { command: r.command, kind: 'images', tags: tags.sort(), danglingFromScenario: dangling };
}

/** Access-log lines carry the client's address and port, which differ on every run. */
function normaliseLog(line: string): string {
  return line.replace(/\d{1,3}(?:\.\d{1,3}){3}:\d+ - "/, '<client> - "');
}
