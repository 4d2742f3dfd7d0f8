import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readApp, respond } from '../../../src/core/sandbox/app/fastapi-app.ts';
import { parsePythonLiteral } from '../../../src/core/sandbox/app/python-literal.ts';
import { demoSandbox } from './helpers.ts';

const REAL = new URL('../../fixtures/sandbox/real/', import.meta.url);
/** A captured real curl run: the output after the `$ command` line, minus the `[exit N]` trailer. */
function captured(name: string): string {
  const text = readFileSync(new URL(`${name}.txt`, REAL), 'utf8');
  return text.slice(text.indexOf('\n') + 1).replace(/\[exit \d+\]\n?$/, '');
}
const withoutDate = (text: string) => text.replace(/^date: .*$/m, 'date: <date>');

describe('the simulated app answers as the real FastAPI 0.115 / Uvicorn 0.32 did', () => {
  // Same app, same requests as tests/fixtures/sandbox/capture.sh; the date header differs by nature.
  it.each([
    ['curl -si localhost:8000/', 'curl-i'],
    ['curl -si localhost:8000/nope', 'curl-404'],
    ['curl -sI localhost:8000/', 'curl-I'],
    ['curl -s localhost:8000/openapi.json', 'curl-openapi'],
    ['curl -s localhost:8000/docs', 'curl-docs'],
    ['curl -s localhost:8009/', 'curl-refused-s'],
  ])('%s', async (command, fixture) => {
    const { run } = demoSandbox();
    await run(
      'docker build -q -t demo-image .',
      'docker run -d -p 8000:8000 --name web demo-image',
    );
    const { output } = await run(command);
    const expected = captured(fixture)
      .split('\n')
      .filter((l) => !/^\s+(?:%|Dload|\d)/.test(l))
      .join('\n');
    expect(withoutDate(output.replace(/\r\n/g, '\n'))).toBe(
      withoutDate(expected.replace(/\r\n/g, '\n')),
    );
  });
});

describe('readApp', () => {
  it.each([
    ['@app.get("/")\ndef root():\n    return {"a": 1}\n', 'GET', '/', '{"a":1}'],
    [
      "@app.get('/items/{item_id}')\nasync def item(item_id: int):\n    return [1, 2]  # a list\n",
      'GET',
      '/items/5',
      '[1,2]',
    ],
    [
      '@app.get("/x")\ndef x():\n    return {\n        "multi": True,\n        "none": None,\n    }\n',
      'GET',
      '/x',
      '{"multi":true,"none":null}',
    ],
    ['@app.get("/v")\ndef v():\n    value = compute()\n    return value\n', 'GET', '/v', 'null'],
    [
      '@app.post("/p")\ndef p():\n    return "posted"\n',
      'GET',
      '/p',
      '{"detail":"Method Not Allowed"}',
    ],
  ])('%j', (routes, method, path, body) => {
    const app = readApp(`from fastapi import FastAPI\n\napp = FastAPI()\n\n${routes}`);
    if (!app.ok) throw new Error('no app');
    expect(respond(app, method, path, 'Fri, 27 Nov 2026 09:00:00 GMT').body).toBe(body);
  });

  it('finds no app without `app = FastAPI()`', () => {
    expect(readApp('from fastapi import FastAPI\n')).toEqual({ ok: false, reason: 'no-app' });
  });
});

describe('parsePythonLiteral', () => {
  it.each([
    ['"Welcome to root"', 'Welcome to root'],
    ["'single'", 'single'],
    ['{"k": [1, 2.5, -3], "t": (True, False)}', { k: [1, 2.5, -3], t: [true, false] }],
    ['"""triple"""', 'triple'],
    ['f"hello {name}"', undefined],
    ['some_variable', undefined],
    ['{"unclosed": 1', undefined],
  ])('%j', (source, value) => {
    expect(parsePythonLiteral(source)).toEqual(value);
  });
});
