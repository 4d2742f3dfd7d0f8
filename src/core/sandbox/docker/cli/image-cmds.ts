/** `docker tag`, `rmi`, `inspect`, `image prune`, `version`, `info`. */
import type { CommandContext } from '../../commands/types.ts';
import { parseGoTemplate, renderTemplate, type GoType } from '../../text/go-template.ts';
import { CONTAINER_INSPECT, IMAGE_INSPECT } from '../inspect-types.ts';
import { rfc3339 } from '../../text/human.ts';
import { volumeMountpoint, type Volume } from '../volumes.ts';
import { familiarRef, isReference } from '../../../docker/index.ts';
import { shortId, type Image } from '../images.ts';
import { hostnameOf, isNetworkMode, stateName, type Container } from '../containers.ts';
import type { DockerEngine } from '../engine.ts';
import { networkCreated, type EngineNetwork } from '../networks.ts';

export function dockerTag(ctx: CommandContext, args: string[]): number {
  const [source, target] = args;
  if (!source || !target) {
    ctx.io.err(
      "docker: 'docker tag' requires 2 arguments\n\nUsage:  docker tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]\n\nRun 'docker tag --help' for more information\n",
    );
    return 1;
  }
  const image = ctx.host.engine.images.find(source);
  if (!image) {
    ctx.io.err(`Error response from daemon: No such image: ${familiarRef(source)}\n`);
    return 1;
  }
  if (!isReference(target)) {
    const lower = isReference(target.toLowerCase());
    ctx.io.err(
      `Error parsing reference: "${target}" is not a valid repository/tag: invalid reference format${lower ? `: repository name (library/${target}) must be lowercase` : ''}\n`,
    );
    return 1;
  }
  ctx.host.engine.images.tag(image, target);
  return 0;
}

/**
 * `docker rmi`, with the daemon's conflicts (lab, Engine 28.5, scenarios 48, 64, 139): by tag, the
 * last tag of an image a stopped container uses is refused without -f, and a running container's
 * image only loses its tag; by ID, an image a running container uses is refused even with -f, one
 * a stopped container uses or with several tags without -f; otherwise every tag goes, then the
 * image.
 */
export function dockerRmi(ctx: CommandContext, args: string[]): number {
  const force = args.includes('-f') || args.includes('--force');
  let code = 0;
  const { images, containers } = ctx.host.engine;
  const refuse = (message: string) => {
    ctx.io.err(`Error response from daemon: conflict: ${message}\n`);
    code = 1;
  };
  for (const ref of args.filter((a) => !a.startsWith('-'))) {
    const image = images.find(ref);
    if (!image) {
      ctx.io.err(
        `Error response from daemon: No such image: ${/^[0-9a-f]{12,64}$/.test(ref) ? ref : familiarRef(ref)}\n`,
      );
      // -f says so but succeeds (lab: scenario 139), as `rm -f` does for a container.
      if (!force) code = 1;
      continue;
    }
    const users = containers.filter((c) => c.imageId === image.id);
    const running = users.find((c) => c.state === 'running');
    const stopped = users.find((c) => c.state !== 'running');
    const id = shortId(image.id);
    if (image.tags.includes(familiarRef(ref))) {
      if (image.tags.length === 1 && stopped && !force) {
        refuse(
          `unable to remove repository reference "${ref}" (must force) - container ${stopped.id.slice(0, 12)} is using its referenced image ${id}`,
        );
        continue;
      }
      images.untag(ref);
      ctx.io.out(`Untagged: ${familiarRef(ref)}\n`);
      // The image stays while it has a tag, or a container the delete may not pass over.
      if (image.tags.length || running || (stopped && !force)) continue;
    } else {
      if (image.tags.length > 1 && !force) {
        refuse(
          `unable to delete ${id} (must be forced) - image is referenced in multiple repositories`,
        );
        continue;
      }
      if (running) {
        refuse(
          `unable to delete ${id} (cannot be forced) - image is being used by running container ${running.id.slice(0, 12)}`,
        );
        continue;
      }
      if (stopped && !force) {
        refuse(
          `unable to delete ${id} (must be forced) - image is being used by stopped container ${stopped.id.slice(0, 12)}`,
        );
        continue;
      }
      for (const t of image.tags) ctx.io.out(`Untagged: ${t}\n`);
      image.tags = [];
    }
    images.remove(image.id);
    ctx.io.out(`Deleted: ${image.id}\n`);
  }
  return code;
}

