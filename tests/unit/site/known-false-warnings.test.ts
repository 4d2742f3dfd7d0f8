import { describe, expect, it } from 'vitest';
import {
  isKnownFalseWarning,
  knownFalseWarnings,
} from '../../../src/node/build/known-false-warnings.ts';

// The warning as `npm run build` printed it on Astro 7.3.5 / Vite 8.3.8 / rolldown 1.2.19
// (2026-12-06), and as withastro/astro#18087 quotes it from a Starlight starter.
const headInject = {
  code: 'MODULE_LEVEL_DIRECTIVE',
  message:
    'The semantics of the module level directive "use astro:head-inject" in "content/lessons/building-the-image.mdx?astroPropagatedAssets" may not be preserved when bundling.',
};

describe('known false build warnings', () => {
  it('drops Astro\'s "use astro:head-inject" directive warning', () => {
    expect(isKnownFalseWarning(headInject)).toBe(true);
    expect(knownFalseWarnings().onLog('warn', headInject)).toBe(false);
  });

  it('keeps any other module-level directive and any other warning', () => {
    const useClient = {
      code: 'MODULE_LEVEL_DIRECTIVE',
      message: headInject.message.replace('use astro:head-inject', 'use client'),
    };
    expect(knownFalseWarnings().onLog('warn', useClient)).toBe(true);
    expect(knownFalseWarnings().onLog('warn', { code: 'EVAL', message: headInject.message })).toBe(
      true,
    );
    expect(knownFalseWarnings().onLog('warn', { message: 'no code at all' })).toBe(true);
  });
});
