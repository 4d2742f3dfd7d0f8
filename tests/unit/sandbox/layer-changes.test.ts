import { describe, expect, it } from 'vitest';
import { manualClock } from '../../../src/core/sandbox/host/clock.ts';
import { Vfs } from '../../../src/core/sandbox/host/vfs.ts';
import { layerChanges } from '../../../src/core/sandbox/docker/layer-changes.ts';

function image() {
  const clock = manualClock();
  const fs = new Vfs(clock);
  for (const dir of ['/etc', '/tmp', '/srv', '/usr/share/doc/pkg'])
    fs.mkdir(dir, { parents: true });
  fs.write('/etc/group', 'root:x:0:\n');
  fs.write('/usr/share/doc/pkg/README', 'docs\n');
  return { clock, fs };
}

const shown = (changes: { kind: string; path: string }[]) =>
  changes.map((c) => `${c.kind} ${c.path}`);

describe('docker diff: a container layer over its image', () => {
  it('a fresh container has no changes', () => {
    const { fs } = image();
    expect(layerChanges(fs, fs.clone())).toEqual([]);
  });

  it('added, changed and deleted paths, each directory above a change as C, sorted', () => {
    const { clock, fs } = image();
    const c = fs.clone();
    clock.advance(1000);
    c.write('/tmp/hello.txt', '');
    c.mkdir('/srv/data/deep', { parents: true });
    c.write('/srv/data/deep/note.txt', 'hi\n');
    c.remove('/usr/share/doc', { recursive: true });
    c.write('/etc/group', 'root:x:0:\n'); // same text, a new time: overlayfs copied it up
    expect(shown(layerChanges(fs, c))).toEqual([
      'C /etc',
      'C /etc/group',
      'C /srv',
      'A /srv/data',
      'A /srv/data/deep',
      'A /srv/data/deep/note.txt',
      'C /tmp',
      'A /tmp/hello.txt',
      'C /usr',
      'C /usr/share',
      'D /usr/share/doc',
    ]);
  });

  it("a bind mount's files are the host's, not the layer's", () => {
    const { fs } = image();
    const c = fs.clone();
    c.mkdir('/demo');
    c.write('/demo/main.py', 'x = 1\n');
    expect(layerChanges(fs, c, (p) => p === '/demo' || p.startsWith('/demo/'))).toEqual([]);
  });
});