function imageJson(image: Image) {
  return {
    Id: image.id,
    RepoTags: image.tags,
    RepoDigests: [],
    Created: rfc3339(image.created),
    Comment: 'buildkit.dockerfile.v0',
    Config: { ...image.config, ArgsEscaped: true },
    Architecture: 'amd64',
    Os: 'linux',
    Size: image.size,
    RootFS: { Type: 'layers', Layers: image.layers },
  };
}

/** `docker volume inspect`: Engine 28.5's keys in its order (lab). */
function volumeJson(v: Volume) {
  return {
    CreatedAt: rfc3339(v.createdAt).replace(/\.\d+Z$/, 'Z'),
    Driver: 'local',
    Labels: null,
    Mountpoint: volumeMountpoint(v.name),
    Name: v.name,
    Options: null,
    Scope: 'local',
  };
}

/**
 * Where the container is on its network (lab, Engine 28.5: `{{json .NetworkSettings}}`). The
 * top-level address fields are the default bridge's alone; every network, the bridge too, has its
 * entry under Networks, with an address while the container runs. A user-defined network gives
 * DNS names: the container's name, its Compose service, its short ID.
 */
function networkSettings(c: Container, engine: DockerEngine) {
  const running = c.state === 'running';
  const { network, endpointId, macAddress } = engine.endpointOf(c);
  const address = running ? (c.address ?? '') : '';
  const service = c.labels?.['com.docker.compose.service'];
  const entry = {
    IPAMConfig: null,
    Links: null,
    // Compose's containers answer to their service's name too (lab: compose-plain.txt).
    Aliases: service ? [c.name, service] : null,
    MacAddress: macAddress,
    DriverOpts: null,
    GwPriority: 0,
    NetworkID: network?.id ?? '',
    EndpointID: running ? endpointId : '',
    Gateway: address ? address.replace(/\.\d+$/, '.1') : '',
    IPAddress: address,
    IPPrefixLen: address ? 16 : 0,
    IPv6Gateway: '',
    GlobalIPv6Address: '',
    GlobalIPv6PrefixLen: 0,
    DNSNames:
      c.network && !isNetworkMode(c.network)
        ? [
            c.name,
            ...(c.labels?.['com.docker.compose.service']
              ? [c.labels['com.docker.compose.service']]
              : []),
            c.id.slice(0, 12),
          ]
        : null,
  };
  const onBridge = !c.network;
  return {
    EndpointID: onBridge ? entry.EndpointID : '',
    Gateway: onBridge ? entry.Gateway : '',
    IPAddress: onBridge ? entry.IPAddress : '',
    IPPrefixLen: onBridge ? entry.IPPrefixLen : 0,
    MacAddress: onBridge ? entry.MacAddress : '',
    Networks: { [c.network ?? 'bridge']: entry },
  };
}

/** The daemon's default bridge's driver options (lab, Engine 28.5). */
const DEFAULT_BRIDGE_OPTIONS = {
  'com.docker.network.bridge.default_bridge': 'true',
  'com.docker.network.bridge.enable_icc': 'true',
  'com.docker.network.bridge.enable_ip_masquerade': 'true',
  'com.docker.network.bridge.host_binding_ipv4': '0.0.0.0',
  'com.docker.network.bridge.name': 'docker0',
  'com.docker.network.driver.mtu': '1500',
};

/**
 * `docker network inspect`: Engine 28.5's keys in its order (lab), with the running containers on
 * the network by ID (Go sorts a map's keys). Compose's networks have no labels here (the daemon's
 * carry Compose's project, network name, version and a hash of the network's configuration).
 */
function networkJson(n: EngineNetwork, engine: DockerEngine) {
  const subnet = engine.networkSubnet(n);
  const predefined = engine.predefinedNetworks.includes(n);
  const containers = engine.containers
    .filter((c) => c.state === 'running' && engine.networkOn(c) === n)
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map((c): [string, object] => {
      const { endpointId, macAddress } = engine.endpointOf(c);
      return [
        c.id,
        {
          Name: c.name,
          EndpointID: endpointId,
          MacAddress: macAddress,
          IPv4Address: c.address ? `${c.address}/16` : '',
          IPv6Address: '',
        },
      ];
    });
  return {
    Name: n.name,
    Id: n.id,
    Created: networkCreated(n),
    Scope: 'local',
    Driver: n.driver,
    EnableIPv4: true,
    EnableIPv6: false,
    IPAM: {
      Driver: 'default',
      Options: predefined ? null : {},
      Config: subnet ? [{ Subnet: `${subnet}.0/16`, Gateway: `${subnet}.1` }] : null,
    },
    Internal: false,
    Attachable: false,
    Ingress: false,
    ConfigFrom: { Network: '' },
    ConfigOnly: false,
    Containers: Object.fromEntries(containers),
    Options: predefined && n.name === 'bridge' ? DEFAULT_BRIDGE_OPTIONS : {},
    Labels: {},
  };
}

