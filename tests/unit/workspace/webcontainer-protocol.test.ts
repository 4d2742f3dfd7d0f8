/** The requests `docker`/`curl`/`edit` send from WebContainer, read out of the terminal stream. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCommandLine, wordText } from '../../../src/core/sandbox/shell/parse.ts';
import {
  commandLine,
  extractRequests,
  holdsTerminal,
  OSC_END,
  OSC_START,
  publishedPorts,
} from '../../../src/islands/webcontainer/protocol.ts';

const request = { id: 'r1', argv: ['docker', 'ps'], cwd: '/home/layerwise/demo' };
const osc = (value: unknown) => `${OSC_START}${btoa(JSON.stringify(value))}${OSC_END}`;

describe('extractRequests', () => {
  it.each([
    ['text without requests passes through', 'hello\r\n', 'hello\r\n', 0, ''],
    ['a request is taken out of the text around it', `a${osc(request)}b`, 'ab', 1, ''],
    ['two requests in one chunk', `${osc(request)}${osc({ ...request, id: 'r2' })}`, '', 2, ''],
    [
      'a sequence cut by the chunk end waits for the next chunk',
      `a${osc(request).slice(0, 12)}`,
      'a',
      0,
      osc(request).slice(0, 12),
    ],
    [
      'a chunk ending in the first bytes of the marker keeps them',
      `prompt$ \x1b]77`,
      'prompt$ ',
      0,
      '\x1b]77',
    ],
    ['a damaged payload is dropped, not shown', `x${OSC_START}not-base64!${OSC_END}y`, 'xy', 0, ''],
    [
      'a payload of the wrong shape is dropped',
      `${osc({ id: '../../etc', argv: 'ls', cwd: 1 })}`,
      '',
      0,
      '',
    ],
    [
      'other escape sequences are left alone',
      '\x1b[1;32mgreen\x1b[0m',
      '\x1b[1;32mgreen\x1b[0m',
      0,
      '',
    ],
  ])('%s', (_name, chunk, text, requests, rest) => {
    const out = extractRequests(chunk);
    expect(out.text).toBe(text);
    expect(out.requests).toHaveLength(requests);
    expect(out.rest).toBe(rest);
  });

  it('any split of a stream into chunks gives the same text and requests', () => {
    const stream = `$ docker build .\r\n${osc(request)}building…\r\n${osc({ ...request, id: 'r2', argv: ['curl', 'localhost:8000'] })}done\r\n`;
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: stream.length - 1 }), { maxLength: 8 }),
        (cuts) => {
          const points = [0, ...cuts.sort((a, b) => a - b), stream.length];
          let rest = '';
          let text = '';
          const ids: string[] = [];
          for (let i = 1; i < points.length; i++) {
            const out = extractRequests(rest + stream.slice(points[i - 1], points[i]));
            rest = out.rest;
            text += out.text;
            ids.push(...out.requests.map((r) => r.id));
          }
          expect(text + rest).toBe('$ docker build .\r\nbuilding…\r\ndone\r\n');
          expect(ids).toEqual(['r1', 'r2']);
        },
      ),
    );
  });
});

describe('commandLine', () => {
  it('the sandbox reads back exactly the words it was given', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !/[\n\r]/.test(s)),
          { minLength: 1, maxLength: 6 },
        ),
        (argv) => {
          const parsed = parseCommandLine(commandLine(['docker', ...argv]));
          if (parsed.kind !== 'ok') throw new Error(`${commandLine(argv)}: ${parsed.kind}`);
          expect(parsed.items[0]!.pipeline[0]!.words.map(wordText)).toEqual(['docker', ...argv]);
        },
      ),
    );
  });

  it.each([
    [['docker', 'build', '-t', 'demo-image', '.'], 'docker build -t demo-image .'],
    [
      ['curl', '-H', 'Accept: text/plain', 'localhost:8000'],
      "curl -H 'Accept: text/plain' localhost:8000",
    ],
    [['echo', "it's"], "echo 'it'\\''s'"],
  ])('%j → %s', (argv, line) => expect(commandLine(argv)).toBe(line));
});

describe('holdsTerminal', () => {
  it.each([
    [['docker', 'run', '-p', '8000:8000', 'demo-image'], 'add -d'],
    [['docker', 'container', 'run', 'demo-image'], 'add -d'],
    [['docker', 'run', '-d', '-p', '8000:8000', 'demo-image'], null],
    [['docker', 'run', '-dp', '8000:8000', 'demo-image'], null],
    [['docker', 'run', '--detach', 'demo-image'], null],
    [['docker', 'logs', '-f', 'web'], 'without -f'],
    [['docker', 'logs', 'web'], null],
    [['docker', 'attach', 'web'], 'not available'],
    [['docker', 'build', '.'], null],
    [['curl', '-d', 'x', 'localhost:8000'], null],
  ])('%j', (argv, message) => {
    const said = holdsTerminal(argv);
    if (message === null) expect(said).toBeNull();
    else expect(said).toContain(message);
  });
});

describe('publishedPorts', () => {
  it.each([
    [['docker', 'run', '-d', '-p', '8000:8000', 'demo-image'], [8000]],
    [['docker', 'run', '-d', '-p', '127.0.0.1:8080:8000', 'demo-image'], [8080]],
    [
      ['docker', 'run', '-d', '--publish=9000:8000/tcp', '-p8001:80', 'demo-image'],
      [9000, 8001],
    ],
    [['docker', 'run', '-d', '-p', '8000', 'demo-image'], []],
    [['docker', 'run', '-d', '-P', 'demo-image'], []],
    [['docker', 'run', '-d', '-p', 'x:8000', 'demo-image'], []],
    [['docker', 'run', '-dp', '8000:8000', 'demo-image'], [8000]],
    // After the image, words belong to the container's command, as docker run reads them.
    [['docker', 'run', '-d', 'demo-image', 'python', '-p', '8000:8000'], []],
    [['docker', 'container', 'run', '-d', '--name', 'web', '-p', '8080:80', 'demo-image'], [8080]],
  ])('%j → %j', (argv, ports) => expect(publishedPorts(argv)).toEqual(ports));
});
