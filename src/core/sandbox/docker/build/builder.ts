/**
 * The simulated BuildKit build of one Dockerfile: the `[internal]` vertices, one vertex per
 * FROM/WORKDIR/COPY/ADD/RUN with the cache decided by key (docker-semantics §1), metadata
 * instructions folded into the image config, and the export. Pure: it reads the host file system
 * and the engine's stores it is given, and reports everything through the outcome.
 */
import type { Clock } from '../../host/clock.ts';
import type { Vfs } from '../../host/vfs.ts';
import { qualifiedRef } from '../../../docker/index.ts';
import { baseName, dirname } from '../../../text/index.ts';
import { byteLength } from '../../text/bytes.ts';
import { expandBuildVars, readBuildDefinition } from './definition.ts';
import type { Image, ImageStore } from '../images.ts';
import {
  collectContext,
  fileTransferBytes,
  sentBytes,
  sentStats,
  transferBytes,
} from './context.ts';
import { progressSize } from '../../text/human.ts';
import { keys, type BuildCache } from './cache.ts';
import { StageBuilder, type ShellRunner } from './stage.ts';
import { lintDockerfile } from './lint.ts';
import { resolveError } from '../registry.ts';
import { vertex, type BuildOutcome, type Vertex } from './types.ts';

export interface BuildRequest {
  /** absolute path of the context directory */
  contextDir: string;
  /** absolute path of the Dockerfile */
  dockerfile: string;
  tags: string[];
  noCache: boolean;
  buildArgs: Map<string, string>;
}

export interface BuildDeps {
  fs: Vfs;
  images: ImageStore;
  cache: BuildCache;
  clock: Clock;
  /** the local image for a FROM reference, pulling it when the sandbox knows it; null when it does not exist */
  baseImage(ref: string): Image | null;
  runShell: ShellRunner;
}

export async function build(request: BuildRequest, deps: BuildDeps): Promise<BuildOutcome> {
  const name = baseName(request.dockerfile);
  const vertices: Vertex[] = [];
  const outcome = (
    failure: BuildOutcome['failure'],
    image: Image | null = null,
    lines: string[] = [],
    warnings: string[] = [],
  ): BuildOutcome => ({
    vertices,
    image,
    failure,
    dockerfileName: name,
    dockerfileLines: lines,
    warnings,
  });

  const definition = vertex(`[internal] load build definition from ${name}`, 'done');
  vertices.push(definition);
  const text = deps.fs.read(request.dockerfile);
  definition.subs.push({
    text: `transferring dockerfile: ${progressSize(text === null ? 2 : fileTransferBytes(name, byteLength(text)))}`,
    seconds: 0,
  });
  if (text === null)
    return outcome({
      message: `failed to read dockerfile: open ${name}: no such file or directory`,
      vertex: null,
      line: null,
    });

  const model = readBuildDefinition(text);
  if (!model.ok)
    return outcome(
      { message: model.message, vertex: null, line: model.line },
      null,
      text.split('\n'),
    );
  const froms = model.steps.filter((s) => s.keyword === 'FROM');
  if (froms.length > 1)
    return outcome(
      {
        message: 'multi-stage builds are not simulated in the sandbox: keep one FROM',
        vertex: null,
        line: froms[1]!.line,
      },
      null,
      model.lines,
    );

  const warnings = lintDockerfile(model.steps);
  const globalArgs = new Map<string, string>();
  for (const s of model.steps) {
    if (s.keyword === 'FROM') break;
    for (const [k, v] of s.properties) globalArgs.set(k, request.buildArgs.get(k) ?? v ?? '');
  }
  const fromRef = expandBuildVars(froms[0]!.rawArgs[0] ?? '', globalArgs);
  const qualified = qualifiedRef(fromRef, true);
  const metadata = vertex(`[internal] load metadata for ${qualified}`, 'done');
  vertices.push(metadata);
  const base = deps.baseImage(fromRef);
  if (!base) {
    // Not here, and the browser has no registry to fetch it from.
    metadata.status = 'error';
    metadata.error = resolveError(fromRef);
    return outcome(
      {
        message: `${fromRef}: failed to resolve source metadata for ${qualified}: ${resolveError(fromRef)}`,
        vertex: metadata,
        line: froms[0]!.line,
      },
      null,
      model.lines,
    );
  }

  const ignore = vertex('[internal] load .dockerignore', 'done');
  const ignoreFile = deps.fs.read(`${request.contextDir}/.dockerignore`);
  // Sent as a context of its own; 2B when there is none.
  const ignoreSent =
    ignoreFile === null ? 2 : fileTransferBytes('.dockerignore', byteLength(ignoreFile));
  ignore.subs.push({ text: `transferring context: ${progressSize(ignoreSent)}`, seconds: 0 });
  vertices.push(ignore);

  const context = collectContext(deps.fs, request.contextDir);
  const stage = new StageBuilder({
    ...deps,
    base,
    fromRef,
    globalArgs,
    context,
    model,
    request,
    vertices,
  });
  const contextVertex = vertex('[internal] load build context', 'done');
  const failure = stage.exposeFailure() ?? (await stage.run(contextVertex));
  // What the COPY steps named is known once they ran; the vertex is drawn after the build.
  const contextKey = `context\0${request.contextDir}`;
  const sent = transferBytes(context, stage.sent, deps.cache.sentBefore(contextKey));
  contextVertex.subs.push({ text: `transferring context: ${progressSize(sent)}`, seconds: 0 });
  // The local sources BuildKit now keeps, per directory, for `docker builder prune` and `system df`.
  const now = deps.clock.now();
  deps.cache.useBase(keys.from(base.id), now);
  deps.cache.useSource(`dockerfile\0${dirname(request.dockerfile)}`, byteLength(text), now);
  deps.cache.useSource(`dockerignore\0${request.contextDir}`, byteLength(ignoreFile ?? ''), now);
  if (stage.sent.size) {
    const stats = sentStats(context, stage.sent);
    deps.cache.useSource(contextKey, sentBytes(context, stage.sent), now, stats);
  }
  if (failure) return outcome(failure, null, model.lines, warnings);

  const image = stage.export();
  const stored = deps.images.add(image);
  const exporting = vertex('exporting to image', 'done', 0.1);
  exporting.subs.push({ text: 'exporting layers', seconds: stage.executed ? 0.1 : 0 });
  exporting.subs.push({ text: `writing image ${stored.id}`, seconds: 0 });
  for (const tag of request.tags) {
    deps.images.tag(stored, tag);
    exporting.subs.push({ text: `naming to ${qualifiedRef(tag, false)}`, seconds: 0 });
  }
  vertices.push(exporting);
  return outcome(null, stored, model.lines, warnings);
}
