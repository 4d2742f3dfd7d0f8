/**
 * The browser has no registry: anything the engine would download fails as Docker Engine 28.5
 * fails when it cannot reach the registry (captured on the lab, where Docker Hub cannot be
 * reached: tests/fixtures/sandbox/real-28/pull.txt). The resolver is the machine's own; this one
 * is systemd-resolved's, what most Linux machines use.
 */
import { readReference } from '../../docker/index.ts';

const RESOLVER = '127.0.0.53:53';

/** The registry's host: Docker Hub's API lives on registry-1.docker.io. */
export function registryHost(ref: string): string {
  const { domain } = readReference(ref);
  return domain === 'docker.io' ? 'registry-1.docker.io' : domain;
}

/** Why a request to the registry failed: its name does not resolve. */
export function unreachable(url: string, host: string): string {
  return `Get "${url}": dial tcp: lookup ${host} on ${RESOLVER}: no such host`;
}

/** What the daemon answers to a pull (`docker pull`, `docker run` of an image not here). */
export function pullError(ref: string): string {
  const host = registryHost(ref);
  return unreachable(`https://${host}/v2/`, host);
}

/** What BuildKit says when it cannot resolve a FROM image's metadata. */
export function resolveError(ref: string): string {
  const r = readReference(ref);
  const host = registryHost(ref);
  const tag = r.digest ?? r.tag ?? 'latest';
  return `failed to do request: Head "https://${host}/v2/${r.path}/manifests/${tag}": dial tcp: lookup ${host} on ${RESOLVER}: no such host`;
}
