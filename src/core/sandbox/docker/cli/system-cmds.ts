/**
 * `docker version` and `docker info`, plain and with `--format` (`-f`) templates, as the lab's CLI
 * and Engine 28.5 answer: the same Go types, so `{{.Server.Version}}` works and `{{.Foo}}` fails in
 * Docker's words. Figures of the learner's own machine (CPUs, memory, the engine's ID) are not
 * there to give: a template that asks for one gets the "not simulated" line.
 */
import type { CommandContext } from '../../commands/types.ts';
import { MACHINE_NAME } from '../../host/machine-name.ts';
import { str as strFlag, parseFlags, reader } from '../../../docker/index.ts';
import { renderTemplate, T, type GoType } from '../../text/go-template.ts';
import { notSimulated } from '../../not-simulated.ts';
import { DOCKER_GAP } from '../gaps.ts';
import { stateName } from '../containers.ts';

const str = T.string;

/** What `docker version` prints (tests/fixtures/docker-output/lab/version.txt). */
const VERSION_TEXT = `Client:
 Version:           28.5.2+dfsg4
 API version:       1.51
 Go version:        go1.27.1
 Git commit:        9cc6dea35e9a963f281434761c656fba4ac43aed
 Built:             Tue Sep 15 11:02:57 2026
 OS/Arch:           linux/amd64
 Context:           default

Server: (simulated in your browser by Layerwise)
 Engine:
  Version:          28.5.2+dfsg4
  API version:      1.51 (minimum version 1.24)
  Go version:       go1.27.1
  Git commit:       3ef3c07c883be49a2e8097bcf6d2952fce1d70eb
  Built:            Tue Sep 15 11:02:57 2026
  OS/Arch:          linux/amd64
  Experimental:     false
 containerd:
  Version:          2.1.9+unknown
  GitCommit:        
 runc:
  Version:          1.1.5+ds1
  GitCommit:        1.1.5+ds1-1+deb12u1
 docker-init:
  Version:          0.19.0
  GitCommit:        
`;

/** `docker version --format '{{json .}}'` on the lab, and its Go types (docker/cli's system.versionInfo). */
const VERSION_DATA = {
  Client: {
    Version: '28.5.2+dfsg4',
    ApiVersion: '1.51',
    DefaultAPIVersion: '1.51',
    GitCommit: '9cc6dea35e9a963f281434761c656fba4ac43aed',
    GoVersion: 'go1.27.1',
    Os: 'linux',
    Arch: 'amd64',
    BuildTime: 'Tue Sep 15 11:02:57 2026',
    Context: 'default',
  },
  Server: {
    Platform: { Name: '' },
    Components: [
      {
        Name: 'Engine',
        Version: '28.5.2+dfsg4',
        Details: {
          ApiVersion: '1.51',
          Arch: 'amd64',
          BuildTime: 'Tue Sep 15 11:02:57 2026',
          Experimental: 'false',
          GitCommit: '3ef3c07c883be49a2e8097bcf6d2952fce1d70eb',
          GoVersion: 'go1.27.1',
          KernelVersion: '6.18.44-fc-v1272',
          MinAPIVersion: '1.24',
          Os: 'linux',
        },
      },
      { Name: 'containerd', Version: '2.1.9+unknown', Details: { GitCommit: '' } },
      { Name: 'runc', Version: '1.1.5+ds1', Details: { GitCommit: '1.1.5+ds1-1+deb12u1' } },
      { Name: 'docker-init', Version: '0.19.0', Details: { GitCommit: '' } },
    ],
    Version: '28.5.2+dfsg4',
    ApiVersion: '1.51',
    MinAPIVersion: '1.24',
    GitCommit: '3ef3c07c883be49a2e8097bcf6d2952fce1d70eb',
    GoVersion: 'go1.27.1',
    Os: 'linux',
    Arch: 'amd64',
    KernelVersion: '6.18.44-fc-v1272',
    BuildTime: '2026-09-15T11:02:57.000000000+00:00',
  },
};

const VERSION_TYPE: GoType = T.struct('system.versionInfo', [
  [
    'Client',
    T.struct('system.clientVersion', [
      ['Version', str],
      ['APIVersion:ApiVersion', str],
      ['DefaultAPIVersion', str],
      ['GitCommit', str],
      ['GoVersion', str],
      ['Os', str],
      ['Arch', str],
      ['BuildTime', str],
      ['Context', str],
    ]),
  ],
  [
    'Server',
    T.ptr(
      T.struct('types.Version', [
        ['Platform', T.struct('struct { Name string }', [['Name', str]])],
        [
          'Components',
          T.slice(
            T.struct('types.ComponentVersion', [
              ['Name', str],
              ['Version', str],
              ['Details', T.map(str)],
            ]),
          ),
        ],
        ['Version', str],
        ['APIVersion:ApiVersion', str],
        ['MinAPIVersion', str],
        ['GitCommit', str],
        ['GoVersion', str],
        ['Os', str],
        ['Arch', str],
        ['KernelVersion', str],
        ['BuildTime', str],
      ]),
    ),
  ],
]);

