/**
 * The in-browser workspace, driven as a learner drives it: by keyboard, on /practice/ (and on a
 * lesson page once a lesson holds one). Every wait is for a condition (text in the terminal's
 * buffer, an attribute, focus), never for a time.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { expect, test, watchPage } from './watch.ts';
import {
  count,
  editorText,
  holdScripts,
  openByKeyboard,
  PRACTICE,
  PROMPT,
  PYTHON_START,
  run,
  terminalText,
} from './workspace-helpers.ts';
import { scaled } from '../machine-pace.ts';

/** the simulator's chunk (src/islands/workspace/open-workspace.ts) */
const SIMULATOR_CHUNK = /\/_astro\/open-workspace\.[\w-]+\.js$/;

const MAIN_PY = readFileSync(
  new URL('../../content/workspace/solution/app/main.py', import.meta.url),
  'utf8',
);
/** The project's base image line, as the course has it (python:3.14-slim since issue 11's switch). */
const FROM = readFileSync(
  new URL('../../content/workspace/solution/Dockerfile', import.meta.url),
  'utf8',
).match(/^FROM .+$/m)![0];

test('keyboard only: ls, cat, build, edit main.py, rebuild with the cache, run, curl the new body', async ({
  page,
  watch,
}) => {
  // Besides the usual steps, the container's start loads CPython the first time (src/islands/python).
  test.setTimeout(PYTHON_START + scaled(30_000));
  await page.goto(PRACTICE);
  await openByKeyboard(page);
  await run(page, 'ls', 'requirements.txt');
  await run(page, 'cat Dockerfile', FROM);
  await run(page, 'docker build -t demo-image .', 'naming to docker.io/library/demo-image');

  // Into the editor: Escape then Shift+Tab leaves the terminal backwards, past the terminal's
  // tab bar (New terminal, the Terminal 1 tab), to the editor.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('button', { name: 'New terminal' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('tab', { name: 'Terminal 1' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  const content = page.locator('.ws-editor .cm-content');
  await expect(content).toBeFocused();
  await expect(content).toHaveAttribute('aria-label', 'Editor: app/main.py');
  const lines = MAIN_PY.split('\n');
  const returnLine = lines.findIndex((l) => l.includes('return "Welcome to root"'));
  await page.keyboard.press('Control+Home');
  for (let i = 0; i < returnLine; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  for (let i = 0; i < '"Welcome to root"'.length; i++) await page.keyboard.press('Backspace');
  await page.keyboard.type('"Hello from the editor"');
  await expect.poll(() => editorText(page)).toContain('return "Hello from the editor"');

  // Back to the terminal. The edit is saved before the command runs.
  // Escape then Tab reaches the Terminal 1 tab; Enter on it goes into its terminal.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('tab', { name: 'Terminal 1' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('.xterm-helper-textarea')).toBeFocused();
  const rebuild = await run(
    page,
    'docker build -t demo-image .',
    'naming to docker.io/library/demo-image',
  );
  for (const step of [
    'CACHED [2/5] WORKDIR /demo',
    'CACHED [3/5] COPY ./requirements.txt',
    'CACHED [4/5] RUN pip install',
  ])
    expect(rebuild).toContain(step);
  expect(rebuild).toMatch(/=> \[5\/5\] COPY \.\/app \/demo\/app/);
  expect(rebuild).not.toContain('CACHED [5/5]');

  const started = await run(page, 'docker run -d -p 8000:8000 demo-image', '\n', PYTHON_START);
  // The container's ID is a line of its own at any width: terminalText joins the rows the terminal
  // wrapped it over, and a command that filled its last row exactly does not swallow it (redraw.ts).
  expect(started.split('\n')).toContainEqual(expect.stringMatching(/^[0-9a-f]{64}$/));
  await run(page, 'curl localhost:8000', '"Hello from the editor"');
  expect(watch.problems).toEqual([]);
});

test('Tab completes in the terminal; Escape then Tab leaves it, and the keys are written on screen', async ({
  page,
  watch,
}) => {
  await page.goto(PRACTICE);
  await openByKeyboard(page);
  await expect(page.locator('.ws-keys')).toHaveText(
    'Esc then Tab leaves the terminal or the editor.',
  );
  await page.keyboard.type('cat Dockerf');
  await page.keyboard.press('Tab');
  await expect(page.locator('.xterm-helper-textarea')).toBeFocused();
  await expect.poll(() => terminalText(page)).toContain(`${PROMPT} cat Dockerfile`);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  await expect(page.locator('.xterm-helper-textarea')).not.toBeFocused();
  expect(await page.evaluate(() => document.activeElement?.closest('.ws-terminal') === null)).toBe(
    true,
  );
  expect(watch.problems).toEqual([]);
});

test('edit FILE opens it in the editor; a change made in the terminal shows there', async ({
  page,
  watch,
}) => {
  await page.goto(PRACTICE);
  await openByKeyboard(page);
  await run(page, 'edit Dockerfile', 'Opening Dockerfile');
  await expect(page.locator('.ws-editor .cm-content')).toHaveAttribute(
    'aria-label',
    'Editor: Dockerfile',
  );
  await expect(page.locator('.ws-editor .cm-content')).toBeFocused();
  await page.locator('.xterm-helper-textarea').focus();
  await run(page, 'echo "# from the terminal" >> Dockerfile', PROMPT);
  await expect.poll(() => editorText(page)).toContain('# from the terminal');
  await run(page, 'touch notes.txt', PROMPT);
  await expect(page.getByRole('button', { name: 'Open notes.txt' })).toBeVisible();
  expect(watch.problems).toEqual([]);
});

test('edit FILE typed while the editor still downloads: the file opens with the focus when it arrives, unless the learner went elsewhere', async ({
  page,
  watch,
}) => {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/_astro\/editor-view\.[\w-]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(PRACTICE);
  await openByKeyboard(page);
  await run(page, 'edit Dockerfile', 'Opening Dockerfile');
  release();
  await expect(page.locator('.ws-editor .cm-content')).toHaveAttribute(
    'aria-label',
    'Editor: Dockerfile',
  );
  await expect(page.locator('.ws-editor .cm-content')).toBeFocused();

  // Again, with the focus taken elsewhere before the editor arrives: it stays there.
  let releaseAgain = () => {};
  const heldAgain = new Promise<void>((resolve) => (releaseAgain = resolve));
  await page.unroute(/\/_astro\/editor-view\.[\w-]+\.js$/);
  await page.route(/\/_astro\/editor-view\.[\w-]+\.js$/, async (route) => {
    await heldAgain;
    await route.continue();
  });
  await page.reload();
  await openByKeyboard(page);
  await run(page, 'edit Dockerfile', 'Opening Dockerfile');
  await page.getByRole('button', { name: 'New terminal' }).focus();
  releaseAgain();
  await expect(page.locator('.ws-editor .cm-content')).toHaveAttribute(
    'aria-label',
    'Editor: Dockerfile',
  );
  await expect(page.getByRole('button', { name: 'New terminal' })).toBeFocused();
  expect(watch.problems).toEqual([]);
});

test('reset asks first, Escape cancels, and a confirmed reset restores the files', async ({
  page,
  watch,
}) => {
  await page.goto(PRACTICE);
  await openByKeyboard(page);
  await run(page, 'echo "# changed" >> app/main.py', PROMPT);
  await expect.poll(() => editorText(page)).toContain('# changed');
  const reset = page.getByRole('button', { name: 'Reset files…' });
  await reset.click();
  const confirm = page.getByRole('button', { name: 'Reset', exact: true });
  await expect(confirm).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  await expect(reset).toBeFocused();
  await expect.poll(() => editorText(page)).toContain('# changed');
  await reset.click();
  await confirm.click();
  await expect.poll(() => editorText(page)).not.toContain('# changed');
  await expect(page.getByRole('status').first()).toHaveText(/fresh machine/);
  expect(watch.problems).toEqual([]);
});

test('compare with the solution: the changed file is named and shown side by side, read only', async ({
  page,
  watch,
}) => {
  await page.goto(PRACTICE);
  await openByKeyboard(page);
  await run(page, 'echo "# mine" >> app/main.py', PROMPT);
  await page.getByRole('button', { name: 'Compare with the solution' }).click();
  const pane = page.getByRole('region', { name: 'Your files compared with the solution' });
  await expect(pane).toContainText('1 of 4 files differ from the solution.');
  await expect(pane.getByRole('button', { name: 'app/main.py (differs)' })).toHaveAttribute(
    'aria-current',
    'true',
  );
  await expect(pane.getByRole('textbox', { name: 'Your app/main.py (read only)' })).toContainText(
    '# mine',
  );
  await expect(
    pane.getByRole('textbox', { name: 'Solution app/main.py (read only)' }),
  ).not.toContainText('# mine');
  await page.getByRole('button', { name: 'Hide the solution' }).click();
  await expect(pane).toBeHidden();
  expect(watch.problems).toEqual([]);
});

test("screen-reader mode switches xterm's accessible output on and is remembered", async ({
  page,
  watch,
}) => {
  await page.goto(PRACTICE);
  await openByKeyboard(page);
  const toggle = page.getByRole('button', { name: 'Screen reader mode' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.xterm-accessibility-tree')).toBeAttached();
  await page.reload();
  await openByKeyboard(page);
  await expect(page.getByRole('button', { name: 'Screen reader mode' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  expect(watch.problems).toEqual([]);
});

// axe with the workspace open (terminal after a build, two tabs, the editor, the diff): axe.spec.ts.

test('at 360 px the panes stack and nothing scrolls sideways', async ({ page, watch }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(PRACTICE);
  await openByKeyboard(page);
  const box = async (selector: string) => (await page.locator(selector).boundingBox())!;
  const [editor, terminal] = [await box('.ws-cm'), await box('.ws-xterm')];
  expect(terminal.y).toBeGreaterThanOrEqual(editor.y + editor.height);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  expect(watch.problems).toEqual([]);
});

test('the page loads none of the workspace until it is opened', async ({ page, watch }) => {
  const scripts: string[] = [];
  page.on('request', (r) => void (r.resourceType() === 'script' && scripts.push(r.url())));
  await page.goto(PRACTICE, { waitUntil: 'networkidle' });
  const heavy = /open-workspace|start-workspace|editor-view|solution-view|\/start\.|xterm/;
  expect(scripts.filter((s) => heavy.test(s))).toEqual([]);
  await page.getByRole('button', { name: 'Open the terminal' }).click();
  await expect.poll(() => scripts.filter((s) => /open-workspace/.test(s)).length).toBe(1);
  await expect.poll(() => scripts.filter((s) => /editor-view/.test(s)).length).toBe(1);
  // The merge view and WebContainer stay unloaded until asked for.
  expect(scripts.filter((s) => /solution-view|\/start\./.test(s))).toEqual([]);
  expect(watch.problems).toEqual([]);
});

test('the prompt does not wait for the Dockerfile parser: it loads behind it, and docker build uses it', async ({
  page,
  watch,
}) => {
  // dockerfile-ast's API names survive minification; a script holding one holds the parser.
  const PARSER = 'getEscapeCharacter';
  const bodies: Promise<string>[] = [];
  page.on(
    'response',
    (r) => void (r.request().resourceType() === 'script' && bodies.push(r.text())),
  );
  const fetchedParser = async () => (await Promise.all(bodies)).some((b) => b.includes(PARSER));
  // The parser is fetched once xterm is in; holding xterm back keeps the first moments still.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/_astro\/terminal-view\.[\w-]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(PRACTICE, { waitUntil: 'networkidle' });
  await page.getByRole('button', { name: 'Open the terminal' }).click();
  await expect(page.locator('.ws-plain')).toContainText(PROMPT);
  expect(await fetchedParser()).toBe(false);
  release();
  await expect.poll(() => terminalText(page)).toContain(PROMPT);
  await run(page, 'docker build -t demo-image .', 'naming to docker.io/library/demo-image');
  expect(await fetchedParser()).toBe(true);
  expect(watch.problems).toEqual([]);
});

test('typed before the simulator has arrived: the prompt is up and plain keys echo; Tab and Enter wait for it, then run', async ({
  page,
  watch,
}) => {
  // The simulator's chunk held back, as on a slow line where the terminal's small chunk comes first.
  const release = await holdScripts(page, SIMULATOR_CHUNK);
  await page.goto(PRACTICE, { waitUntil: 'networkidle' });
  await page.getByRole('button', { name: 'Open the terminal' }).click();
  await expect(page.locator('.ws-plain')).toContainText(PROMPT);
  await expect(page.locator('.ws-plain-input')).toBeFocused();
  await page.keyboard.type('cat Dock');
  await expect(page.locator('.ws-plain')).toContainText(`${PROMPT} cat Dock`);
  // Tab needs the shell's completion: neither it nor what follows is shown or run yet.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.keyboard.type('ls');
  await page.keyboard.press('Enter');
  await expect(page.locator('.ws-plain')).toContainText(`${PROMPT} cat Dock`);
  expect(await terminalText(page)).not.toContain('Dockerfile');
  release();
  // The simulator completes the name, runs both lines, in order, and prompts again.
  await expect
    .poll(async () => {
      const text = await terminalText(page);
      const cat = text.indexOf(`${PROMPT} cat Dockerfile`);
      const from = text.indexOf(FROM, cat);
      const ls = text.indexOf(`${PROMPT} ls`, from);
      return cat >= 0 && from > cat && ls > from && text.trimEnd().endsWith('$');
    })
    .toBe(true);
  expect(count(await terminalText(page), PROMPT)).toBe(3);
  expect(watch.problems).toEqual([]);
});

test('a saved workspace shows no prompt before the simulator: ↑ typed early recalls the saved history', async ({
  page,
  watch,
}) => {
  await page.goto(PRACTICE, { waitUntil: 'networkidle' });
  await page.getByRole('button', { name: 'Open the terminal' }).click();
  await expect.poll(() => terminalText(page)).toContain(PROMPT);
  await run(page, 'echo saved-line', 'saved-line');
  const release = await holdScripts(page, SIMULATOR_CHUNK);
  // A reload saves it (pagehide) and comes back to it, with the simulator held back this time
  // (the pointer, still over the button, may start its download at once: no wait for idle).
  await page.reload();
  await page.getByRole('button', { name: 'Open the terminal' }).click();
  await expect(page.locator('.ws-plain')).toBeAttached();
  await page.locator('.ws-plain-input').focus();
  await page.keyboard.press('ArrowUp');
  expect((await terminalText(page)).trim()).toBe('');
  release();
  await expect.poll(() => terminalText(page)).toContain(`${PROMPT} echo saved-line`);
  expect(count(await terminalText(page), PROMPT)).toBe(1);
  expect(watch.problems).toEqual([]);
});

test('lesson pages load no workspace code on first load', async ({ page, watch }) => {
  // Each lesson is a folder; dist/lessons/index.html is the /lessons/ index itself.
  const lessons = readdirSync(new URL('../../dist/lessons/', import.meta.url), {
    withFileTypes: true,
  })
    .filter((entry) => entry.isDirectory())
    .map((entry) => `/lessons/${entry.name}/`);
  for (const lesson of lessons) {
    const scripts: string[] = [];
    const listen = (r: import('@playwright/test').Request) =>
      void (r.resourceType() === 'script' && scripts.push(r.url()));
    page.on('request', listen);
    await page.goto(lesson, { waitUntil: 'networkidle' });
    page.off('request', listen);
    expect(
      scripts.filter((s) =>
        /open-workspace|start-workspace|editor-view|solution-view|\/start\.|xterm/.test(s),
      ),
      lesson,
    ).toEqual([]);
  }
  expect(watch.problems).toEqual([]);
});

const FALLBACKS = [
  // As on a host whose CSP frames nothing from other sites.
  {
    why: "the host's Content-Security-Policy blocks StackBlitz",
    strictCsp: true,
    reason: /Content-Security-Policy does not allow stackblitz\.com/,
  },
  // As served by `npm start`, whose CSP allows StackBlitz's frame: this machine having no internet stops it.
  {
    why: 'StackBlitz cannot be reached (no internet here)',
    strictCsp: false,
    reason: /StackBlitz's servers did not answer within 8 s/,
  },
];
for (const { why, strictCsp, reason } of FALLBACKS) {
  test(`WebContainer fallback when ${why}: the simulator, with one line saying why, within 10 s`, async ({
    page,
    baseURL,
  }) => {
    // No `watch` fixture: this is the one place the page may try another origin, after the learner agreed.
    const watch = watchPage(page, new URL(baseURL!).origin);
    if (strictCsp) {
      await page.route('**/practice/', async (route) => {
        const response = await route.fetch();
        const headers = {
          ...response.headers(),
          'content-security-policy':
            "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:",
        };
        await route.fulfill({ response, headers });
      });
    }
    await page.goto(PRACTICE);
    await openByKeyboard(page);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    expect(watch.foreignRequests).toEqual([]);
    await page.getByRole('button', { name: 'Real Node.js shell (WebContainer)…' }).click();
    const consent = page.locator('[data-panel="backend"]');
    await expect(consent).toContainText('downloads it from StackBlitz');
    await expect(
      page.getByRole('button', { name: 'Download and start WebContainer' }),
    ).toBeFocused();
    // Every boot state the learner is shown, in order (the CSP case passes through "booting" in ms).
    await page.evaluate(() => {
      const ws = document.querySelector<HTMLElement>('.ws')!;
      const seen: string[] = ((window as unknown as { bootStates: string[] }).bootStates = []);
      new MutationObserver(() => seen.push(ws.dataset['boot'] ?? '')).observe(ws, {
        attributeFilter: ['data-boot'],
      });
    });
    const started = Date.now();
    await page.keyboard.press('Enter');
    const state = page.locator('.ws-state');
    await expect(state).toHaveText(
      /^WebContainer did not start: .+\. You are on the built-in simulator\.$/,
      { timeout: 10_000 },
    );
    expect(Date.now() - started).toBeLessThan(10_000);
    await expect(state).toHaveText(reason);
    expect(
      await page.evaluate(() => (window as unknown as { bootStates: string[] }).bootStates),
    ).toEqual(['booting', 'failed']);
    // The simulator still answers.
    await page.locator('.xterm-helper-textarea').focus();
    await run(page, 'ls', 'Dockerfile');
    expect(
      watch.foreignRequests.every((url) => /^https:\/\/([\w-]+\.)*stackblitz\.com\//.test(url)),
    ).toBe(true);
    expect(watch.problems.filter((p) => !/stackblitz\.com/.test(p))).toEqual([]);
  });
}

test('on a lesson page, "Check from the terminal" judges the workspace\'s transcript', async ({
  page,
  watch,
}) => {
  const lessons = readdirSync(new URL('../../dist/lessons/', import.meta.url));
  const html = (slug: string) =>
    readFileSync(new URL(`../../dist/lessons/${slug}/index.html`, import.meta.url), 'utf8');
  const slug = lessons.find(
    (s) => html(s).includes('data-workspace') && html(s).includes('data-exercise="first-build"'),
  );
  test.skip(!slug, 'no lesson holds both a <Workspace> and the first-build exercise yet');
  await page.goto(`/lessons/${slug}/`);
  await openByKeyboard(page);
  await run(page, 'docker build -t demo-image:latest .', 'naming to');
  const panel = page.locator('[data-exercise="first-build"]');
  await panel.getByRole('button', { name: 'Check from the terminal' }).click();
  await expect(panel.getByRole('status')).toHaveText(
    'All 3 checks passed: practised in the browser terminal.',
  );
  await page.reload();
  await expect(page.locator('[data-exercise="first-build"] [data-mark]')).toHaveText(
    '✓ Practised in the browser terminal (now check it on your Docker too)',
  );
  expect(watch.problems).toEqual([]);
});

test('the terminal takes typing before xterm arrives, and xterm takes over with everything on screen and the focus', async ({
  page,
  watch,
}) => {
  // Hold xterm's chunk back until the plain terminal has done its job.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/_astro\/terminal-view\.[\w-]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(PRACTICE);
  await page.getByRole('button', { name: 'Open the terminal' }).click();
  const plainInput = page.getByRole('textbox', { name: 'Terminal input' });
  await expect(plainInput).toBeFocused();
  await expect(page.locator('.ws-plain')).toContainText(PROMPT);
  await run(page, 'echo typed-before-xterm', 'typed-before-xterm');
  await expect(page.locator('.xterm')).toHaveCount(0);
  release();
  await expect(page.locator('.xterm-helper-textarea')).toBeFocused();
  await expect(page.locator('.ws-plain')).toHaveCount(0);
  expect(count(await terminalText(page), 'typed-before-xterm')).toBe(2);
  await run(page, 'pwd', '/home/learner/demo');
  expect(watch.problems).toEqual([]);
});

test('offline after the page loaded: xterm and the editor cannot arrive, and the simple terminal keeps working', async ({
  page,
  baseURL,
}) => {
  // No `watch` fixture: this test makes downloads fail on purpose.
  const watch = watchPage(page, new URL(baseURL!).origin);
  await page.goto(PRACTICE);
  await page.route(/\/_astro\/(terminal-view|editor-view)\.[\w-]+\.js$/, (route) =>
    route.abort('internetdisconnected'),
  );
  await page.getByRole('button', { name: 'Open the terminal' }).click();
  await expect(page.locator('.ws-plain')).toContainText(PROMPT);
  await run(page, 'echo still-here', 'still-here');
  await expect(page.locator('.ws-cm')).toHaveText(
    /^The editor could not be downloaded \(is the page offline\?\)/,
  );
  await run(page, 'docker build -q -t demo-image .', 'sha256:');
  await expect(page.locator('.xterm')).toHaveCount(0);
  const refused = (p: string) =>
    /(terminal-view|editor-view)\.[\w-]+\.js \(net::ERR_INTERNET_DISCONNECTED\)$|^console error: Failed to load resource: net::ERR_INTERNET_DISCONNECTED$/.test(
      p,
    );
  expect(watch.problems.filter((p) => !refused(p))).toEqual([]);
});
