/**
 * code-reloaded (lesson 8) against real output: the lab's captures of the bind-mount loop
 * (content/outputs/dev-*.txt, Engine 28.5) and python's recording of a reload whose edit does not
 * import (tests/fixtures/python/real/3.14-slim/reload.json, Uvicorn 0.53 on the lab's python:3.14-slim).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { check } from '../../../src/core/checkers/index.ts';

const output = (name: string) =>
  readFileSync(new URL(`../../../content/outputs/${name}.txt`, import.meta.url), 'utf8');
const recorded = JSON.parse(
  readFileSync(
    new URL('../../fixtures/python/real/3.14-slim/reload.json', import.meta.url),
    'utf8',
  ),
) as { steps: { edit: string; stderr: string }[] };
const logsAfter = (edit: string) =>
  `$ docker logs demo\n${recorded.steps.find((s) => s.edit === edit)!.stderr}`;
/** the lab's curl before the edit: the old answer */
const oldAnswer = output('dev-run').slice(output('dev-run').indexOf('$ curl'));

const judge = (text: string) => check('code-reloaded', { source: 'paste', text });
const failing = (text: string) =>
  judge(text)
    .checks.filter((c) => !c.ok)
    .map((c) => c.id);

describe('code-reloaded: the edit reaches the running container', () => {
  it('passes the lab’s reload and the new answer', () => {
    const v = judge(output('dev-reloaded'));
    expect(v.status).toBe('pass');
    expect(v.checks.map((c) => c.id)).toEqual(['reloader', 'reloaded', 'restarted', 'new-answer']);
    expect(v.checks[1]!.message).toContain("'app/main.py'");
    expect(v.checks[3]!.message).toContain('"Welcome back to root!"');
  });

  it('fails a log with no reload yet (before any edit)', () => {
    expect(failing(output('dev-run'))).toEqual(['reloaded', 'restarted', 'new-answer']);
  });

  it('fails a container started without --reload', () => {
    expect(failing(output('run-logs'))).toEqual([
      'reloader',
      'reloaded',
      'restarted',
      'new-answer',
    ]);
  });

  it('says why the edited code did not start', () => {
    const v = judge(logsAfter('unterminated string'));
    expect(failing(logsAfter('unterminated string'))).toEqual(['restarted', 'new-answer']);
    const restarted = v.checks.find((c) => c.id === 'restarted')!;
    expect(restarted.message).toContain('SyntaxError: unterminated string literal');
    expect(restarted.line).toBeGreaterThan(1);
  });

  it('fails a reload when curl still gets the old message, or is missing', () => {
    const reloaded = logsAfter('Welcome to root -> Welcome back');
    expect(failing(`${reloaded}${oldAnswer}`)).toEqual(['new-answer']);
    expect(failing(reloaded)).toEqual(['new-answer']);
  });

  it('does not read other output as this exercise', () => {
    expect(judge(output('build-first')).status).toBe('unrecognized');
    expect(judge('').status).toBe('unrecognized');
  });
});
