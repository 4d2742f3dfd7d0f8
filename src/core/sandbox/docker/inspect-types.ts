/**
 * The Go types the CLI executes `docker inspect -f` templates on (moby's api/types/container), so
 * `{{.HostConfig.PortBindings}}` prints `map[8000/tcp:[{ 8000}]]` as Go prints a struct, not a
 * map. Only the fields the simulator fills are typed; a template that reaches further fails on the
 * typed value and the CLI falls back to the raw JSON (inspect.ts), as the real CLI does.
 */
import { T, type GoType } from '../text/go-template.ts';

const str = T.string;
const strings = T.slice(T.string);
const empty = T.struct('struct {}', []);

const portBinding = T.struct('nat.PortBinding', [
  ['HostIP:HostIp', str],
  ['HostPort', str],
]);
const portMap = T.map(T.slice(portBinding), 'nat.PortMap');

const state = T.struct('container.State', [
  ['Status', str],
  ['Running', T.bool],
  ['Paused', T.bool],
  ['Restarting', T.bool],
  ['OOMKilled', T.bool],
  ['Dead', T.bool],
  ['Pid', T.int],
  ['ExitCode', T.int],
  ['Error', str],
  ['StartedAt', str],
  ['FinishedAt', str],
  ['Health', T.ptr(T.struct('container.Health', [['Status', str]]))],
]);

const hostConfig = T.struct('container.HostConfig', [
  ['Binds', strings],
  [
    'Mounts',
    T.slice(
      T.struct('mount.Mount', [
        ['Type', str],
        ['Source', str],
        ['Target', str],
      ]),
    ),
  ],
  ['NetworkMode', str],
  ['PortBindings', portMap],
  [
    'RestartPolicy',
    T.struct('container.RestartPolicy', [
      ['Name', str],
      ['MaximumRetryCount', T.int],
    ]),
  ],
  ['AutoRemove', T.bool],
  ['PublishAllPorts', T.bool],
  ['Memory', T.int],
  ['NanoCpus', T.int],
  ['MemorySwap', T.int],
]);

const config = T.struct('container.Config', [
  ['Hostname', str],
  ['Domainname', str],
  ['User', str],
  ['AttachStdin', T.bool],
  ['AttachStdout', T.bool],
  ['AttachStderr', T.bool],
  ['ExposedPorts', T.map(empty, 'nat.PortSet')],
  ['Tty', T.bool],
  ['OpenStdin', T.bool],
  ['StdinOnce', T.bool],
  ['Env', strings],
  ['Cmd', T.slice(str, 'strslice.StrSlice')],
  ['Image', str],
  ['Volumes', T.map(empty)],
  ['WorkingDir', str],
  ['Entrypoint', T.slice(str, 'strslice.StrSlice')],
  ['OnBuild', strings],
  ['Labels', T.map(str)],
]);

// A volume's mount also names its volume and driver (lab: `{{.Mounts}}` printed
// `[{volume vol1 /var/lib/docker/volumes/vol1/_data /data local z true } {bind  /tmp /hosttmp   true rprivate}]`).
const mountPoint = T.struct('container.MountPoint', [
  ['Type', str],
  ['Name', str],
  ['Source', str],
  ['Destination', str],
  ['Driver', str],
  ['Mode', str],
  ['RW', T.bool],
  ['Propagation', str],
]);

// Engine 28.5's fields and order (lab: `{{json .NetworkSettings.Networks}}`, run-network-host.txt).
const endpointSettings = T.struct('network.EndpointSettings', [
  ['IPAMConfig', T.ptr(T.struct('network.EndpointIPAMConfig', []))],
  ['Links', strings],
  ['Aliases', strings],
  ['MacAddress', str],
  ['DriverOpts', T.map(str)],
  ['GwPriority', T.int],
  ['NetworkID', str],
  ['EndpointID', str],
  ['Gateway', str],
  ['IPAddress', str],
  ['IPPrefixLen', T.int],
  ['IPv6Gateway', str],
  ['GlobalIPv6Address', str],
  ['GlobalIPv6PrefixLen', T.int],
  ['DNSNames', strings],
]);

const networkSettings = T.struct('container.NetworkSettings', [
  ['Ports', portMap],
  ['EndpointID', str],
  ['Gateway', str],
  ['IPAddress', str],
  ['IPPrefixLen', T.int],
  ['MacAddress', str],
  ['Networks', T.map(T.ptr(endpointSettings))],
]);

export const CONTAINER_INSPECT: GoType = T.struct('container.InspectResponse', [
  ['ID:Id', str],
  ['Created', str],
  ['Path', str],
  ['Args', strings],
  ['State', T.ptr(state)],
  ['Image', str],
  ['Name', str],
  ['RestartCount', T.int],
  ['HostConfig', T.ptr(hostConfig)],
  ['Mounts', T.slice(mountPoint)],
  ['Config', T.ptr(config)],
  ['NetworkSettings', T.ptr(networkSettings)],
]);

/**
 * What `docker image inspect -f` reaches most: the image's config, whose port and volume sets
 * print as Go prints `map[string]struct{}` (lab: `{{.Config.ExposedPorts}}` gave
 * `map[8000/tcp:{}]`). Other fields fall back to the raw JSON, as for a container.
 */
export const IMAGE_INSPECT: GoType = T.struct('image.InspectResponse', [
  ['ID:Id', str],
  ['RepoTags', strings],
  ['Created', str],
  [
    'Config',
    T.ptr(
      T.struct('v1.ImageConfig', [
        ['User', str],
        ['ExposedPorts', T.map(empty)],
        ['Env', strings],
        ['Entrypoint', strings],
        ['Cmd', strings],
        ['Volumes', T.map(empty)],
        ['WorkingDir', str],
        ['Labels', T.map(str)],
      ]),
    ),
  ],
  ['Architecture', str],
  ['Os', str],
]);
