/**
 * The stand-ins for FastAPI, Starlette and pydantic answer what the real ones answered: every
 * request of each app's `requests.txt` (tests/fixtures/python/apps) was sent with curl to real FastAPI 0.143
 * (python:3.14-slim on the lab, capture.ts), and is sent here to the same app in the sandbox's CPython.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  handlersStart,
  LOAD_TIMEOUT,
  parseRaw,
  python,
  recording,
  requestsOf,
} from './real-python.ts';

describe.each([
  ['3.14-slim', '0.143.3'],
  ['3.13-slim', '0.115.11'],
])('the handlers app answers as real FastAPI did on %s (%s)', (tag, fastapi) => {
  const real = recording(tag, 'handlers');
  let pid = 0;
  const accessLines: string[] = [];

  beforeAll(async () => {
    const started = await python.start(handlersStart(fastapi));
    expect(started.result.state).toBe('serving');
    pid = started.pid;
  }, LOAD_TIMEOUT);

  const recorded = new Map(real.responses!.map((r) => [r.request, r.raw]));
  it.each(requestsOf('handlers'))('%s', async (line) => {
    const [method, target, ...rest] = line.split(' ');
    const q = target!.indexOf('?');
    const body = rest.join(' ');
    const answer = await python.request(pid, {
      method: method!,
      path: q < 0 ? target! : target!.slice(0, q),
      query: q < 0 ? '' : target!.slice(q + 1),
      headers: [
        ['host', '127.0.0.1:4412'],
        ['user-agent', 'curl/7.88.1'],
        ['accept', '*/*'],
        ...(body ? [['content-type', 'application/json'] as [string, string]] : []),
      ],
      body,
      client: '172.17.0.1:40000',
    });
    const want = parseRaw(recorded.get(line)!);
    // Starlette 0.46 lists a route's methods from a set, in an order that changes between runs.
    const methods = (headers: [string, string][]) =>
      headers.map(([k, v]): [string, string] => [
        k,
        k === 'allow' ? v.split(', ').sort().join(', ') : v,
      ]);
    expect(answer.status).toBe(want.status);
    expect(answer.reason).toBe(want.reason);
    expect(methods(answer.headers)).toEqual(
      methods(want.headers.filter(([k]) => k !== 'date' && k !== 'server')),
    );
    if (method !== 'HEAD') expect(answer.body).toBe(want.body);
    accessLines.push(
      ...answer.output
        .filter(([s]) => s === 'stdout')
        .map(([, t]) => t.replace(/:\d+ - /, ':P - ')),
    );
  });

  it('logs the access lines uvicorn logged', () => {
    expect(accessLines.join('')).toBe(real.stdout.replace(/:\d+ - /g, ':P - '));
  });
});
