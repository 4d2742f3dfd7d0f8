/**
 * The learner's Python really runs in the browser terminal: CPython (Pyodide, served by this site)
 * loads when an app first starts, never before, and the app answers what FastAPI answers.
 * Every wait is for text in the terminal, never for a time.
 */
import { scaled } from '../machine-pace.ts';
import { expect, test } from './watch.ts';
import { openWorkspace, PRACTICE, PROMPT, PYTHON_START, run } from './workspace-helpers.ts';

const APP = [
  'import os',
  'from fastapi import FastAPI',
  'app = FastAPI()',
  '@app.get("/items/{item_id}")',
  'def item(item_id: int, q: str = "none"):',
  '    return {"id": item_id * 2, "q": q.upper(), "greeting": os.getenv("GREETING", "hi")}',
].join('\\n');

test('an app starts in real Python: path and query parameters, -e, 422, a syntax error ends the container', async ({
  page,
  watch,
}) => {
  // Building, then loading CPython for the first time: slower than the default on a busy machine.
  test.setTimeout(PYTHON_START + scaled(60_000));
  const pyodide: string[] = [];
  page.on('request', (req) => {
    if (new URL(req.url()).pathname.startsWith('/pyodide/')) pyodide.push(req.url());
  });
  await page.goto(PRACTICE);
  await openWorkspace(page);
  await run(page, `printf '${APP}\\n' > app/main.py`, PROMPT);
  await run(page, 'docker build -t demo-image .', 'naming to docker.io/library/demo-image');
  expect(pyodide, 'nothing of Python loads before an app starts').toEqual([]);

  await run(
    page,
    'docker run -d -p 8000:8000 -e GREETING=hey --name web demo-image',
    PROMPT,
    PYTHON_START,
  );
  expect(pyodide.some((u) => u.endsWith('/pyodide/pyodide.asm.wasm'))).toBe(true);
  await run(
    page,
    "curl -s 'localhost:8000/items/21?q=abc'",
    '{"id":42,"q":"ABC","greeting":"hey"}',
  );
  await run(
    page,
    'curl -s localhost:8000/items/abc',
    '{"detail":[{"type":"int_parsing","loc":["path","item_id"],"msg":"Input should be a valid integer, unable to parse string as an integer","input":"abc"}]}',
  );
  await run(page, 'docker logs web', '"GET /items/abc HTTP/1.1" 422 Unprocessable Content');

  await run(page, `printf 'from fastapi import FastAPI\\napp = FastAPI(\\n' > app/main.py`, PROMPT);
  await run(page, 'docker build -t broken .', 'naming to docker.io/library/broken');
  const failed = await run(
    page,
    'docker run --name bad broken',
    "SyntaxError: '(' was never closed",
  );
  expect(failed).toContain('File "/demo/app/main.py", line 2');
  await run(page, 'docker ps -a', 'Exited (1)');
  expect(watch.problems).toEqual([]);
});

test("Python's prompt at the keyboard: python3 on the machine, a block, Ctrl+D; then a container's", async ({
  page,
  watch,
}) => {
  test.setTimeout(PYTHON_START + scaled(60_000));
  await page.goto(PRACTICE);
  await openWorkspace(page);
  /** A line at Python's prompt, until it has shown `shows` and a prompt (`>>> `, `... `) is back. */
  const line = (text: string, shows: string, timeout = scaled(10_000)) =>
    run(page, text, shows, timeout, /(>>>|\.\.\.)$/);
  await line('python3', 'Type "help", "copyright", "credits" or "license"', PYTHON_START);
  await line('2 ** 10', '1024');
  await line('def sq(n):', '...');
  await line('return n * n', '...');
  await line('', '>>>');
  await line('sq(12)', '144');
  await line('1/0', 'ZeroDivisionError: division by zero');
  await page.keyboard.press('Control+D');
  await run(page, 'echo "left with $?"', 'left with 0');
  await line('docker run -it --rm python:3.14-slim', 'Python 3.14.8');
  await line('import sys; sys.version_info[:2]', '(3, 14)');
  await run(page, 'exit', '');
  await run(page, 'docker ps -aq | wc -l', '0');
  expect(watch.problems).toEqual([]);
});
