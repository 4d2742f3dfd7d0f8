/**
 * One build stage, instruction by instruction. Layer steps (WORKDIR, COPY, ADD, RUN) get a
 * vertex and a cache key; ENV, ARG, USER, EXPOSE, CMD, ENTRYPOINT, LABEL… only change the state
 * carried forward and the image config, so they never show as CACHED yet change the image ID.
 */
import type { Vfs } from '../../host/vfs.ts';
import { DEFAULT_PATH } from '../containers.ts';
import type { Clock, ManualClock } from '../../host/clock.ts';
import { hashParts } from '../../host/sha256.ts';
import { resolveUser } from '../../host/users.ts';
import { dirname, resolvePath } from '../../../text/index.ts';
import { configForm, exposeWords, readExposeWord } from '../../../dockerfile/index.ts';
import { expandBuildVars, stepLabel, type BuildDefinition, type Step } from './definition.ts';
import { envMap, type HistoryEntry, type Image, type ImageConfig } from '../images.ts';
import { selectionChecksum, selectSources, type BuildContext } from './context.ts';
import { keys, type BuildCache, type CacheRecord } from './cache.ts';
import { qualifiedRef } from '../../../docker/index.ts';
import { byteLength } from '../../text/bytes.ts';
import { changedBytes } from '../layer-size.ts';
import type { BuildRequest } from './builder.ts';
import { imageId } from './image-id.ts';
import { vertex, type BuildFailure, type Vertex } from './types.ts';

/** Runs a RUN step's command in the image's file system; returns its exit code and output lines. */
export type ShellRunner = (run: {
  fs: Vfs;
  cwd: string;
  env: Map<string, string>;
  script: string;
  /** what the process reads on stdin (`docker run -i`); null: nothing (a RUN step) */
  stdin?: string | null;
  packages: Set<string>;
  /** Docker's USER / --user text ('' or absent: root), resolved against the image's /etc/passwd */
  user?: string;
  /** `$0` of the shell: `/bin/sh` unless a container's command named it (`sh -c …`) */
  argv0?: string;
  /** the container's own time, for a container's process: its sleeps pass there, not on the host */
  clock?: ManualClock;
}) => Promise<{
  code: number;
  lines: string[];
  /** when each line was written, on `clock` */ at?: number[];
}>;

interface StageDeps {
  base: Image;
  /** the FROM reference, build args expanded */
  fromRef: string;
  /** ARGs declared before FROM, build args applied: they reach the stage only when it declares them again */
  globalArgs: Map<string, string>;
  context: BuildContext;
  model: Extract<BuildDefinition, { ok: true }>;
  request: BuildRequest;
  vertices: Vertex[];
  cache: BuildCache;
  clock: Clock;
  runShell: ShellRunner;
}

type StepAction = (
  fs: Vfs,
  packages: Set<string>,
) => Promise<{ size: number } | { error: string; line: number }>;

const LAYER_STEPS = new Set(['WORKDIR', 'COPY', 'ADD', 'RUN']);

export class StageBuilder {
  /** true once a step really ran (not CACHED) */
  executed = false;
  /** the context's files the COPY/ADD steps named: what the client sent */
  readonly sent = new Set<string>();
  private parentKey: string;
  private fs: Vfs;
  private packages: Set<string>;
  private readonly env = new Map<string, string>();
  private readonly args = new Map<string, string>();
  private readonly config: ImageConfig;
  private readonly layers: string[];
  private readonly history: HistoryEntry[];
  private size: number;

  constructor(private readonly d: StageDeps) {
    this.parentKey = keys.from(d.base.id);
    this.fs = d.base.fs;
    this.packages = d.base.packages;
    this.config = structuredClone(d.base.config);
    // BuildKit gives a stage the default PATH when the base image sets none (dockerfile2llb).
    if (!this.config.Env.some((e) => e.startsWith('PATH=')))
      this.config.Env = [...this.config.Env, `PATH=${DEFAULT_PATH}`];
    for (const [name, value] of envMap(this.config.Env)) this.env.set(name, value);
    this.layers = [...d.base.layers];
    this.history = [...d.base.history];
    this.size = d.base.size;
  }

