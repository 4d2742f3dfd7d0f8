/**
 * EngineReader on a real engine, through dockerode. Only the reads in reader.ts exist here, so
 * nothing in Layerwise can build, run or delete on the learner's engine.
 */
import Docker from 'dockerode';
import { Agent } from 'node:https';
import { createRequire } from 'node:module';
import type { EngineEndpoint } from './docker-host.ts';
import type {
  EngineReader,
  RawContainer,
  RawContainerSummary,
  RawHistoryRow,
  RawImage,
  RawImageSummary,
  RawVersion,
} from './reader.ts';

export interface TlsFiles {
  ca: string;
  cert: string;
  key: string;
  verify: boolean;
}

export interface ReaderOptions {
  /** `1.41` …; absent for the first call (`/version`), which every engine answers unversioned */
  apiVersion?: string;
  tls?: TlsFiles | null;
  /** per call */
  timeoutMs: number;
}

/**
 * docker-modem follows an engine's 3xx itself, and on a unix socket it resolves the Location into a
 * URL with no host, which throws inside its response listener, out of reach of any catch: one
 * `GET /images/demo-image//latest/json` (the engine redirects to the cleaned path) killed npm start
 * (audit F1). A read never needs a redirect, so none is followed: the call fails with an error.
 */
const dockerodeRequire = createRequire(createRequire(import.meta.url).resolve('dockerode'));
(dockerodeRequire('docker-modem/lib/http.js') as { maxRedirects: number }).maxRedirects = 0;

export function dockerodeReader(endpoint: EngineEndpoint, options: ReaderOptions): EngineReader {
  const docker = new Docker(dockerOptions(endpoint, options));
  const call = <T>(run: () => Promise<T>): Promise<T> => withDeadline(run(), options.timeoutMs);
  const orNull = async <T>(run: () => Promise<T>): Promise<T | null> => {
    try {
      return await call(run);
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode === 404) return null;
      throw error;
    }
  };
  return {
    version: () => call(() => docker.version() as Promise<RawVersion>),
    listImages: () => call(() => docker.listImages() as Promise<RawImageSummary[]>),
    inspectImage: (ref) => orNull(() => docker.getImage(ref).inspect() as Promise<RawImage>),
    imageHistory: (id) => call(() => docker.getImage(id).history() as Promise<RawHistoryRow[]>),
    listContainers: () =>
      call(() => docker.listContainers({ all: true }) as Promise<RawContainerSummary[]>),
    inspectContainer: (id) =>
      orNull(() => docker.getContainer(id).inspect() as Promise<RawContainer>),
  };
}

/**
 * Every connection field is given, even as undefined: docker-modem fills what is missing from
 * process.env, and the learner's engine is the one discovery found, not whatever the env says.
 */
function dockerOptions(endpoint: EngineEndpoint, options: ReaderOptions): Docker.DockerOptions {
  const common = {
    timeout: options.timeoutMs,
    version: options.apiVersion ? `v${options.apiVersion}` : undefined,
  };
  if (endpoint.kind !== 'tcp') {
    return {
      ...common,
      socketPath: endpoint.path,
      host: undefined,
      port: undefined,
      protocol: undefined,
      ca: undefined,
      cert: undefined,
      key: undefined,
    };
  }
  const tls = options.tls ?? null;
  const base = { ...common, socketPath: undefined, host: endpoint.host, port: endpoint.port };
  if (!tls) return { ...base, protocol: 'http', ca: undefined, cert: undefined, key: undefined };
  // docker-modem hands `agent` to https.request; the agent is what can skip verification when asked.
  const agent = new Agent({
    ca: tls.ca,
    cert: tls.cert,
    key: tls.key,
    rejectUnauthorized: tls.verify,
  });
  return Object.assign(
    { ...base, protocol: 'https' as const, ca: tls.ca, cert: tls.cert, key: tls.key },
    { agent },
  );
}

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(Object.assign(new Error(`no answer within ${ms} ms`), { code: 'timeout' })),
      ms,
    );
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
