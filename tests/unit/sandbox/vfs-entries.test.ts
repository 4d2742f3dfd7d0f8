/** A file system saved with entries() and loaded with fromEntries() is the same, owners and modes included. */
import { describe, expect, it } from 'vitest';
import { manualClock } from '../../../src/core/sandbox/host/clock.ts';
import { Vfs } from '../../../src/core/sandbox/host/vfs.ts';

describe('Vfs entries / fromEntries', () => {
  it('round-trips files, folders, modes and owners, sharing nothing with the original', () => {
    const clock = manualClock();
    const fs = new Vfs(clock);
    fs.mkdir('/home/app', { parents: true });
    fs.write('/home/app/run.sh', 'echo hi\n', { mode: 0o755 });
    fs.chown('/home/app', 10001, 10001);
    const copy = Vfs.fromEntries(clock, JSON.parse(JSON.stringify(fs.entries())));
    expect(copy.entries()).toEqual(fs.entries());
    expect(copy.stat('/home/app')).toMatchObject({ uid: 10001, gid: 10001, kind: 'dir' });
    copy.write('/home/app/run.sh', 'changed');
    expect(fs.read('/home/app/run.sh')).toBe('echo hi\n');
  });
});