  /** Runs every instruction; returns the failure, if any. */
  async run(contextVertex: Vertex): Promise<BuildFailure | null> {
    const total = this.d.model.steps.filter(
      (s) => s.keyword === 'FROM' || LAYER_STEPS.has(s.keyword),
    ).length;
    const width = Math.floor(1 + Math.log10(total));
    let index = 0;
    const label = (s: Step, text: string) =>
      `[${String(++index).padStart(width)}/${total}] ${s.keyword} ${text}`;
    const steps = this.d.model.steps;
    const stage = steps.slice(steps.findIndex((step) => step.keyword === 'FROM'));
    // BuildKit loads the context beside the base image, before any step runs, so its vertex comes
    // right after FROM's (content/outputs/build-first-plain.txt: #4 FROM, #5 load build context).
    const readsContext = stage.some((s) => s.keyword === 'COPY' || s.keyword === 'ADD');
    for (const s of stage) {
      if (s.keyword === 'FROM') {
        this.d.vertices.push(vertex(label(s, qualifiedRef(this.d.fromRef, true)), 'done'));
        if (readsContext) this.d.vertices.push(contextVertex);
        continue;
      }
      if (!LAYER_STEPS.has(s.keyword)) {
        this.metadata(s);
        continue;
      }
      // BuildKit shows every step with build args and ENV expanded, RUN included (what is unset stays).
      const shown = stepLabel(s.text, new Map([...this.env, ...this.args]));
      const v = vertex(label(s, shown), 'done');
      this.d.vertices.push(v);
      const failure = await this.layerStep(s, v);
      if (failure) return failure;
    }
    return null;
  }

  /**
   * BuildKit converts the whole Dockerfile before any step runs, so an EXPOSE word it cannot read
   * (`EXPOSE 8000 # comment` reads "#") stops the build there, after the metadata step
   * ([LOCAL] tests/fixtures/sandbox/real/build-expose-*.txt). ENV and ARG are followed as `metadata` does.
   */
  exposeFailure(): BuildFailure | null {
    const vars = new Map([...this.env, ...this.args]);
    const steps = this.d.model.steps;
    for (const s of steps.slice(steps.findIndex((step) => step.keyword === 'FROM'))) {
      if (s.keyword === 'ENV')
        for (const [k, v] of s.properties) vars.set(k, expandBuildVars(v ?? '', vars));
      if (s.keyword === 'ARG') for (const [k, v] of s.properties) vars.set(k, this.argValue(k, v));
      if (s.keyword !== 'EXPOSE') continue;
      for (const word of exposeWords(s.rawArgs.map((a) => expandBuildVars(a, vars)))) {
        const read = readExposeWord(word);
        if ('error' in read) return { message: read.error, vertex: null, line: s.line };
      }
    }
    return null;
  }

  export(): Image {
    const draft = {
      config: this.config,
      layers: this.layers,
      history: datedHistory(this.history, this.d.base.history.length),
    };
    return {
      id: imageId(draft),
      tags: [],
      created: draft.history.at(-1)?.created ?? this.d.clock.now(),
      ...draft,
      size: this.size,
      fs: this.fs,
      packages: this.packages,
    };
  }

  /** An ARG's value: the --build-arg given, else its default, else the global ARG's. */
  private argValue(name: string, written: string | null): string {
    return this.d.request.buildArgs.get(name) ?? written ?? this.d.globalArgs.get(name) ?? '';
  }

  private expand(text: string): string {
    return expandBuildVars(text, new Map([...this.env, ...this.args]));
  }

