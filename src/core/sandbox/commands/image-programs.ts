/**
 * The programs of the image's file system that the simulator runs: what a container's command or a
 * `docker exec` may start directly. dash's builtins without a program of their own (cd, export,
 * exit…) are not here: `docker run IMAGE cd` fails as Docker says. image-table.ts holds them all;
 * a test keeps the two in step.
 */
export const IMAGE_PROGRAMS: ReadonlySet<string> = new Set(
  (
    'sh bash ls cat mkdir touch rm mv cp chmod chown head tail grep wc cut sort uniq tr tee xargs ' +
    'pwd echo printf true false test [ env printenv whoami id sleep seq which useradd groupadd ' +
    'python python3 pip pip3'
  ).split(' '),
);
