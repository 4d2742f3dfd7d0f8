/**
 * Starting an app that needs Python in the browser terminal (Chromium, the built site, /practice/):
 * from Enter on `docker run -p 8000:8000 demo-image` to Uvicorn's first log line drawn, the first
 * time (CPython downloads, compiles and starts) and with the files in the HTTP cache, on this
 * machine's network and on a "Fast 4G" profile; and the bytes Python loads.
 */
import type { Browser, Page } from '@playwright/test';
import { scaled } from '../../tests/machine-pace.ts';
import { forgetSavedWorkspace, onBuiltSite } from './site-browser.ts';
import { median, type BenchSection } from './section.ts';
import { medianPhases, readPhases, timeWasm, type Phases } from './python-timeline.ts';
import { pyodidePaths, sentBytes, type Loaded } from './python-bytes.ts';

const PROMPT = 'learner@layerwise:~/demo$';
const FIRST_LOG = 'Started server process';
/** what the workspace's status line says while Python loads (issue 9: a visible state) */
const STATUS = 'Starting Python';

/**
 * DevTools' "Fast 4G" preset as it sends it over CDP (devtools-frontend, core/sdk/NetworkManager.ts
 * `Fast4GConditions`: 9 Mbit/s down, 1.5 Mbit/s up at 90 %, 60 ms RTT × 2.75), no CPU slowdown.
 */
const FAST_4G = { latency: 60 * 2.75, download: (9e6 / 8) * 0.9, upload: (1.5e6 / 8) * 0.9 };

// two idle-machine minutes, scaled for this one's load (tests/machine-pace.ts)
async function terminalHas(page: Page, needle: string, timeout = scaled(120_000)): Promise<number> {
  const handle = await page.waitForFunction(
    (needle) => {
      const shell = document.querySelector<HTMLElement & { layerwiseTerminalText?: () => string }>(
        '[data-workspace]',
      );
      return (shell?.layerwiseTerminalText?.() ?? '').includes(needle) ? performance.now() : false;
    },
    needle,
    { polling: 'raf', timeout },
  );
  return (await handle.jsonValue()) as number;
}

/**
 * Records on the page when the workspace's status line first says Python is starting (a
 * MutationObserver: the line is emptied again once Python is ready, maybe before a poll sees it).
 */
async function watchStatus(page: Page): Promise<void> {
  await page.evaluate((wanted) => {
    // the machine's status line above the terminal (workspace-dom.ts), not the launcher's
    const line = document.querySelector('[data-workspace] [data-pane="status"]');
    if (!line) return;
    const marks = window as unknown as { statusAt: number };
    if (line.textContent?.includes(wanted)) marks.statusAt = performance.now();
    const seen = new MutationObserver(() => {
      if (!line.textContent?.includes(wanted)) return;
      marks.statusAt = performance.now();
      seen.disconnect();
    });
    seen.observe(line, { childList: true, characterData: true, subtree: true });
  }, STATUS);
}

/** One start: the page opened, the image built, then Enter on `docker run` → the first log line. */
async function startOnce(
  page: Page,
  url: string,
): Promise<{ ms: number; statusMs: number | null; phases: Phases; files: string[] }> {
  await page.goto(url, { waitUntil: 'load' });
  await page.click('[data-workspace-open]');
  await terminalHas(page, PROMPT);
  await page.keyboard.type('docker build -q -t demo-image .');
  await page.keyboard.press('Enter');
  await terminalHas(page, 'sha256:');
  await page.keyboard.type('docker run -p 8000:8000 demo-image');
  await watchStatus(page);
  await page.evaluate(() =>
    document.addEventListener(
      'keydown',
      (e) =>
        void (e.key === 'Enter' && ((window as unknown as { at: number }).at = performance.now())),
      { capture: true, once: true },
    ),
  );
  await page.keyboard.press('Enter');
  const drawn = await terminalHas(page, FIRST_LOG);
  const { at, statusAt } = await page.evaluate(() => {
    const marks = window as unknown as { at: number; statusAt?: number };
    return { at: marks.at, statusAt: marks.statusAt };
  });
  // Resource Timing lists every file the page asked for, from the network, the HTTP cache or the
  // service worker alike (requestfinished's sizes read 0 for the last two)
  const files = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      // a file that was not there (a 404) is not part of what Python loads
      .filter((e) => ((e as PerformanceResourceTiming).responseStatus || 200) < 400)
      .map((e) => new URL(e.name).pathname)
      .filter((p) => p.includes('/pyodide/')),
  );
  return {
    ms: drawn - at,
    statusMs: statusAt === undefined ? null : statusAt - at,
    phases: await readPhases(page, at, drawn),
    files,
  };
}