  private metadata(i: Step): void {
    const entry = (createdBy: string) =>
      this.history.push({
        // dated at export, as BuildKit dates metadata from the layers around it
        created: UNDATED,
        createdBy,
        emptyLayer: true,
        size: 0,
        comment: 'buildkit.dockerfile.v0',
      });
    switch (i.keyword) {
      case 'ENV':
        for (const [k, v] of i.properties) {
          const value = this.expand(v ?? '');
          this.env.set(k, value);
          this.config.Env = [
            ...this.config.Env.filter((e) => !e.startsWith(`${k}=`)),
            `${k}=${value}`,
          ];
        }
        entry(`ENV ${i.properties.map(([k]) => `${k}=${this.env.get(k)}`).join(' ')}`);
        break;
      case 'ARG':
        for (const [k, v] of i.properties) this.args.set(k, this.argValue(k, v));
        entry(`ARG ${i.properties.map(([k, v]) => (v === null ? k : `${k}=${v}`)).join(' ')}`);
        break;
      case 'EXPOSE': {
        // Every word reads: exposeFailure stopped the build before any step otherwise.
        const ports = new Set<string>();
        for (const word of exposeWords(i.rawArgs.map((a) => this.expand(a)))) {
          const range = readExposeWord(word);
          if (!('error' in range))
            for (let p = range.first; p <= range.last; p++) ports.add(`${p}/${range.protocol}`);
        }
        // The Engine keeps ExposedPorts in a Go map, which JSON lists in key order; none stays null ([LOCAL] `EXPOSE $UNSET`).
        const all = [...Object.keys(this.config.ExposedPorts ?? {}), ...ports].sort();
        if (all.length) this.config.ExposedPorts = Object.fromEntries(all.map((p) => [p, {}]));
        entry(`EXPOSE [${[...ports].join(' ')}]`);
        break;
      }
      case 'CMD':
      case 'ENTRYPOINT': {
        const argv = configForm(i);
        if (i.keyword === 'CMD') this.config.Cmd = argv;
        else {
          this.config.Entrypoint = argv;
          this.config.Cmd = null;
        }
        entry(`${i.keyword} [${argv.map((a) => JSON.stringify(a)).join(' ')}]`);
        break;
      }
      case 'LABEL':
        this.config.Labels = {
          ...this.config.Labels,
          ...Object.fromEntries(i.properties.map(([k, v]) => [k, this.expand(v ?? '')])),
        };
        entry(`LABEL ${i.properties.map(([k, v]) => `${k}=${v ?? ''}`).join(' ')}`);
        break;
      case 'USER':
        this.config.User = this.expand(i.rawArgs[0] ?? '');
        entry(`USER ${this.config.User}`);
        break;
      default:
        entry(`${i.keyword} ${i.text}`);
    }
  }

  private async layerStep(i: Step, v: Vertex): Promise<BuildFailure | null> {
    const workdir = this.config.WorkingDir || '/';
    if (i.keyword === 'WORKDIR') {
      const path = resolvePath(workdir, this.expand(i.rawArgs[0] ?? '/'));
      this.config.WorkingDir = path;
      // --no-cache never applies to WORKDIR's mkdir (docker-semantics §1.6).
      return this.step(
        v,
        keys.workdir(this.parentKey, path, this.config.User),
        false,
        `WORKDIR ${path}`,
        async (fs) => {
          // BuildKit makes a missing WORKDIR for the USER of the moment ([LOCAL] shell/nonroot-build.txt).
          const parts = path.split('/').filter(Boolean);
          const missing = parts
            .map((_, k) => `/${parts.slice(0, k + 1).join('/')}`)
            .filter((p) => !fs.stat(p));
          fs.mkdir(path, { parents: true });
          const who = resolveUser(fs, this.config.User);
          if (!('error' in who)) for (const p of missing) fs.chown(p, who.cred.uid, who.cred.gid);
          return { size: 0 };
        },
      );
    }
    if (i.keyword === 'COPY' || i.keyword === 'ADD') {
      if ('from' in i.flags)
        return this.fail(
          v,
          `COPY --from=${i.flags['from']} is not simulated in the sandbox`,
          i.line,
        );
      const words = i.rawArgs.map((a) => this.expand(a));
      const dest = words.pop() ?? '.';
      const { selections, missing } = selectSources(this.d.context, words);
      for (const sel of selections) for (const path of sel.paths) this.sent.add(path);
      if (missing) {
        const ref = hashParts('ref', missing);
        const message = `failed to calculate checksum of ref ${uuid(ref)}::${ref.slice(0, 25)}: "${missing}": not found`;
        v.status = 'error';
        v.error = message;
        return { message: `failed to compute cache key: ${message}`, vertex: v, line: i.line };
      }
      const flags = Object.entries(i.flags)
        .map(([f, val]) => `${f}=${val}`)
        .join(' ');
      const chmod = i.flags['chmod'];
      const key = keys.copy(this.parentKey, words, dest, flags, selectionChecksum(selections));
      const target = resolvePath(workdir, dest);
      const intoDir =
        dest.endsWith('/') ||
        dest === '.' ||
        words.length > 1 ||
        this.fs.stat(target)?.kind === 'dir';
      return this.step(
        v,
        key,
        this.d.request.noCache,
        `${i.keyword} ${this.expand(i.text)} # buildkit`,
        async (fs) => {
          let size = 0;
          for (const s of selections) {
            for (const [rel, file] of s.files) {
              // A directory source copies its contents; a file lands inside a directory destination.
              const path = s.directory
                ? resolvePath(target, rel)
                : intoDir
                  ? `${target}/${rel}`
                  : target;
              fs.mkdir(dirname(path), { parents: true });
              fs.write(path, file.text, { mode: chmod ? parseInt(chmod, 8) : file.mode });
              size += byteLength(file.text);
            }
          }
          return { size };
        },
      );
    }
    // RUN
    const argv = configForm(i);
    const script = i.exec
      ? i.exec.map((a) => (/^[\w./:=-]+$/.test(a) ? a : `'${a}'`)).join(' ')
      : i.text;
    const env = [
      ...[...this.env].map(([k, val]) => `${k}=${val}`),
      ...[...this.args].map(([k, val]) => `${k}=${val}`),
    ];
    const argPrefix = this.args.size
      ? `|${this.args.size} ${[...this.args].map(([k, val]) => `${k}=${val}`).join(' ')} `
      : '';
    return this.step(
      v,
      keys.run(this.parentKey, argv, env, this.config.User, workdir),
      this.d.request.noCache,
      `RUN ${argPrefix}${argv.join(' ')} # buildkit`,
      async (fs, packages) => {
        const result = await this.d.runShell({
          fs,
          cwd: workdir,
          env: new Map([...this.env, ...this.args]),
          script,
          packages,
          user: this.config.User,
        });
        v.logs = result.lines.map((text, n) => ({ at: 0.8 + n * 0.004, text }));
        v.seconds = result.lines.length
          ? Math.round((0.9 + result.lines.length * 0.004) * 10) / 10
          : 0.2;
        if (result.code === 0) return { size: changedBytes(this.fs, fs) };
        return {
          error: `process "${argv.join(' ')}" did not complete successfully: exit code: ${result.code}`,
          line: i.line,
        };
      },
    );
  }

