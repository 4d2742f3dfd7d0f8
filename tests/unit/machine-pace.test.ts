import { describe, expect, it } from 'vitest';
import { measureTimeScale, timeScale } from '../machine-pace.ts';

describe('time limits scale with how busy the machine is', () => {
  it('an idle machine keeps the limits as written, on any number of cores', () => {
    expect(measureTimeScale(2, 0)).toBe(1);
    expect(measureTimeScale(16, 0.5)).toBe(1);
  });

  it('a 2-core machine with both cores busy gets more time, within a ceiling', () => {
    expect(measureTimeScale(2, 3)).toBe(2.5);
    expect(measureTimeScale(2, 40)).toBe(6);
  });

  it('is measured once per run and handed on through the environment', () => {
    const env: NodeJS.ProcessEnv = {};
    const first = timeScale(env);
    expect(env['LAYERWISE_TIME_SCALE']).toBe(String(first));
    expect(timeScale({ LAYERWISE_TIME_SCALE: '3' })).toBe(3);
  });
});
