/**
 * The programs of the image's file system that the simulator runs: what a container's command or a
 * `docker exec` may start directly. dash's builtins without a program of their own (cd, export,
 * exit…) are not here: `docker run IMAGE cd` fails as Docker says. image-table.ts holds them all;
 * a test keeps the two in step.
 */
export const IMAGE_PROGRAMS: ReadonlySet<string> = new Set(
  (
    'sh bash ls cat mkdir touch rm mv cp chmod chown head tail grep wc cut sort uniq tr tee xargs ' +
    'pwd echo printf true false test [ env printenv whoami id uname hostname sleep date seq which useradd groupadd ' +
    'python python3 pip pip3'
  ).split(' '),
);

/**
 * Every program in /bin, /sbin, /usr/bin and /usr/sbin of both lab images (`ls` in
 * `docker run --rm python:3.1x-slim`, Engine 28.5, 2026-12-06; tests/fixtures/sandbox/real/shell/
 * image-programs.txt), Python's own left out. One the sandbox does not run is there in a real
 * container, so it gets the "not simulated" line, never dash's "not found".
 */
export const DEBIAN_PROGRAMS: ReadonlySet<string> = new Set(
  `
  [ add-shell agetty apt apt-cache apt-cdrom apt-config apt-get apt-mark arch awk b2sum base32
  base64 basename basenc bash bashbug blkdiscard blkid blockdev captoinfo cat chage chcon chfn
  chgpasswd chgrp chmod choom chown chpasswd chroot chrt chsh cksum clear clear_console cmp comm
  cp csplit cut dash date dd deb-systemd-helper deb-systemd-invoke debconf debconf-apt-progress
  debconf-communicate debconf-copydb debconf-escape debconf-set-selections debconf-show df diff
  diff3 dir dircolors dirname dmesg dnsdomainname domainname dpkg dpkg-deb dpkg-divert dpkg-
  maintscript-helper dpkg-preconfigure dpkg-query dpkg-realpath dpkg-reconfigure dpkg-split dpkg-
  statoverride dpkg-trigger du echo egrep env expand expr factor faillock fallocate false fgrep
  find findfs findmnt flock fmt fold fsck fsfreeze fstab-decode fstrim getconf getent getopt getty
  gpasswd grep groupadd groupdel groupmod groups grpck grpconv grpunconv gunzip gzexe gzip
  hardlink head hostid hostname i386 iconv iconvconfig id infocmp infotocap install installkernel
  invoke-rc.d ionice ipcmk ipcrm ipcs ischroot join killall5 ld.so ldconfig ldd link linux32
  linux64 ln locale localedef logger login logname losetup ls lsblk lscpu lsipc lslocks lsns mawk
  mcookie md5sum mkdir mkfifo mkfs mkhomedir_helper mknod mkswap mktemp more mount mountpoint mv
  namei nawk newusers nice nisdomainname nl nohup nologin nproc nsenter numfmt od openssl pager
  pam-auth-update pam_getenv pam_namespace_helper pam_timestamp_check partx passwd paste pathchk
  perl pidof pinky pldd pr printenv printf prlimit ptx pwck pwconv pwd pwhistory_helper pwunconv
  rbash readlink readprofile realpath remove-shell renice reset rgrep rm rmdir rmt rmt-tar rtcwake
  run-parts runcon runuser savelog script scriptlive scriptreplay sdiff sed seq service setarch
  setpriv setsid setterm sh sha1sum sha224sum sha256sum sha384sum sha512sum shadowconfig shred
  shuf sleep sort split sqv start-stop-daemon stat stdbuf stty su sulogin sum swaplabel swapoff
  swapon sync tabs tac tail tar tarcat taskset tee tempfile test tic timeout toe touch tput tr
  true truncate tset tsort tty tzselect uclampset umount uname uncompress unexpand uniq
  unix_chkpwd unix_update unlink unshare update-alternatives update-ca-certificates update-passwd
  update-rc.d update-shells useradd userdel usermod users vdir vigr vipw wall wc whereis which
  which.debianutils who whoami wipefs x86_64 xargs yes ypdomainname zcat zcmp zdiff zdump zegrep
  zfgrep zforce zgrep zic zless zmore znew zramctl
`
    .trim()
    .split(/\s+/),
);

/** What a container's command may name and find in the image: the simulated and the not simulated. */
export const IMAGE_FILES: ReadonlySet<string> = new Set([...IMAGE_PROGRAMS, ...DEBIAN_PROGRAMS]);
