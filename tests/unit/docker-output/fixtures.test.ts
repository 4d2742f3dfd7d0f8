/**
 * Every real output fixture against its checked-in expected explanation (regenerate with
 * `npx tsx scripts/capture-fixtures/expect.ts`, then read the diff), its provenance, and the
 * contract in shared/contracts/explain.schema.json.
 */
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { explain } from '../../../src/core/docker-output/index.ts';
import { fixtures } from './fixtures.ts';

const SCHEMA = new URL('../../../../shared/contracts/explain.schema.json', import.meta.url);
const validate = new Ajv2020({ strict: false }).compile(JSON.parse(readFileSync(SCHEMA, 'utf8')));
const all = fixtures();

describe('docker-output fixtures', () => {
  it('has at least 40 real captures from the lab and public outputs for what it cannot produce', () => {
    expect(all.filter((f) => f.name.startsWith('lab/')).length).toBeGreaterThanOrEqual(40);
    expect(all.filter((f) => f.name.startsWith('public/')).length).toBeGreaterThanOrEqual(10);
  });

  it.each(all.map((f) => [f.name, f] as const))('%s: explain matches the expected file', (_, f) => {
    expect(f.expected, `missing ${f.expectedPath}`).toBeDefined();
    expect(explain(f.text)).toEqual(f.expected);
  });

  it.each(all.map((f) => [f.name, f] as const))('%s: says where it came from', (name, f) => {
    if (name.startsWith('lab/')) {
      expect(f.meta.command).toBeTruthy();
      expect(f.meta.versions?.['engine']).toBeTruthy();
    } else expect(f.meta.source).toMatch(/https:\/\/github\.com\//);
  });

  it.each(all.map((f) => [f.name, f] as const))('%s: keeps to the explain contract', (_, f) => {
    const result = explain(f.text);
    expect(validate(result), JSON.stringify(validate.errors)).toBe(true);
    for (const part of result.parts) {
      const field = {
        build: 'build',
        images: 'images',
        ps: 'ps',
        history: 'history',
        'run-error': 'runError',
        'container-log': 'containerLog',
        curl: 'curl',
      }[part.kind as string];
      const present = [
        'build',
        'images',
        'ps',
        'history',
        'runError',
        'containerLog',
        'curl',
      ].filter((k) => k in part);
      expect(present).toEqual(field ? [field] : []);
      expect(part.lines[0]).toBeLessThanOrEqual(part.lines[1]);
    }
  });
});
