/**
 * A command's output as a learner reads it, with only what differs between two honest runs taken
 * out: IDs become `<id1>`, `<id2>`… in order of first appearance (a short ID and the full ID it
 * abbreviates get the same name, so "the IMAGE column shows the old image's ID" is still checked),
 * relative times and durations become `<time>`, host ports from the ephemeral range `<random>`,
 * timestamps, PIDs, client ports and MAC addresses placeholders. Tables are cut at their header's
 * columns, so a column's width (which follows "2 seconds ago" vs "3 seconds ago") does not count
 * but every cell does. One piece of code for both sides: the real engine's recording and the
 * simulator's run go through exactly this.
 */
import { LAB_BASES } from '../../src/core/sandbox/docker/base-image.ts';

/** Names IDs in order of first appearance; a prefix of a known ID (or the full form of a known prefix) keeps its name. */
export class IdNames {
  private readonly known: { hex: string; name: string }[] = [];

  name(hex: string): string {
    const found = this.known.find((k) => k.hex.startsWith(hex) || hex.startsWith(k.hex));
    if (found) {
      if (hex.length > found.hex.length) found.hex = hex;
      return found.name;
    }
    const name = `<id${this.known.length + 1}>`;
    this.known.push({ hex, name });
    return name;
  }
}

const DURATION =
  /\b(?:Less than a second|About a minute|About an hour|an? (?:second|minute|hour)|\d+ (?:seconds?|minutes?|hours?|days?|weeks?|months?|years?))\b/g;

/** What differs on every run, in any output. */
export function normaliseText(text: string, ids: IdNames): string {
  return (
    text
      .replace(/\r\n?/g, '\n')
      // The lab keeps its data under its own root; a learner's engine uses the default.
      .replace(/\/var\/lib\/docker-lab\/[\w-]+/g, '/var/lib/docker')
      // RFC 3339 timestamps (inspect, logs -t, events).
      .replace(/\b\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)/g, '<timestamp>')
      // Go's time.Time printed as is (`--format json`'s CreatedAt: 2026-12-06 13:26:21 +0000 UTC).
      .replace(/\b\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)? [+-]\d{4} [A-Z]{3,}\b/g, '<timestamp>')
      // `ref <uuid>::<hash>` in BuildKit's checksum errors.
      .replace(/\bref [0-9a-z-]+::[0-9a-z]+/g, 'ref <ref>')
      // BuildKit's build cache record IDs (`docker builder prune`, `system df -v`): 25 characters
      // of base 36, random.
      .replace(/\b(?=[a-z]*\d)(?=\d*[a-z])[a-z\d]{25}\b/g, '<cache-id>')
      .replace(/\b[0-9a-f]{64}\b|\b[0-9a-f]{12}\b/g, (hex) => ids.name(hex))
      .replace(DURATION, '<time>')
      .replace(/\bafter \d+ ms\b/g, 'after <n> ms')
      // docker-proxy closes a connection it cannot forward: curl sees (52) or (56), a race.
      .replace(
        /curl: \((?:52\) Empty reply from server|56\) Recv failure: Connection reset by peer)/g,
        'curl: (52|56) <dropped connection>',
      )
      // Which of a port's two bindings (IPv4 or IPv6) is refused first is a race.
      .replace(/\bBind for (?:0\.0\.0\.0:|:::|\[::\]:)(\d+) failed/g, 'Bind for <any>:$1 failed')
      // `ls -l`: a file's date is when the run made it (or when Debian built /etc/skel), and
      // overlayfs reports 1 link for some directories.
      .replace(/\b([-dlcbps][-rwxsStT]{9}) +\d+ /g, '$1 <n> ')
      .replace(/ [A-Z][a-z]{2} [ \d]\d (?:\d\d:\d\d| \d{4}) (?=\S)/g, ' <date> ')
      // curl -i and -v (`< date: …`) show the server's clock.
      .replace(/^(< )?date: \w{3}, \d\d \w{3} \d{4} [\d:]{8} GMT$/gm, '$1date: <date>')
      // The lab's stand-in image installs Python from Debian packages (/usr/lib/python3…, /usr/bin);
      // the official image, what learners pull and the simulator mirrors, under /usr/local.
      .replace(
        /\/usr\/(?:local\/)?lib\/python3(?:\.\d+)?\/(?:dist|site)-packages\//g,
        '<site-packages>/',
      )
      .replace(/\/usr\/(?:local\/)?lib\/python3\.\d+\//g, '<stdlib>/')
      .replace(/\/usr\/(?:local\/)?bin\/(uvicorn|fastapi|python3?|pip3?)\b/g, '<bin>/$1')
      // The resolver that fails to find the registry is the machine's own.
      .replace(/\bon [\d.]+:53: /g, 'on <resolver>:53: ')
      .replace(/\b(?:[0-9a-f]{2}:){5}[0-9a-f]{2}\b/g, '<mac>')
      .replace(/"Pid": ?\d+/g, '"Pid": <n>')
      .replace(/\b(?:3[2-9]\d{3}|[4-5]\d{4}|60\d{3})\b(?=->|\/tcp|\/udp|"|$)/gm, (p) =>
        Number(p) >= 32768 && Number(p) <= 60999 ? '<random>' : p,
      )
  );
}