async function measure(
  browser: Browser,
  url: string,
  runs: number,
  fast4g: boolean,
  warm: boolean,
) {
  const times: number[] = [];
  const shown: number[] = [];
  const phases: Phases[] = [];
  let files: string[] = [];
  for (let i = 0; i < runs; i++) {
    // CDP's throttling applies to the page's requests, not to those the service worker makes for it
    // (Python's files, on a first start): with the worker, "Fast 4G" was not throttled
    const context = await browser.newContext(fast4g ? { serviceWorkers: 'block' } : {});
    await timeWasm(context);
    const page = await context.newPage();
    if (warm) {
      await startOnce(page, url);
      await forgetSavedWorkspace(page, new URL(url).origin);
    }
    if (fast4g) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: FAST_4G.latency,
        downloadThroughput: FAST_4G.download,
        uploadThroughput: FAST_4G.upload,
      });
    }
    const r = await startOnce(page, url);
    times.push(r.ms);
    if (r.statusMs !== null) shown.push(r.statusMs);
    phases.push(r.phases);
    files = r.files;
    await context.close();
  }
  // null: the status line never said it (Python was loaded and ready before it could).
  return {
    ms: median(times),
    statusMs: shown.length ? median(shown) : null,
    runs,
    phases: medianPhases(phases),
    files,
  };
}

export function run(): Promise<BenchSection> {
  return onBuiltSite(async (browser, origin, description) => {
    const page = `${origin}/practice/`;
    // the server compresses a file on its first request (then keeps it, as a static host keeps
    // precompressed files): not part of a learner's start
    await sentBytes(origin, pyodidePaths());
    const plain = await measure(browser, page, 3, false, false);
    const plainWarm = await measure(browser, page, 3, false, true);
    const fast = await measure(browser, page, 3, true, false);
    const MB = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MB`;
    const ms = (n: number) => `${Math.round(n)} ms`;
    const shownMs = (n: number | null) =>
      n === null ? 'never shown' : n < 0 ? 'shown before Enter' : ms(n);
    const loaded = await sentBytes(origin, plain.files);
    const total = loaded.reduce((n, f) => n + f.encoded, 0);
    return {
      title: 'Python in the browser: docker run → first log line (Chromium, /practice/)',
      columns: ['what', 'figure'],
      rows: [
        [
          `Enter → "${FIRST_LOG}" drawn, first start, this machine (median of ${plain.runs})`,
          ms(plain.ms),
        ],
        [
          `  the same, Python's files in the HTTP cache (median of ${plainWarm.runs})`,
          ms(plainWarm.ms),
        ],
        [
          `Enter → "${FIRST_LOG}" drawn, first start, Fast 4G (median of ${fast.runs})`,
          ms(fast.ms),
        ],
        [
          `Enter → "${STATUS}…" shown above the terminal, first start, Fast 4G (median of ${fast.runs})`,
          shownMs(fast.statusMs),
        ],
        [
          "  the same, first start this machine / Python's files in the HTTP cache",
          `${shownMs(plain.statusMs)} / ${shownMs(plainWarm.statusMs)}`,
        ],
        ['bytes Python loads on the first start (as sent, compressed)', MB(total)],
        ...loaded.map((f: Loaded) => [
          `  ${f.name}`,
          `${MB(f.encoded)} (${MB(f.decoded)} unpacked)`,
        ]),
        [`where a first start's time goes, this machine (median of ${plain.runs})`, ''],
        ...plain.phases.map(([k, v]) => [`  ${k}`, ms(v)]),
        [`the same, Python's files in the HTTP cache (median of ${plainWarm.runs})`, ''],
        ...plainWarm.phases.map(([k, v]) => [`  ${k}`, ms(v)]),
        [`the same, Fast 4G (median of ${fast.runs})`, ''],
        ...fast.phases.map(([k, v]) => [`  ${k}`, ms(v)]),
      ],
      notes: [
        'target: the first log line within 3 s on a fast connection, with "Starting Python…" shown meanwhile',
        `Fast 4G = DevTools' preset over CDP (${(FAST_4G.download / 1000).toFixed(0)} kB/s down, ${FAST_4G.latency} ms latency), no CPU slowdown`,
        'first start: a fresh browser context; HTTP cache: the same context after one earlier start (compile and start-up only)',
        `browser: ${description}`,
      ],
    };
  });
}

// `npx tsx scripts/bench/python.ts` prints this section alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { formatTable } = await import('./section.ts');
  console.log(formatTable(await run()));
}
