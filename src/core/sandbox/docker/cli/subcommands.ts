/**
 * The `docker` subcommands the sandbox answers: names for Tab completion, and the `--help` text.
 * Apart from their handlers (./index.ts), which load on the first `docker` command; the handler
 * tables are typed by these names, so the two cannot drift.
 */

/** Usage and summary lines as Docker CLI 28.2.2 prints them for `docker <command> --help` (captured on the Docker lab). */
const TOP = {
  build: ['docker buildx build [OPTIONS] PATH | URL | -', 'Start a build'],
  run: [
    'docker run [OPTIONS] IMAGE [COMMAND] [ARG...]',
    'Create and run a new container from an image',
  ],
  create: ['docker create [OPTIONS] IMAGE [COMMAND] [ARG...]', 'Create a new container'],
  ps: ['docker ps [OPTIONS]', 'List containers'],
  images: ['docker images [OPTIONS] [REPOSITORY[:TAG]]', 'List images'],
  history: ['docker history [OPTIONS] IMAGE', 'Show the history of an image'],
  port: [
    'docker port CONTAINER [PRIVATE_PORT[/PROTO]]',
    'List port mappings or a specific mapping for the container',
  ],
  logs: ['docker logs [OPTIONS] CONTAINER', 'Fetch the logs of a container'],
  tag: [
    'docker tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]',
    'Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE',
  ],
  rmi: ['docker rmi [OPTIONS] IMAGE [IMAGE...]', 'Remove one or more images'],
  inspect: [
    'docker inspect [OPTIONS] NAME|ID [NAME|ID...]',
    'Return low-level information on Docker objects',
  ],
  start: [
    'docker start [OPTIONS] CONTAINER [CONTAINER...]',
    'Start one or more stopped containers',
  ],
  stop: ['docker stop [OPTIONS] CONTAINER [CONTAINER...]', 'Stop one or more running containers'],
  restart: ['docker restart [OPTIONS] CONTAINER [CONTAINER...]', 'Restart one or more containers'],
  rm: ['docker rm [OPTIONS] CONTAINER [CONTAINER...]', 'Remove one or more containers'],
  kill: ['docker kill [OPTIONS] CONTAINER [CONTAINER...]', 'Kill one or more running containers'],
  diff: [
    'docker diff CONTAINER',
    "Inspect changes to files or directories on a container's filesystem",
  ],
  rename: ['docker rename CONTAINER NEW_NAME', 'Rename a container'],
  top: ['docker top CONTAINER [ps OPTIONS]', 'Display the running processes of a container'],
  stats: [
    'docker stats [OPTIONS] [CONTAINER...]',
    'Display a live stream of container(s) resource usage statistics',
  ],
  pause: [
    'docker pause CONTAINER [CONTAINER...]',
    'Pause all processes within one or more containers',
  ],
  unpause: [
    'docker unpause CONTAINER [CONTAINER...]',
    'Unpause all processes within one or more containers',
  ],
  wait: [
    'docker wait CONTAINER [CONTAINER...]',
    'Block until one or more containers stop, then print their exit codes',
  ],
  attach: [
    'docker attach [OPTIONS] CONTAINER',
    'Attach local standard input, output, and error streams to a running container',
  ],
  exec: [
    'docker exec [OPTIONS] CONTAINER COMMAND [ARG...]',
    'Execute a command in a running container',
  ],
  cp: [
    'docker cp [OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-',
    'Copy files/folders between a container and the local filesystem',
  ],
  pull: ['docker pull [OPTIONS] NAME[:TAG|@DIGEST]', 'Download an image from a registry'],
  version: ['docker version [OPTIONS]', 'Show the Docker version information'],
  info: ['docker info [OPTIONS]', 'Display system-wide information'],
} as const;
const MANAGEMENT = [
  'image',
  'container',
  'builder',
  'buildx',
  'system',
  'network',
  'volume',
] as const;

export type TopCommand = keyof typeof TOP;
export type ManagementCommand = (typeof MANAGEMENT)[number];

export const SUBCOMMANDS: string[] = [...Object.keys(TOP), ...MANAGEMENT, 'compose'].sort();

/** The `docker compose` commands the sandbox runs (compose/compose-cmd.ts), for Tab completion. */
export const COMPOSE_SUBCOMMANDS = [
  'build',
  'config',
  'down',
  'exec',
  'images',
  'kill',
  'logs',
  'port',
  'ps',
  'restart',
  'rm',
  'start',
  'stop',
  'up',
  'version',
  'watch',
] as const;

export type ComposeSubcommand = (typeof COMPOSE_SUBCOMMANDS)[number];

/** What `docker create` reads, and `docker run` with --detach. */
const CREATE_FLAGS = [
  '--publish',
  '--publish-all',
  '--name',
  '--rm',
  '--env',
  '--interactive',
  '--tty',
  '--env-file',
  '--workdir',
  '--user',
  '--restart',
  '--volume',
];

/** The long flags the sandbox's `docker` reads, per subcommand: Tab completion and `--help` list them. */
export const DOCKER_FLAGS: Readonly<Record<string, readonly string[]>> = {
  build: [
    '--tag',
    '--file',
    '--no-cache',
    '--progress=plain',
    '--progress=tty',
    '--build-arg',
    '--quiet',
  ],
  run: ['--detach', ...CREATE_FLAGS],
  create: CREATE_FLAGS,
  ps: ['--all', '--quiet', '--no-trunc', '--format', '--filter', '--last', '--latest'],
  images: ['--all', '--quiet', '--format', '--filter'],
  logs: ['--follow', '--tail', '--timestamps', '--since', '--until'],
  exec: ['--interactive', '--tty', '--env', '--env-file', '--workdir', '--user'],
};

/** `docker <command> --help`: Docker's own usage line and summary, then what the sandbox reads. */
export function subcommandHelp(command: TopCommand): string {
  const [usage, summary] = TOP[command];
  const flags = DOCKER_FLAGS[command];
  const known = flags ? `\nThe sandbox reads these options: ${flags.join(', ')}\n` : '';
  return `\nUsage:  ${usage}\n\n${summary}\n${known}`;
}