function containerJson(c: Container, engine: DockerEngine) {
  const ports: Record<string, { HostIp: string; HostPort: string }[] | null> = {};
  if (!isNetworkMode(c.network)) for (const p of c.exposed) ports[p] = null;
  for (const b of c.bindings) {
    const key = `${b.containerPort}/${b.protocol}`;
    ports[key] = [...(ports[key] ?? []), { HostIp: b.hostIp ?? '', HostPort: String(b.hostPort) }];
  }
  const bindings: Record<string, { HostIp: string; HostPort: string }[]> = {};
  for (const p of c.publish) {
    const key = `${p.containerPort}/${p.protocol}`;
    bindings[key] = [
      ...(bindings[key] ?? []),
      { HostIp: p.hostIp ?? '', HostPort: p.hostPort === null ? '' : String(p.hostPort) },
    ];
  }
  const running = c.state === 'running';
  const binds = c.mounts.filter((m) => !m.viaMount);
  const given = c.mounts.filter((m) => m.viaMount);
  return {
    Id: c.id,
    Created: rfc3339(c.created),
    Path: c.argv[0] ?? '',
    Args: c.argv.slice(1),
    State: {
      Status: stateName(c),
      Running: running,
      Paused: c.paused === true && running,
      Restarting: false,
      OOMKilled: false,
      Dead: false,
      Pid: running ? 4242 : 0,
      ExitCode: c.exitCode,
      Error: c.error ?? '',
      StartedAt: c.startedAt ? rfc3339(c.startedAt) : '0001-01-01T00:00:00Z',
      FinishedAt: c.finishedAt ? rfc3339(c.finishedAt) : '0001-01-01T00:00:00Z',
    },
    Image: c.imageId,
    Name: `/${c.name}`,
    RestartCount: 0,
    HostConfig: {
      Binds: binds.length ? binds.map((m) => `${m.source}:${m.destination}`) : null,
      // omitted when empty, as the daemon's JSON omits it
      ...(given.length
        ? { Mounts: given.map((m) => ({ Type: m.type, Source: m.source, Target: m.destination })) }
        : {}),
      NetworkMode: c.network ?? 'bridge',
      PortBindings: bindings,
      RestartPolicy: { Name: c.restart.name, MaximumRetryCount: c.restart.maximumRetryCount },
      AutoRemove: c.autoRemove,
      PublishAllPorts: c.publishAll,
      // Swap, where the kernel has it, is as much again (lab: 256m gave 536870912).
      Memory: c.memory ?? 0,
      NanoCpus: c.nanoCpus ?? 0,
      MemorySwap: (c.memory ?? 0) * 2,
    },
    // Engine 28.5's order of keys for each kind (lab: docker inspect -f '{{json .Mounts}}').
    Mounts: c.mounts.map((m) =>
      m.type === 'volume'
        ? {
            Type: m.type,
            Name: m.source,
            Source: volumeMountpoint(m.source),
            Destination: m.destination,
            Driver: 'local',
            Mode: 'z',
            RW: true,
            Propagation: '',
          }
        : {
            Type: m.type,
            Source: m.source,
            Destination: m.destination,
            Mode: '',
            RW: true,
            Propagation: 'rprivate',
          },
    ),
    Config: {
      Hostname: hostnameOf(c),
      Domainname: '',
      User: c.user,
      AttachStdin: false,
      AttachStdout: false,
      AttachStderr: false,
      ExposedPorts: Object.fromEntries(c.exposed.map((p) => [p, {}])),
      Tty: c.tty,
      OpenStdin: c.openStdin,
      StdinOnce: false,
      Env: c.env,
      // sessions saved before the two were kept apart show the whole command as Cmd
      Cmd: c.cmd === undefined ? c.argv : c.cmd,
      Image: c.image,
      Volumes: null,
      WorkingDir: c.workingDir,
      Entrypoint: c.entrypoint ?? null,
      OnBuild: null,
      Labels: c.labels ?? {},
    },
    NetworkSettings: { Ports: ports, ...networkSettings(c, engine) },
  };
}