/** The fields of `docker info`'s system.Info (lab, Engine 28.5), and those the sandbox can give. */
const INFO_FIELDS =
  'ID Containers ContainersRunning ContainersPaused ContainersStopped Images Driver DriverStatus Plugins MemoryLimit SwapLimit KernelMemoryTCP CpuCfsPeriod CpuCfsQuota CPUShares CPUSet PidsLimit IPv4Forwarding Debug NFd OomKillDisable NGoroutines SystemTime LoggingDriver CgroupDriver CgroupVersion NEventsListener KernelVersion OperatingSystem OSVersion OSType Architecture IndexServerAddress RegistryConfig NCPU MemTotal GenericResources DockerRootDir HttpProxy HttpsProxy NoProxy Name Labels ExperimentalBuild ServerVersion Runtimes DefaultRuntime Swarm LiveRestoreEnabled Isolation InitBinary ContainerdCommit RuncCommit InitCommit SecurityOptions FirewallBackend CDISpecDirs Containerd Warnings ClientInfo'.split(
    ' ',
  );

const INFO_TYPE: GoType = T.struct('system.dockerInfo', [
  ['Containers', T.int],
  ['ContainersRunning', T.int],
  ['ContainersPaused', T.int],
  ['ContainersStopped', T.int],
  ['Images', T.int],
  ['Driver', str],
  ['LoggingDriver', str],
  ['KernelVersion', str],
  ['OperatingSystem', str],
  ['OSType', str],
  ['Architecture', str],
  ['DockerRootDir', str],
  ['Name', str],
  ['ServerVersion', str],
  ['DefaultRuntime', str],
]);

/** `-f`/`--format`, or the exit code after pflag's message. */
function formatOf(ctx: CommandContext, command: string, args: string[]): string | null | number {
  const parsed = parseFlags(args, [strFlag('format', 'f')]);
  if ('error' in parsed) {
    ctx.io.err(
      `${parsed.error}\n\nUsage:  docker ${command} [OPTIONS]\n\nRun 'docker ${command} --help' for more information\n`,
    );
    return 125;
  }
  return reader(parsed).string('format') ?? null;
}

/** Runs a template as the CLI does: a failure leaves the line it was writing, then the error. */
function execute(
  ctx: CommandContext,
  format: string,
  data: object,
  type: GoType,
  name: string,
): number {
  const r = renderTemplate(format, { type, raw: data });
  if (r.ok) {
    ctx.io.out(`${r.text}\n`);
    return 0;
  }
  if (!/executing/.test(r.error)) {
    ctx.io.err(`template parsing error: ${r.error}\n`);
    return 64;
  }
  ctx.io.out('\n');
  ctx.io.err(
    `${r.error.replace(/^template: :/, `template: ${name}:`).replace('executing ""', `executing "${name}"`)}\n`,
  );
  return 1;
}

export function dockerVersion(ctx: CommandContext, args: string[]): number {
  const format = formatOf(ctx, 'version', args);
  if (typeof format === 'number') return format;
  if (format === null) {
    ctx.io.out(VERSION_TEXT);
    return 0;
  }
  return execute(ctx, format, VERSION_DATA, VERSION_TYPE, 'version');
}

export function dockerInfo(ctx: CommandContext, args: string[]): number {
  const format = formatOf(ctx, 'info', args);
  if (typeof format === 'number') return format;
  const { engine } = ctx.host;
  const count = (state: string) => engine.containers.filter((c) => stateName(c) === state).length;
  const [running, paused] = [count('running'), count('paused')];
  const info = {
    Containers: engine.containers.length,
    ContainersRunning: running,
    ContainersPaused: paused,
    ContainersStopped: engine.containers.length - running - paused,
    Images: engine.images.all().length,
    Driver: 'overlay2',
    LoggingDriver: 'json-file',
    KernelVersion: '6.18.44-fc-v1272',
    OperatingSystem: 'Layerwise sandbox (simulated)',
    OSType: 'linux',
    Architecture: 'x86_64',
    DockerRootDir: '/var/lib/docker',
    Name: MACHINE_NAME,
    ServerVersion: '28.5.2+dfsg4',
    DefaultRuntime: 'runc',
  };
  if (format === null) {
    ctx.io.out(
      `Client:\n Version:    ${info.ServerVersion}\n Context:    default\n\nServer:\n Containers: ${info.Containers}\n  Running: ${info.ContainersRunning}\n  Paused: ${info.ContainersPaused}\n  Stopped: ${info.ContainersStopped}\n Images: ${info.Images}\n Server Version: ${info.ServerVersion}\n Storage Driver: ${info.Driver}\n Operating System: ${info.OperatingSystem}\n`,
    );
    return 0;
  }
  // A field Docker has but the sandbox cannot know is not simulated, not "can't evaluate".
  const asked = [...format.matchAll(/(?:^|[\s({])\.([A-Za-z]\w*)/g)].map((m) => m[1]!);
  const unknowable = asked.find((f) => INFO_FIELDS.includes(f) && !(f in info));
  if (unknowable)
    return notSimulated(ctx.io, DOCKER_GAP.machineFacts, `docker info {{.${unknowable}}}`);
  return execute(ctx, format, info, INFO_TYPE, '');
}
