/**
 * The system files of the lab's python images (Debian stand-ins, see docker-lab/up.sh), as
 * `docker run --rm IMAGE cat FILE` prints them (tests/fixtures/sandbox/real/shell/: image-tools.json,
 * os-release-3.13.txt, nonroot-build.txt for /etc/shadow and the root directory). /etc/skel is in
 * commands/users-data.ts, with the tool that copies it.
 */
export const PASSWD =
  'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\nbin:x:2:2:bin:/bin:/usr/sbin/nologin\nsys:x:3:3:sys:/dev:/usr/sbin/nologin\nsync:x:4:65534:sync:/bin:/bin/sync\ngames:x:5:60:games:/usr/games:/usr/sbin/nologin\nman:x:6:12:man:/var/cache/man:/usr/sbin/nologin\nlp:x:7:7:lp:/var/spool/lpd:/usr/sbin/nologin\nmail:x:8:8:mail:/var/mail:/usr/sbin/nologin\nnews:x:9:9:news:/var/spool/news:/usr/sbin/nologin\nuucp:x:10:10:uucp:/var/spool/uucp:/usr/sbin/nologin\nproxy:x:13:13:proxy:/bin:/usr/sbin/nologin\nwww-data:x:33:33:www-data:/var/www:/usr/sbin/nologin\nbackup:x:34:34:backup:/var/backups:/usr/sbin/nologin\nlist:x:38:38:Mailing List Manager:/var/list:/usr/sbin/nologin\nirc:x:39:39:ircd:/run/ircd:/usr/sbin/nologin\n_apt:x:42:65534::/nonexistent:/usr/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n';

export const GROUP =
  'root:x:0:\ndaemon:x:1:\nbin:x:2:\nsys:x:3:\nadm:x:4:\ntty:x:5:\ndisk:x:6:\nlp:x:7:\nmail:x:8:\nnews:x:9:\nuucp:x:10:\nman:x:12:\nproxy:x:13:\nkmem:x:15:\ndialout:x:20:\nfax:x:21:\nvoice:x:22:\ncdrom:x:24:\nfloppy:x:25:\ntape:x:26:\nsudo:x:27:\naudio:x:29:\ndip:x:30:\nwww-data:x:33:\nbackup:x:34:\noperator:x:37:\nlist:x:38:\nirc:x:39:\nsrc:x:40:\nshadow:x:42:\nutmp:x:43:\nvideo:x:44:\nsasl:x:45:\nplugdev:x:46:\nstaff:x:50:\ngames:x:60:\nusers:x:100:\nnogroup:x:65534:\n';

/** mode 0640, root:shadow */
export const SHADOW =
  'root:*:20793::99999:7:::\ndaemon:*:20793::99999:7:::\nbin:*:20793::99999:7:::\nsys:*:20793::99999:7:::\nsync:*:20793::99999:7:::\ngames:*:20793::99999:7:::\nman:*:20793::99999:7:::\nlp:*:20793::99999:7:::\nmail:*:20793::99999:7:::\nnews:*:20793::99999:7:::\nuucp:*:20793::99999:7:::\nproxy:*:20793::99999:7:::\nwww-data:*:20793::99999:7:::\nbackup:*:20793::99999:7:::\nlist:*:20793::99999:7:::\nirc:*:20793::99999:7:::\n_apt:*:20793::99999:7:::\nnobody:*:20793::99999:7:::\n';

export const OS_RELEASE: Record<string, string> = {
  '3.13':
    'PRETTY_NAME="Debian GNU/Linux 13 (trixie)"\nNAME="Debian GNU/Linux"\nVERSION_ID="13"\nVERSION="13 (trixie)"\nVERSION_CODENAME=trixie\nDEBIAN_VERSION_FULL=13.8\nID=debian\nHOME_URL="https://www.debian.org/"\nSUPPORT_URL="https://www.debian.org/support"\nBUG_REPORT_URL="https://bugs.debian.org/"\n',
  '3.14':
    'PRETTY_NAME="Debian GNU/Linux forky/sid"\nNAME="Debian GNU/Linux"\nVERSION_CODENAME=forky\nID=debian\nHOME_URL="https://www.debian.org/"\nSUPPORT_URL="https://www.debian.org/support"\nBUG_REPORT_URL="https://bugs.debian.org/"\n',
};

/** `/etc/debian_version` (lab, 2026-12-07: `docker run --rm python:3.1x-slim cat /etc/debian_version`) */
export const DEBIAN_VERSION: Record<string, string> = { '3.13': '13.8\n', '3.14': 'forky/sid\n' };

/** `ls -la /` of a container, links to usr/ shown as the directories they lead to */
export const ROOT_DIRS = [
  'boot',
  'dev',
  'etc',
  'home',
  'media',
  'mnt',
  'opt',
  'proc',
  'root',
  'run',
  'srv',
  'sys',
  'tmp',
  'usr',
  'var',
  'usr/bin',
  'usr/sbin',
  'usr/lib',
  'usr/local',
  'usr/local/bin',
  'usr/local/etc',
  'usr/local/games',
  'usr/local/include',
  'usr/local/lib',
  'usr/local/libexec',
  'usr/local/sbin',
  'usr/local/share',
  'usr/local/src',
  'etc/skel',
  'etc/default',
  'var/cache',
  'var/lib',
  'var/log',
  'var/tmp',
];

/** `python --version` and `pip --version` in each image (image-tools.json; 3.13's from the same lab). */
export const PYTHON_VERSIONS: Record<string, { python: string; pip: string }> = {
  '3.13': { python: '3.13.5', pip: '25.1.1' },
  '3.14': { python: '3.14.8', pip: '26.2.2' },
};
