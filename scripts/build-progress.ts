/**
 * The first `npm start` builds the course before it can serve it. Rather than Astro's full log (or
 * silence), the learner sees one line saying what the build is doing and for how long it has run;
 * the full log is printed only if the build fails.
 */
import { spawn } from 'node:child_process';
import { stripAnsi } from '../src/core/text/index.ts';
import { astroCommand } from './astro.ts';

/** How far the build is, read from the lines Astro 7 prints (`astro build`, default log level). */
export interface BuildProgress {
  step: string;
  pages: number;
}

export const STARTING: BuildProgress = { step: 'starting Astro', pages: 0 };
/** The step after the last page is written: the pages can be served from here on. */
export const PAGES_WRITTEN = 'indexing the lessons for search';

/** The progress after one line of Astro's output (unchanged for lines that say nothing new). */
export function nextProgress(progress: BuildProgress, raw: string): BuildProgress {
  const line = stripAnsi(raw);
  const page = /[├└]─ (\/\S*)/.exec(line);
  if (page)
    return { step: `writing page ${progress.pages + 1}: ${page[1]}`, pages: progress.pages + 1 };
  const steps: [RegExp, string][] = [
    [/\[content\] Syncing content/, 'reading the lessons'],
    [/\[build\] Collecting build info/, 'collecting the pages'],
    [/\[build\] Building static entrypoints/, 'bundling the pages'],
    [/\[vite\] ✓ built in/, 'bundling the browser scripts'],
    [/generating static routes|Rearranging server assets/, 'writing the pages'],
    [/✓ Completed in/, progress.pages ? PAGES_WRITTEN : progress.step],
    [/\[layerwise-pagefind\]/, 'writing the host files'],
  ];
  for (const [pattern, step] of steps) if (pattern.test(line)) return { ...progress, step };
  return progress;
}

export interface ProgressOutput {
  /** a terminal: one line rewritten in place; otherwise a line per step */
  isTTY?: boolean;
  write(text: string): unknown;
}

/**
 * Runs `astro build`, showing one progress line; resolves with its exit status. `onPagesWritten`
 * is called once, when Astro has written the last page (what it does after that: see PAGES_WRITTEN).
 */
export function buildWithProgress(
  title: string,
  out: ProgressOutput = process.stdout,
  onPagesWritten?: () => void,
): Promise<number> {
  const started = performance.now();
  const command = astroCommand(['build']);
  const child = spawn(process.execPath, command.argv, {
    env: command.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: string[] = [];
  let progress = STARTING;
  let shown = '';
  const show = () => {
    const seconds = ((performance.now() - started) / 1000).toFixed(0);
    if (out.isTTY) {
      const text = `${title}: ${progress.step}… ${seconds} s`;
      out.write(`\r\x1b[K${text.slice(0, (process.stdout.columns || 100) - 1)}`);
    } else if (progress.step !== shown && !progress.step.startsWith('writing page ')) {
      out.write(`${title}: ${progress.step}…\n`);
    }
    shown = progress.step;
  };
  const read = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line) continue;
      log.push(line);
      const before = progress.step;
      progress = nextProgress(progress, line);
      if (progress.step === PAGES_WRITTEN && before !== PAGES_WRITTEN) onPagesWritten?.();
    }
    show();
  };
  child.stdout.on('data', read);
  child.stderr.on('data', read);
  show();
  const ticking = out.isTTY ? setInterval(show, 1000) : undefined;
  return new Promise((resolve) => {
    child.on('close', (code) => {
      clearInterval(ticking);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      if (out.isTTY) out.write('\r\x1b[K');
      if (code === 0) out.write(`${title}: done in ${seconds} s\n`);
      else out.write(`${log.join('\n')}\n`);
      resolve(code ?? 1);
    });
  });
}
