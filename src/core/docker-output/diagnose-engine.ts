/** What `docker version`/`docker info` tells a learner: which Docker answered, or why none did. */
import type { Finding } from '../docker/index.ts';
import type { EngineInfo, EngineSide } from './types.ts';

const named = (s: EngineSide | null) =>
  s?.version ? `${s.version}${s.apiVersion ? ` (API ${s.apiVersion})` : ''}` : null;

export function diagnoseEngine(engine: EngineInfo, line: number, message = ''): Finding[] {
  const who = engine.product === 'podman' ? 'Podman' : engine.desktop ? 'Docker Desktop' : 'Docker';
  switch (engine.state) {
    case 'not-running':
      return [
        {
          id: 'engine-not-running',
          severity: 'error',
          line,
          message: `The docker command works, but no ${engine.product === 'podman' ? 'Podman service' : 'Docker Engine'} answers it: it is not running (or DOCKER_HOST/the context points elsewhere).`,
          hint:
            engine.product === 'podman'
              ? 'Start it (podman machine start on macOS and Windows, systemctl --user start podman.socket on Linux), then run the command again.'
              : engine.desktop || /pipe|\.docker\//.test(message)
                ? 'Start Docker Desktop and wait until it says "Engine running", then run the command again. On Windows, a WSL terminal needs WSL integration switched on in Docker Desktop\u2019s settings.'
                : 'Start it: sudo systemctl start docker on Linux (or open Docker Desktop if you use it), then run the command again. docker context ls shows which engine the command talks to.',
        },
      ];
    case 'permission-denied':
      return [
        {
          id: 'engine-permission-denied',
          severity: 'error',
          line,
          message:
            'Docker is running, but your user may not use its socket (permission denied on /var/run/docker.sock).',
          hint: 'Add yourself to the docker group: sudo usermod -aG docker $USER, then log out and in again (or run newgrp docker). Running every command with sudo works too, but the course assumes you do not need it.',
        },
      ];
    case 'api-too-new':
    case 'api-too-old': {
      const newer = engine.state === 'api-too-new';
      return [
        {
          id: 'engine-api-mismatch',
          severity: 'error',
          line,
          message: newer
            ? 'Your docker command is newer than the engine it talks to: the engine refuses its API version.'
            : 'Your docker command (or DOCKER_API_VERSION) asks for an API version the engine no longer serves.',
          hint: newer
            ? 'Update the engine (or Docker Desktop) to a current release; meanwhile DOCKER_API_VERSION set to the maximum the message names lets this client talk to it.'
            : 'Unset DOCKER_API_VERSION if you set it, or update the docker command to the engine\u2019s release.',
        },
      ];
    }
    case 'ok': {
      const client = named(engine.client);
      // Podman without a remote service is its own engine: its version is the one that answers.
      const server =
        named(engine.server) ?? (engine.product === 'podman' ? named(engine.client) : null);
      const findings: Finding[] = [];
      if (server)
        findings.push({
          id: 'engine-answered',
          severity: 'info',
          line,
          message: `${who} answers: ${client && engine.server ? `client ${client}, ` : ''}engine ${server}.`,
          hint:
            engine.product === 'podman'
              ? 'This is Podman standing in for Docker. The course\u2019s commands work with it; its output differs in places (STEP 1/5 instead of [1/5], localhost/ before image names), and the checkers read both.'
              : 'Both halves of Docker work: the command (client) and the engine (server). Go on with the lesson.',
        });
      else
        findings.push({
          id: 'engine-client-only',
          severity: engine.command === 'info' ? 'info' : 'warning',
          line,
          message: `Only the docker command's own version shows${client ? ` (${client})` : ''}: nothing says an engine answered.`,
          hint: 'A working install prints a Server section below the Client one. If the output ended after the Client section, copy the lines below it too; an error there says why the engine did not answer.',
        });
      return findings;
    }
  }
}
