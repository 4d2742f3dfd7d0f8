/**
 * Reads an engine address the way the Docker CLI does (`DOCKER_HOST`, a context's `Endpoints.docker.Host`):
 * `unix:///path`, `npipe:////./pipe/name`, `tcp://host:port`, or a bare `host:port` meaning tcp.
 */

export interface TlsSettings {
  /** the folder holding ca.pem, cert.pem and key.pem */
  certDir: string;
  /** false when the learner asked for TLS without verification (`DOCKER_TLS`, a context's SkipTLSVerify) */
  verify: boolean;
}

export type EngineEndpoint =
  | { kind: 'unix'; path: string }
  | { kind: 'npipe'; path: string }
  | { kind: 'tcp'; host: string; port: number; tls: TlsSettings | null };

export type HostReading =
  { endpoint: EngineEndpoint } | { unsupported: string } | { invalid: string };

/** The address as a learner would write it, for messages. */
export function describeEndpoint(endpoint: EngineEndpoint): string {
  switch (endpoint.kind) {
    case 'unix':
      return `unix://${endpoint.path}`;
    case 'npipe':
      return `npipe://${endpoint.path}`;
    case 'tcp':
      return `tcp://${endpoint.host.includes(':') ? `[${endpoint.host}]` : endpoint.host}:${endpoint.port}`;
  }
}

/** The engine runs on this machine, so a port it publishes answers on this machine's loopback. */
export function isLocalEndpoint(endpoint: EngineEndpoint): boolean {
  if (endpoint.kind !== 'tcp') return true;
  return ['localhost', '127.0.0.1', '::1'].includes(endpoint.host.toLowerCase());
}

export function readDockerHost(value: string, tls: TlsSettings | null): HostReading {
  const text = value.trim();
  const schemeAt = text.indexOf('://');
  const scheme = schemeAt < 0 ? 'tcp' : text.slice(0, schemeAt).toLowerCase();
  const rest = schemeAt < 0 ? text : text.slice(schemeAt + 3);
  switch (scheme) {
    case 'unix':
      return rest === ''
        ? { invalid: `"${value}" names no socket path` }
        : { endpoint: { kind: 'unix', path: rest } };
    case 'npipe':
      return rest === ''
        ? { invalid: `"${value}" names no pipe` }
        : { endpoint: { kind: 'npipe', path: rest } };
    case 'tcp':
      return readTcp(value, rest, tls);
    case 'ssh':
      return { unsupported: `an SSH address (${value})` };
    default:
      return { invalid: `"${value}" has a scheme Docker does not know (${scheme}://)` };
  }
}

function readTcp(value: string, rest: string, tls: TlsSettings | null): HostReading {
  let url: URL;
  try {
    url = new URL(`tcp://${rest}`);
  } catch {
    return { invalid: `"${value}" is not a host and port` };
  }
  if (url.hostname === '') return { invalid: `"${value}" names no host` };
  if (url.pathname !== '' && url.pathname !== '/')
    return { unsupported: `a path prefix in DOCKER_HOST (${value})` };
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  // Docker's own defaults: 2376 when TLS is on, 2375 otherwise.
  const port = url.port === '' ? (tls ? 2376 : 2375) : Number(url.port);
  return { endpoint: { kind: 'tcp', host, port, tls } };
}
