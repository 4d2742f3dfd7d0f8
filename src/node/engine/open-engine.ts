/**
 * The learner's engine, found, connected and read: discovery + dockerode + the version floor +
 * the snapshot. What the CLI (`layerwise verify`) and the local endpoint (`POST /api/verify`) call.
 */
import type { EngineSnapshot } from '../../core/evidence.ts';
import { findEngine, type FoundEngine } from './discovery.ts';
import { describeEndpoint, isLocalEndpoint, type TlsSettings } from './docker-host.ts';
import { dockerodeReader, type TlsFiles } from './dockerode-reader.ts';
import { pathJoin, type EngineEnvironment } from './engine-environment.ts';
import { judgeVersion, type EngineInfo } from './engine-version.ts';
import { probeAll } from './probe.ts';
import { badConfig, connectionProblem, type EngineProblem } from './problems.ts';
import type { EngineReader } from './reader.ts';
import { takeSnapshot } from './snapshot.ts';

export interface EngineConnection {
  reader: EngineReader;
  engine: EngineInfo;
  found: FoundEngine;
  /** `unix:///var/run/docker.sock` … */
  address: string;
}

export interface ReadOptions {
  image: string;
  previous: string | null;
  /** per Engine API call */
  timeoutMs?: number;
  /** per HTTP probe */
  probeTimeoutMs?: number;
}

export async function connectEngine(
  env: EngineEnvironment,
  timeoutMs = 5000,
): Promise<{ connection: EngineConnection } | { problem: EngineProblem }> {
  const discovery = findEngine(env);
  if ('problem' in discovery) return discovery;
  const { endpoint } = discovery.found;
  const tls = endpoint.kind === 'tcp' && endpoint.tls ? readTls(endpoint.tls, env) : null;
  if (tls && 'problem' in tls) return tls;
  try {
    const version = judgeVersion(await dockerodeReader(endpoint, { tls, timeoutMs }).version());
    if ('problem' in version) return version;
    const reader = dockerodeReader(endpoint, { tls, timeoutMs, apiVersion: version.apiVersion });
    return {
      connection: {
        reader,
        engine: version.engine,
        found: discovery.found,
        address: describeEndpoint(endpoint),
      },
    };
  } catch (error) {
    return { problem: connectionProblem(error, endpoint, env.platform) };
  }
}

export async function readEngine(
  env: EngineEnvironment,
  options: ReadOptions,
): Promise<
  { snapshot: EngineSnapshot; connection: EngineConnection } | { problem: EngineProblem }
> {
  const connected = await connectEngine(env, options.timeoutMs);
  if ('problem' in connected) return connected;
  const { connection } = connected;
  const local = isLocalEndpoint(connection.found.endpoint);
  try {
    const snapshot = await takeSnapshot(connection.reader, connection.engine, {
      image: options.image,
      previous: options.previous,
      probe: (containers) => probeAll(containers, options.probeTimeoutMs ?? 3000),
      probesSkipped: local
        ? undefined
        : `the engine runs on another machine (${connection.address}), so its ports are not on this machine's loopback`,
    });
    return { snapshot, connection };
  } catch (error) {
    return { problem: connectionProblem(error, connection.found.endpoint, env.platform) };
  }
}

function readTls(
  settings: TlsSettings,
  env: EngineEnvironment,
): TlsFiles | { problem: EngineProblem } {
  const join = pathJoin(env.platform);
  const [ca, cert, key] = ['ca.pem', 'cert.pem', 'key.pem'].map((name) =>
    env.readFile(join(settings.certDir, name)),
  );
  if (ca == null || cert == null || key == null) {
    if (!settings.verify) return { ca: ca ?? '', cert: cert ?? '', key: key ?? '', verify: false };
    return {
      problem: badConfig(
        `TLS is on (DOCKER_TLS_VERIFY or the context's TLS files), but ca.pem, cert.pem and key.pem cannot all be read in ${settings.certDir}.`,
        'Point DOCKER_CERT_PATH at the folder holding your engine’s client certificates, or unset DOCKER_TLS_VERIFY for a plain tcp:// engine.',
      ),
    };
  }
  return { ca, cert, key, verify: settings.verify };
}