/** The lab's base images' `docker images` rows: which of them is listed first is a race. */
const LAB_BASE_ROWS = LAB_BASES.map(({ tag }) => {
  const [repository, version] = tag.split(':') as [string, string];
  return `${repository} | ${version} | `;
});
const isLabBaseRow = (text: string) => LAB_BASE_ROWS.some((row) => text.startsWith(row));

/** The same for a `--format json` line of `docker images`. */
export const isLabBaseJson = (line: string) =>
  LAB_BASES.some(({ tag }) => {
    const [repository, version] = tag.split(':') as [string, string];
    return line.includes(`"Repository":"${repository}"`) && line.includes(`"Tag":"${version}"`);
  });

/**
 * Cuts a table (a header line of upper-case column names) at its header's column starts, before
 * anything is normalised (a cell's width follows its text), then normalises each cell. Neighbouring
 * rows whose cell in the first of `tieColumns` (in that list's order) the table has reads the same
 * (before normalising) are compared as a set: their order is a Go map's. Null when the lines are
 * not a table.
 */
export function normaliseTable(
  lines: string[],
  ids: IdNames,
  tieColumns: readonly string[] = [],
): string[] | null {
  const header = lines[0] ?? '';
  if (!/^[A-Z][A-Z %/.()]*(?: {2,}[A-Z][A-Z %/.()]*)+\s*$/.test(header)) return null;
  const starts: number[] = [];
  const names: string[] = [];
  for (const m of header.matchAll(/\S+(?: \S+)*/g)) {
    starts.push(m.index);
    names.push(m[0]);
  }
  const cells = (line: string) =>
    starts.map((start, i) => line.slice(start, starts[i + 1] ?? line.length).trim());
  // The first of `tieColumns` (in its order, not the header's) that the table has.
  const tie = tieColumns.map((c) => names.indexOf(c)).find((i) => i >= 0) ?? -1;
  const rows = lines.map((line) => {
    const text = cells(line)
      .map((cell) => normaliseText(cell, ids))
      .join(' | ')
      .trimEnd();
    // The lab's base images are imported in either order each time the lab starts.
    const key = tie < 0 ? '' : isLabBaseRow(text) ? 'lab base' : (cells(line)[tie] ?? '');
    return { key, text };
  });
  if (tie < 0) return rows.map((r) => r.text);
  return [rows[0]!.text, ...runsAsSets(rows.slice(1))];
}

/**
 * Texts in order, except that neighbours with the same non-empty key are sorted among themselves:
 * newest ID first (IDs are named in order of first appearance, so a later build's is higher), then
 * by text. Newest first is Docker's own order, so a tie that is only two rows' CREATED reading the
 * same ("5 seconds ago", a matter of timing) sorts as the rows were listed when it read apart.
 */
export function runsAsSets(rows: readonly { key: string; text: string }[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < rows.length;) {
    let j = i + 1;
    while (rows[i]!.key && j < rows.length && rows[j]!.key === rows[i]!.key) j++;
    out.push(
      ...rows
        .slice(i, j)
        .map((r) => r.text)
        .sort((a, b) => newestId(b) - newestId(a) || (a < b ? -1 : a > b ? 1 : 0)),
    );
    i = j;
  }
  return out;
}

/** The highest `<idN>` a normalised row names, 0 when none. */
const newestId = (text: string) =>
  Math.max(0, ...Array.from(text.matchAll(/<id(\d+)>/g), (m) => Number(m[1])));

/**
 * BuildKit's plain progress as a set of vertex blocks in a fixed order: cached vertices finish
 * together and print in completion order, which races on a real engine, so blocks are sorted
 * (internal loads, then steps by number, then the export) and renumbered. Timings go; a
 * sub-status printed twice (in progress, then done) counts once, a `transferring` line only with
 * its total (the simulator counts the bytes as fsutil does: context.ts transferBytes).
 */