/**
 * `-f` as the CLI runs it: on the typed value first; when that fails, on the raw JSON with
 * missing keys as errors (cli/command/inspect's tryRawInspectFallback).
 */
function inspectTemplate(format: string, data: object, typed: GoType | null) {
  if (typed) {
    const r = renderTemplate(format, { type: typed, raw: data });
    if (r.ok || !/executing/.test(r.error)) return r;
  }
  const raw = renderTemplate(format, data, { missingKeyError: true });
  return raw.ok ? raw : { ok: false as const, error: `template parsing error: ${raw.error}` };
}

const INSPECT_KINDS = ['image', 'container', 'volume', 'network'] as const;
type InspectKind = (typeof INSPECT_KINDS)[number];
const isInspectKind = (value: string): value is InspectKind =>
  (INSPECT_KINDS as readonly string[]).includes(value);

/** `--name VALUE` or `--name=VALUE` (and the short form): the value, and the indexes it took. */
function optionValue(args: string[], long: string, short?: string) {
  const i = args.findIndex(
    (a) => a === `--${long}` || a === (short && `-${short}`) || a.startsWith(`--${long}=`),
  );
  if (i < 0) return { value: undefined, taken: [] };
  const joined = args[i]!.startsWith(`--${long}=`);
  return {
    value: joined ? args[i]!.slice(long.length + 3) : args[i + 1],
    taken: joined ? [i] : [i, i + 1],
  };
}

export function dockerInspect(
  ctx: CommandContext,
  args: string[],
  kind: InspectKind | null,
): number {
  const formatOption = optionValue(args, 'format', 'f');
  const format = formatOption.value;
  const typeOption = kind ? { value: undefined, taken: [] } : optionValue(args, 'type');
  const type = typeOption.value;
  if (type !== undefined && !isInspectKind(type)) {
    ctx.io.err(`"${type}" is not a valid value for --type\n`);
    return 1;
  }
  const only = kind ?? type ?? null;
  const taken = new Set([...formatOption.taken, ...typeOption.taken]);
  const refs = args.filter((a, i) => !a.startsWith('-') && !taken.has(i));
  const found: { data: object; typed: GoType | null }[] = [];
  const missing: string[] = [];
  // The CLI prints what it found, then one error per missing name.
  const reportMissing = () => {
    for (const ref of missing)
      ctx.io.err(
        only === 'volume'
          ? `Error response from daemon: get ${ref}: no such volume\n`
          : only === 'network'
            ? `Error response from daemon: network ${ref} not found\n`
            : only
              ? `Error response from daemon: No such ${only}: ${ref}\n`
              : `Error: No such object: ${ref}\n`,
      );
  };
  let code = 0;
  for (const ref of refs) {
    const { engine } = ctx.host;
    const container = only === null || only === 'container' ? engine.findContainer(ref) : null;
    const image =
      !container && (only === null || only === 'image') ? engine.images.find(ref) : null;
    const volume =
      !container && !image && (only === null || only === 'volume') ? engine.volumes.get(ref) : null;
    const network =
      !container && !image && !volume && (only === null || only === 'network')
        ? engine.findNetwork(ref)
        : null;
    if (container) found.push({ data: containerJson(container, engine), typed: CONTAINER_INSPECT });
    else if (image) found.push({ data: imageJson(image), typed: IMAGE_INSPECT });
    else if (volume) found.push({ data: volumeJson(volume), typed: null });
    else if (network) found.push({ data: networkJson(network, engine), typed: null });
    else {
      missing.push(ref);
      code = 1;
    }
  }
  if (!format) {
    ctx.io.out(
      `${JSON.stringify(
        found.map((f) => f.data),
        null,
        4,
      )}\n`,
    );
    reportMissing();
    return code;
  }
  const parsed = parseGoTemplate(format);
  if (!parsed.ok) {
    ctx.io.err(`template parsing error: ${parsed.error}\n`);
    return 64;
  }
  for (const { data, typed } of found) {
    const r = inspectTemplate(format, data, typed);
    if (!r.ok) {
      // The CLI flushes the (empty) line it was writing before it reports the failure.
      ctx.io.out('\n');
      ctx.io.err(`${r.error}\n`);
      return 1;
    }
    ctx.io.out(`${r.text}\n`);
  }
  reportMissing();
  return code;
}
