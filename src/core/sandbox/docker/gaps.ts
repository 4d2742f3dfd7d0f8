/**
 * What the simulated Docker does not do, each refused with one "not simulated" line
 * (not-simulated.ts) instead of an error Docker would never print. The README's table names them.
 */
import { gap, type Gap } from '../not-simulated.ts';

export const DOCKER_GAP = {
  compose: gap(
    'docker',
    'docker compose run and its other commands and options (more than one -f file, --project-directory, --profile, up --wait, logs -t, config without -q or --services, …)',
  ),
  composeKeys: gap(
    'docker',
    'Compose file keys beyond build (context, dockerfile), image, ports, environment, command, volumes (bind mounts), container_name, working_dir, user, restart, tty, stdin_open, develop.watch (sync, sync+restart, rebuild)',
  ),
  commands: gap(
    'docker',
    'other docker commands (network connect and disconnect, login, push, save, load, commit, events, update, context, buildx bake, …)',
  ),
  flags: gap(
    'docker',
    "other docker options (--mount's other types and keys such as readonly, resource limits other than --memory and --cpus, health checks, …)",
  ),
  networkModes: gap(
    'docker',
    "another container's network (--network container:NAME), and more than one --network",
    'publish the port instead: -p 8000:8000, and reach it at localhost:8000',
  ),
  volumes: gap(
    'docker',
    'anonymous volumes (-v /path)',
    'name the volume: -v NAME:/path, or use a bind mount: -v "$(pwd)/DIR:/path"',
  ),
  machineFacts: gap(
    'docker',
    "your machine's own figures in docker info (CPUs, memory, the engine's ID, plugins, …)",
  ),
  topOptions: gap(
    'docker',
    'ps options of docker top other than aux and -o with common fields (-eF, -o lstart, …)',
  ),
  filters: gap('docker', 'other --filter keys of ps and images (label, before, since, health, …)'),
  prompt: gap(
    'docker',
    "answering a prune's [y/N] question in the terminal",
    'add -f (docker image prune -f), or pipe the answer: echo y | docker image prune',
  ),
} as const;

export const DOCKER_GAPS: readonly Gap[] = Object.values(DOCKER_GAP);