export function normaliseBuild(text: string, ids: IdNames): string[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const blocks = new Map<string, string[]>();
  const trailer: string[] = [];
  let header: string | null = null;
  for (const line of lines) {
    const m = /^#(\d+) (.*)$/.exec(line);
    if (!m) {
      if (line !== '' || trailer.length) trailer.push(line);
      continue;
    }
    const [, n, rest] = m as unknown as [string, string, string];
    if (n === '0') {
      header = rest;
      continue;
    }
    const block = blocks.get(n);
    if (!block) blocks.set(n, [rest]);
    else block.push(rest);
  }
  const body = [...blocks.values()]
    .map((block) => {
      const [name, ...rest0] = block as [string, ...string[]];
      // A vertex printed again (its name repeated) ends only once, with its last status.
      // Build-check warnings show in their vertex only when they arrive before it ends (a race);
      // the list after the build always has them.
      const rest = rest0.filter((l) => l !== name && l !== '...' && !l.startsWith('WARN: '));
      const lastEnd = rest.findLastIndex((l) => /^(?:DONE|CACHED|ERROR|CANCELED)\b/.test(l));
      const kept = rest
        .filter((l, i) => !/^(?:DONE|CACHED)\b/.test(l) || i === lastEnd)
        .map((l) =>
          l
            .replace(/^(DONE) \d+\.\ds$/, '$1 <t>')
            .replace(/ \d+\.\ds(?= done$|$)/, '')
            .replace(/^\d+\.\d+ /, '<t> ')
            // Compose's bake definition holds the project's path twice: its size is the path's.
            .replace(/^reading from stdin \d+B/, 'reading from stdin <bytes>'),
        )
        // A transfer's count while in progress races; the last one, with `done`, is the total.
        .filter(
          (l, i, all) =>
            !/^transferring \w+:/.test(l) ||
            !all.slice(i + 1).some((n) => n.startsWith(l.replace(/:.*/, ':'))),
        )
        // A sub-status printed while in progress, then done, counts once.
        .filter(
          (l, i, all) =>
            l.startsWith('<t> ') ||
            (all[i + 1] !== l && !`${all[i + 1] ?? ''}`.startsWith(`${l} `)),
        );
      // A RUN step's stdout and stderr lines race each other: compared as a set.
      const logs = kept.filter((l) => l.startsWith('<t> ')).sort();
      let next = 0;
      return { name, lines: kept.map((l) => (l.startsWith('<t> ') ? logs[next++]! : l)) };
    })
    .sort((a, b) => order(a.name) - order(b.name) || (a.name < b.name ? -1 : 1));
  const out: string[] = header === null ? [] : [`#0 ${header}`];
  body.forEach((b, i) => out.push(`#${i + 1} ${b.name}`, ...b.lines.map((l) => `#${i + 1} ${l}`)));
  while (trailer.at(-1) === '') trailer.pop();
  // buildx lists build-check warnings from a map: in no set order.
  const found = trailer.findIndex((l) => /warnings? found/.test(l));
  if (found >= 0) {
    let end = found + 1;
    while (end < trailer.length && /^(?:\x1b\[0m)? - /.test(trailer[end]!)) end++;
    const warnings = trailer
      .slice(found + 1, end)
      .map((l) => l.replace(/^\x1b\[0m/, ''))
      .sort();
    if (warnings.length) warnings[0] = `\x1b[0m${warnings[0]}`;
    trailer.splice(found + 1, warnings.length, ...warnings);
  }
  const failedLogs = body
    .filter((b) => b.lines.some((l) => l.startsWith('ERROR')))
    .flatMap((b) => b.lines.filter((l) => l.startsWith('<t> ')).map((l) => l.slice(4)));
  const all = [...out, ...wholeSummaryLines(trailer, failedLogs)];
  return normaliseText(all.join('\n'), ids).split('\n');
}

/**
 * The error summary (` > [6/6] RUN …:` between `------` lines) repeats the failed step's last log
 * lines. A program that writes one line in pieces (coreutils' `touch: `, `cannot touch '…'`,
 * `: Permission denied`) may arrive as several chunks, and BuildKit then repeats only the pieces
 * after the last one it timestamped: six builds of scenario 120 on Engine 28.5 gave
 * `0.687 touch: cannot touch '/demo/nope': Permission denied`, `cannot touch '/demo/nope':
 * Permission denied` and `: Permission denied`, and CI at 76982b8 an empty line. A summary line
 * that ends a line of the step's log counts as that whole line.
 */
function wholeSummaryLines(trailer: string[], failedLogs: string[]): string[] {
  let inSummary = false;
  return trailer.map((line, i) => {
    if (line === '------') {
      inSummary = !inSummary && /^ > \[.*:$/.test(trailer[i + 1] ?? '');
      return line;
    }
    const text = line.replace(/^\d+\.\d+ /, '');
    if (!inSummary || line.startsWith(' > ')) return text === line ? line : `<t> ${text}`;
    // The cut may leave only the last piece, down to the line's bare newline (an empty line: seen
    // on CI at 76982b8), so the last log line it ends is the one it stands for.
    const whole =
      failedLogs.find((l) => l === text) ?? failedLogs.findLast((l) => l.endsWith(text));
    return whole === undefined ? line : `<t> ${whole}`;
  });
}

function order(name: string): number {
  const internal = [
    '[internal] load build definition',
    '[internal] load metadata',
    '[internal] load .dockerignore',
    '[internal] load build context',
  ].findIndex((p) => name.startsWith(p));
  if (internal >= 0) return internal === 3 ? 101.5 : internal;
  const step = /^\[(?:[\w.-]+ )?\s*(\d+)\/\d+\]/.exec(name);
  if (step) return 100 + Number(step[1]);
  return 1000;
}
