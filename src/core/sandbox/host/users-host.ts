/**
 * The learner's own account on the simulated laptop: a Linux user `learner` (uid 1000) in the
 * `sudo` and `docker` groups, as after Docker's post-install step, with the system files that say
 * so, owned by root.
 */
import { ROOT, type Cred, type Vfs } from './vfs.ts';

export const LEARNER: Cred = { uid: 1000, gid: 1000, groups: [1000, 27, 999] };

const PASSWD_TEXT =
  'root:x:0:0:root:/root:/bin/bash\nlearner:x:1000:1000:Learner,,,:/home/learner:/bin/bash\n';
const GROUP_TEXT =
  'root:x:0:\nsudo:x:27:learner\nusers:x:100:\nlearner:x:1000:\ndocker:x:999:learner\n';

/** The lab's host, Debian 12, whose line the lesson "What is a container" sets beside a container's. */
const OS_RELEASE_TEXT =
  'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nVERSION="12 (bookworm)"\nVERSION_CODENAME=bookworm\nID=debian\nHOME_URL="https://www.debian.org/"\nSUPPORT_URL="https://www.debian.org/support"\nBUG_REPORT_URL="https://bugs.debian.org/"\n';

export function seedHostSystem(fs: Vfs, home: string): void {
  const root = fs.as(ROOT);
  root.mkdir('/etc');
  root.write('/etc/passwd', PASSWD_TEXT);
  root.write('/etc/group', GROUP_TEXT);
  root.write('/etc/os-release', OS_RELEASE_TEXT);
  root.mkdir('/tmp', { mode: 0o1777 });
  root.mkdir('/root', { mode: 0o700 });
  root.mkdir(home.slice(0, home.lastIndexOf('/')) || '/', { parents: true });
  fs.mkdir(home);
}
