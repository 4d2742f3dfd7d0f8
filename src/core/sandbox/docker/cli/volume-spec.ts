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