  /** Looks the key up (unless forced to miss), else executes `apply` on a copy of the file system. */
  private async step(
    v: Vertex,
    key: string,
    forceMiss: boolean,
    createdBy: string,
    apply: StepAction,
  ): Promise<BuildFailure | null> {
    let record: CacheRecord | undefined = forceMiss ? undefined : this.d.cache.get(key);
    if (record) {
      v.status = 'cached';
      this.d.cache.reuse(record, this.d.clock.now());
    } else {
      this.executed = true;
      const fs = this.fs.clone();
      const packages = new Set(this.packages);
      const result = await apply(fs, packages);
      if ('error' in result) return this.fail(v, result.error, result.line);
      record = this.d.cache.store(key, {
        size: result.size,
        fs,
        packages,
        created: this.d.clock.now(),
      });
      if (v.seconds === 0) v.seconds = 0.1;
    }
    this.parentKey = key;
    this.fs = record.fs;
    this.packages = record.packages;
    this.layers.push(record.diffId);
    this.size += record.size;
    this.history.push({
      created: record.created,
      createdBy,
      emptyLayer: false,
      size: record.size,
      comment: 'buildkit.dockerfile.v0',
    });
    return null;
  }

  private fail(v: Vertex, message: string, line: number): BuildFailure {
    v.status = 'error';
    v.error = message;
    return { message, vertex: v, line };
  }
}

const UNDATED = -1;

/**
 * BuildKit's exporter dates a metadata entry (ENV, EXPOSE, CMD…) with the layer before it, or,
 * before the stage's first new layer, with that layer; the image's Created is its last entry's.
 * So a rebuild that changes only CMD keeps the old image's time (and both list as created
 * together).
 */
function datedHistory(history: HistoryEntry[], baseCount: number): HistoryEntry[] {
  const own = history.slice(baseCount);
  const firstLayer = own.find((h) => h.created !== UNDATED)?.created;
  let previous = firstLayer ?? history[baseCount - 1]?.created ?? 0;
  return [
    ...history.slice(0, baseCount),
    ...own.map((h) => {
      if (h.created === UNDATED) return { ...h, created: previous };
      previous = h.created;
      return h;
    }),
  ];
}

function uuid(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
