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

const mountPoint = T.struct('container.MountPoint', [
  ['Type', str],
  ['Source', str],
  ['Destination', str],
  ['Mode', str],
  ['RW', T.bool],
  ['Propagation', str],
]);

const networkSettings = T.struct('container.NetworkSettings', [
  ['Ports', portMap],
  ['IPAddress', str],
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
