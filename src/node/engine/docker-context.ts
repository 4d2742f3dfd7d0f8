/**
 * Docker CLI contexts, read as the CLI reads them: the current context is `DOCKER_CONTEXT`, else
 * `currentContext` in `$DOCKER_CONFIG/config.json` (default `~/.docker`); a named context lives in
 * `contexts/meta/<sha256(name)>/meta.json` with its TLS files in `contexts/tls/<sha256(name)>/docker/`.
 */
import { createHash } from 'node:crypto';
import type { TlsSettings } from './docker-host.ts';
import type { PathJoin } from './engine-environment.ts';

export interface ContextFiles {
  readFile(path: string): string | null;
  exists(path: string): boolean;
  join: PathJoin;
}

export type ContextReading =
  | { context: null }
  | { context: string; host: string; tls: TlsSettings | null }
  | { context: string; problem: string };

/** `default` is the CLI's built-in context: no files, the platform's default address. */
export function currentContextName(
  configDir: string,
  envContext: string | undefined,
  files: ContextFiles,
): string | null {
  if (envContext) return envContext === 'default' ? null : envContext;
  const config = parseObject(files.readFile(files.join(configDir, 'config.json')));
  const name = config?.['currentContext'];
  return typeof name === 'string' && name !== '' && name !== 'default' ? name : null;
}

export function readContext(
  configDir: string,
  name: string | null,
  files: ContextFiles,
): ContextReading {
  if (name === null) return { context: null };
  const id = createHash('sha256').update(name).digest('hex');
  const metaPath = files.join(configDir, 'contexts', 'meta', id, 'meta.json');
  const meta = parseObject(files.readFile(metaPath));
  if (meta === null)
    return {
      context: name,
      problem: `Docker context "${name}" is selected, but ${metaPath} is missing or unreadable`,
    };
  const docker = objectAt(objectAt(meta, 'Endpoints'), 'docker');
  const host = docker?.['Host'];
  if (typeof host !== 'string' || host === '')
    return {
      context: name,
      problem: `Docker context "${name}" names no Docker endpoint in ${metaPath}`,
    };
  const tlsDir = files.join(configDir, 'contexts', 'tls', id, 'docker');
  const hasTls =
    files.exists(files.join(tlsDir, 'ca.pem')) || files.exists(files.join(tlsDir, 'cert.pem'));
  return {
    context: name,
    host,
    tls: hasTls ? { certDir: tlsDir, verify: docker?.['SkipTLSVerify'] !== true } : null,
  };
}

function parseObject(text: string | null): Record<string, unknown> | null {
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

function objectAt(
  value: Record<string, unknown> | null,
  key: string,
): Record<string, unknown> | null {
  const inner = value?.[key];
  return typeof inner === 'object' && inner !== null ? (inner as Record<string, unknown>) : null;
}
