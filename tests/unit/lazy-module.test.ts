import { describe, expect, it } from 'vitest';
import { lazyModule } from '../../src/core/lazy-module.ts';

describe('lazyModule', () => {
  it('loads once, on the first get, and hands every caller the same module', async () => {
    let loads = 0;
    const code = lazyModule(async () => ({ n: ++loads }));
    expect(loads).toBe(0);
    const [a, b] = await Promise.all([code.get(), code.get()]);
    expect(a).toBe(b);
    expect(loads).toBe(1);
  });

  it('tries a failed download again on the next get', async () => {
    let attempt = 0;
    const code = lazyModule(async () => {
      if (attempt++ === 0) throw new TypeError('Failed to fetch dynamically imported module');
      return 'loaded';
    });
    await expect(code.get()).rejects.toThrow('Failed to fetch');
    await expect(code.get()).resolves.toBe('loaded');
  });

  it('retries a browser download under a fresh URL, because the browser keeps the failed fetch', async () => {
    // Chromium's message for an import() that could not be fetched; the same URL would fail again.
    const url = 'http://localhost:4321/_astro/checkers.Dg1jnYxC.js';
    const asked: string[] = [];
    let loads = 0;
    const code = lazyModule(
      () => (
        loads++,
        Promise.reject(new TypeError(`Failed to fetch dynamically imported module: ${url}`))
      ),
      async (fresh) => {
        asked.push(fresh);
        if (asked.length === 1)
          throw new TypeError(`Failed to fetch dynamically imported module: ${fresh}`);
        return 'loaded';
      },
    );
    await expect(code.get()).rejects.toThrow('Failed to fetch');
    await expect(code.get()).rejects.toThrow('Failed to fetch');
    await expect(code.get()).resolves.toBe('loaded');
    expect(loads).toBe(1);
    expect(asked).toEqual([`${url}?retry=1`, `${url}?retry=2`]);
  });

  it('preload starts the download and keeps a failure quiet', async () => {
    let loads = 0;
    const code = lazyModule(() => (loads++, Promise.reject(new Error('offline'))));
    code.preload();
    expect(loads).toBe(1);
    await expect(code.get()).rejects.toThrow('offline');
  });
});
