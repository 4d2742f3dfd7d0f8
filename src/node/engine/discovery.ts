/**
 * Finds the learner's engine as the Docker CLI would: `DOCKER_HOST`, else the current context
 * (`DOCKER_CONTEXT`, else config.json's `currentContext`), else the platform's default address.
 * Where the CLI would stop at a default socket that is not there, we go on to the places Docker
 * Desktop, rootless Docker and Podman put theirs, so one click works on more machines.
 * Pure: everything comes from the EngineEnvironment argument.
 */
import { currentContextName, readContext } from './docker-context.ts';
import { readDockerHost, type EngineEndpoint, type TlsSettings } from './docker-host.ts';
import { pathJoin, type EngineEnvironment } from './engine-environment.ts';
import { badConfig, noSocket, notInstalled, unsupported, type EngineProblem } from './problems.ts';

export interface FoundEngine {
  endpoint: EngineEndpoint;
  /** how it was found, for the report: `DOCKER_HOST`, `context "colima"`, `Docker Desktop's socket` … */
  via: string;
}

export type Discovery = { found: FoundEngine } | { problem: EngineProblem };

interface Candidate {
  endpoint: Extract<EngineEndpoint, { path: string }>;
  via: string;
}

export function findEngine(env: EngineEnvironment): Discovery {
  const join = pathJoin(env.platform);
  const configDir = env.vars['DOCKER_CONFIG'] || join(env.homeDir, '.docker');
  const dockerHost = env.vars['DOCKER_HOST'];
  if (dockerHost) return fromAddress(dockerHost, envTls(env, configDir), 'DOCKER_HOST');

  const files = { readFile: env.readFile, exists: env.exists, join };
  const context = readContext(
    configDir,
    currentContextName(configDir, env.vars['DOCKER_CONTEXT'], files),
    files,
  );
  if ('problem' in context) {
    return {
      problem: badConfig(
        `${context.problem}.`,
        'Run `docker context ls` and `docker context use default` (or the context you want), or set DOCKER_HOST.',
      ),
    };
  }
  if ('host' in context)
    return fromAddress(context.host, context.tls, `context "${context.context}"`);

  const candidates = defaultCandidates(env);
  const found = candidates.find((c) => env.exists(c.endpoint.path));
  if (found) return { found };
  const looked = candidates.map((c) => c.endpoint.path);
  return { problem: hasContainerCli(env) ? noSocket(looked, env.platform) : notInstalled(looked) };
}

function fromAddress(address: string, tls: TlsSettings | null, via: string): Discovery {
  const reading = readDockerHost(address, tls);
  if ('endpoint' in reading) return { found: { endpoint: reading.endpoint, via } };
  if ('unsupported' in reading) return { problem: unsupported(reading.unsupported) };
  return {
    problem: badConfig(
      `${via} is set to ${reading.invalid}.`,
      'Use unix:///path/to/docker.sock, npipe:////./pipe/docker_engine or tcp://host:port.',
    ),
  };
}

/** `DOCKER_TLS_VERIFY` (any value, as the CLI reads it) turns TLS on with verification; `DOCKER_TLS` without. */
function envTls(env: EngineEnvironment, configDir: string): TlsSettings | null {
  const certDir = env.vars['DOCKER_CERT_PATH'] || configDir;
  if (env.vars['DOCKER_TLS_VERIFY']) return { certDir, verify: true };
  if (env.vars['DOCKER_TLS']) return { certDir, verify: false };
  return null;
}

/** In the order we try them; the first is the CLI's own default. */
export function defaultCandidates(env: EngineEnvironment): Candidate[] {
  const join = pathJoin(env.platform);
  const unix = (path: string, via: string): Candidate => ({
    endpoint: { kind: 'unix', path },
    via,
  });
  if (env.platform === 'win32') {
    return [
      { endpoint: { kind: 'npipe', path: '//./pipe/docker_engine' }, via: 'the default pipe' },
      {
        endpoint: { kind: 'npipe', path: '//./pipe/podman-machine-default' },
        via: 'Podman machine’s pipe',
      },
    ];
  }
  const home = (...parts: string[]) => join(env.homeDir, ...parts);
  const runtimeDir = env.vars['XDG_RUNTIME_DIR'];
  const candidates = [
    unix('/var/run/docker.sock', 'the default socket'),
    unix(home('.docker', 'run', 'docker.sock'), 'Docker Desktop’s socket'),
  ];
  if (env.platform === 'darwin') {
    // Before Docker Desktop 4.13 (2022) the raw socket lived only inside the app's container folder.
    candidates.push(
      unix(
        home('Library', 'Containers', 'com.docker.docker', 'Data', 'docker.raw.sock'),
        'Docker Desktop’s socket',
      ),
    );
    candidates.push(
      unix(
        home('.local', 'share', 'containers', 'podman', 'machine', 'podman.sock'),
        'Podman machine’s socket',
      ),
    );
    return candidates;
  }
  candidates.push(unix(home('.docker', 'desktop', 'docker.sock'), 'Docker Desktop’s socket'));
  if (runtimeDir)
    candidates.push(unix(join(runtimeDir, 'docker.sock'), 'rootless Docker’s socket'));
  if (runtimeDir)
    candidates.push(unix(join(runtimeDir, 'podman', 'podman.sock'), 'Podman’s socket'));
  candidates.push(unix('/run/podman/podman.sock', 'Podman’s socket'));
  return candidates;
}

function hasContainerCli(env: EngineEnvironment): boolean {
  const join = pathJoin(env.platform);
  const separator = env.platform === 'win32' ? ';' : ':';
  const names = env.platform === 'win32' ? ['docker.exe', 'podman.exe'] : ['docker', 'podman'];
  const dirs = (env.vars['PATH'] ?? env.vars['Path'] ?? '')
    .split(separator)
    .filter((d) => d !== '');
  return dirs.some((dir) => names.some((name) => env.exists(join(dir, name))));
}
