/**
 * `-v SOURCE:DEST[:MODE]` as Docker 28 reads it (lab, CLI and Engine 28.5): the CLI refuses an empty
 * spec or an empty section itself; the daemon refuses a spec it cannot split and a mode it does not
 * know. A host path (absolute, or relative with ./ as CLI 23+ reads it) is a bind mount; a name is
 * a named volume (volumes.ts); a path alone an anonymous volume, which the sandbox does not simulate.
 */
import type { CommandContext } from '../../commands/types.ts';
import type { Mount } from '../bind-mount.ts';
import { volumeNameRefused } from '../volumes.ts';
import { DOCKER_GAP } from '../gaps.ts';
import type { Gap } from '../../not-simulated.ts';
import { normalizePath, resolvePath } from '../../../text/index.ts';

export type VolumeSpec = Mount | { cli: string } | { daemon: string } | { gap: Gap };

/** The daemon's mount modes (volume/mounts/parser_unix.go): access, SELinux label, propagation, copy. */
const MODES = new Set([
  'ro',
  'rw',
  'z',
  'Z',
  'shared',
  'rshared',
  'slave',
  'rslave',
  'private',
  'rprivate',
  'nocopy',
]);

export function readVolume(ctx: CommandContext, spec: string): VolumeSpec {
  if (spec === '') return { cli: 'invalid empty volume spec' };
  const parts = spec.split(':');
  // A single part is an anonymous volume at that path.
  if (parts.length === 1) return { gap: DOCKER_GAP.volumes };
  if (parts.includes('')) return { cli: `invalid spec: ${spec}: empty section between colons` };
  if (parts.length > 3) return { daemon: `invalid volume specification: '${spec}'` };
  const [source, destination, mode] = parts as [string, string, string | undefined];
  if (mode !== undefined && !mode.split(',').every((m) => MODES.has(m)))
    return { daemon: `invalid mode: ${mode}` };
  if (mode !== undefined && mode !== 'rw') return { gap: DOCKER_GAP.flags };
  const bind = /^(?:\/|\.|~)/.test(source);
  if (!destination.startsWith('/'))
    return {
      daemon: `invalid volume specification: '${spec}': invalid mount config for type "${bind ? 'bind' : 'volume'}": invalid mount path: '${destination}' mount path must be absolute`,
    };
  if (!bind) {
    const refused = volumeNameRefused(source);
    if (refused) return { daemon: refused };
    return { type: 'volume', source, destination: normalizePath(destination) };
  }
  return {
    type: 'bind',
    source: resolvePath(ctx.shell.cwd, source, ctx.shell.home),
    destination: normalizePath(destination),
  };
}

/** The keys of `--mount` the CLI knows (cli/opts/mount.go); the sandbox reads type, source and target. */
const MOUNT_KEYS = new Set([
  'type',
  'source',
  'src',
  'target',
  'destination',
  'dst',
  'readonly',
  'ro',
  'consistency',
  'bind-propagation',
  'bind-recursive',
  'bind-nonrecursive',
  'bind-create-mountpoint',
  'volume-nocopy',
  'volume-driver',
  'volume-label',
  'volume-opt',
  'volume-subpath',
  'image-subpath',
  'tmpfs-size',
  'tmpfs-mode',
]);
/** keys the CLI takes alone, as `true` */
const MOUNT_FLAGS = new Set(['readonly', 'ro', 'volume-nocopy', 'bind-nonrecursive']);
const MOUNT_TYPES = new Set(['bind', 'volume', 'tmpfs', 'npipe', 'cluster', 'image']);

/**
 * `--mount type=bind,source=…,target=…` as Docker 28 reads it (lab, CLI and Engine 28.5:
 * run-mount.txt): the CLI refuses a field that is no key=value pair, a key it does not know and a
 * missing target, with its flag's usage; the daemon refuses an unknown type, a relative path, and
 * a bind source that does not exist (which `-v` would create). Unlike `-v`, a relative source is
 * not read from the current directory. `flag`: the CLI's refusal of the value.
 */
export function readMount(ctx: CommandContext, spec: string): VolumeSpec | { flag: string } {
  const invalid = (why: string) => ({
    flag: `invalid argument "${spec}" for "--mount" flag: ${why}`,
  });
  if (spec === '') return invalid('EOF');
  const fields = new Map<string, string>();
  for (const field of spec.split(',')) {
    const eq = field.indexOf('=');
    const key = (eq < 0 ? field : field.slice(0, eq)).toLowerCase();
    if (eq < 0 && !MOUNT_FLAGS.has(key))
      return invalid(`invalid field '${field}' must be a key=value pair`);
    if (!MOUNT_KEYS.has(key)) return invalid(`unexpected key '${key}' in '${field}'`);
    fields.set(key, eq < 0 ? 'true' : field.slice(eq + 1));
  }
  const type = fields.get('type') ?? 'volume';
  const source = fields.get('source') ?? fields.get('src') ?? '';
  const target = fields.get('target') ?? fields.get('destination') ?? fields.get('dst');
  if (!target) return invalid('target is required');
  const config = (why: string) => ({ daemon: `invalid mount config for type "${type}": ${why}` });
  if (!MOUNT_TYPES.has(type)) return config('mount type unknown');
  const others = [...fields.keys()].filter(
    (k) => !['type', 'source', 'src', 'target', 'destination', 'dst'].includes(k),
  );
  if ((type !== 'bind' && type !== 'volume') || others.length) return { gap: DOCKER_GAP.flags };
  const relative = (path: string) =>
    config(`invalid mount path: '${path}' mount path must be absolute`);
  if (type === 'bind') {
    if (!source) return config('field Source must not be empty');
    if (!source.startsWith('/')) return relative(source);
    if (!target.startsWith('/')) return relative(target);
    if (!ctx.fs.stat(source)) return config(`bind source path does not exist: ${source}`);
    return {
      type,
      source: normalizePath(source),
      destination: normalizePath(target),
      viaMount: true,
    };
  }
  if (!target.startsWith('/')) return relative(target);
  if (!source) return { gap: DOCKER_GAP.volumes };
  const refused = volumeNameRefused(source);
  if (refused) return { daemon: refused };
  return { type, source, destination: normalizePath(target), viaMount: true };
}
